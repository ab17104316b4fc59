// From what Office.js returns for a worksheet to the neutral SheetGrid: plain arrays in, plain data out, no
// Office types, so every rule here is tested without Excel (test/excel/toSheetGrid.test.ts).
//
// What Excel returns, and what the grid wants:
// - `values` holds "" for an empty cell and the error text ("#DIV/0!") for an error; `valueTypes` tells them
//   apart from text that merely looks like that ("Empty", "Error"). Empty cells become absent (null), errors
//   { error }.
// - `formulas` holds "=…" for a formula cell and the constant otherwise; the grid keeps the text after "=".
// - the used range starts where the content starts ("'LKE ZI'!B3:Q222"): the grid is placed from A1.
// - hyperlinks come per cell from getCellProperties({ hyperlink: true }); as the .xlsx reader does, only links
//   to an address outside the workbook count, and a merged range keeps its top-left cell's link only.
// - merged areas come as one RangeAreas address ("Sheet1!B1:M1, Sheet1!B2:G2").
import { columnIndex, toA1 } from "../domain/grid/address";
import type { CellValue, SheetGrid } from "../domain/grid/sheetGrid";

/** Error values Excel shows in `values` (ExcelApi's RangeValueType "Error"). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!", "#TIMEOUT!",
]);

export interface CellHyperlinkData {
  hyperlink?: { address?: string; documentReference?: string } | null;
}

/** A worksheet's used range as Office.js loads it (address, values, formulas, valueTypes) plus its hyperlinks. */
export interface UsedRangeData {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  /** RangeValueType per cell ("Empty", "String", "Double", "Boolean", "Error", …); without it "" is empty. */
  valueTypes?: string[][];
  hyperlinks?: CellHyperlinkData[][];
}

export interface WorksheetData {
  name: string;
  /** Excel's SheetVisibility: "Visible", "Hidden", "VeryHidden". */
  visibility: string;
  /** Undefined for a sheet without content (getUsedRangeOrNullObject gave a null object). */
  used: UsedRangeData | undefined;
  /** RangeAreas.address of the merged areas, where they were read (ExcelApi 1.13). */
  mergedAreas?: string;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Splits "'It''s'!A1:B2" into the sheet name ("It's") and the reference ("A1:B2"); no sheet for "A1". */
export function splitSheetAddress(address: string): { sheet?: string; ref: string } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { ref: text };
  const prefix = text.slice(0, bang);
  const sheet = prefix.startsWith("'") && prefix.endsWith("'") && prefix.length >= 2 ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return { sheet, ref: text.slice(bang + 1) };
}

function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** "Sheet1!B3:Q222", "'LKE ZI'!C5" or "A1:B2" -> the zero-based box. */
export function parseBox(address: string): Box {
  const { ref } = splitSheetAddress(address);
  const [a, b] = ref.split(":");
  const start = parseCell(a!);
  const end = b === undefined ? start : parseCell(b);
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

/** The areas of a RangeAreas address, each as "B1:M1" (top left : bottom right, no sheet, no $). */
export function parseAreasAddress(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  const flush = () => {
    const area = current.trim();
    current = "";
    if (!area) return;
    const box = parseBox(area);
    out.push(`${toA1(box.top, box.left)}:${toA1(box.bottom, box.right)}`);
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice: still quoted
    if (ch === "," && !quoted) flush();
    else current += ch;
  }
  flush();
  return out;
}

/** One cell of `values` as the grid's CellValue. */
export function toCellValue(value: unknown, valueType?: string): CellValue {
  if (valueType === "Empty") return null;
  if (valueType === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return valueType === "String" && value === "" ? "" : null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = String(value);
  if (valueType === undefined && EXCEL_ERRORS.has(text)) return { error: text };
  return text;
}

/** The formula text of one cell of `formulas`, without "=", or undefined for a constant. */
export function toFormula(formula: unknown): string | undefined {
  return typeof formula === "string" && formula.startsWith("=") && formula.length > 1 ? formula.slice(1) : undefined;
}

const VISIBILITY: Record<string, SheetGrid["visibility"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

export function toVisibility(visibility: string): SheetGrid["visibility"] {
  return VISIBILITY[visibility] ?? "visible";
}

/** The worksheet as a SheetGrid, placed from A1. Data validation is not read through Office.js (see officeGateway.ts). */
export function toSheetGrid(sheet: WorksheetData): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const hyperlinks: Record<string, string> = {};
  const merges = sheet.mergedAreas ? parseAreasAddress(sheet.mergedAreas) : [];
  const mergeBoxes = merges.map(parseBox).filter((m) => m.bottom > m.top || m.right > m.left);
  // Cells a merge hides (all but its top left), keyed row * 2^14 + column (Excel has 16,384 columns).
  const hidden = new Set<number>();
  for (const m of mergeBoxes) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) hidden.add(r * 16384 + c);
  }
  const hiddenByMerge = (r: number, c: number) => hidden.size > 0 && hidden.has(r * 16384 + c);
  let rowCount = 0;
  let colCount = 0;

  const used = sheet.used;
  if (used) {
    const origin = parseBox(used.address);
    used.values.forEach((row, r) => {
      const R = origin.top + r;
      row.forEach((raw, c) => {
        const C = origin.left + c;
        const formula = toFormula(used.formulas[r]?.[c]);
        if (hiddenByMerge(R, C)) return;
        const link = used.hyperlinks?.[r]?.[c]?.hyperlink?.address;
        if (link) hyperlinks[toA1(R, C)] = link;
        const value = toCellValue(raw, used.valueTypes?.[r]?.[c]);
        if (value !== null) (values[R] ??= [])[C] = value;
        if (formula !== undefined) (formulas[R] ??= [])[C] = formula;
        if (value !== null || formula !== undefined) {
          rowCount = Math.max(rowCount, R + 1);
          colCount = Math.max(colCount, C + 1);
        }
      });
    });
  }
  for (const m of mergeBoxes) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  if (values.length < rowCount) values.length = rowCount;
  return {
    name: sheet.name,
    visibility: toVisibility(sheet.visibility),
    values,
    formulas,
    hyperlinks,
    validations: [],
    merges,
    rowCount,
    colCount,
  };
}

/** Workbook names as the snapshot lists them: the reference without "=" ("'Rekap ZI'!$B$5"). */
export function toDefinedNames(items: ReadonlyArray<{ name: string; formula: unknown }>): Array<{ name: string; ref: string }> {
  return items.filter((n) => typeof n.formula === "string").map((n) => ({ name: n.name, ref: (n.formula as string).replace(/^=/, "") }));
}
