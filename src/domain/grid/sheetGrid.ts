// The neutral snapshot of a worksheet that every gateway produces and the domain reads.
import { tryParseRange, type RangeRef } from "./address";

export interface ExcelError {
  error: string; // "#DIV/0!", "#VALUE!", "#REF!", ...
}

/** A cell's value as Excel shows it (the cached result for formula cells); null is an empty cell. */
export type CellValue = string | number | boolean | null | ExcelError;

export interface ValidationRule {
  /** Space-separated ranges the rule applies to ("K8 K9:K12"). */
  sqref: string;
  type: string; // list | whole | decimal | textLength | ...
  formulae: string[];
}

export interface SheetGrid {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Cached values, [row][col], zero-based; rows and columns beyond the arrays are empty. */
  values: CellValue[][];
  /** Formula text without the leading "=", where the cell holds a formula. */
  formulas: (string | undefined)[][];
  /** Hyperlink targets by A1 address (cell hyperlinks, not HYPERLINK() formulas). */
  hyperlinks: Record<string, string>;
  validations: ValidationRule[];
  merges: string[];
  rowCount: number;
  colCount: number;
}

export interface WorkbookSnapshot {
  sheets: SheetGrid[];
  definedNames: Array<{ name: string; ref: string }>;
}

export function isExcelError(v: CellValue | undefined): v is ExcelError {
  return typeof v === "object" && v !== null && "error" in v;
}

export function cellValue(grid: SheetGrid, row: number, col: number): CellValue {
  return grid.values[row]?.[col] ?? null;
}

export function cellFormula(grid: SheetGrid, row: number, col: number): string | undefined {
  return grid.formulas[row]?.[col];
}

/** The cell's content as display text: "" for empty cells, error codes as written. */
export function cellText(grid: SheetGrid, row: number, col: number): string {
  const v = cellValue(grid, row, col);
  if (v === null) return "";
  if (isExcelError(v)) return v.error;
  return String(v);
}

const mergeIndex = new WeakMap<SheetGrid, Map<number, RangeRef>>();

/** The merged range whose top-left cell is (row, col), if any (merges are indexed once per grid). */
export function mergeAt(grid: SheetGrid, row: number, col: number): RangeRef | undefined {
  let index = mergeIndex.get(grid);
  if (!index || index.size === 0 && grid.merges.length > 0) {
    index = new Map();
    for (const m of grid.merges) {
      const r = tryParseRange(m);
      if (r) index.set(r.start.row * 16_384 + r.start.col, r);
    }
    mergeIndex.set(grid, index);
  }
  return index.get(row * 16_384 + col);
}
