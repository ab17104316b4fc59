// The few spreadsheet operations the LKE template's formulas use, with Excel's (and LibreOffice's) semantics:
// case-insensitive "=", blanks that equal both "" and 0, text coerced to numbers in arithmetic, errors that
// propagate, AVERAGE and SUM that skip text. Scoring goes through these so that it equals the workbook.
import { isExcelError, type CellValue, type ExcelError } from "../grid/sheetGrid";

export const DIV0: ExcelError = { error: "#DIV/0!" };
export const VALUE: ExcelError = { error: "#VALUE!" };

/** What the template writes for a question nobody has answered. */
export const NOT_FILLED = "Blm Diisi";

export function firstError(...values: CellValue[]): ExcelError | undefined {
  for (const v of values) if (isExcelError(v)) return v;
  return undefined;
}

/** `cell = literal` as a spreadsheet evaluates it (errors propagate). */
export function equals(cell: CellValue, literal: string | number): boolean | ExcelError {
  if (isExcelError(cell)) return cell;
  if (cell === null) return typeof literal === "string" ? literal === "" : literal === 0;
  if (typeof cell === "string" && typeof literal === "string") return cell.toUpperCase() === literal.toUpperCase();
  if (typeof cell === "number" && typeof literal === "number") return cell === literal;
  return false;
}

/** `cell = ""`: true for an empty cell or empty text. */
export function isEmptyText(cell: CellValue): boolean | ExcelError {
  return equals(cell, "");
}

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/** The number a spreadsheet uses for `cell` in arithmetic: blank is 0, numeric text converts, other text fails. */
export function toNumber(cell: CellValue): number | ExcelError {
  if (cell === null) return 0;
  if (typeof cell === "number") return cell;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (isExcelError(cell)) return cell;
  const t = cell.trim();
  if (!NUMERIC_TEXT.test(t)) return VALUE;
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

export function divide(a: CellValue, b: CellValue): number | ExcelError {
  const x = toNumber(a);
  if (isExcelError(x)) return x;
  const y = toNumber(b);
  if (isExcelError(y)) return y;
  return y === 0 ? DIV0 : x / y;
}

export function subtract(a: CellValue, b: CellValue): number | ExcelError {
  const x = toNumber(a);
  if (isExcelError(x)) return x;
  const y = toNumber(b);
  return isExcelError(y) ? y : x - y;
}

export function add(values: CellValue[]): number | ExcelError {
  let sum = 0;
  for (const v of values) {
    const n = toNumber(v);
    if (isExcelError(n)) return n;
    sum += n;
  }
  return sum;
}

/** AVERAGE over cell values: text and blanks skipped, the first error wins, no number gives #DIV/0!. */
export function average(values: CellValue[]): number | ExcelError {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (isExcelError(v)) return v;
    if (typeof v === "number") {
      sum += v;
      count++;
    }
  }
  return count === 0 ? DIV0 : sum / count;
}

/** SUM over referenced cells: text skipped, the first error wins. */
export function sum(values: CellValue[]): number | ExcelError {
  let total = 0;
  for (const v of values) {
    if (isExcelError(v)) return v;
    if (typeof v === "number") total += v;
  }
  return total;
}

/** `value * factor` where value may be the template's "Blm Diisi" text (which gives #VALUE!). */
export function multiply(value: CellValue, factor: number): number | ExcelError {
  const n = value === null ? 0 : toNumber(value);
  return isExcelError(n) ? n : n * factor;
}
