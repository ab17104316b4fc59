// A Pilihan Jawaban cell typed over ("Ya" for "Ya/Tidak"): the template's score formula then stops counting the
// row, silently. The engine keeps the model's answer type; this finding tells the unit to restore the cell.
import { toA1 } from "../grid/address";
import { cellText, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import { normalizeText } from "../layout/textSimilarity";
import type { LoadedModel } from "../model/loadModel";
import type { Finding } from "./finding";

export function checkAnswerTypes(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout): Finding[] {
  const col = layout.columns.answerType;
  if (col === undefined) return [];
  const out: Finding[] = [];
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row === undefined) continue;
    const expected = model.answerTypes[q.type].label;
    const found = cellText(sheet, row, col);
    // The template tests this cell with "=", so only what Excel's "=" accepts (any case, nothing else) counts;
    // survey rows are not tested by their formula, so a retyped label there ("Nilai\n(0-4)") is fine.
    const ok = q.type === "survey" ? normalizeText(found) === normalizeText(expected) : found.toUpperCase() === expected.toUpperCase();
    if (ok) continue;
    out.push({
      rule: "answer.type-changed",
      severity: "error",
      sheet: sheet.name,
      cell: toA1(row, col),
      item: q.code,
      params: { found: found.trim(), expected },
    });
  }
  return out;
}
