// Finds the LKE sheet and its header row, and names each column by its label, not by its letter.
import { cellText, mergeAt, type SheetGrid, type WorkbookSnapshot } from "../grid/sheetGrid";
import { normalizeText } from "./textSimilarity";

export type Role = "unit" | "tpi" | "tpn";

export type ColumnKind =
  | "text"
  | "weight"
  | "criteria"
  | "answerType"
  | "answer"
  | "score"
  | "percent"
  | "note"
  | "evidence"
  | "evidenceText"
  | "number";

export interface HeaderColumn {
  col: number;
  kind: ColumnKind;
  role?: Role;
  label: string;
  /** Last column the header spans (merged "Penilaian" over the numbering and text columns). */
  to: number;
}

export interface HeaderMatch {
  sheet: SheetGrid;
  row: number;
  columns: HeaderColumn[];
  score: number;
}

const HEADER_SCAN_ROWS = 25;

function roleOf(n: string): Role {
  if (/\btpn\b|nasional|kemenpan/.test(n)) return "tpn";
  if (/\btpi\b|evaluator|itjen|inspektorat/.test(n)) return "tpi";
  return "unit";
}

/** Every header label contains one of these; most cells are rejected by this one test. */
const HEADER_WORD =
  /jawaban|nilai|bobot|penilaian|pertanyaan|uraian|komponen|indikator|catatan|keterangan|bukti|tautan|link|url|alamat|penjelasan|kriteria|persen|%|^\s*(no|nomor|id|kode)\s*$/i;

/** The meaning of one header label, or undefined when it is not an LKE column. */
export function classifyHeader(label: string): Omit<HeaderColumn, "col" | "to"> | undefined {
  if (!HEADER_WORD.test(label)) return undefined;
  const n = normalizeText(label);
  if (!n) return undefined;
  const base = { label: label.trim() };
  if (n.includes("pilihan jawaban")) return { ...base, kind: "answerType" };
  if (/^jawaban\b/.test(n) || /\bjawaban (unit|tpi|tpn)\b/.test(n)) return { ...base, kind: "answer", role: roleOf(n) };
  if (/^(catatan|keterangan)\b/.test(n)) return { ...base, kind: "note", role: roleOf(n) };
  if (/tautan|link|url|alamat/.test(n)) return { ...base, kind: "evidence", role: roleOf(n) };
  if (/bukti/.test(n)) return { ...base, kind: "evidenceText", role: roleOf(n) };
  if (/^nilai\b/.test(n) && !/survey|survei|persepsi/.test(n)) return { ...base, kind: "score", role: roleOf(n) };
  if (n === "%" || /^(persen|persentase)$/.test(n)) return { ...base, kind: "percent" };
  if (/^(penilaian|pertanyaan|uraian|komponen|indikator)\b/.test(n)) return { ...base, kind: "text" };
  if (/^bobot\b/.test(n)) return { ...base, kind: "weight" };
  if (/^(penjelasan|kriteria)/.test(n)) return { ...base, kind: "criteria" };
  if (/^(no|nomor|id|kode)$/.test(n)) return { ...base, kind: "number" };
  return undefined;
}

function headerAt(sheet: SheetGrid, row: number): HeaderMatch | undefined {
  const columns: HeaderColumn[] = [];
  const cols = sheet.values[row]?.length ?? 0;
  for (let col = 0; col < cols; col++) {
    const text = cellText(sheet, row, col);
    if (!text || text.length > 80) continue;
    const kind = classifyHeader(text);
    if (!kind) continue;
    const merge = mergeAt(sheet, row, col);
    columns.push({ ...kind, col, to: merge ? merge.end.col : col });
  }
  const has = (k: ColumnKind) => columns.some((c) => c.kind === k);
  if (!has("answer") || !(has("answerType") || has("text"))) return undefined;
  const score = new Set(columns.map((c) => c.kind)).size;
  return { sheet, row, columns, score };
}

/** The best header row of each sheet that has one, best first (most LKE columns named, visible sheets first). */
export function findHeaders(workbook: WorkbookSnapshot): HeaderMatch[] {
  const out: HeaderMatch[] = [];
  for (const sheet of workbook.sheets) {
    let best: HeaderMatch | undefined;
    const rows = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
    for (let row = 0; row < rows; row++) {
      const h = headerAt(sheet, row);
      if (h && (!best || h.score > best.score)) best = h;
    }
    if (best) out.push(best);
  }
  const visible = (h: HeaderMatch) => (h.sheet.visibility === "visible" ? 1 : 0);
  return out.sort((a, b) => b.score - a.score || visible(b) - visible(a));
}
