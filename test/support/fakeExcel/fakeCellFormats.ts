// What the simulated host keeps per cell beyond a snapshot's values, formulas and links: fill, font colour and
// boldness, notes (ExcelApi 1.18), threaded comments (ExcelApi 1.10) and the parts of a hyperlink a snapshot
// does not hold (document reference, screen tip). Kept beside each FakeSheet (not in it), so that the workbook
// model and its snapshot export stay as they are; `styleSnapshot` exports all of it for comparison, and the
// `set…` helpers let a test give a workbook the formatting a real one has before the add-in touches it.
import { parseA1, toA1 } from "../../../src/domain/grid/address";
import { FakeOfficeError, MAX_COLS, type FakeSheet, type FakeWorkbook } from "./fakeWorkbook";

/** A fill as Office.js reports it: no fill is pattern "None" (Excel then reports the colour as white). */
export interface FakeFill {
  pattern: string;
  color: string;
  patternColor?: string;
}

export interface FakeCellFormat {
  fill?: FakeFill;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeCommentData {
  id: string;
  content: string;
}

export interface SheetExtras {
  formats: Map<number, FakeCellFormat>;
  notes: Map<number, string>;
  comments: Map<number, FakeCommentData>;
  /** Hyperlink parts beyond the address (which the grid holds). */
  linkExtras: Map<number, { documentReference?: string; screenTip?: string }>;
}

export const DEFAULT_FONT_COLOR = "#000000";
export const NO_FILL: FakeFill = { pattern: "None", color: "#FFFFFF" };

const extras = new WeakMap<FakeSheet, SheetExtras>();
let commentSeq = 0;

export function extrasOf(sheet: FakeSheet): SheetExtras {
  let e = extras.get(sheet);
  if (!e) {
    e = { formats: new Map(), notes: new Map(), comments: new Map(), linkExtras: new Map() };
    extras.set(sheet, e);
  }
  return e;
}

export function cellIndex(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function newCommentId(): string {
  commentSeq++;
  return `{fake-comment-${commentSeq}}`;
}

export function formatAt(sheet: FakeSheet, row: number, col: number): FakeCellFormat {
  return extrasOf(sheet).formats.get(cellIndex(row, col)) ?? {};
}

export function updateFormat(sheet: FakeSheet, row: number, col: number, change: (f: FakeCellFormat) => void): void {
  const formats = extrasOf(sheet).formats;
  const key = cellIndex(row, col);
  const f = { ...(formats.get(key) ?? {}) };
  change(f);
  if (f.fill === undefined || f.fill.pattern === "None") delete f.fill;
  if (f.fontColor === undefined || f.fontColor === DEFAULT_FONT_COLOR) delete f.fontColor;
  if (f.bold === undefined || f.bold === false) delete f.bold;
  if (Object.keys(f).length === 0) formats.delete(key);
  else formats.set(key, f);
}

function sheetOf(workbook: FakeWorkbook, name: string): FakeSheet {
  const s = workbook.sheet(name);
  if (!s) throw new FakeOfficeError("ItemNotFound", `no sheet "${name}"`);
  return s;
}

/** Gives a cell the formatting a user gave it (fill "None" for no fill; "#FFFFFF" is a white fill). */
export function setCellStyle(workbook: FakeWorkbook, sheet: string, a1: string, style: { fill?: FakeFill; fontColor?: string; bold?: boolean }): void {
  const { row, col } = parseA1(a1);
  updateFormat(sheetOf(workbook, sheet), row, col, (f) => {
    if (style.fill !== undefined) f.fill = style.fill;
    if (style.fontColor !== undefined) f.fontColor = style.fontColor;
    if (style.bold !== undefined) f.bold = style.bold;
  });
}

/** A note the user wrote on a cell. */
export function setUserNote(workbook: FakeWorkbook, sheet: string, a1: string, text: string): void {
  const { row, col } = parseA1(a1);
  extrasOf(sheetOf(workbook, sheet)).notes.set(cellIndex(row, col), text);
}

/** A threaded comment the user started on a cell. */
export function setUserComment(workbook: FakeWorkbook, sheet: string, a1: string, text: string): void {
  const { row, col } = parseA1(a1);
  extrasOf(sheetOf(workbook, sheet)).comments.set(cellIndex(row, col), { id: newCommentId(), content: text });
}

/** A hyperlink the user put on a cell (the address goes to the grid, as a snapshot holds it). */
export function setUserHyperlink(workbook: FakeWorkbook, sheet: string, a1: string, link: { address?: string; documentReference?: string; screenTip?: string }): void {
  const s = sheetOf(workbook, sheet);
  const { row, col } = parseA1(a1);
  if (link.address) s.grid.hyperlinks[a1] = link.address;
  else delete s.grid.hyperlinks[a1];
  const rest = { ...(link.documentReference !== undefined ? { documentReference: link.documentReference } : {}), ...(link.screenTip !== undefined ? { screenTip: link.screenTip } : {}) };
  if (Object.keys(rest).length > 0) extrasOf(s).linkExtras.set(cellIndex(row, col), rest);
  else extrasOf(s).linkExtras.delete(cellIndex(row, col));
}

export interface CellStyleSnapshot {
  fill?: string;
  fontColor?: string;
  bold?: true;
  note?: string;
  comment?: string;
  link?: string;
}

/**
 * Every cell's formatting, notes, comments and hyperlink extras that differ from a blank cell, by sheet and A1
 * address (comment ids are left out: they are Excel's, not content); sheets without any are left out.
 */
export function styleSnapshot(workbook: FakeWorkbook): Record<string, Record<string, CellStyleSnapshot>> {
  const out: Record<string, Record<string, CellStyleSnapshot>> = {};
  for (const sheet of workbook.sheets) {
    const e = extrasOf(sheet);
    const cells: Record<string, CellStyleSnapshot> = {};
    const at = (key: number) => {
      const a1 = toA1(Math.floor(key / MAX_COLS), key % MAX_COLS);
      return (cells[a1] ??= {});
    };
    for (const [key, f] of e.formats) {
      if (f.fill) at(key).fill = [f.fill.pattern, f.fill.color, ...(f.fill.patternColor !== undefined && f.fill.pattern !== "Solid" ? [f.fill.patternColor] : [])].join(" ");
      if (f.fontColor) at(key).fontColor = f.fontColor;
      if (f.bold) at(key).bold = true;
    }
    for (const [key, text] of e.notes) at(key).note = text;
    for (const [key, c] of e.comments) at(key).comment = c.content;
    for (const [key, l] of e.linkExtras) at(key).link = JSON.stringify(l);
    if (Object.keys(cells).length > 0) out[sheet.grid.name] = sortKeys(cells);
  }
  return out;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
