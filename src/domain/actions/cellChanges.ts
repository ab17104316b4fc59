// What each action changes in the user's cells, computed from plain data: the backup records already in the
// workbook, the plan, and the target cells as they are now. The gateway reads, calls one of these, and queues
// the result: the backup table to write before the cells change (`before`), the changes (`ops`), and the table
// once they are done (`after`; empty: the backup sheet goes).
//
// The rules:
// - a cell is backed up the first time the add-in changes it; later actions keep that FIRST backup, so
//   Pulihkan always returns to the original;
// - flags change the fill, the font colour and the note; repair changes the content (the official formula);
//   undoing puts back only what the action changed, and only where the cell still holds what the add-in put
//   there: a cell the user changed since is left as the user left it and reported in `kept`;
// - a threaded comment the user wrote is never changed: that cell keeps its comment and gets the highlight only.
import {
  normalizeColor,
  sameFill,
  type Applied,
  type BackupRecord,
  type CellContent,
  type CellState,
  type Fill,
  type Hyperlink,
  type Note,
} from "./backup";
import { FLAG_COLORS, NOTE_SEPARATOR, type FlagPlan } from "./flagPlan";
import type { RepairPlan } from "./repairPlan";

/** How notes are shown: Excel notes (ExcelApi 1.18), threaded comments (ExcelApi 1.10), or not at all. */
export type NotesMode = "notes" | "comments" | "none";

/** A cell as read just before the change; a threaded comment comes with its id (to change or delete it). */
export interface ObservedCell extends CellState {
  commentId?: string;
}

export interface CellRef {
  sheet: string;
  /** "K12" */
  address: string;
}

export type CellOp =
  | { op: "content"; sheet: string; cell: string; content: CellContent }
  | { op: "hyperlink"; sheet: string; cell: string; hyperlink: Hyperlink }
  /** One fill for many cells of a sheet (RangeAreas). */
  | { op: "fill"; sheet: string; cells: string[]; fill: Fill }
  | { op: "fontColor"; sheet: string; cells: string[]; color: string }
  | { op: "addNote"; sheet: string; cell: string; text: string }
  | { op: "setNote"; sheet: string; cell: string; text: string }
  | { op: "deleteNote"; sheet: string; cell: string }
  | { op: "addComment"; sheet: string; cell: string; text: string }
  | { op: "setComment"; id: string; text: string }
  | { op: "deleteComment"; id: string };

export interface CellChange {
  /** The backup table to write before any cell changes: every original this batch may need to undo. */
  before: BackupRecord[];
  /** The changes, in the order to queue them (comments last: the step most likely to be refused). */
  ops: CellOp[];
  /** The backup table once the cells changed; empty when nothing is left to undo. */
  after: BackupRecord[];
  /** Cells this action changed (or undid). */
  changed: CellRef[];
  /** Cells left as they are because the user changed them since the add-in did (or they are gone). */
  kept: CellRef[];
  /** Flagged cells that got no note: the user's own threaded comment is there. */
  notesSkipped: CellRef[];
}

export interface Stamp {
  actionId: string;
  /** ISO 8601 */
  timestamp: string;
}

/** One key per cell of the workbook (sheet names may hold "!"). */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0001${address.toUpperCase()}`;
}

// ---------------------------------------------------------------------------------------------------------
// Comparisons: what Excel gives back may differ in case and spacing from what was written.

/** The same formula text, ignoring case and spaces outside string literals and the leading "=". */
export function sameFormula(a: string, b: string): boolean {
  return canonicalFormula(a) === canonicalFormula(b);
}

function canonicalFormula(f: string): string {
  let out = "";
  let quoted = false;
  for (const ch of f.replace(/^=/, "")) {
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out;
}

/** The same note text, whatever the line breaks (Excel may store "\r\n") and trailing blanks. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return norm(a) === norm(b);
}

export function sameContent(a: CellContent, b: CellContent): boolean {
  switch (a.type) {
    case "empty":
      return b.type === "empty";
    case "formula":
      return b.type === "formula" && sameFormula(a.formula, b.formula);
    case "text":
      return b.type === "text" && a.text === b.text;
    case "number":
      return b.type === "number" && Object.is(a.number, b.number);
    case "boolean":
      return b.type === "boolean" && a.value === b.value;
    case "error":
      return b.type === "error" && a.error === b.error;
  }
}

export function sameHyperlink(a: Hyperlink | null, b: Hyperlink | null): boolean {
  if (!a || !b) return !a && !b;
  return (a.address ?? "") === (b.address ?? "") && (a.documentReference ?? "") === (b.documentReference ?? "") && (a.screenTip ?? "") === (b.screenTip ?? "");
}

function sameNote(a: Note | undefined, b: Note | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === "none" || b.kind === "none") return a.kind === b.kind;
  return a.kind === b.kind && sameText(a.text, (b as { text: string }).text);
}

const FLAG_FILLS = new Set(Object.values(FLAG_COLORS).map((c) => c.fill));
const FLAG_FONTS = new Set(Object.values(FLAG_COLORS).map((c) => c.font));

/** A fill the add-in puts on flagged cells (any severity: a later run may have changed the severity). */
function isFlagFill(fill: Fill): boolean {
  return fill.pattern === "Solid" && FLAG_FILLS.has(normalizeColor((fill as { color: string }).color));
}

function isFlagFont(color: string | null): boolean {
  return color !== null && FLAG_FONTS.has(normalizeColor(color));
}

// ---------------------------------------------------------------------------------------------------------

class OpsBuilder {
  private readonly contents: CellOp[] = [];
  private readonly links: CellOp[] = [];
  private readonly fills = new Map<string, { sheet: string; fill: Fill; cells: string[] }>();
  private readonly fonts = new Map<string, { sheet: string; color: string; cells: string[] }>();
  private readonly notes: CellOp[] = [];
  private readonly comments: CellOp[] = [];

  content(sheet: string, cell: string, content: CellContent): void {
    this.contents.push({ op: "content", sheet, cell, content });
  }
  hyperlink(sheet: string, cell: string, hyperlink: Hyperlink): void {
    this.links.push({ op: "hyperlink", sheet, cell, hyperlink });
  }
  fill(sheet: string, cell: string, fill: Fill): void {
    const key = `${sheet}\u0001${JSON.stringify(fill)}`;
    const group = this.fills.get(key) ?? { sheet, fill, cells: [] };
    group.cells.push(cell);
    this.fills.set(key, group);
  }
  fontColor(sheet: string, cell: string, color: string): void {
    const key = `${sheet}\u0001${color}`;
    const group = this.fonts.get(key) ?? { sheet, color, cells: [] };
    group.cells.push(cell);
    this.fonts.set(key, group);
  }
  note(op: Extract<CellOp, { op: "addNote" | "setNote" | "deleteNote" }>): void {
    this.notes.push(op);
  }
  comment(op: Extract<CellOp, { op: "addComment" | "setComment" | "deleteComment" }>): void {
    this.comments.push(op);
  }
  build(): CellOp[] {
    return [
      ...this.contents,
      ...this.links,
      ...[...this.fills.values()].map((g): CellOp => ({ op: "fill", sheet: g.sheet, cells: g.cells, fill: g.fill })),
      ...[...this.fonts.values()].map((g): CellOp => ({ op: "fontColor", sheet: g.sheet, cells: g.cells, color: g.color })),
      ...this.notes,
      ...this.comments,
    ];
  }
}

function refOf(r: { sheet: string; address: string }): CellRef {
  return { sheet: r.sheet, address: r.address };
}

function recordsByKey(records: readonly BackupRecord[], kind: BackupRecord["kind"]): Map<string, BackupRecord> {
  const out = new Map<string, BackupRecord>();
  for (const r of records) if (r.kind === kind && !out.has(cellKey(r.sheet, r.address))) out.set(cellKey(r.sheet, r.address), r);
  return out;
}

/** The cell as the user had it: content from a repair's backup, formats and note from a flag's, else as read. */
function originalOf(records: readonly BackupRecord[], key: string, now: ObservedCell): CellState {
  const repair = recordsByKey(records, "repair").get(key)?.original;
  const flag = recordsByKey(records, "flag").get(key)?.original;
  return {
    content: repair ? repair.content : now.content,
    hyperlink: repair ? repair.hyperlink : now.hyperlink,
    fill: flag ? flag.fill : now.fill,
    fontColor: flag ? flag.fontColor : now.fontColor,
    bold: flag ? flag.bold : now.bold,
    note: flag ? flag.note : now.note,
  };
}

/** Undoes a flag where the cell still shows it; true when some of it was left because the user changed it. */
function undoFlag(r: BackupRecord, now: ObservedCell | undefined, ops: OpsBuilder): boolean {
  if (!now) return true;
  let kept = false;
  const { applied, original } = r;
  if (applied.fill) {
    if (isFlagFill(now.fill)) {
      if (!sameFill(now.fill, original.fill)) ops.fill(r.sheet, r.address, original.fill);
    } else if (!sameFill(now.fill, original.fill)) kept = true;
  }
  if (applied.fontColor !== undefined && original.fontColor !== null) {
    if (isFlagFont(now.fontColor)) {
      if (normalizeColor(now.fontColor!) !== normalizeColor(original.fontColor)) ops.fontColor(r.sheet, r.address, original.fontColor);
    } else if (now.fontColor === null || normalizeColor(now.fontColor) !== normalizeColor(original.fontColor)) kept = true;
  }
  const note = applied.note;
  if (note && note.kind !== "none") {
    const current = now.note;
    const ours = current !== undefined && current.kind === note.kind && sameText(current.text, note.text);
    if (ours && note.kind === "note") {
      if (original.note?.kind === "note") ops.note({ op: "setNote", sheet: r.sheet, cell: r.address, text: original.note.text });
      else ops.note({ op: "deleteNote", sheet: r.sheet, cell: r.address });
    } else if (ours && note.kind === "comment") {
      if (now.commentId !== undefined) ops.comment({ op: "deleteComment", id: now.commentId });
    } else if (!sameNote(current, original.note) && !(note.kind === "comment" && current === undefined)) {
      kept = true;
    }
  }
  return kept;
}

/** Undoes a repair where the cell still holds the formula put there; true when the user changed it since. */
function undoRepair(r: BackupRecord, now: ObservedCell | undefined, ops: OpsBuilder): boolean {
  if (!now) return true;
  const formula = r.applied.formula;
  if (formula !== undefined && now.content.type === "formula" && sameFormula(now.content.formula, formula)) {
    ops.content(r.sheet, r.address, r.original.content);
    const link = r.original.hyperlink;
    if (link && !sameHyperlink(now.hyperlink, link)) ops.hyperlink(r.sheet, r.address, link);
    return false;
  }
  return !sameContent(now.content, r.original.content);
}

function uniqueRefs(refs: Iterable<CellRef>): CellRef[] {
  const seen = new Map<string, CellRef>();
  for (const r of refs) if (!seen.has(cellKey(r.sheet, r.address))) seen.set(cellKey(r.sheet, r.address), { sheet: r.sheet, address: r.address.toUpperCase() });
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------------
// The cells each action must read before it changes anything.

export function flagTargets(records: readonly BackupRecord[], plan: FlagPlan): CellRef[] {
  return uniqueRefs([...plan.cells.map((c) => ({ sheet: c.sheet, address: c.cell })), ...records.filter((r) => r.kind === "flag").map(refOf)]);
}

export function clearTargets(records: readonly BackupRecord[]): CellRef[] {
  return uniqueRefs(records.filter((r) => r.kind === "flag").map(refOf));
}

export function repairTargets(plan: RepairPlan): CellRef[] {
  return uniqueRefs(plan.cells.map((c) => ({ sheet: c.sheet, address: c.cell })));
}

export function restoreTargets(records: readonly BackupRecord[]): CellRef[] {
  return uniqueRefs(records.map(refOf));
}

// ---------------------------------------------------------------------------------------------------------
// The actions

/**
 * Flags become exactly the plan: planned cells get their highlight and note (backed up the first time),
 * cells flagged before and no longer planned get back what they had.
 */
export function planFlags(
  records: readonly BackupRecord[],
  plan: FlagPlan,
  observed: ReadonlyMap<string, ObservedCell>,
  mode: NotesMode,
  stamp: Stamp,
): CellChange {
  const ops = new OpsBuilder();
  const previous = recordsByKey(records, "flag");
  const planned = new Map<string, FlagPlan["cells"][number]>();
  for (const c of plan.cells) if (!planned.has(cellKey(c.sheet, c.cell))) planned.set(cellKey(c.sheet, c.cell), c);
  const next = new Map<string, BackupRecord>();
  const changed: CellRef[] = [];
  const kept: CellRef[] = [];
  const notesSkipped: CellRef[] = [];

  for (const [key, p] of planned) {
    const ref = { sheet: p.sheet, address: p.cell.toUpperCase() };
    const now = observed.get(key);
    if (!now) {
      kept.push(ref);
      continue;
    }
    const prev = previous.get(key);
    const original = originalOf(records, key, now);
    const colors = FLAG_COLORS[p.severity];
    const fill: Fill = { pattern: "Solid", color: colors.fill };
    if (!sameFill(now.fill, fill)) ops.fill(p.sheet, ref.address, fill);
    // A cell of several font colours (rich text) keeps them: one colour could not give them back.
    const fontColor = original.fontColor === null ? undefined : colors.font;
    if (fontColor !== undefined && (now.fontColor === null || normalizeColor(now.fontColor) !== fontColor)) ops.fontColor(p.sheet, ref.address, fontColor);

    let note: Note | undefined;
    if (mode === "notes") {
      if (now.note?.kind === "comment") notesSkipped.push(ref);
      else {
        const text = original.note?.kind === "note" ? `${p.note}${NOTE_SEPARATOR}${original.note.text}` : p.note;
        note = { kind: "note", text };
        if (now.note?.kind === "note") {
          if (!sameText(now.note.text, text)) ops.note({ op: "setNote", sheet: p.sheet, cell: ref.address, text });
        } else ops.note({ op: "addNote", sheet: p.sheet, cell: ref.address, text });
      }
    } else if (mode === "comments") {
      if (now.note?.kind === "comment") {
        const ours = prev?.applied.note?.kind === "comment" && sameText(now.note.text, prev.applied.note.text);
        if (ours && now.commentId !== undefined) {
          note = { kind: "comment", text: p.note };
          if (!sameText(now.note.text, p.note)) ops.comment({ op: "setComment", id: now.commentId, text: p.note });
        } else notesSkipped.push(ref);
      } else {
        note = { kind: "comment", text: p.note };
        ops.comment({ op: "addComment", sheet: p.sheet, cell: ref.address, text: p.note });
      }
    }
    // A note put there by an earlier run and not replaced now is still the add-in's to remove.
    const appliedNote = note ?? prev?.applied.note;
    const applied: Applied = { fill, ...(fontColor !== undefined ? { fontColor } : {}), ...(appliedNote ? { note: appliedNote } : {}) };
    next.set(key, {
      kind: "flag",
      sheet: p.sheet,
      address: ref.address,
      original,
      applied,
      actionId: prev?.actionId ?? stamp.actionId,
      timestamp: prev?.timestamp ?? stamp.timestamp,
    });
    changed.push(ref);
  }

  for (const [key, r] of previous) {
    if (planned.has(key)) continue;
    if (undoFlag(r, observed.get(key), ops)) kept.push(refOf(r));
    changed.push(refOf(r));
  }

  const added = [...next.entries()].filter(([key]) => !previous.has(key)).map(([, r]) => r);
  const after = [
    ...records.flatMap((r) => (r.kind !== "flag" ? [r] : next.has(cellKey(r.sheet, r.address)) && previous.get(cellKey(r.sheet, r.address)) === r ? [next.get(cellKey(r.sheet, r.address))!] : [])),
    ...added,
  ];
  return { before: [...records, ...added], ops: ops.build(), after, changed, kept, notesSkipped };
}

/** Every flag removed: fills, font colours and notes back as they were, where the cell still shows the flag. */
export function planClearFlags(records: readonly BackupRecord[], observed: ReadonlyMap<string, ObservedCell>): CellChange {
  const ops = new OpsBuilder();
  const changed: CellRef[] = [];
  const kept: CellRef[] = [];
  for (const r of recordsByKey(records, "flag").values()) {
    if (undoFlag(r, observed.get(cellKey(r.sheet, r.address)), ops)) kept.push(refOf(r));
    changed.push(refOf(r));
  }
  return { before: [...records], ops: ops.build(), after: records.filter((r) => r.kind !== "flag"), changed, kept, notesSkipped: [] };
}

/** The official formula in each planned cell, backed up the first time (a later repair keeps the first backup). */
export function planRepair(
  records: readonly BackupRecord[],
  plan: RepairPlan,
  observed: ReadonlyMap<string, ObservedCell>,
  stamp: Stamp,
): CellChange {
  const ops = new OpsBuilder();
  const previous = recordsByKey(records, "repair");
  const next = new Map<string, BackupRecord>();
  const changed: CellRef[] = [];
  const kept: CellRef[] = [];
  for (const p of plan.cells) {
    const key = cellKey(p.sheet, p.cell);
    const ref = { sheet: p.sheet, address: p.cell.toUpperCase() };
    if (next.has(key)) continue;
    const now = observed.get(key);
    if (!now) {
      kept.push(ref);
      continue;
    }
    const prev = previous.get(key);
    const holds = now.content.type === "formula" && sameFormula(now.content.formula, p.formula);
    if (!holds) {
      ops.content(p.sheet, ref.address, { type: "formula", formula: p.formula });
      changed.push(ref);
    }
    if (holds && !prev) continue; // already official, never touched: nothing to back up
    next.set(key, {
      kind: "repair",
      sheet: p.sheet,
      address: ref.address,
      original: originalOf(records, key, now),
      applied: { formula: p.formula },
      actionId: prev?.actionId ?? stamp.actionId,
      timestamp: prev?.timestamp ?? stamp.timestamp,
    });
  }
  const added = [...next.entries()].filter(([key]) => !previous.has(key)).map(([, r]) => r);
  const after = [...records.map((r) => (r.kind === "repair" && previous.get(cellKey(r.sheet, r.address)) === r ? (next.get(cellKey(r.sheet, r.address)) ?? r) : r)), ...added];
  return { before: [...records, ...added], ops: ops.build(), after, changed, kept, notesSkipped: [] };
}

/** Pulihkan: every cell the add-in changed back as it was (where the user did not change it since); no backup left. */
export function planRestoreAll(records: readonly BackupRecord[], observed: ReadonlyMap<string, ObservedCell>): CellChange {
  const ops = new OpsBuilder();
  const changed: CellRef[] = [];
  const kept: CellRef[] = [];
  for (const kind of ["repair", "flag"] as const) {
    for (const r of recordsByKey(records, kind).values()) {
      const now = observed.get(cellKey(r.sheet, r.address));
      if (kind === "flag" ? undoFlag(r, now, ops) : undoRepair(r, now, ops)) kept.push(refOf(r));
      changed.push(refOf(r));
    }
  }
  return { before: [...records], ops: ops.build(), after: [], changed: uniqueRefs(changed), kept: uniqueRefs(kept), notesSkipped: [] };
}
