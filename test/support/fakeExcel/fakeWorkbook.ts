// The state of the simulated Excel host: a workbook held as WorkbookSnapshot grids (so a test can build it
// from readXlsx or from a generated workbook and export it back), plus what Office.js can see or change and a
// snapshot cannot hold: sheet and structure protection, read-only mode, calculation mode, bold cells and
// column widths. Proxies (fakeProxies.ts) read and change it only inside context.sync().
import { columnIndex, columnLetters, toA1 } from "../../../src/domain/grid/address";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import type { SheetChangedArgs, SheetSelectionArgs } from "../../../src/excel/paneApi";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An error as OfficeExtension.Error carries it: a code ("ItemNotFound", "AccessDenied", …) and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeSheet {
  grid: SheetGrid;
  protected: boolean;
  /** Areas made bold through format.font.bold. */
  bold: Box[];
  /** Column widths in points, by zero-based column. */
  columnWidths: Map<number, number>;
  /** Changed since the workbook was built: exported from the grid rather than as it came. */
  dirty: boolean;
}

export interface FakeName {
  name: string;
  /** "='Rekap ZI'!$B$5" */
  formula: string;
}

export type CalculationMode = "Automatic" | "AutomaticExceptTables" | "Manual";

/** An event handler added through a worksheet's onChanged or onSelectionChanged (see fakeProxies.ts). */
export type FakeListener =
  | { sheet: FakeSheet; event: "changed"; handler: (args: SheetChangedArgs) => Promise<unknown> }
  | { sheet: FakeSheet; event: "selectionChanged"; handler: (args: SheetSelectionArgs) => Promise<unknown> };

export interface FakeWorkbookOptions {
  readOnly?: boolean;
  calculationMode?: CalculationMode;
  /** Names of sheets protected as Excel's Review > Protect Sheet does. */
  protectedSheets?: string[];
  /** Workbook structure protected: no sheet can be added. */
  structureProtected?: boolean;
}

/** One thing the host did at a sync, for tests that look at how the gateway wrote. */
export type FakeLogEntry =
  | { kind: "write"; property: "formulas" | "values"; sheet: string; address: string; rows: number; columns: number }
  | { kind: "clear"; sheet: string; address: string }
  | { kind: "bold"; sheet: string; address: string }
  | { kind: "columnWidth"; sheet: string; address: string; points: number }
  | { kind: "addSheet"; sheet: string }
  | { kind: "addName"; name: string; formula: string }
  | { kind: "deleteName"; name: string }
  | { kind: "suspendCalculation" }
  | { kind: "calculate"; type: string }
  // Cell formats, notes, comments and sheets (fakeCellFormats.ts holds the per-cell state):
  | { kind: "format"; sheet: string; address: string; property: "fill" | "fontColor" | "clearFill" | "pattern" | "patternColor" }
  | { kind: "hyperlink"; sheet: string; address: string }
  | { kind: "note" | "comment"; action: "add" | "set" | "delete"; sheet: string; address: string }
  | { kind: "visibility"; sheet: string; visibility: string }
  | { kind: "deleteSheet"; sheet: string }
  // Evaluator columns: answer lists, unlocked cells, sheet protection (fakeProtection.ts):
  | { kind: "validation"; sheet: string; address: string }
  | { kind: "locked"; sheet: string; address: string; locked: boolean }
  | { kind: "protect"; sheet: string; protected: boolean };

export class FakeWorkbook {
  readonly sheets: FakeSheet[];
  names: FakeName[];
  readOnly: boolean;
  calculationMode: CalculationMode;
  structureProtected: boolean;
  readonly log: FakeLogEntry[] = [];
  /** The sheet in front and the range selected on it, as activate() and select() leave them. */
  activeSheet: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Event handlers in force (added and synced, not yet removed). */
  listeners: FakeListener[] = [];

  constructor(snapshot: WorkbookSnapshot, options: FakeWorkbookOptions = {}) {
    const protectedSheets = new Set((options.protectedSheets ?? []).map((n) => n.toLowerCase()));
    this.sheets = snapshot.sheets.map((grid) => ({
      grid: structuredClone(grid),
      protected: protectedSheets.has(grid.name.toLowerCase()),
      bold: [],
      columnWidths: new Map(),
      dirty: false,
    }));
    this.names = snapshot.definedNames.map((n) => ({ name: n.name, formula: `=${n.ref}` }));
    this.readOnly = options.readOnly ?? false;
    this.calculationMode = options.calculationMode ?? "Automatic";
    this.structureProtected = options.structureProtected ?? false;
    this.activeSheet = this.sheets[0];
  }

  /** Calls the handlers of `event` on `sheet` after the current task, as Excel delivers events. */
  fire(sheet: FakeSheet, event: FakeListener["event"], address: string): void {
    for (const l of this.listeners) {
      if (l.sheet !== sheet || l.event !== event) continue;
      if (l.event === "changed") setTimeout(() => void l.handler({ address, source: "Local" }), 0);
      else setTimeout(() => void l.handler({ address }), 0);
    }
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.grid.name.toLowerCase() === key);
  }

  name(name: string): FakeName | undefined {
    const key = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === key);
  }

  addSheet(name: string): FakeSheet {
    if (this.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeOfficeError("InvalidArgument", `Invalid sheet name "${name}".`);
    const sheet: FakeSheet = {
      grid: { name, visibility: "visible", values: [], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 0, colCount: 0 },
      protected: false,
      bold: [],
      columnWidths: new Map(),
      dirty: true,
    };
    this.sheets.push(sheet);
    this.log.push({ kind: "addSheet", sheet: name });
    return sheet;
  }

  /** The workbook as a snapshot: untouched sheets exactly as they came in, changed ones rebuilt from their cells. */
  toSnapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => (s.dirty ? normalizedGrid(s.grid) : structuredClone(s.grid))),
      definedNames: this.names.map((n) => ({ name: n.name, ref: n.formula.replace(/^=/, "") })),
    };
  }
}

function normalizedGrid(grid: SheetGrid): SheetGrid {
  const g = structuredClone(grid);
  let rows = 0;
  let cols = 0;
  const extend = (r: number, c: number) => {
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  };
  g.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && extend(r, c)));
  g.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && extend(r, c)));
  for (const m of g.merges) {
    const b = parseBox(m);
    extend(b.bottom, b.right);
  }
  g.rowCount = rows;
  g.colCount = cols;
  g.values.length = rows;
  g.formulas.length = Math.min(g.formulas.length, rows);
  return g;
}

// ---------------------------------------------------------------------------------------------------------
// Addresses

/** A sheet name as Excel writes it in an address: bare when it is a plain identifier, else quoted. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:G40", "A:A", "3:5", with or without $ and a sheet prefix ("'Rekap ZI'!A1:G40"). */
export function parseBox(address: string): Box {
  const bang = address.lastIndexOf("!");
  const ref = (bang < 0 ? address : address.slice(bang + 1)).trim().replace(/\$/g, "");
  const [a, b = a] = ref.split(":") as [string, string?];
  const end = b!;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d+)$/;
  if (col.test(a) && col.test(end)) {
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(columnIndex(a), columnIndex(end)), right: Math.max(columnIndex(a), columnIndex(end)) };
  }
  if (row.test(a) && row.test(end)) {
    return { top: Math.min(+a, +end) - 1, bottom: Math.max(+a, +end) - 1, left: 0, right: MAX_COLS - 1 };
  }
  const cell = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(s);
    if (!m) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: "${address}".`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
  };
  const s = cell(a);
  const e = cell(end);
  const box = { top: Math.min(s.row, e.row), bottom: Math.max(s.row, e.row), left: Math.min(s.col, e.col), right: Math.max(s.col, e.col) };
  if (box.bottom >= MAX_ROWS || box.right >= MAX_COLS) throw new FakeOfficeError("InvalidArgument", `Out of the sheet: "${address}".`);
  return box;
}

/** The reference part of an address as Excel prints it: "B3:Q222", "C5", "A:A". */
export function boxRef(box: Box): string {
  if (box.top === 0 && box.bottom === MAX_ROWS - 1) return `${columnLetters(box.left)}:${columnLetters(box.right)}`;
  const tl = toA1(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? tl : `${tl}:${toA1(box.bottom, box.right)}`;
}

export function sheetAddress(sheet: string, box: Box): string {
  return `${quoteSheet(sheet)}!${boxRef(box)}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

// ---------------------------------------------------------------------------------------------------------
// Cells

export function cellAt(grid: SheetGrid, row: number, col: number): { value: CellValue; formula: string | undefined } {
  return { value: grid.values[row]?.[col] ?? null, formula: grid.formulas[row]?.[col] };
}

export function setCell(grid: SheetGrid, row: number, col: number, value: CellValue, formula: string | undefined): void {
  if (value === null) {
    const r = grid.values[row];
    if (r && r[col] !== undefined) delete r[col];
  } else {
    (grid.values[row] ??= [])[col] = value;
  }
  if (formula === undefined) {
    const r = grid.formulas[row];
    if (r && r[col] !== undefined) delete r[col];
  } else {
    (grid.formulas[row] ??= [])[col] = formula;
  }
}

/** The bounding box of the cells with a value or a formula (valuesOnly), or also merges, links and bold areas. */
export function usedBox(sheet: FakeSheet, valuesOnly: boolean): Box | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (t: number, l: number, b: number, r: number) => {
    if (t < top) top = t;
    if (l < left) left = l;
    if (b > bottom) bottom = b;
    if (r > right) right = r;
  };
  const g = sheet.grid;
  g.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v !== null && v !== undefined) extend(r, c, r, c);
    }),
  );
  g.formulas.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f !== undefined) extend(r, c, r, c);
    }),
  );
  if (!valuesOnly) {
    for (const b of [...g.merges.map((m) => parseBox(m)), ...Object.keys(g.hyperlinks).map((a1) => parseBox(a1)), ...sheet.bold]) {
      if (b.bottom < MAX_ROWS - 1 && b.right < MAX_COLS - 1) extend(b.top, b.left, b.bottom, b.right);
    }
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

/** The hyperlinks of a sheet by row * MAX_COLS + column. */
export function linksByCell(grid: SheetGrid): Map<number, string> {
  const out = new Map<number, string>();
  for (const [a1, target] of Object.entries(grid.hyperlinks)) {
    const b = parseBox(a1);
    out.set(b.top * MAX_COLS + b.left, target);
  }
  return out;
}

export type ExcelScalar = string | number | boolean;

/** A cell as Range.values shows it: "" when empty (or a formula without a cached result), the error text for an error. */
export function excelValue(value: CellValue): ExcelScalar {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

export function excelValueType(value: CellValue): Excel.RangeValueType | "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}([/-]\d{2,4})?)$/;

/**
 * What Excel stores for one entry of a `formulas` or `values` assignment, as if typed into the cell: "=…" is
 * a formula (its result is not computed here), a leading apostrophe keeps the rest as text, and text that
 * looks like a number, a Boolean, a date or a formula ("+62…", "-x") does not stay text. "" empties the cell.
 */
export function typedEntry(input: unknown): { value: CellValue; formula: string | undefined } {
  if (input === null || input === undefined || input === "") return { value: null, formula: undefined };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", `Not a storable number: ${input}`);
    return { value: input, formula: undefined };
  }
  if (typeof input === "boolean") return { value: input, formula: undefined };
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Not a cell value: ${typeof input}`);
  if (input.startsWith("'")) return { value: input.slice(1), formula: undefined };
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input.slice(1) };
  const t = input.trim();
  if (NUMBER.test(t)) {
    const n = Number(t.replace(",", ".").replace(/%$/, ""));
    return { value: t.endsWith("%") ? n / 100 : n, formula: undefined };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: undefined };
  if (DATE.test(t)) return { value: 45000, formula: undefined }; // some date serial: no longer the text typed
  if (/^[+-]/.test(t)) return { value: null, formula: t }; // Excel reads "+…" and "-…" as formulas
  return { value: input, formula: undefined };
}
