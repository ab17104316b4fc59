// The `Rekap ZI` sheet: live formulas over the LKE sheet's answers that compute the regulation's scores and the
// WBK/WBBM checks, and the ZI_* defined names. Only functions Excel 2016 and LibreOffice both compute (IF, AND,
// OR, SUM, AVERAGE, IFERROR, MIN, MAX, ROUND). A plan is plain data; each gateway writes it its own way.
import { columnLetters, toA1 } from "../grid/address";
import { cellFormula, cellText, cellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import type { LoadedModel } from "../model/loadModel";
import type { ModelNode, Question, Thresholds } from "../model/lkeModel";

export const REKAP_SHEET = "Rekap ZI";
/** A1 of our Rekap ZI: what tells it from a sheet of the user's with the same name. */
export const REKAP_TITLE = "REKAP NILAI ZONA INTEGRITAS (PermenPAN-RB 90/2021)";
/** The one cell of Rekap ZI the user fills: the unit already holds WBK (TRUE), kept when the sheet is rewritten. */
export const PRIOR_WBK_CELL = "B30";

/** Whether `sheet` (named Rekap ZI) is the add-in's own, to rewrite. */
export function isOwnRekapSheet(sheet: SheetGrid): boolean {
  return cellText(sheet, 0, 0) === REKAP_TITLE;
}

/** What the user set in our Rekap ZI's prior-WBK cell (false where the sheet or the cell is not there). */
export function priorWbkOf(sheet: SheetGrid | undefined): boolean {
  return sheet !== undefined && cellValue(sheet, 29, 1) === true;
}

/** Text that must stay text whatever it starts with: what a user typed ("=…", "+62…", "12"). */
export interface PlanText {
  text: string;
}

/** A planned cell: a string starting with "=" is a formula, any other string is text; user text goes as PlanText. */
export type PlanValue = string | number | boolean | null | PlanText;

export function planText(text: string): PlanText {
  return { text };
}

export interface SheetPlan {
  name: string;
  /** Rows of cells from A1; a string starting with "=" is a formula. */
  rows: PlanValue[][];
  /** Cells to show as headings (bold), by A1 address. */
  headings: string[];
  columnWidths: number[];
}

export interface WritePlan {
  sheets: SheetPlan[];
  /** Workbook-level defined names, each one cell of a planned sheet. */
  names: Array<{ name: string; sheet: string; cell: string }>;
}

/** A sheet name as a formula reference: 'LKE ZI'!K8. */
export function sheetRef(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/** The regulation value of one question (0..1), or "" when it does not count — never an error. */
export function questionValueFormula(
  model: LoadedModel,
  q: Question,
  ref: (key?: string) => string | undefined,
  denFromParts: boolean,
): string | undefined {
  const wrap = (f: string) => `=IFERROR(${f},"")`;
  if (q.percent) {
    const spec = q.percent;
    const parts = spec.inputs.filter((i) => i.role === "part").map((i) => ref(i.key) ?? '""');
    const cell = (key: string): string => {
      const input = spec.inputs.find((i) => i.key === key)!;
      if (input.sumOfParts && (denFromParts || !ref(key))) {
        return `IF(OR(${parts.map((p) => `${p}=""`).join(",")}),"Blm Diisi",${parts.join("+")})`;
      }
      return ref(key) ?? '""';
    };
    const required = `OR(${spec.requires.map((k) => `${cell(k)}=""`).join(",")})`;
    if (spec.rule === "decline") {
      const prev = cell("prev");
      const now = cell("now");
      return wrap(`IF(${required},"",IF(AND(${prev}=0,${now}=0),1,MAX(0,(${prev}-${now})/${prev})))`);
    }
    const num = cell(spec.inputs.find((i) => i.role === "num")!.key);
    const den = cell(spec.inputs.find((i) => i.role === "den")!.key);
    return wrap(`IF(${required},"",MIN(1,${num}/(${den})))`);
  }
  const K = ref();
  if (!K) return undefined;
  if (q.type === "survey") return wrap(`IF(${K}="","",IF(AND(${K}*1>=0,${K}*1<=4),${K}/4,""))`);
  const options = q.options ?? model.answerTypes[q.type].options ?? [];
  const chain = options.reduceRight<string>((rest, o) => `IF(${K}="${o.key}",${o.value},${rest})`, '""');
  return wrap(chain);
}

const near = (x: string) => `ROUND(${x},9)`;

function predicateFormula(t: Thresholds, cells: RekapCells, priorCell: string | undefined): string {
  const checks = [
    `${near(cells.total)}>=${t.total}`,
    `${near(cells.pengungkit)}>=${t.pengungkit}`,
    ...cells.areas.map((a) => `${near(a.total)}>=${near(`${t.areaPct}*${a.max}`)}`),
    `${near(cells.bersihAkuntabel)}>=${t.bersihAkuntabel}`,
    `${near(cells.ipak)}>=${t.ipak}`,
    `${near(cells.capaianKinerja)}>=${t.capaianKinerja}`,
    `${near(cells.pelayananPrima)}>=${t.pelayananPrima}`,
    ...(t.priorPredicate && priorCell ? [`${priorCell}=TRUE`] : []),
  ];
  return `=AND(${checks.join(",")})`;
}

interface RekapCells {
  total: string;
  pengungkit: string;
  hasil: string;
  bersihAkuntabel: string;
  ipak: string;
  capaianKinerja: string;
  pelayananPrima: string;
  areas: Array<{ total: string; max: string }>;
}

/**
 * The plan for `Rekap ZI` over a detected layout: a summary at the top (the cells the ZI_* names point at), then
 * one row per indicator and one per question, each a formula over the LKE sheet.
 */
export function buildRekapPlan(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role = "unit", options: { priorWbk?: boolean } = {}): WritePlan {
  const answerCol = layout.columns.roles[role]?.answer;
  if (answerCol === undefined) throw new Error(`no answer column for ${role}`);
  const lke = (row: number) => sheetRef(layout.sheet, `$${columnLetters(answerCol)}$${row + 1}`);

  const rows: PlanValue[][] = [];
  const headings: string[] = [];
  const put = (values: PlanValue[], heading = false) => {
    rows.push(values);
    if (heading) headings.push(`A${rows.length}`);
    return rows.length; // 1-based row number
  };

  // Fixed summary block, rows 1–27; the tables start below it.
  const SUMMARY = 5;
  const AREAS = 19;
  const PREDICATES = 27;
  const INDICATORS = 33;
  const indicatorRow = new Map<string, number>();
  const questionRow = new Map<string, number>();
  const indicators = model.scoredNodes;
  indicators.forEach((n, i) => indicatorRow.set(n.code, INDICATORS + 1 + i));
  const firstQuestionRow = INDICATORS + indicators.length + 4; // two blank rows and a heading between
  model.questions.forEach((q, i) => questionRow.set(q.code, firstQuestionRow + i));

  const B = (r: number) => `$B$${r}`;
  const cells: RekapCells = {
    total: B(SUMMARY),
    pengungkit: B(SUMMARY + 1),
    hasil: B(SUMMARY + 4),
    ipak: B(SUMMARY + 5),
    capaianKinerja: B(SUMMARY + 6),
    bersihAkuntabel: B(SUMMARY + 7),
    pelayananPrima: B(SUMMARY + 8),
    areas: model.areas.map((_, i) => ({ total: `$E$${AREAS + 1 + i}`, max: `$F$${AREAS + 1 + i}` })),
  };
  const value = (code: string) => `$D$${questionRow.get(code)}`;
  const hasilPoints = (code: string) => `IFERROR(${value(code)}*${model.questionByCode.get(code)!.weight},0)`;
  const areaCells = (half: "pemenuhan" | "reform") => model.areas.map((_, i) => `$${half === "pemenuhan" ? "C" : "D"}$${AREAS + 1 + i}`);

  put([REKAP_TITLE], true);
  put([`Dihitung dari jawaban di lembar '${layout.sheet}' oleh add-in LKE ZI. Lembar ini diperbarui oleh add-in; jangan diubah.`]);
  put([]);
  put(["Komponen", "Nilai", "Maks"], true);
  put(["Nilai total", `=${cells.pengungkit}+${cells.hasil}`, 100]);
  put(["Pengungkit", `=${B(SUMMARY + 2)}+${B(SUMMARY + 3)}`, 60]);
  put(["  Pemenuhan", `=SUM(${areaCells("pemenuhan").join(",")})`, 30]);
  put(["  Reform", `=SUM(${areaCells("reform").join(",")})`, 30]);
  put(["Hasil", `=${cells.bersihAkuntabel}+${cells.pelayananPrima}`, 40]);
  put(["  Survei persepsi antikorupsi (IPAK)", `=${hasilPoints("B.I.a")}`, 17.5]);
  put(["  Capaian kinerja", `=${hasilPoints("B.I.b")}`, 5]);
  put(["  Birokrasi bersih dan akuntabel", `=${cells.ipak}+${cells.capaianKinerja}`, 22.5]);
  put(["  Pelayanan publik prima (IPKP)", `=${hasilPoints("B.II.a")}`, 17.5]);
  while (rows.length < AREAS - 1) put([]);
  put(["No", "Area perubahan", "Pemenuhan", "Reform", "Total", "Maks", "%"], true);
  const sumOf = (node: ModelNode) => `=SUM(${node.children.map((c) => `$D$${indicatorRow.get(c.code) ?? "0"}`).join(",")})`;
  model.areas.forEach((a, i) => {
    const r = AREAS + 1 + i;
    put([a.no, a.name, sumOf(a.pemenuhan), sumOf(a.reform), `=C${r}+D${r}`, a.pemenuhan.weight + a.reform.weight, `=E${r}/F${r}`]);
  });
  while (rows.length < PREDICATES - 1) put([]);
  put(["Predikat", "Memenuhi syarat"], true);
  const prior = `$B$${PREDICATES + 3}`;
  put(["WBK", predicateFormula(model.thresholds.wbk, cells, undefined)]);
  put(["WBBM", predicateFormula(model.thresholds.wbbm, cells, prior)]);
  const priorRow = put(["Sudah berpredikat Menuju WBK (isi TRUE bila ya)", options.priorWbk === true]);
  if (`B${priorRow}` !== PRIOR_WBK_CELL) throw new Error(`rekap plan: the prior-WBK cell moved to B${priorRow}`);
  while (rows.length < INDICATORS - 1) put([]);
  put(["Kode", "Indikator", "Bobot", "Nilai", "Pertanyaan dijawab", "Pertanyaan"], true);
  for (const n of indicators) {
    const qs = n.questions;
    const first = qs[0] ? questionRow.get(qs[0].code)! : 0;
    const last = qs.at(-1) ? questionRow.get(qs.at(-1)!.code)! : 0;
    const score = n.children.length > 0 ? sumOf(n) : `=IFERROR(AVERAGE($D$${first}:$D$${last})*C${indicatorRow.get(n.code)},0)`;
    const answered = qs.length > 0 ? `=COUNT($D$${first}:$D$${last})` : 0;
    const r = put([n.code, n.name, n.weight, score, answered, qs.length]);
    if (r !== indicatorRow.get(n.code)) throw new Error(`rekap plan: ${n.code} at row ${r}`);
  }
  put([]);
  put([]);
  put(["Kode", "Pertanyaan", "Sel jawaban", "Nilai (0–1)"], true);
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    const ref = (key?: string) => {
      const r = key === undefined ? row : layout.rows.counts.get(`${q.code}#${key}`);
      return r === undefined ? undefined : lke(r);
    };
    const den = q.percent?.inputs.find((i) => i.role === "den");
    const denRow = den ? layout.rows.counts.get(`${q.code}#${den.key}`) : undefined;
    const denFromParts = denRow === undefined || cellFormula(sheet, denRow, answerCol) !== undefined;
    const formula = questionValueFormula(model, q, ref, denFromParts);
    const where = q.percent ? "(jumlah)" : row === undefined ? "(tidak ditemukan)" : toA1(row, answerCol);
    const r = put([q.code, q.text.slice(0, 200), where, formula ?? ""]);
    if (r !== questionRow.get(q.code)) throw new Error(`rekap plan: ${q.code} at row ${r}`);
  }

  return {
    sheets: [{ name: REKAP_SHEET, rows, headings, columnWidths: [14, 60, 14, 14, 14, 14, 10] }],
    names: [
      { name: "ZI_NILAI_TOTAL", sheet: REKAP_SHEET, cell: cells.total },
      { name: "ZI_PENGUNGKIT", sheet: REKAP_SHEET, cell: cells.pengungkit },
      { name: "ZI_PEMENUHAN", sheet: REKAP_SHEET, cell: B(SUMMARY + 2) },
      { name: "ZI_REFORM", sheet: REKAP_SHEET, cell: B(SUMMARY + 3) },
      { name: "ZI_HASIL", sheet: REKAP_SHEET, cell: cells.hasil },
      ...model.areas.map((a, i) => ({ name: `ZI_AREA_${a.no}`, sheet: REKAP_SHEET, cell: cells.areas[i]!.total })),
      { name: "ZI_WBK", sheet: REKAP_SHEET, cell: `$B$${PREDICATES + 1}` },
      { name: "ZI_WBBM", sheet: REKAP_SHEET, cell: `$B$${PREDICATES + 2}` },
    ],
  };
}
