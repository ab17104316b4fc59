// Builders of item entries for tests that score without a workbook.
import type { CellValue } from "../../src/domain/grid/sheetGrid";
import type { LoadedModel } from "../../src/domain/model/loadModel";
import type { ItemEntry } from "../../src/domain/scoring/scoreItem";

/** Every question answered with its best option, counts at 100%, surveys at 4: a perfect LKE. */
export function perfectEntries(model: LoadedModel): Map<string, ItemEntry> {
  const out = new Map<string, ItemEntry>();
  for (const q of model.questions) {
    if (q.percent) {
      const counts: Record<string, { value: CellValue }> = {};
      for (const i of q.percent.inputs) counts[i.key] = { value: i.role === "prev" || i.role === "now" || i.role === "aux" ? 0 : 5 };
      out.set(q.code, { counts });
    } else if (q.type === "survey") out.set(q.code, { answer: { value: 4 } });
    else out.set(q.code, { answer: { value: (q.options ?? model.answerTypes[q.type].options)![0]!.key } });
  }
  return out;
}

export function withAnswer(entries: Map<string, ItemEntry>, code: string, value: CellValue): Map<string, ItemEntry> {
  const copy = new Map(entries);
  copy.set(code, { answer: { value } });
  return copy;
}
