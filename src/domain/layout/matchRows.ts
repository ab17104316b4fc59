// Maps the rows of an LKE sheet to model items by their text and their place in the order of the LKE,
// never by row number: units insert rows, delete rows, renumber items and retype texts.
import { cellText, type SheetGrid } from "../grid/sheetGrid";
import type { LoadedModel } from "../model/loadModel";
import { bestDice, normalizeText, trigrams } from "./textSimilarity";

export type EntryKind = "node" | "question" | "count" | "total";

/** One thing a row can be, in the order the LKE lists them. */
export interface MatchEntry {
  index: number;
  kind: EntryKind;
  /** Model code; for a count the question's code; for a total "total" | "pengungkit" | "hasil". */
  code: string;
  /** Input key of a count row. */
  key?: string;
  grams: Int32Array[];
  /** The normalised phrasings, for the exact-text shortcut. */
  texts: string[];
}

export interface RowMatch {
  row: number;
  entry: MatchEntry;
  similarity: number;
}

export interface RowText {
  row: number;
  text: string;
  numbering: string;
  answerType: string;
}

const entryCache = new WeakMap<LoadedModel, MatchEntry[]>();

export function matchEntries(model: LoadedModel): MatchEntry[] {
  const hit = entryCache.get(model);
  if (hit) return hit;
  const entries: MatchEntry[] = [];
  const add = (kind: EntryKind, code: string, texts: string[], key?: string) =>
    entries.push({
      index: entries.length,
      kind,
      code,
      ...(key ? { key } : {}),
      grams: texts.map((t) => trigrams(normalizeText(t))),
      texts: texts.map(normalizeText),
    });
  for (const n of model.nodes) {
    if (n.code === "B") add("total", "pengungkit", ["TOTAL PENGUNGKIT"]);
    add("node", n.code, [n.name, ...n.aliases]);
    for (const q of n.questions) {
      add("question", q.code, [q.text, ...q.aliases]);
      for (const i of q.percent?.inputs ?? []) add("count", q.code, [i.label, ...i.aliases], i.key);
    }
  }
  add("total", "hasil", ["TOTAL HASIL"]);
  add("total", "total", ["NILAI EVALUASI ZONA INTEGRITAS", "NILAI EVALUASI REFORMASI BIROKRASI", "TOTAL NILAI"]);
  entryCache.set(model, entries);
  return entries;
}

const MAX_TEXT = 1000;
const NUMBERING = /^\s*(?:[A-Za-z]|[IVXivx]{1,4}|\d{1,3}|[-–])\s*[.)]?\s*$/;

/** The text, numbering token and answer-type label of each row below the header. */
export function readRowTexts(
  sheet: SheetGrid,
  firstRow: number,
  textFrom: number,
  textTo: number,
  answerTypeCol: number | undefined,
): RowText[] {
  const out: RowText[] = [];
  for (let row = firstRow; row < sheet.values.length; row++) {
    let text = "";
    let numbering = "";
    for (let col = textFrom; col <= textTo; col++) {
      const t = cellText(sheet, row, col).trim();
      if (!t) continue;
      if (NUMBERING.test(t)) numbering ||= t;
      else if (t.length > text.length) text = t;
    }
    if (!text) continue;
    // No LKE text is longer than this; a pasted essay must not cost seconds of matching.
    if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
    out.push({ row, text, numbering, answerType: answerTypeCol === undefined ? "" : cellText(sheet, row, answerTypeCol) });
  }
  return out;
}

const WINDOW = 40;
const LOCAL_THRESHOLD = 0.6;
const GLOBAL_THRESHOLD = 0.75;
const EXACT = 0.97;
const QUESTION_TYPES = new Set(["ya tidak", "a b c", "a b c d", "a b c d e", "%", "nilai 0 4"]);

/** Greedy in-order matching: each row takes the best unused entry near where the previous match left off. */
export function matchRows(model: LoadedModel, rows: RowText[]): { matches: RowMatch[]; unrecognized: RowText[] } {
  const entries = matchEntries(model);
  const used = new Uint8Array(entries.length);
  const matches: RowMatch[] = [];
  const unrecognized: RowText[] = [];
  let cursor = 0;
  const byText = new Map<string, MatchEntry[]>();
  for (const e of entries) for (const t of e.texts) byText.set(t, [...(byText.get(t) ?? []), e]);
  for (const r of rows) {
    const normalized = normalizeText(r.text);
    // Most rows carry the official text verbatim: take the nearest unused entry with exactly that text.
    const exact = byText.get(normalized)?.find((e) => !used[e.index] && e.index >= cursor && e.index < cursor + WINDOW);
    if (exact) {
      used[exact.index] = 1;
      cursor = exact.index + 1;
      matches.push({ row: r.row, entry: exact, similarity: 1 });
      continue;
    }
    const grams = trigrams(normalized);
    if (grams.length < 4) continue;
    const type = normalizeText(r.answerType);
    const bias = (e: MatchEntry) =>
      type === "jumlah" ? (e.kind === "count" ? 0.05 : 0) : QUESTION_TYPES.has(type) && e.kind === "question" ? 0.05 : 0;
    let best: { e: MatchEntry; sim: number; score: number } | undefined;
    const end = Math.min(entries.length, cursor + WINDOW);
    for (let i = cursor; i < end; i++) {
      if (used[i]) continue;
      const e = entries[i]!;
      const sim = bestDice(grams, e.grams);
      const score = sim + bias(e) - 0.002 * (i - cursor);
      if (sim >= LOCAL_THRESHOLD && (!best || score > best.score)) best = { e, sim, score };
      // The row is (nearly) the next entry's own text: nothing further can beat it.
      if (sim >= EXACT && i === cursor) break;
    }
    if (!best) {
      for (const e of entries) {
        if (used[e.index]) continue;
        const sim = bestDice(grams, e.grams);
        if (sim >= GLOBAL_THRESHOLD && (!best || sim + bias(e) > best.score)) best = { e, sim, score: sim + bias(e) };
      }
    }
    if (!best) {
      unrecognized.push(r);
      continue;
    }
    used[best.e.index] = 1;
    cursor = best.e.index + 1;
    matches.push({ row: r.row, entry: best.e, similarity: best.sim });
  }
  return { matches, unrecognized };
}
