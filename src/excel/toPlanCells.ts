// From a WritePlan to what Office.js assigns: plain data in and out, no Office types (tested in
// test/excel/toPlanCells.test.ts). A plan's rows become one rectangle of `formulas` per block of rows:
// - a string starting with "=" is a formula (the plan's contract) and is written as it is;
// - any other string, and a PlanText whatever it starts with, is text and is written behind an apostrophe, so Excel stores it as typed and does not
//   read "12", "TRUE", "1/2", "-x" or "+62…" as a number, a Boolean, a date or a formula;
// - numbers and Booleans are written as they are; null and missing cells are written as "" (empty).
import { columnLetters } from "../domain/grid/address";
import { sheetRef, type PlanValue } from "../domain/formulas/rekapPlan";

export type FormulaCell = string | number | boolean;

/** Rows per `formulas` assignment: Microsoft's suggested block size for large writes (5k–20k rows). */
export const BLOCK_ROWS = 5000;
/** Heading addresses per getRanges() call, to keep each address string short. */
export const HEADINGS_PER_AREAS = 100;

export function toFormulaCell(value: PlanValue | undefined): FormulaCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (typeof value === "object") return value.text === "" ? "" : `'${value.text}`;
  if (value === "" || value.startsWith("=")) return value;
  return `'${value}`;
}

export interface RowBlock {
  /** "A1:G5000", on the planned sheet. */
  address: string;
  formulas: FormulaCell[][];
}

/** The plan's rows as rectangles of at most `blockRows` rows, from A1; none for an empty plan. */
export function toRowBlocks(rows: ReadonlyArray<ReadonlyArray<PlanValue>>, blockRows: number = BLOCK_ROWS): RowBlock[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) return [];
  const last = columnLetters(width - 1);
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rows.length; start += blockRows) {
    const end = Math.min(rows.length, start + blockRows);
    const formulas: FormulaCell[][] = [];
    for (let r = start; r < end; r++) {
      const row = rows[r]!;
      const out: FormulaCell[] = new Array<FormulaCell>(width);
      for (let c = 0; c < width; c++) out[c] = toFormulaCell(row[c]);
      formulas.push(out);
    }
    blocks.push({ address: `A${start + 1}:${last}${end}`, formulas });
  }
  return blocks;
}

/** Heading cells as getRanges() addresses ("A1, A4, A18"), at most `perGroup` cells each. */
export function toHeadingAreas(headings: readonly string[], perGroup: number = HEADINGS_PER_AREAS): string[] {
  const out: string[] = [];
  for (let i = 0; i < headings.length; i += perGroup) out.push(headings.slice(i, i + perGroup).join(", "));
  return out;
}

/**
 * A column width in Excel's character units (as in the .xlsx, and in SheetPlan.columnWidths) as the points
 * RangeFormat.columnWidth takes, for the default font (Calibri 11: a 7-pixel maximum digit width, 96 dpi).
 */
export function charWidthToPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return (pixels * 72) / 96;
}

/** The formula a workbook name is defined with: "='Rekap ZI'!$B$5". */
export function nameFormula(sheet: string, cell: string): string {
  return `=${sheetRef(sheet, cell)}`;
}

/** Whole columns "A:A" … for the widths of a plan. */
export function columnAddress(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}
