// The coordinator's `Rekap Unit` sheet as plain data, the one source of the CLI's recap workbook (src/xlsx) and
// of the sheet the task pane writes into the open workbook (src/excel): the table of units sorted by total
// (highest first), the summary formulas below it, the two threshold columns the chart's lines read, and the
// files that were not counted with their reason.
import { planText, type PlanValue } from "../formulas/rekapPlan";
import { columnLetters } from "../grid/address";
import type { UnmetCriterion } from "../gaps/predicates";
import type { RecapFile, RecapReason } from "./recapFile";
import type { UnitSummary } from "./summarizeUnit";

export const RECAP_SHEET = "Rekap Unit";
export const RECAP_TABLE = "RekapUnit";
export const RECAP_TABLE_STYLE = "TableStyleMedium2";
export const PROBLEM_SHEET = "Berkas Bermasalah";
export const PROBLEM_HEADERS = ["Berkas", "Alasan"] as const;
export const RECAP_CHART_TITLE = "Nilai total per unit (batas WBK 75, WBBM 85)";
/** The chart's threshold lines: a header in row 1 and the value on every row of the table. */
export const RECAP_LINES = [
  { column: 18, header: "Batas WBK", value: 75 },
  { column: 19, header: "Batas WBBM", value: 85 },
] as const;
/** Widths (Excel character units) of the table's columns. */
export const RECAP_COLUMN_WIDTHS = [36, 30, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 28] as const;
/** Columns C..M hold scores: shown with two decimals. */
export const RECAP_SCORE_COLUMNS = { first: 2, last: 12, format: "0.00" } as const;
/**
 * What says that a `Rekap Unit` sheet in the user's workbook is the add-in's (as the second line of Rekap ZI
 * does for that sheet): the add-in replaces its own sheet and never a sheet of the user's with the same name.
 */
export const RECAP_OWNER_MARK = {
  cell: "V1",
  text: "Rekap Unit ditulis oleh add-in LKE ZI; lembar ini ditulis ulang setiap kali rekap ditulis, jangan diubah.",
} as const;

export const RECAP_HEADERS = [
  "Unit",
  "Berkas",
  "Nilai total",
  "Pengungkit",
  "Pemenuhan",
  "Reform",
  "Hasil",
  "Area 1",
  "Area 2",
  "Area 3",
  "Area 4",
  "Area 5",
  "Area 6",
  "WBK",
  "WBBM",
  "Galat",
  "Kesenjangan terbesar",
] as const;

const CRITERION_LABEL: Record<UnmetCriterion["criterion"], string> = {
  total: "Nilai total",
  pengungkit: "Pengungkit",
  area: "Area",
  bersihAkuntabel: "Birokrasi bersih",
  ipak: "IPAK",
  capaianKinerja: "Capaian kinerja",
  pelayananPrima: "Pelayanan prima",
  priorPredicate: "Predikat WBK",
};

/** "Area 3: kurang 1,25"; "" when nothing blocks the unit. */
export function gapText(u: UnmetCriterion | undefined): string {
  if (!u) return "";
  const label = u.criterion === "area" ? `Area ${u.area}` : CRITERION_LABEL[u.criterion];
  return `${label}: kurang ${u.gap.toFixed(2).replace(".", ",")}`;
}

export interface RecapUnit {
  file: string;
  summary: UnitSummary;
  /** The biggest gap as the sheet shows it (gapText). */
  gap: string;
}

export interface RecapProblem {
  file: string;
  /** The reason in Bahasa Indonesia, as the CLI prints it. */
  error: string;
  reason?: RecapReason;
}

export interface RecapTable {
  /** The counted units, highest total first (ties keep the batch's order). */
  units: RecapUnit[];
  /** The table's body, one row per unit in RECAP_HEADERS order; one empty row when no unit was counted. */
  rows: PlanValue[][];
  /** The files not counted, in the batch's order. */
  problems: RecapProblem[];
  /** Last row (1-based) the summary formulas, the threshold columns and the chart reach: at least 2. */
  lastRow: number;
  /** The summary below the table: label in column A, formula in column C, from row `summaryRow` (1-based). */
  summaryRow: number;
  summary: Array<{ label: string; formula: string }>;
}

function unitRow(u: RecapUnit): PlanValue[] {
  const s = u.summary;
  // The unit's name and the file name come from outside: text, even where they start with "=".
  return [
    planText(s.unit),
    planText(u.file),
    s.scores.total,
    s.scores.pengungkit,
    s.scores.pemenuhan,
    s.scores.reform,
    s.scores.hasil,
    ...s.scores.areas.map((a) => a.total),
    s.predicates.wbk.eligible ? "Ya" : "Tidak",
    s.predicates.wbbm.eligible ? "Ya" : "Tidak",
    s.errors,
    u.gap,
  ];
}

export function buildRecapTable(files: readonly RecapFile[]): RecapTable {
  const units = files
    .filter((f): f is RecapFile & { summary: UnitSummary } => f.summary !== undefined)
    .map((f) => ({ file: f.file, summary: f.summary, gap: gapText(f.summary.biggestGap) }))
    .sort((a, b) => b.summary.scores.total - a.summary.scores.total);
  const problems = files
    .filter((f) => !f.summary)
    .map((f): RecapProblem => ({ file: f.file, error: f.error ?? "", ...(f.reason ? { reason: f.reason } : {}) }));
  const lastRow = Math.max(2, units.length + 1);
  const range = (col: string) => `${col}2:${col}${lastRow}`;
  return {
    units,
    rows: units.length > 0 ? units.map(unitRow) : [RECAP_HEADERS.map(() => "")],
    problems,
    lastRow,
    summaryRow: units.length + 4,
    summary: [
      { label: "Jumlah unit dinilai", formula: `COUNT(${range("C")})` },
      { label: "Memenuhi syarat WBK", formula: `COUNTIF(${range("N")},"Ya")` },
      { label: "Memenuhi syarat WBBM", formula: `COUNTIF(${range("O")},"Ya")` },
      { label: "Rata-rata nilai total", formula: `IFERROR(AVERAGE(${range("C")}),0)` },
    ],
  };
}

/** "A1:Q10": the table with its header row. */
export function recapTableAddress(table: RecapTable): string {
  return `A1:${columnLetters(RECAP_HEADERS.length - 1)}${table.rows.length + 1}`;
}

/**
 * Every cell of the sheet from A1 as one rectangle (A to T, down to the last summary row): the table with its
 * header, the threshold columns S and T, and the summary block; a formula is a string starting with "=".
 */
export function recapSheetRows(table: RecapTable): PlanValue[][] {
  const width = Math.max(RECAP_HEADERS.length, ...RECAP_LINES.map((l) => l.column + 1));
  const height = table.summaryRow + table.summary.length - 1;
  const rows: PlanValue[][] = Array.from({ length: height }, () => new Array<PlanValue>(width).fill(null));
  const put = (row: number, col: number, value: PlanValue) => {
    rows[row - 1]![col] = value;
  };
  RECAP_HEADERS.forEach((h, c) => put(1, c, h));
  table.rows.forEach((r, i) => r.forEach((v, c) => put(i + 2, c, v)));
  for (const line of RECAP_LINES) {
    put(1, line.column, line.header);
    for (let r = 2; r <= table.lastRow; r++) put(r, line.column, line.value);
  }
  table.summary.forEach((s, i) => {
    put(table.summaryRow + i, 0, s.label);
    put(table.summaryRow + i, 2, `=${s.formula}`);
  });
  // The files that could not be scored, below the summary (the CLI's file has them on a sheet of their own).
  if (table.problems.length > 0) {
    const line = (...cells: PlanValue[]) => [...cells, ...new Array<PlanValue>(width - cells.length).fill(null)];
    rows.push(line(), line(`${PROBLEM_SHEET} (${table.problems.length})`), line(...PROBLEM_HEADERS));
    for (const p of table.problems) rows.push(line(planText(p.file), planText(p.error)));
  }
  return rows;
}
