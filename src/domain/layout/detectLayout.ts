// Finds where a workbook keeps its LKE: the sheet, the columns by meaning, and the row of every model item.
import { cellFormula, cellText, type SheetGrid, type WorkbookSnapshot } from "../grid/sheetGrid";
import { columnLetters } from "../grid/address";
import type { LoadedModel } from "../model/loadModel";
import { findHeaders, type HeaderColumn, type HeaderMatch, type Role } from "./findHeader";
import { matchRows, readRowTexts } from "./matchRows";
import { normalizeText } from "./textSimilarity";

export type LayoutKind = "lampiran-iii" | "portalrb-jawaban" | "kesdm" | "other";

export interface RoleColumns {
  answer: number;
  score?: number;
  note?: number;
  evidence?: number;
  evidenceText?: number;
  /** The header label of the answer column ("Jawaban TPI Itjen"). */
  label: string;
}

export interface LkeLayout {
  sheet: string;
  kind: LayoutKind;
  headerRow: number;
  columns: {
    text: { from: number; to: number };
    weight?: number;
    criteria?: number;
    answerType?: number;
    percent?: number;
    /** Answer sets by role; further evaluator columns beyond the first of a role are kept in `extra`. */
    roles: Partial<Record<Role, RoleColumns>>;
    extra: RoleColumns[];
  };
  /** Row of every model node, question and `%` count found, by code (counts: "code#key"). */
  rows: {
    nodes: Map<string, number>;
    questions: Map<string, number>;
    counts: Map<string, number>;
    totals: Partial<Record<"total" | "pengungkit" | "hasil", number>>;
  };
  unmatched: Array<{ code: string; reason: string }>;
  unrecognized: Array<{ row: number; text: string }>;
}

export type LayoutFailure = { kind: "no-lke-sheet" } | { kind: "too-few-items"; sheet: string; matched: number };

/** Fewer matched questions than this and the sheet is some other table that happens to have a Jawaban column. */
const MIN_QUESTIONS = 20;

/**
 * Every sheet with an LKE-like header is tried; the one whose rows match the most model questions wins, so a
 * recap sheet that also has a "Jawaban" column cannot hide the real LKE.
 */
export function detectLayout(workbook: WorkbookSnapshot, model: LoadedModel): LkeLayout | LayoutFailure {
  let best: LkeLayout | LayoutFailure = { kind: "no-lke-sheet" };
  for (const header of findHeaders(workbook)) {
    const layout = layoutFromHeader(header, model);
    const matched = (l: LkeLayout | LayoutFailure) => ("rows" in l ? l.rows.questions.size : l.kind === "too-few-items" ? l.matched : -1);
    if (matched(layout) > matched(best)) best = layout;
  }
  return best;
}

function layoutFromHeader(header: HeaderMatch, model: LoadedModel): LkeLayout | LayoutFailure {
  const { sheet } = header;
  const col = (kind: HeaderColumn["kind"]) => header.columns.find((c) => c.kind === kind);
  const text = textSpan(header);
  const answerType = col("answerType")?.col;
  const rowTexts = readRowTexts(sheet, header.row + 1, text.from, text.to, answerType);
  const { matches, unrecognized } = matchRows(model, rowTexts);

  const rows: LkeLayout["rows"] = { nodes: new Map(), questions: new Map(), counts: new Map(), totals: {} };
  for (const m of matches) {
    const e = m.entry;
    if (e.kind === "node") rows.nodes.set(e.code, m.row);
    else if (e.kind === "question") rows.questions.set(e.code, m.row);
    else if (e.kind === "count") rows.counts.set(`${e.code}#${e.key}`, m.row);
    else rows.totals[e.code as "total" | "pengungkit" | "hasil"] = m.row;
  }
  if (rows.questions.size < MIN_QUESTIONS) return { kind: "too-few-items", sheet: sheet.name, matched: rows.questions.size };

  const { roles, extra } = roleColumns(header);
  const unit = roles.unit;
  if (unit && unit.evidence === undefined) findEvidenceByContent(sheet, header, unit, [...rows.questions.values()]);

  const layout: LkeLayout = {
    sheet: sheet.name,
    kind: layoutKind(sheet, header, roles, extra),
    headerRow: header.row,
    columns: {
      text,
      ...optional("weight", col("weight")?.col),
      ...optional("criteria", col("criteria")?.col),
      ...optional("answerType", answerType),
      ...optional("percent", col("percent")?.col),
      roles,
      extra,
    },
    rows,
    unmatched: unmatchedItems(model, rows),
    unrecognized: unrecognized
      .filter((r) => r.answerType !== "" || hasAnswer(sheet, r.row, roles))
      .map((r) => ({ row: r.row, text: r.text })),
  };
  return layout;
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

/** Columns that hold the Penilaian: the merged header's span, else up to the next labelled column. */
function textSpan(header: HeaderMatch): { from: number; to: number } {
  const text = header.columns.find((c) => c.kind === "text");
  const sorted = [...header.columns].sort((a, b) => a.col - b.col);
  if (text) {
    const next = sorted.find((c) => c.col > text.to);
    return { from: text.col, to: text.to > text.col ? text.to : (next?.col ?? text.col + 1) - 1 };
  }
  const first = sorted.find((c) => c.kind !== "number");
  const numberCol = sorted.find((c) => c.kind === "number");
  return { from: numberCol ? numberCol.col + 1 : 0, to: (first?.col ?? 1) - 1 };
}

/** Each role's answer column and the note, score and evidence columns that follow it up to the next answer. */
function roleColumns(header: HeaderMatch): { roles: LkeLayout["columns"]["roles"]; extra: RoleColumns[] } {
  const sorted = [...header.columns].sort((a, b) => a.col - b.col);
  const answers = sorted.filter((c) => c.kind === "answer");
  const roles: LkeLayout["columns"]["roles"] = {};
  const extra: RoleColumns[] = [];
  answers.forEach((a, i) => {
    const next = answers[i + 1]?.col ?? Infinity;
    const own = (kind: HeaderColumn["kind"]) =>
      sorted.find((c) => c.kind === kind && c.col > a.col && c.col < next && (c.role ?? "unit") === a.role) ??
      // Lampiran III: one Nilai, one Catatan and the evidence columns all belong to the unit.
      (a.role === "unit" ? sorted.find((c) => c.kind === kind && (c.role ?? "unit") === "unit") : undefined);
    const rc: RoleColumns = { answer: a.col, label: a.label };
    for (const [kind, key] of [
      ["score", "score"],
      ["note", "note"],
      ["evidence", "evidence"],
      ["evidenceText", "evidenceText"],
    ] as const) {
      const c = own(kind);
      if (c) rc[key] = c.col;
    }
    const role = a.role ?? "unit";
    if (roles[role]) extra.push(rc);
    else roles[role] = rc;
  });
  return { roles, extra };
}

const URLISH = /https?:\/\/|www\.|drive\.google|^hyperlink\(/i;

/** Evidence columns that carry no header (units add them): the column whose cells look most like links. */
function findEvidenceByContent(sheet: SheetGrid, header: HeaderMatch, unit: RoleColumns, questionRows: number[]): void {
  // A "Bukti Dukung" column may hold the links themselves (the national sheet): it is a candidate too.
  const taken = new Set(header.columns.filter((c) => c.col !== unit.evidenceText).flatMap((c) => [c.col, c.to]));
  const width = Math.max(...questionRows.map((r) => sheet.values[r]?.length ?? 0));
  let best = { col: -1, links: 0 };
  for (let col = unit.answer + 1; col < width; col++) {
    if (taken.has(col)) continue;
    let links = 0;
    for (const r of questionRows) {
      const a1 = `${columnLetters(col)}${r + 1}`;
      if (sheet.hyperlinks[a1] || URLISH.test(cellText(sheet, r, col)) || URLISH.test(cellFormula(sheet, r, col) ?? "")) links++;
    }
    if (links > best.links) best = { col, links };
  }
  if (best.links < Math.max(3, questionRows.length * 0.1)) return;
  unit.evidence = best.col;
  if (unit.evidenceText === best.col) {
    delete unit.evidenceText;
    return;
  }
  const left = best.col - 1;
  if (!taken.has(left) && left > unit.answer) {
    const filled = questionRows.filter((r) => cellText(sheet, r, left).trim() !== "").length;
    if (filled >= questionRows.length * 0.1) unit.evidenceText = left;
  }
}

function layoutKind(
  sheet: SheetGrid,
  header: HeaderMatch,
  roles: LkeLayout["columns"]["roles"],
  extra: RoleColumns[],
): LayoutKind {
  const labels = header.columns.map((c) => normalizeText(c.label));
  const evaluators = (roles.tpi ? 1 : 0) + (roles.tpn ? 1 : 0) + extra.length;
  if (labels.some((l) => l.includes("itjen")) || (evaluators >= 2 && labels.some((l) => l.includes("tautan")))) return "kesdm";
  if (roles.tpi && normalizeText(sheet.name) === "jawaban") return "portalrb-jawaban";
  if (!roles.tpi && !roles.tpn && header.columns.some((c) => c.kind === "answerType") && roles.unit?.score !== undefined) {
    return "lampiran-iii";
  }
  return "other";
}

function hasAnswer(sheet: SheetGrid, row: number, roles: LkeLayout["columns"]["roles"]): boolean {
  return Object.values(roles).some((rc) => rc && cellText(sheet, row, rc.answer).trim() !== "");
}

function unmatchedItems(model: LoadedModel, rows: LkeLayout["rows"]): LkeLayout["unmatched"] {
  const out: LkeLayout["unmatched"] = [];
  for (const q of model.questions) {
    if (!q.percent) {
      if (!rows.questions.has(q.code)) out.push({ code: q.code, reason: "question-not-found" });
      continue;
    }
    const missing = q.percent.inputs
      .filter((input) => !(input.role === "den" && input.sumOfParts)) // derivable from its parts
      .filter((input) => !rows.counts.has(`${q.code}#${input.key}`))
      .map((input) => input.key);
    if (missing.length > 0) out.push({ code: q.code, reason: `count-not-found:${missing.join(",")}` });
  }
  return out;
}
