// The add-in's backup of the cells it changes in the user's sheets, kept in the workbook itself (a very hidden
// sheet, BACKUP_SHEET) so that it travels with the file: one record per cell and kind of change, holding the
// cell as it was before the add-in first touched it (the FIRST backup is kept: Pulihkan always returns to the
// original) and what the add-in put there (so that a cell the user changed since is left as the user left it).
//
// The table is text only: every field is written as text (behind an apostrophe in Excel), so nothing in it is
// reinterpreted as a number, a date or a formula. What must come back exactly is typed explicitly:
// - content: a type ("empty", "formula", "text", "number", "boolean", "error") and its text, so an empty cell
//   and "" stay apart, as do the formula =A1 and the text "=A1", and numbers round-trip (shortest exact form);
// - fill: "None" (no fill) apart from "Solid #FFFFFF" (white), other patterns with their pattern colour;
// - note: "none", a note, or a threaded comment (which the add-in never changes), or "" when not readable.
// Row 1 holds the format's name and version, row 2 the column names, records follow from row 3.

export const BACKUP_SHEET = "_lkezi_cadangan";
/** A1 of the backup sheet: the format and its version. */
export const BACKUP_FORMAT = "lkezi-cadangan/1";
export const BACKUP_COLUMNS = [
  "kind",
  "sheet",
  "address",
  "content_type",
  "content",
  "hyperlink",
  "fill",
  "font_color",
  "bold",
  "note_kind",
  "note",
  "set_formula",
  "set_fill",
  "set_font_color",
  "set_note_kind",
  "set_note",
  "action",
  "time",
] as const;

/** What the add-in did to a cell: highlighted it with a note (flag) or put the official formula back (repair). */
export type ActionKind = "flag" | "repair";

export type CellContent =
  | { type: "empty" }
  | { type: "formula"; formula: string } // with the leading "="
  | { type: "text"; text: string }
  | { type: "number"; number: number }
  | { type: "boolean"; value: boolean }
  | { type: "error"; error: string };

/** A cell's fill: none, or a pattern ("Solid", "Gray50", …) with its colour and, for patterns, the pattern's colour. */
export type Fill = { pattern: "None" } | { pattern: string; color: string; patternColor?: string };

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
}

/** A cell's note: none, a note (ExcelApi 1.18), or a threaded comment (ExcelApi 1.10). */
export type Note = { kind: "none" } | { kind: "note"; text: string } | { kind: "comment"; text: string };

export interface CellState {
  content: CellContent;
  hyperlink: Hyperlink | null;
  fill: Fill;
  /** "#RRGGBB"; null where Excel gives none (mixed colours). */
  fontColor: string | null;
  /** null where Excel gives none (partly bold). */
  bold: boolean | null;
  /** undefined where this Excel cannot read notes or comments. */
  note: Note | undefined;
}

/** What the add-in put in a cell; only these are undone, and only where the cell still holds them. */
export interface Applied {
  formula?: string;
  fill?: Fill;
  fontColor?: string;
  note?: Note;
}

export interface BackupRecord {
  kind: ActionKind;
  sheet: string;
  /** "K12": one cell. */
  address: string;
  original: CellState;
  applied: Applied;
  /** The action that took the backup, and when (ISO 8601). */
  actionId: string;
  timestamp: string;
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupFormatError";
  }
}

// ---------------------------------------------------------------------------------------------------------
// Fields

/** "#ffc7ce" -> "#FFC7CE"; anything that is not a hex colour stays as it came (trimmed). */
export function normalizeColor(color: string): string {
  const c = color.trim().toUpperCase();
  return /^#[0-9A-F]{6}$/.test(c) ? c : color.trim();
}

export function encodeFill(fill: Fill): string {
  if (fill.pattern === "None") return "None";
  const f = fill as { pattern: string; color: string; patternColor?: string };
  return [f.pattern, f.color, ...(f.patternColor !== undefined ? [f.patternColor] : [])].join(" ");
}

export function decodeFill(text: string): Fill {
  const parts = text.trim().split(/\s+/);
  const [pattern, color, patternColor] = parts;
  if (pattern === "None" && parts.length === 1) return { pattern: "None" };
  if (!pattern || !/^[A-Za-z0-9]+$/.test(pattern) || color === undefined || parts.length > 3) throw new BackupFormatError(`fill "${text}"`);
  return { pattern, color, ...(patternColor !== undefined ? { patternColor } : {}) };
}

export function sameFill(a: Fill, b: Fill): boolean {
  if (a.pattern === "None" || b.pattern === "None") return a.pattern === b.pattern;
  const x = a as { pattern: string; color: string; patternColor?: string };
  const y = b as { pattern: string; color: string; patternColor?: string };
  if (x.pattern !== y.pattern || normalizeColor(x.color) !== normalizeColor(y.color)) return false;
  // A solid fill has no pattern colour worth comparing; Excel reports one anyway.
  return x.pattern === "Solid" || normalizeColor(x.patternColor ?? "") === normalizeColor(y.patternColor ?? "");
}

function encodeContent(c: CellContent): [string, string] {
  switch (c.type) {
    case "empty":
      return ["empty", ""];
    case "formula":
      return ["formula", c.formula];
    case "text":
      return ["text", c.text];
    case "number":
      return ["number", Object.is(c.number, -0) ? "-0" : String(c.number)];
    case "boolean":
      return ["boolean", c.value ? "TRUE" : "FALSE"];
    case "error":
      return ["error", c.error];
  }
}

function decodeContent(type: string, text: string): CellContent {
  switch (type) {
    case "empty":
      if (text !== "") throw new BackupFormatError(`empty cell with content "${text}"`);
      return { type: "empty" };
    case "formula":
      if (!text.startsWith("=") || text.length < 2) throw new BackupFormatError(`formula "${text}"`);
      return { type: "formula", formula: text };
    case "text":
      return { type: "text", text };
    case "number": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw new BackupFormatError(`number "${text}"`);
      return { type: "number", number: n };
    }
    case "boolean":
      if (text !== "TRUE" && text !== "FALSE") throw new BackupFormatError(`boolean "${text}"`);
      return { type: "boolean", value: text === "TRUE" };
    case "error":
      if (!text.startsWith("#")) throw new BackupFormatError(`error "${text}"`);
      return { type: "error", error: text };
    default:
      throw new BackupFormatError(`content type "${type}"`);
  }
}

function encodeHyperlink(h: Hyperlink | null): string {
  if (!h) return "";
  const out: Hyperlink = {};
  if (h.address !== undefined) out.address = h.address;
  if (h.documentReference !== undefined) out.documentReference = h.documentReference;
  if (h.screenTip !== undefined) out.screenTip = h.screenTip;
  return JSON.stringify(out);
}

function decodeHyperlink(text: string): Hyperlink | null {
  if (text === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BackupFormatError(`hyperlink "${text}"`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new BackupFormatError(`hyperlink "${text}"`);
  const out: Hyperlink = {};
  for (const key of ["address", "documentReference", "screenTip"] as const) {
    const v = (parsed as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v !== "string") throw new BackupFormatError(`hyperlink "${text}"`);
    out[key] = v;
  }
  return out;
}

function encodeBool(b: boolean | null): string {
  return b === null ? "" : b ? "TRUE" : "FALSE";
}

function decodeBool(text: string): boolean | null {
  if (text === "") return null;
  if (text === "TRUE" || text === "FALSE") return text === "TRUE";
  throw new BackupFormatError(`bold "${text}"`);
}

function encodeNote(n: Note | undefined): [string, string] {
  if (n === undefined) return ["", ""];
  return n.kind === "none" ? ["none", ""] : [n.kind, n.text];
}

function decodeNote(kind: string, text: string): Note | undefined {
  switch (kind) {
    case "":
      if (text !== "") throw new BackupFormatError(`note without a kind: "${text}"`);
      return undefined;
    case "none":
      return { kind: "none" };
    case "note":
    case "comment":
      return { kind, text };
    default:
      throw new BackupFormatError(`note kind "${kind}"`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The table

/** The records as the backup sheet's rows (format row, column names, one row per record), text only. */
export function encodeBackup(records: readonly BackupRecord[]): string[][] {
  const width = BACKUP_COLUMNS.length;
  const formatRow = [BACKUP_FORMAT, ...new Array<string>(width - 1).fill("")];
  const rows: string[][] = [formatRow, [...BACKUP_COLUMNS]];
  for (const r of records) {
    const [contentType, content] = encodeContent(r.original.content);
    const [noteKind, note] = encodeNote(r.original.note);
    const [setNoteKind, setNote] = r.applied.note === undefined ? ["", ""] : encodeNote(r.applied.note);
    rows.push([
      r.kind,
      r.sheet,
      r.address,
      contentType,
      content,
      encodeHyperlink(r.original.hyperlink),
      encodeFill(r.original.fill),
      r.original.fontColor ?? "",
      encodeBool(r.original.bold),
      noteKind,
      note,
      r.applied.formula ?? "",
      r.applied.fill ? encodeFill(r.applied.fill) : "",
      r.applied.fontColor ?? "",
      setNoteKind,
      setNote,
      r.actionId,
      r.timestamp,
    ]);
  }
  return rows;
}

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/**
 * The records of a backup table as read back (Range.values: strings, "" for an empty cell); an empty table
 * (no sheet, or no rows) is no records. Throws BackupFormatError for a table this version cannot read.
 */
export function decodeBackup(rows: ReadonlyArray<ReadonlyArray<unknown>> | undefined): BackupRecord[] {
  if (!rows || rows.length === 0 || rows.every((r) => r.every((v) => v === "" || v === null || v === undefined))) return [];
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const first = text(rows[0]?.[0]);
  if (first !== BACKUP_FORMAT) throw new BackupFormatError(`not a backup of this version (A1 is "${first.slice(0, 40)}")`);
  const header = (rows[1] ?? []).slice(0, BACKUP_COLUMNS.length).map(text);
  if (header.join("\u0001") !== BACKUP_COLUMNS.join("\u0001")) throw new BackupFormatError("the column names differ");
  const out: BackupRecord[] = [];
  for (let i = 2; i < rows.length; i++) {
    const row = rows[i]!;
    const f = BACKUP_COLUMNS.map((_c, j) => text(row[j]));
    if (f.every((v) => v === "")) continue;
    const at = (j: number) => f[j]!;
    try {
      const kind = at(0);
      if (kind !== "flag" && kind !== "repair") throw new BackupFormatError(`kind "${kind}"`);
      const address = at(2);
      if (!A1.test(address)) throw new BackupFormatError(`address "${address}"`);
      if (at(1) === "") throw new BackupFormatError("no sheet");
      const applied: Applied = {};
      if (at(11) !== "") {
        decodeContent("formula", at(11)); // validates
        applied.formula = at(11);
      }
      if (at(12) !== "") applied.fill = decodeFill(at(12));
      if (at(13) !== "") applied.fontColor = at(13);
      const setNote = decodeNote(at(14), at(15));
      if (setNote !== undefined) applied.note = setNote;
      out.push({
        kind,
        sheet: at(1),
        address,
        original: {
          content: decodeContent(at(3), at(4)),
          hyperlink: decodeHyperlink(at(5)),
          fill: decodeFill(at(6)),
          fontColor: at(7) === "" ? null : at(7),
          bold: decodeBool(at(8)),
          note: decodeNote(at(9), at(10)),
        },
        applied,
        actionId: at(16),
        timestamp: at(17),
      });
    } catch (e) {
      if (e instanceof BackupFormatError) throw new BackupFormatError(`row ${i + 1}: ${e.message}`);
      throw e;
    }
  }
  return out;
}
