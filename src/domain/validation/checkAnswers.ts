// Findings on the answers: questions left blank, answers the template does not recognise (and what Excel will do
// with them), survey values off the 0–4 scale. Counts of `%` items are checked in checkCounts.ts.
import { toA1 } from "../grid/address";
import { cellText, cellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { LoadedModel } from "../model/loadModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { checkCounts } from "./checkCounts";
import type { Finding } from "./finding";

export function checkAnswers(
  model: LoadedModel,
  sheet: SheetGrid,
  layout: LkeLayout,
  answerCol: number,
  items: ReadonlyMap<string, ItemScore>,
  entries: ReadonlyMap<string, ItemEntry>,
): Finding[] {
  const out: Finding[] = [];
  const base = { sheet: sheet.name };
  for (const q of model.questions) {
    const item = items.get(q.code);
    if (!item) continue;
    if (q.percent) {
      out.push(...checkCounts(q, layout, answerCol, sheet, item, entries.get(q.code)));
      continue;
    }
    const row = layout.rows.questions.get(q.code);
    if (row === undefined) continue; // reported as layout.unmatched
    const cell = toA1(row, answerCol);
    const value = cellText(sheet, row, answerCol);
    const options = q.options ?? model.answerTypes[q.type].options ?? [];
    if (item.status === "answered") {
      // "ya" counts as Ya (Excel compares case-insensitively), but other tools may not: say so, gently.
      if (options.length > 0 && !options.some((o) => o.key === value)) {
        const key = options.find((o) => o.key.toUpperCase() === value.toUpperCase())?.key ?? "";
        out.push({ ...base, rule: "answer.noncanonical", severity: "info", cell, item: q.code, params: { value, key } });
      } else if (q.type === "survey" && typeof cellValue(sheet, row, answerCol) === "string") {
        out.push({ ...base, rule: "answer.noncanonical", severity: "info", cell, item: q.code, params: { value, key: value.trim() } });
      }
      continue;
    }
    if (item.status === "blank") {
      out.push({ ...base, rule: "answer.missing", severity: "error", cell, item: q.code, params: { type: model.answerTypes[q.type].label } });
    } else if (item.problem === "out-of-range") {
      const n = Number(cellValue(sheet, row, answerCol));
      out.push({ ...base, rule: "survey.out-of-range", severity: "error", cell, item: q.code, params: { value, scale: n > 4 && n <= 100 ? "0-100" : "" } });
    } else {
      const trimmed = options.find((o) => o.key.toUpperCase() === value.trim().toUpperCase());
      out.push({
        ...base,
        rule: "answer.invalid",
        severity: "error",
        cell,
        item: q.code,
        params: { value, options: options.map((o) => o.key).join(", "), ...(trimmed ? { stray: trimmed.key } : {}) },
      });
    }
  }
  return out;
}
