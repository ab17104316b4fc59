// What the unit (or an evaluator) entered for each item, read from the rows and columns the layout found.
import { cellFormula, cellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LoadedModel } from "../model/loadModel";
import type { Question } from "../model/lkeModel";
import type { EnteredCell, ItemEntry } from "../scoring/scoreItem";
import type { Role } from "./findHeader";
import type { LkeLayout } from "./detectLayout";

function entered(sheet: SheetGrid, row: number, col: number): EnteredCell {
  const cell: EnteredCell = { value: cellValue(sheet, row, col) };
  if (cellFormula(sheet, row, col) !== undefined) cell.isFormula = true;
  return cell;
}

export function readEntries(sheet: SheetGrid, layout: LkeLayout, model: LoadedModel, role: Role): Map<string, ItemEntry> {
  const out = new Map<string, ItemEntry>();
  const col = layout.columns.roles[role]?.answer;
  if (col === undefined) return out;
  for (const q of model.questions) {
    if (q.percent) {
      const counts: NonNullable<ItemEntry["counts"]> = {};
      for (const input of q.percent.inputs) {
        const row = layout.rows.counts.get(`${q.code}#${input.key}`);
        if (row !== undefined) counts[input.key] = entered(sheet, row, col);
      }
      out.set(q.code, { counts });
      continue;
    }
    const row = layout.rows.questions.get(q.code);
    if (row !== undefined) out.set(q.code, { answer: entered(sheet, row, col) });
  }
  return out;
}

/** The rows of one item the layout found: its question row, then the rows of its counts (`%` items). */
export function itemRows(layout: LkeLayout, q: Question): number[] {
  const rows: number[] = [];
  const row = layout.rows.questions.get(q.code);
  if (row !== undefined) rows.push(row);
  for (const input of q.percent?.inputs ?? []) {
    const r = layout.rows.counts.get(`${q.code}#${input.key}`);
    if (r !== undefined) rows.push(r);
  }
  return rows;
}
