// Writes LKE workbooks in each supported layout, with the official template's formulas (no cached results),
// from a model and a set of answers; optionally with rows and columns inserted the way units do.
import ExcelJS from "exceljs";
import { columnLetters } from "../../../src/domain/grid/address";
import {
  hasilOptionScoreFormula,
  indicatorScoreFormula,
  percentFormula,
  questionScoreFormula,
  sumFormula,
  sumOfPartsFormula,
  surveyScoreFormula,
} from "../../../src/domain/formulas/templateFormulas";
import type { CellValue } from "../../../src/domain/grid/sheetGrid";
import type { LoadedModel } from "../../../src/domain/model/loadModel";
import type { CountInput, ModelNode, Question } from "../../../src/domain/model/lkeModel";
import type { Random } from "./random";
import type { AnswerSet } from "./randomAnswers";

export type GeneratedLayout = "lampiran-iii" | "portalrb-jawaban" | "kesdm";
export type AnswerRole = "unit" | "tpi" | "tpi2";

export interface Evidence {
  text?: string;
  link?: string;
  /** Write the link as =HYPERLINK("…") instead of a cell hyperlink. */
  asFormula?: boolean;
}

export interface GenerateOptions {
  layout: GeneratedLayout;
  answers: AnswerSet;
  /** Answers of evaluators, for the layouts that have their columns. */
  evaluators?: Partial<Record<Exclude<AnswerRole, "unit">, AnswerSet>>;
  sheetName?: string;
  unitName?: string;
  /** Insert unrelated rows (notes, blanks) before these positions of the row plan. */
  insertRowsAt?: number[];
  /** Insert two foreign columns (a code column after Bobot, a PIC column before the answers). */
  extraColumns?: boolean;
  /** Vary case, spaces and numbering of texts as retyped sheets do. */
  textNoise?: Random;
  /** Header overrides by column key, e.g. { "answer:tpi2": "Jawaban TPN" } for a national evaluator's column. */
  headers?: Record<string, string>;
  /** Leave these questions (and their counts) out, as some editions do. */
  omitItems?: ReadonlySet<string>;
  /** Move these columns to the far right, as units rearrange sheets. */
  moveToEnd?: readonly string[];
  evidence?: (code: string) => Evidence | undefined;
  notes?: (code: string) => string | undefined;
}

/** Where the generator put things, so tests can look at cells without trusting the layout detector. */
export interface GeneratedSheet {
  sheetName: string;
  headerRow: number;
  answerCells: Record<AnswerRole, Map<string, string>>;
  scoreCells: Record<AnswerRole, Map<string, string>>;
  totalCells: Record<AnswerRole, { pengungkit: string; hasil: string; total: string }>;
  /** Row number of every planned row key (question code, "code#key", node code, "total:…"). */
  rows: Map<string, number>;
  /** Column letter of every column key ("answer:unit", "note:unit", …). */
  columns: Map<string, string>;
}

type PlanRow =
  | { kind: "node"; node: ModelNode }
  | { kind: "question"; q: Question }
  | { kind: "count"; q: Question; input: CountInput }
  | { kind: "total"; which: "pengungkit" | "hasil" | "total" }
  | { kind: "junk"; text: string };

interface ColumnSpec {
  key: string;
  header: string;
}

const PENILAIAN = ["textB", "textC", "textD", "textE", "textF", "textG"];

const LAYOUTS: Record<
  GeneratedLayout,
  { sheet: string; headerRow: number; columns: string[]; headers: Record<string, string>; roles: AnswerRole[] }
> = {
  "lampiran-iii": {
    sheet: "LKE ZI",
    headerRow: 2,
    columns: ["no", ...PENILAIAN, "weight", "criteria", "type", "answer:unit", "score:unit", "percent", "blank", "note:unit", "evidenceText:unit", "evidence:unit"],
    headers: {
      textB: "Penilaian",
      weight: "Bobot",
      criteria: "Penjelasan",
      type: "Pilihan Jawaban",
      "answer:unit": "Jawaban",
      "score:unit": "Nilai",
      percent: " %",
      "note:unit": "Catatan/Keterangan/Penjelasan",
    },
    roles: ["unit"],
  },
  "portalrb-jawaban": {
    sheet: "Jawaban",
    headerRow: 1,
    columns: ["no", ...PENILAIAN, "weight", "criteria", "type", "answer:unit", "note:unit", "evidence:unit", "answer:tpi", "score:unit", "score:tpi", "note:tpi"],
    headers: {
      no: "No",
      textB: "Penilaian",
      weight: "Bobot",
      criteria: "Kriteria Nilai",
      type: "Pilihan Jawaban",
      "answer:unit": "Jawaban Unit",
      "note:unit": "Catatan Unit",
      "evidence:unit": "Bukti Dukung Unit",
      "answer:tpi": "Jawaban TPI",
      "score:unit": "Nilai Unit",
      "score:tpi": "Nilai TPI",
      "note:tpi": "Catatan TPI",
    },
    roles: ["unit", "tpi"],
  },
  kesdm: {
    sheet: "Jawaban",
    headerRow: 1,
    columns: [
      "no", ...PENILAIAN, "weight", "criteria", "type", "answer:unit", "note:unit", "evidenceText:unit", "evidence:unit",
      "answer:tpi", "note:tpi", "score:unit", "score:tpi", "answer:tpi2", "note:tpi2", "score:tpi2",
    ],
    headers: {
      no: "ID",
      textB: "Penilaian",
      weight: "Bobot",
      criteria: "Penjelasan",
      type: "Pilihan Jawaban",
      "answer:unit": "Jawaban Unit",
      "note:unit": "Catatan/Keterangan Unit",
      "evidenceText:unit": "Daftar Bukti Dukung",
      "evidence:unit": "Tautan Bukti Dukung",
      "answer:tpi": "Jawaban TPI Unit",
      "note:tpi": "Catatan TPI Unit",
      "score:unit": "Nilai Unit",
      "score:tpi": "Nilai TPI Unit",
      "answer:tpi2": "Jawaban TPI Itjen",
      "note:tpi2": "Catatan TPI Itjen",
      "score:tpi2": "Nilai TPI Itjen",
    },
    roles: ["unit", "tpi", "tpi2"],
  },
};

const JUNK_TEXTS = [
  "Catatan unit: dokumen pendukung menyusul setelah rapat koordinasi",
  "",
  "Disusun oleh tim pokja ZI bulan Maret",
  "(baris sisipan untuk tanda tangan reviu internal)",
];

function plan(model: LoadedModel): PlanRow[] {
  const rows: PlanRow[] = [];
  const walk = (n: ModelNode) => {
    if (n.code === "B") rows.push({ kind: "total", which: "pengungkit" }, { kind: "junk", text: "" });
    rows.push({ kind: "node", node: n });
    for (const q of n.questions) {
      rows.push({ kind: "question", q });
      for (const input of q.percent?.inputs ?? []) rows.push({ kind: "count", q, input });
    }
    n.children.forEach(walk);
  };
  model.roots.forEach(walk);
  rows.push({ kind: "total", which: "hasil" }, { kind: "total", which: "total" });
  return rows;
}

const NUMBERING_COL: Record<ModelNode["kind"], number> = { komponen: 0, subKomponen: 1, area: 2, indikator: 3, subIndikator: 3 };

function nodeNumbering(n: ModelNode): string {
  const last = n.code.split(".").pop()!;
  return `${last}.`;
}

function noisy(text: string, rnd: Random | undefined): string {
  if (!rnd) return text;
  let t = text;
  if (rnd.chance(0.15)) t = t.toUpperCase();
  if (rnd.chance(0.2)) t = ` ${t}  `;
  if (rnd.chance(0.15)) t = t.replace(/ /g, "  ");
  return t;
}

export async function generateWorkbook(model: LoadedModel, opts: GenerateOptions): Promise<{ bytes: Uint8Array; sheet: GeneratedSheet }> {
  const spec = LAYOUTS[opts.layout];
  const columns: ColumnSpec[] = spec.columns.map((key) => ({ key, header: opts.headers?.[key] ?? spec.headers[key] ?? "" }));
  if (opts.extraColumns) {
    columns.splice(columns.findIndex((c) => c.key === "weight") + 1, 0, { key: "foreign1", header: "Kode Internal" });
    columns.splice(columns.findIndex((c) => c.key === "answer:unit"), 0, { key: "foreign2", header: "PIC Pengisi" });
  }
  for (const key of opts.moveToEnd ?? []) {
    const i = columns.findIndex((c) => c.key === key);
    if (i >= 0) columns.push(...columns.splice(i, 1));
  }
  const colOf = new Map(columns.map((c, i) => [c.key, i + 1]));
  const letter = (key: string) => columnLetters(colOf.get(key)! - 1);

  const omitted = (p: PlanRow) => (p.kind === "question" || p.kind === "count") && (opts.omitItems?.has(p.q.code) ?? false);
  const rowsPlan = plan(model).filter((p) => !omitted(p));
  const inserts = new Set(opts.insertRowsAt ?? []);
  const placed: Array<PlanRow & { row: number }> = [];
  let row = spec.headerRow + (opts.layout === "lampiran-iii" ? 2 : 1);
  rowsPlan.forEach((p, i) => {
    if (inserts.has(i)) placed.push({ kind: "junk", text: JUNK_TEXTS[i % JUNK_TEXTS.length]!, row: row++ });
    placed.push({ ...p, row: row++ });
  });
  const rowOf = new Map<string, number>();
  for (const p of placed) {
    if (p.kind === "node") rowOf.set(p.node.code, p.row);
    else if (p.kind === "question") rowOf.set(p.q.code, p.row);
    else if (p.kind === "count") rowOf.set(`${p.q.code}#${p.input.key}`, p.row);
    else if (p.kind === "total") rowOf.set(`total:${p.which}`, p.row);
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = "lke-zi generator";
  const ws = wb.addWorksheet(opts.sheetName ?? spec.sheet);

  // Title and header.
  if (opts.layout === "lampiran-iii") {
    ws.getCell(1, 2).value = `LAMPIRAN III\nPERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI NOMOR 90 TAHUN 2021${opts.unitName ? `\nUnit kerja: ${opts.unitName}` : ""}`;
    ws.mergeCells(1, 2, 1, colOf.get("note:unit")!);
  }
  for (const c of columns) if (c.header) ws.getCell(spec.headerRow, colOf.get(c.key)!).value = c.header;
  ws.mergeCells(spec.headerRow, colOf.get("textB")!, spec.headerRow, colOf.get("textG")!);

  const answerCells = { unit: new Map(), tpi: new Map(), tpi2: new Map() } as GeneratedSheet["answerCells"];
  const scoreCells = { unit: new Map(), tpi: new Map(), tpi2: new Map() } as GeneratedSheet["scoreCells"];
  const setAnswer = (r: number, role: AnswerRole, key: string, value: CellValue) => {
    const cell = ws.getCell(r, colOf.get(`answer:${role}`)!);
    if (value !== null) cell.value = value as ExcelJS.CellValue;
    answerCells[role].set(key, cell.address);
  };
  const answersOf = (role: AnswerRole): AnswerSet => (role === "unit" ? opts.answers : (opts.evaluators?.[role] ?? new Map()));
  const typeCell = (r: number) => `${letter("type")}${r}`;
  const weightCell = (r: number) => `${letter("weight")}${r}`;

  for (const p of placed) {
    const r = p.row;
    ws.getCell(r, colOf.get("no")!).value = r - spec.headerRow;
    if (p.kind === "junk") {
      if (p.text) ws.getCell(r, colOf.get("textG")!).value = p.text;
      continue;
    }
    if (p.kind === "total") {
      const label = { pengungkit: "TOTAL PENGUNGKIT", hasil: "TOTAL HASIL", total: "NILAI EVALUASI ZONA INTEGRITAS" }[p.which];
      ws.getCell(r, colOf.get("textB")!).value = label;
      ws.mergeCells(r, colOf.get("textB")!, r, colOf.get("textG")!);
      continue;
    }
    if (p.kind === "node") {
      const n = p.node;
      const numCol = colOf.get(PENILAIAN[NUMBERING_COL[n.kind]]!)!;
      const numbering = n.kind === "subIndikator" && n.code.endsWith(".ii") ? "" : nodeNumbering(n);
      if (numbering) ws.getCell(r, numCol).value = numbering;
      ws.getCell(r, numCol + 1).value = noisy(n.name, opts.textNoise);
      if (numCol + 1 < colOf.get("textG")!) ws.mergeCells(r, numCol + 1, r, colOf.get("textG")!);
      ws.getCell(r, colOf.get("weight")!).value = n.weight;
      continue;
    }
    const q = p.q;
    if (p.kind === "count") {
      const key = `${q.code}#${p.input.key}`;
      ws.getCell(r, colOf.get("textG")!).value = noisy(`- ${p.input.label}`, opts.textNoise);
      ws.getCell(r, colOf.get("type")!).value = "Jumlah";
      for (const role of spec.roles) {
        // The template computes LHKPN's total; the national sheet computes both totals from their parts.
        if (p.input.sumOfParts === "computed" || (p.input.sumOfParts && opts.layout !== "lampiran-iii")) {
          const parts = q.percent!.inputs.filter((i) => i.role === "part").map((i) => `${letter(`answer:${role}`)}${rowOf.get(`${q.code}#${i.key}`)}`);
          const cell = ws.getCell(r, colOf.get(`answer:${role}`)!);
          cell.value = { formula: sumOfPartsFormula(parts) } as ExcelJS.CellFormulaValue;
          answerCells[role].set(key, cell.address);
        } else {
          setAnswer(r, role, key, answersOf(role).get(key) ?? null);
          ws.getCell(r, colOf.get(`answer:${role}`)!).dataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0] };
        }
        ws.getCell(r, colOf.get(`score:${role}`)!).value = { formula: questionScoreFormula(typeCell(r), `${letter(`answer:${role}`)}${r}`) } as ExcelJS.CellFormulaValue;
      }
      continue;
    }
    // A question row.
    const official = q.letter === "-" ? "-" : `${q.letter}.`;
    // Retyped sheets number items "-" instead of "d.", or drop the period.
    const letterText = opts.textNoise?.chance(0.3) ? (opts.textNoise.chance(0.5) ? "-" : q.letter.replace("-", "")) : official;
    if (!q.code.startsWith("B.") && letterText) ws.getCell(r, colOf.get("textF")!).value = letterText;
    if (q.code.startsWith("B.")) {
      ws.getCell(r, colOf.get("textD")!).value = q.letter;
      ws.getCell(r, colOf.get("textE")!).value = noisy(q.text, opts.textNoise);
      ws.mergeCells(r, colOf.get("textE")!, r, colOf.get("textG")!);
      ws.getCell(r, colOf.get("weight")!).value = q.weight!;
    } else {
      ws.getCell(r, colOf.get("textG")!).value = noisy(q.text, opts.textNoise);
    }
    ws.getCell(r, colOf.get("criteria")!).value = q.criteria;
    ws.getCell(r, colOf.get("type")!).value = q.type === "survey" ? "Nilai\n(0-4)" : model.answerTypes[q.type].label;
    for (const role of spec.roles) {
      const answerCol = letter(`answer:${role}`);
      const scoreCell = ws.getCell(r, colOf.get(`score:${role}`)!);
      if (q.percent) {
        const cellOf = (key: string) => {
          const rr = rowOf.get(`${q.code}#${key}`);
          return rr === undefined ? undefined : `${answerCol}${rr}`;
        };
        ws.getCell(r, colOf.get(`answer:${role}`)!).value = { formula: percentFormula(q.percent, cellOf) } as ExcelJS.CellFormulaValue;
        scoreCell.value = { formula: questionScoreFormula(typeCell(r), `${answerCol}${r}`) } as ExcelJS.CellFormulaValue;
      } else {
        setAnswer(r, role, q.code, answersOf(role).get(q.code) ?? null);
        const options = (q.options ?? model.answerTypes[q.type].options ?? []).map((o) => o.key).join(",");
        ws.getCell(r, colOf.get(`answer:${role}`)!).dataValidation =
          q.type === "survey"
            ? { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 4] }
            : { type: "list", allowBlank: true, formulae: [`"${options}"`] };
        const formula =
          q.type === "survey"
            ? surveyScoreFormula(`${answerCol}${r}`, weightCell(r))
            : q.code.startsWith("B.")
              ? hasilOptionScoreFormula(typeCell(r), `${answerCol}${r}`, weightCell(r))
              : questionScoreFormula(typeCell(r), `${answerCol}${r}`);
        scoreCell.value = { formula } as ExcelJS.CellFormulaValue;
      }
      scoreCells[role].set(q.code, scoreCell.address);
    }
    const ev = opts.evidence?.(q.code);
    if (ev?.text && colOf.has("evidenceText:unit")) ws.getCell(r, colOf.get("evidenceText:unit")!).value = ev.text;
    if (ev?.link) {
      const cell = ws.getCell(r, colOf.get("evidence:unit")!);
      cell.value = ev.asFormula
        ? ({ formula: `HYPERLINK("${ev.link}","bukti")` } as ExcelJS.CellFormulaValue)
        : { text: ev.link, hyperlink: ev.link };
    }
    const note = opts.notes?.(q.code);
    if (note) ws.getCell(r, colOf.get("note:unit")!).value = note;
  }

  // Score formulas of the structure, per role.
  const totalCells = {} as GeneratedSheet["totalCells"];
  for (const role of spec.roles) {
    const L = letter(`score:${role}`);
    const at = (key: string) => `${L}${rowOf.get(key)}`;
    const put = (key: string, formula: string) => {
      const cell = ws.getCell(rowOf.get(key)!, colOf.get(`score:${role}`)!);
      cell.value = { formula } as ExcelJS.CellFormulaValue;
      scoreCells[role].set(key, cell.address);
    };
    const lastRowOf = (n: ModelNode): number => {
      const lastQ = n.questions.filter((q) => rowOf.has(q.code)).at(-1);
      const own = lastQ
        ? Math.max(rowOf.get(lastQ.code)!, ...(lastQ.percent?.inputs ?? []).map((i) => rowOf.get(`${lastQ.code}#${i.key}`) ?? 0))
        : rowOf.get(n.code)!;
      return Math.max(own, ...n.children.map(lastRowOf));
    };
    const visit = (n: ModelNode) => {
      n.children.forEach(visit);
      const r = rowOf.get(n.code)!;
      if ((n.kind === "indikator" || n.kind === "subIndikator") && n.children.length === 0) {
        put(n.code, indicatorScoreFormula(`${L}${r + 1}`, `${L}${lastRowOf(n)}`, weightCell(r)));
      } else if (n.code === "A") {
        put(n.code, at("total:pengungkit"));
      } else if (n.code === "B") {
        put(n.code, at("total:hasil"));
      } else if (n.questions.length > 0) {
        put(n.code, sumFormula(n.questions.map((q) => at(q.code))));
      } else {
        put(n.code, sumFormula(n.children.map((c) => at(c.code))));
      }
      if (colOf.has("percent") && role === "unit") {
        ws.getCell(r, colOf.get("percent")!).value = { formula: `${at(n.code)}/${weightCell(r)}` } as ExcelJS.CellFormulaValue;
      }
    };
    model.roots.forEach(visit);
    const [a, b] = model.roots;
    put("total:pengungkit", sumFormula(a!.children.map((c) => at(c.code))));
    put("total:hasil", sumFormula(b!.children.map((c) => at(c.code))));
    put("total:total", sumFormula([at("total:pengungkit"), at("total:hasil")]));
    totalCells[role] = { pengungkit: at("total:pengungkit"), hasil: at("total:hasil"), total: at("total:total") };
  }

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    bytes,
    sheet: {
      sheetName: ws.name,
      headerRow: spec.headerRow,
      answerCells,
      scoreCells,
      totalCells,
      rows: rowOf,
      columns: new Map(columns.map((c) => [c.key, letter(c.key)])),
    },
  };
}
