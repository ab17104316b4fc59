// For each target (WBK, WBBM): the cheapest answer changes that make its Pengungkit conditions hold, the cells
// to change, and the Hasil values (surveys, Capaian Kinerja) the unit needs but cannot answer its way to.
import { toA1 } from "../grid/address";
import { cellText } from "../grid/sheetGrid";
import type { LkeAnalysis } from "../report/analyzeLke";
import type { LoadedModel } from "../model/loadModel";
import type { Thresholds } from "../model/lkeModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { scoreItem } from "../scoring/scoreItem";
import { scoreLeaf, type LkeScores } from "../scoring/scoreLke";
import type { Target } from "./predicates";
import { pengungkitGoal, planPengungkit, type PlannedChange } from "./recommend";

export interface Recommendation {
  item: string;
  cell?: string;
  from: string;
  to: string;
  /** Points the total gains from this change, the other recommended changes applied. */
  gain: number;
  /** Answer steps of this change. */
  steps: number;
  target: Target;
}

/** A Hasil value the unit must reach (survey indices, Capaian Kinerja); it cannot be answered up. */
export interface HasilNeed {
  item: string;
  criterion: "ipak" | "capaianKinerja" | "pelayananPrima" | "bersihAkuntabel";
  current: number | null;
  /** The minimum index (surveys, 0–4) or points (Capaian Kinerja, Birokrasi Bersih) required. */
  required: number;
}

/** What the path needs of an analysis (everything but the paths themselves). */
export type AnalysisCore = Omit<LkeAnalysis, "paths">;

export interface TargetPath {
  target: Target;
  /** The Pengungkit conditions can be met by answers alone (with Hasil as it is). */
  reachable: boolean;
  steps: number;
  recommendations: Recommendation[];
  hasilNeeds: HasilNeed[];
}

/** Entries with the planned changes applied. */
export function applyChanges(
  model: LoadedModel,
  entries: ReadonlyMap<string, ItemEntry>,
  changes: readonly PlannedChange[],
): Map<string, ItemEntry> {
  const out = new Map(entries);
  for (const { item, choice } of changes) {
    if (choice.enter === undefined) continue;
    const q = model.questionByCode.get(item)!;
    if (q.percent && choice.countKey) {
      const prev = out.get(item)?.counts ?? {};
      out.set(item, { counts: { ...prev, [choice.countKey]: { value: choice.enter } } });
    } else {
      out.set(item, { answer: { value: choice.enter } });
    }
  }
  return out;
}

function rescore(model: LoadedModel, items: ReadonlyMap<string, ItemScore>, entries: ReadonlyMap<string, ItemEntry>, codes: Iterable<string>): Map<string, ItemScore> {
  const out = new Map(items);
  for (const code of codes) {
    const q = model.questionByCode.get(code)!;
    out.set(code, scoreItem(q, model.answerTypes[q.type], entries.get(code)));
  }
  return out;
}

function hasilNeeds(t: Thresholds, s: LkeScores, a: AnalysisCore): HasilNeed[] {
  const needs: HasilNeed[] = [];
  const survey = (code: string) => {
    const v = a.items.get(code);
    return v?.status === "answered" && v.value !== null ? v.value * 4 : null;
  };
  const EPS = 1e-9;
  if (s.ipak + EPS < t.ipak) needs.push({ item: "B.I.a", criterion: "ipak", current: survey("B.I.a"), required: (t.ipak / 17.5) * 4 });
  if (s.capaianKinerja + EPS < t.capaianKinerja) {
    needs.push({ item: "B.I.b", criterion: "capaianKinerja", current: s.capaianKinerja, required: t.capaianKinerja });
  }
  if (s.bersihAkuntabel + EPS < t.bersihAkuntabel) {
    needs.push({ item: "B.I", criterion: "bersihAkuntabel", current: s.bersihAkuntabel, required: t.bersihAkuntabel });
  }
  if (s.pelayananPrima + EPS < t.pelayananPrima) {
    needs.push({ item: "B.II.a", criterion: "pelayananPrima", current: survey("B.II.a"), required: (t.pelayananPrima / 17.5) * 4 });
  }
  return needs;
}

/** Where a change is typed: the answer cell, or for a `%` item the count cell that changes. */
function changeCell(a: AnalysisCore, change: PlannedChange): { cell?: string; from: string } {
  const col = a.layout.columns.roles[a.role]?.answer;
  const row = change.choice.countKey
    ? a.layout.rows.counts.get(`${change.item}#${change.choice.countKey}`)
    : a.layout.rows.questions.get(change.item);
  if (col === undefined || row === undefined) return { from: "" };
  return { cell: toA1(row, col), from: cellText(a.sheet, row, col) };
}

export function pathToTarget(a: AnalysisCore, target: Target): TargetPath {
  const { model } = a;
  const t = model.thresholds[target];
  const plan = planPengungkit(model, pengungkitGoal(model, t, a.scores.hasil), a.items, a.entries);
  const needs = hasilNeeds(t, a.scores, a);
  if (!plan) return { target, reachable: false, steps: 0, recommendations: [], hasilNeeds: needs };
  const order = new Map(model.questions.map((q, i) => [q.code, i]));
  plan.changes.sort((x, y) => order.get(x.item)! - order.get(y.item)!); // sheet order
  const allEntries = applyChanges(model, a.entries, plan.changes);
  const changed = plan.changes.map((c) => c.item);
  const allItems = rescore(model, a.items, allEntries, changed);
  const recommendations = plan.changes.map((change) => {
    // Leave-one-out: what this change adds to its indicator (hence the total) once the others are in place.
    const leaf = model.parentOf.get(change.item)!;
    const without = new Map(allItems).set(change.item, a.items.get(change.item)!);
    const gain = scoreLeaf(leaf, allItems, "regulation") - scoreLeaf(leaf, without, "regulation");
    return {
      item: change.item,
      ...changeCell(a, change),
      to: String(change.choice.enter),
      gain,
      steps: change.choice.cost,
      target,
    };
  });
  return { target, reachable: true, steps: plan.steps, recommendations, hasilNeeds: needs };
}
