// The review log kept inside the workbook (a very hidden sheet, so the history travels with the file): which
// role changed which answer, count or evaluator note, from what to what, and when. The pane compares the cells
// of two reads of the sheet; only a change between them is an entry.
import { toA1 } from "../grid/address";
import { cellFormula, cellText, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import { itemRows } from "../layout/readEntries";
import type { LoadedModel } from "../model/loadModel";

export const REVIEW_LOG_SHEET = "_lkezi_tinjauan";
export const REVIEW_LOG_FORMAT = "lkezi-tinjauan/1";
export const REVIEW_LOG_COLUMNS = ["waktu", "peran", "butir", "sel", "jenis", "dari", "ke"] as const;

export interface ReviewLogEntry {
  /** ISO 8601 */
  time: string;
  role: Role;
  item: string;
  /** "R12" on the LKE sheet. */
  cell: string;
  kind: "answer" | "note";
  from: string;
  to: string;
}

export interface WatchedCell {
  role: Role;
  item: string;
  kind: ReviewLogEntry["kind"];
  text: string;
}

/**
 * The cells a review changes, by A1: every role's answer and count cells (those a person types, not formulas)
 * and each evaluator's notes, with what they hold now.
 */
export function reviewedCells(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout): Map<string, WatchedCell> {
  const out = new Map<string, WatchedCell>();
  for (const [role, cols] of Object.entries(layout.columns.roles) as Array<[Role, NonNullable<LkeLayout["columns"]["roles"]["unit"]>]>) {
    for (const q of model.questions) {
      for (const row of itemRows(layout, q)) {
        if (cellFormula(sheet, row, cols.answer) === undefined) {
          out.set(toA1(row, cols.answer), { role, item: q.code, kind: "answer", text: cellText(sheet, row, cols.answer).trim() });
        }
        if (role !== "unit" && cols.note !== undefined) {
          out.set(toA1(row, cols.note), { role, item: q.code, kind: "note", text: cellText(sheet, row, cols.note).trim() });
        }
      }
    }
  }
  return out;
}

/** What changed from one read to the next, in cell order; a cell new in `after` changed from "". */
export function diffReviewedCells(before: ReadonlyMap<string, WatchedCell>, after: ReadonlyMap<string, WatchedCell>, time: string): ReviewLogEntry[] {
  const out: ReviewLogEntry[] = [];
  for (const [cell, now] of after) {
    const from = before.get(cell)?.text ?? "";
    if (from === now.text) continue;
    out.push({ time, role: now.role, item: now.item, cell, kind: now.kind, from, to: now.text });
  }
  return out;
}

/** The log sheet's first two rows: the format and the column names. */
export function reviewLogHeader(): string[][] {
  const width = REVIEW_LOG_COLUMNS.length;
  return [[REVIEW_LOG_FORMAT, ...new Array<string>(width - 1).fill("")], [...REVIEW_LOG_COLUMNS]];
}

export function encodeReviewLog(entries: readonly ReviewLogEntry[]): string[][] {
  return entries.map((e) => [e.time, e.role, e.item, e.cell, e.kind, e.from, e.to]);
}

/** The entries of a log sheet as read back; rows that are not entries of this format are left out. */
export function decodeReviewLog(rows: ReadonlyArray<ReadonlyArray<unknown>>): ReviewLogEntry[] {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  if (text(rows[0]?.[0]) !== REVIEW_LOG_FORMAT) return [];
  const out: ReviewLogEntry[] = [];
  for (const row of rows.slice(2)) {
    const [time, role, item, cell, kind, from, to] = REVIEW_LOG_COLUMNS.map((_c, i) => text(row[i]));
    if ((role !== "unit" && role !== "tpi" && role !== "tpn") || (kind !== "answer" && kind !== "note") || !item) continue;
    out.push({ time: time!, role, item: item!, cell: cell!, kind, from: from!, to: to! });
  }
  return out;
}

/**
 * What the log says each cell last held, for a pane that opens on a workbook already under review: an evaluator's
 * cell never logged was empty when the review began; a unit's cell never logged is taken as it is now (its answers
 * came before the review). Diffing the cells as they are against this logs what changed while the pane was closed.
 */
export function baselineFromLog(entries: readonly ReviewLogEntry[], now: ReadonlyMap<string, WatchedCell>): Map<string, WatchedCell> {
  const last = new Map<string, string>();
  for (const e of entries) last.set(e.cell, e.to);
  const out = new Map<string, WatchedCell>();
  for (const [cell, c] of now) {
    const logged = last.get(cell);
    out.set(cell, { ...c, text: logged ?? (c.role === "unit" ? c.text : "") });
  }
  return out;
}
