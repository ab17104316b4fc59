// What-if: change some answers, get the new scores and verdicts — cheap enough for every keystroke, since only
// the changed items are re-scored and the sums above them are recomputed.
import type { CellValue } from "../grid/sheetGrid";
import type { LkeAnalysis } from "../report/analyzeLke";
import { scoreItem, type ItemEntry } from "../scoring/scoreItem";
import { scoreLke, type LkeScores } from "../scoring/scoreLke";
import { evaluatePredicates, type Predicate, type PredicateOptions, type Target } from "./predicates";

export interface AnswerChange {
  item: string;
  /** For a `%` item, the count that changes ("num", "den", …); absent for an answer. */
  countKey?: string;
  value: CellValue;
}

export interface WhatIfResult {
  scores: LkeScores;
  predicates: Record<Target, Predicate>;
}

export function whatIf(a: LkeAnalysis, changes: readonly AnswerChange[], options: PredicateOptions = {}): WhatIfResult {
  const { model } = a;
  const items = new Map(a.items);
  const touched = new Map<string, ItemEntry>();
  for (const c of changes) {
    const q = model.questionByCode.get(c.item);
    if (!q) throw new Error(`unknown item ${c.item}`);
    const entry = touched.get(c.item) ?? a.entries.get(c.item) ?? {};
    touched.set(
      c.item,
      c.countKey ? { counts: { ...entry.counts, [c.countKey]: { value: c.value } } } : { answer: { value: c.value } },
    );
  }
  for (const [code, entry] of touched) {
    const q = model.questionByCode.get(code)!;
    items.set(code, scoreItem(q, model.answerTypes[q.type], entry));
  }
  const scores = scoreLke(model, items, "regulation");
  return { scores, predicates: evaluatePredicates(model, scores, options) };
}
