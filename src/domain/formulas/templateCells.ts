// The cells the official template computes, where the layout found them, with the formula text the template
// puts in each: the Nilai of every node, total and question, the `%` value of a percent question, the Nilai of
// its count rows and a denominator the sheet computes from its parts. auditTemplate judges these cells (what
// they compute on probe answers); repair puts `official[0]` back where a cell was typed over or deviates.
import { toA1 } from "../grid/address";
import { cellFormula, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import type { LoadedModel } from "../model/loadModel";
import type { CountInput, ModelNode, Question } from "../model/lkeModel";
import {
  hasilOptionScoreFormula,
  indicatorScoreFormula,
  percentFormula,
  questionScoreFormula,
  sumFormula,
  sumOfPartsFormula,
  surveyScoreFormula,
} from "./templateFormulas";

/** What a computed cell holds, so that a caller can tell what it should evaluate to. */
export type TemplateCellKind =
  /** Nilai of a node (komponen … indikator), by model code. */
  | { kind: "node"; code: string }
  /** Nilai of the Pengungkit ("A"), Hasil ("B") or overall ("total") total row. */
  | { kind: "total"; code: "A" | "B" | "total" }
  /** Nilai of a question row. */
  | { kind: "question"; question: Question }
  /** The `%` value a percent question computes from its counts (in its answer cell). */
  | { kind: "percent"; question: Question }
  /** Nilai of a count row ("Blm Diisi" or ""); `computed` when the sheet computes that count from its parts. */
  | { kind: "countScore"; question: Question; input: CountInput; computed: boolean }
  /** A denominator the sheet computes from its parts (in the count's answer cell). */
  | { kind: "countSum"; question: Question; input: CountInput };

export interface TemplateCell {
  a1: string;
  /** Model code of the item the cell belongs to ("total" for the overall total). */
  item: string;
  /** The official formula texts (without "="), the template's own first; absent where the layout lacks a column it needs. */
  official?: string[];
  of: TemplateCellKind;
}

/**
 * The official formula text of every node and total cell, from where the layout found the rows: an indicator
 * averages the Nilai cells from the row below it to its last row, the levels above sum their parts.
 */
function nodeFormulas(model: LoadedModel, layout: LkeLayout, score: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const weight = layout.columns.weight;
  const cell = (row: number | undefined) => (row === undefined ? undefined : toA1(row, score));
  const nodeCell = (code: string) => cell(layout.rows.nodes.get(code));
  const lastRow = (n: ModelNode): number | undefined => {
    const rows: number[] = [];
    for (const q of n.questions) {
      const r = layout.rows.questions.get(q.code);
      if (r !== undefined) rows.push(r);
      for (const i of q.percent?.inputs ?? []) {
        const c = layout.rows.counts.get(`${q.code}#${i.key}`);
        if (c !== undefined) rows.push(c);
      }
    }
    for (const ch of n.children) {
      const r = lastRow(ch);
      if (r !== undefined) rows.push(r);
    }
    return rows.length > 0 ? Math.max(...rows) : undefined;
  };
  const sumOfCells = (cells: Array<string | undefined>) => (cells.every((c) => c !== undefined) ? [sumFormula(cells as string[])] : undefined);
  const totalPengungkit = cell(layout.rows.totals.pengungkit);
  const totalHasil = cell(layout.rows.totals.hasil);
  for (const n of model.nodes) {
    const row = layout.rows.nodes.get(n.code);
    if (row === undefined) continue;
    let f: string[] | undefined;
    if ((n.kind === "indikator" || n.kind === "subIndikator") && n.children.length === 0) {
      const last = lastRow(n);
      if (last !== undefined && weight !== undefined) {
        const [first, end, w] = [toA1(row + 1, score), toA1(last, score), toA1(row, weight)];
        f = [indicatorScoreFormula(first, end, w), ...(first === end ? [`AVERAGE(${first})*${w}`] : [])];
      }
    } else if (n.code === "A" && totalPengungkit) f = [totalPengungkit];
    else if (n.code === "B" && totalHasil) f = [totalHasil];
    else if (n.questions.length > 0) f = sumOfCells(n.questions.map((q) => cell(layout.rows.questions.get(q.code))));
    else f = sumOfCells(n.children.map((c) => nodeCell(c.code)));
    if (f) out.set(n.code, f);
  }
  const [a, b] = model.roots;
  const parts = (root: ModelNode | undefined) => (root ? root.children.map((c) => nodeCell(c.code)) : []);
  const both = (cells: Array<string | undefined>) => {
    const f = sumOfCells(cells);
    return f ? [...f, ...(sumOfCells([...cells].reverse()) ?? [])] : undefined;
  };
  const tp = both(parts(a));
  const th = both(parts(b));
  const total = totalPengungkit && totalHasil ? both([totalPengungkit, totalHasil]) : undefined;
  if (tp) out.set("total:pengungkit", tp);
  if (th) out.set("total:hasil", th);
  if (total) out.set("total:total", total);
  return out;
}

/** A denominator made of parts that the sheet computes (a formula in its cell), as the template does for LHKPN. */
export function sheetComputes(sheet: SheetGrid, row: number, col: number, sumOfParts: string | undefined): boolean {
  return sumOfParts !== undefined && cellFormula(sheet, row, col) !== undefined;
}

/** Every cell the template computes for `role`'s columns, in the order the audit reports them. */
export function templateCells(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role): TemplateCell[] {
  const cols = layout.columns.roles[role];
  if (!cols) return [];
  const out: TemplateCell[] = [];
  const withOfficial = (official: string | string[] | undefined) =>
    official === undefined || official === "" ? {} : { official: typeof official === "string" ? [official] : official };
  const score = cols.score;
  if (score !== undefined) {
    const officialOf = nodeFormulas(model, layout, score);
    for (const [code, row] of layout.rows.nodes) {
      out.push({ a1: toA1(row, score), item: code, of: { kind: "node", code }, ...withOfficial(officialOf.get(code)) });
    }
    const totals: Array<["pengungkit" | "hasil" | "total", "A" | "B" | "total"]> = [
      ["pengungkit", "A"],
      ["hasil", "B"],
      ["total", "total"],
    ];
    for (const [which, code] of totals) {
      const row = layout.rows.totals[which];
      if (row !== undefined) out.push({ a1: toA1(row, score), item: code, of: { kind: "total", code }, ...withOfficial(officialOf.get(`total:${which}`)) });
    }
  }
  const { answerType, weight } = layout.columns;
  const typeCell = (r: number) => (answerType === undefined ? undefined : toA1(r, answerType));
  const countCell = (q: Question, key: string) => {
    const r = layout.rows.counts.get(`${q.code}#${key}`);
    return r === undefined ? undefined : toA1(r, cols.answer);
  };
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row !== undefined && score !== undefined) {
      const K = toA1(row, cols.answer);
      const J = typeCell(row);
      const H = weight === undefined ? undefined : toA1(row, weight);
      const official =
        q.type === "survey"
          ? H && surveyScoreFormula(K, H)
          : q.weight !== undefined
            ? J && H && hasilOptionScoreFormula(J, K, H)
            : J && questionScoreFormula(J, K);
      out.push({ a1: toA1(row, score), item: q.code, of: { kind: "question", question: q }, ...withOfficial(official) });
    }
    if (!q.percent) continue;
    if (row !== undefined) {
      out.push({
        a1: toA1(row, cols.answer),
        item: q.code,
        of: { kind: "percent", question: q },
        official: [percentFormula(q.percent, (key) => countCell(q, key))],
      });
    }
    for (const input of q.percent.inputs) {
      const r = layout.rows.counts.get(`${q.code}#${input.key}`);
      if (r === undefined) continue;
      const computed = sheetComputes(sheet, r, cols.answer, input.sumOfParts);
      if (score !== undefined) {
        // =IF(J="Jumlah",IF(K="","Blm Diisi",""),…): text that AVERAGE skips.
        const J = typeCell(r);
        out.push({
          a1: toA1(r, score),
          item: q.code,
          of: { kind: "countScore", question: q, input, computed },
          ...withOfficial(J ? questionScoreFormula(J, toA1(r, cols.answer)) : undefined),
        });
      }
      if (computed) {
        const parts = q.percent.inputs.filter((i) => i.role === "part").map((i) => countCell(q, i.key) ?? '""');
        out.push({ a1: toA1(r, cols.answer), item: q.code, of: { kind: "countSum", question: q, input }, official: [sumOfPartsFormula(parts)] });
      }
    }
  }
  return out;
}

/** The official formula of each computed cell, as written in a cell ("=…"), by A1 address; the first cell listed wins. */
export function officialFormulas(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of templateCells(model, sheet, layout, role)) {
    const f = c.official?.[0];
    if (f !== undefined && !out.has(c.a1)) out.set(c.a1, `=${f}`);
  }
  return out;
}
