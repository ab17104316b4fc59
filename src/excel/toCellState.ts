// Between Office.js and the cell actions (cellActions.ts): plain data in and out, no Office types, tested in
// test/excel/toCellState.test.ts.
// - The target cells are read per column in short spans ("K8:K40"), so a handful of ranges covers a sheet's
//   flags however many there are, and no range grows with the sheet.
// - A cell as read (formulas, valueTypes, getCellProperties, note, comment) becomes an ObservedCell; what
//   Excel returns for "no fill" is pattern "None" (its colour then reads white), which stays apart from a
//   white fill ("Solid #FFFFFF").
// - What is written back: a cell's content as one `formulas` entry (text behind an apostrophe, so it stays text),
//   and the backup table as text entries.
import type { CellContent, Fill, Hyperlink } from "../domain/actions/backup";
import { normalizeColor } from "../domain/actions/backup";
import type { CellRef, NotesMode, ObservedCell } from "../domain/actions/cellChanges";
import { columnLetters, parseA1, toA1 } from "../domain/grid/address";

/** Rows between two target cells of a column below which one range reads both (and the cells between). */
export const SPAN_GAP = 16;
/** Rows of one span at most: keeps each getCellProperties answer small (Excel on the web: 5 MB a response). */
export const SPAN_ROWS = 1000;

export interface CellSpan {
  sheet: string;
  col: number;
  /** Zero-based rows of the span's first and last cells. */
  top: number;
  bottom: number;
  /** "K8:K40" (or "K8"), without the sheet. */
  address: string;
  /** The target rows in the span. */
  rows: number[];
}

/**
 * The targets as column spans, by sheet, column and row; one span per run of targets at most `gap` rows apart
 * and at most `maxRows` rows long.
 */
export function toCellSpans(targets: readonly CellRef[], gap: number = SPAN_GAP, maxRows: number = SPAN_ROWS): CellSpan[] {
  const byColumn = new Map<string, { sheet: string; col: number; rows: number[] }>();
  for (const t of targets) {
    const { row, col } = parseA1(t.address);
    const key = `${t.sheet}\u0001${col}`;
    const entry = byColumn.get(key) ?? { sheet: t.sheet, col, rows: [] };
    entry.rows.push(row);
    byColumn.set(key, entry);
  }
  const spans: CellSpan[] = [];
  for (const { sheet, col, rows } of byColumn.values()) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let current: number[] = [];
    const flush = () => {
      if (current.length === 0) return;
      const top = current[0]!;
      const bottom = current[current.length - 1]!;
      const letters = columnLetters(col);
      spans.push({ sheet, col, top, bottom, address: top === bottom ? `${letters}${top + 1}` : `${letters}${top + 1}:${letters}${bottom + 1}`, rows: current });
      current = [];
    };
    for (const row of sorted) {
      if (current.length > 0 && (row - current[current.length - 1]! > gap || row - current[0]! >= maxRows)) flush();
      current.push(row);
    }
    flush();
  }
  return spans;
}

/** What getCellProperties is asked for each target cell. */
export const CELL_PROPERTIES = {
  hyperlink: true,
  format: { fill: { color: true, pattern: true, patternColor: true }, font: { color: true, bold: true } },
} as const;

/** One cell of getCellProperties(CELL_PROPERTIES), as far as the actions use it. */
export interface CellPropertiesData {
  hyperlink?: { address?: string; documentReference?: string; screenTip?: string } | null;
  format?: {
    fill?: { color?: string; pattern?: string; patternColor?: string };
    font?: { color?: string; bold?: boolean | null };
  };
}

/** A cell's `formulas` entry and valueType as its content: a formula, a constant of its type, or empty. */
export function toCellContent(formula: unknown, valueType: string | undefined): CellContent {
  if (typeof formula === "string" && formula.startsWith("=") && formula.length > 1) return { type: "formula", formula };
  if (valueType === "Empty" || (valueType === undefined && (formula === "" || formula === null || formula === undefined))) return { type: "empty" };
  if (valueType === "Error") return { type: "error", error: String(formula) };
  if (typeof formula === "boolean") return { type: "boolean", value: formula };
  if (typeof formula === "number") return { type: "number", number: formula };
  return { type: "text", text: formula === null || formula === undefined ? "" : String(formula) };
}

/** A cell's fill as getCellProperties gives it: pattern "None" is no fill, whatever colour comes with it. */
export function toFill(fill: { color?: string; pattern?: string; patternColor?: string } | undefined): Fill {
  const pattern = fill?.pattern ?? (fill?.color ? "Solid" : "None");
  if (pattern === "None" || !fill?.color) return { pattern: "None" };
  const color = normalizeColor(fill.color);
  if (pattern === "Solid") return { pattern, color };
  return { pattern, color, ...(fill.patternColor ? { patternColor: normalizeColor(fill.patternColor) } : {}) };
}

/** A cell's hyperlink (address, document reference, screen tip); null where it has none. */
export function toHyperlink(link: CellPropertiesData["hyperlink"]): Hyperlink | null {
  if (!link) return null;
  const out: Hyperlink = {};
  if (link.address) out.address = link.address;
  if (link.documentReference) out.documentReference = link.documentReference;
  if (link.screenTip) out.screenTip = link.screenTip;
  return out.address || out.documentReference ? out : null;
}

export interface CellReading {
  formula: unknown;
  valueType: string | undefined;
  properties: CellPropertiesData | undefined;
  /** The note's text, null for no note; undefined where notes were not read. */
  note: string | null | undefined;
  /** The threaded comment on the cell, where comments were read. */
  comment: { id: string; content: string } | undefined;
}

export function toObservedCell(cell: CellReading, mode: NotesMode): ObservedCell {
  const font = cell.properties?.format?.font;
  const observed: ObservedCell = {
    content: toCellContent(cell.formula, cell.valueType),
    hyperlink: toHyperlink(cell.properties?.hyperlink),
    fill: toFill(cell.properties?.format?.fill),
    fontColor: font?.color ? normalizeColor(font.color) : null,
    bold: typeof font?.bold === "boolean" ? font.bold : null,
    note: undefined,
  };
  if (cell.comment) {
    observed.note = { kind: "comment", text: cell.comment.content };
    observed.commentId = cell.comment.id;
  } else if (mode === "notes" && cell.note !== undefined) {
    observed.note = cell.note === null ? { kind: "none" } : { kind: "note", text: cell.note };
  }
  // Without the notes API a note cannot be seen: the cell's note is unknown (undefined), not "none".
  return observed;
}

/** A content as one entry of a `formulas` assignment: text behind an apostrophe stays text ("" empties the cell). */
export function toFormulaEntry(content: CellContent): string | number | boolean {
  switch (content.type) {
    case "empty":
      return "";
    case "formula":
      return content.formula;
    case "text":
      return `'${content.text}`;
    case "number":
      return content.number;
    case "boolean":
      return content.value;
    case "error":
      return content.error;
  }
}

/** The backup table's rows as `formulas` entries: every field text, "" left empty; padded to `height` × `width`. */
export function toTextBlock(rows: ReadonlyArray<ReadonlyArray<string>>, height: number, width: number): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    const line = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? "";
      line[c] = v === "" ? "" : `'${v}`;
    }
    out.push(line);
  }
  return out;
}

/** "A1:R12" for a block of `height` rows and `width` columns from A1. */
export function blockAddress(height: number, width: number): string {
  return `A1:${toA1(Math.max(0, height - 1), Math.max(0, width - 1))}`;
}

/** Whether a defined name's formula ("='Rekap ZI'!$B$5") refers to one of `sheets`. */
export function refersToSheet(formula: string, sheets: readonly string[]): boolean {
  return sheets.some((sheet) => {
    const quoted = `'${sheet.replace(/'/g, "''")}'!`;
    if (formula.includes(quoted)) return true;
    const plain = new RegExp(`(^|[^A-Za-z0-9_.'])${sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`);
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && plain.test(formula);
  });
}
