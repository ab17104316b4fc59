// The template's own cells, checked by what they compute: each score formula is evaluated on probe answers and
// must give what the official rule gives (formula.deviation — the L175 defect), score cells must hold formulas
// (formula.overwritten), weights must be the regulation's (weight.changed), answer lists must offer the options.
import { parseA1, toA1, tryParseRange } from "../grid/address";
import { cellFormula, cellValue, isExcelError, type CellValue, type SheetGrid } from "../grid/sheetGrid";
import { evaluateFormula, UnsupportedFormula } from "../formulas/evaluateFormula";
import { sheetComputes, templateCells, type TemplateCellKind } from "../formulas/templateCells";
import { FormulaSyntaxError, parseFormula, type FormulaNode } from "../formulas/parseFormula";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import type { LoadedModel } from "../model/loadModel";
import type { Question } from "../model/lkeModel";
import { NOT_FILLED, add } from "../scoring/excelSemantics";
import type { ItemEntry } from "../scoring/scoreItem";
import { scoreAsTemplate, scoreItems } from "../scoring/scoreLke";
import type { Finding } from "./finding";

/** A cell the template computes, and how to know what it should hold for given entries. */
interface ComputedCell {
  a1: string;
  item: string;
  expected: (p: ProbeValues) => CellValue;
  /** The official template's formulas for this cell: a cell holding exactly one of these needs no evaluation. */
  official?: string[];
}

interface ProbeValues {
  entries: Map<string, ItemEntry>;
  items: ReturnType<typeof scoreItems>;
  template: ReturnType<typeof scoreAsTemplate>;
}

const TOLERANCE = 1e-9;

function same(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
  if (isExcelError(a) || isExcelError(b)) return isExcelError(a) && isExcelError(b) && a.error === b.error;
  return (a ?? "") === (b ?? "");
}

function show(v: CellValue): string | number {
  return isExcelError(v) ? v.error : typeof v === "number" ? v : String(v ?? "");
}

/** Deterministic probe answers: every question answered, counts with positive denominators. */
export function probeEntries(model: LoadedModel, seed: number): Map<string, ItemEntry> {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const out = new Map<string, ItemEntry>();
  for (const q of model.questions) {
    if (q.percent) {
      const counts: NonNullable<ItemEntry["counts"]> = {};
      const den = int(4, 20);
      for (const i of q.percent.inputs) {
        const v = { den, num: int(0, den + 2), part: int(1, 6), prev: int(3, 15), now: int(0, 12), aux: int(0, 5) }[i.role];
        counts[i.key] = { value: v };
      }
      out.set(q.code, { counts });
    } else if (q.type === "survey") out.set(q.code, { answer: { value: int(200, 400) / 100 } });
    else {
      const options = q.options ?? model.answerTypes[q.type].options ?? [];
      out.set(q.code, { answer: { value: options[int(0, options.length - 1)]!.key } });
    }
  }
  return out;
}

/**
 * The template's computed cells (src/domain/formulas/templateCells.ts), each with what it should hold for given
 * entries.
 */
function computedCells(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role): ComputedCell[] {
  return templateCells(model, sheet, layout, role).map((c) => ({
    a1: c.a1,
    item: c.item,
    expected: expectedOf(c.of),
    ...(c.official ? { official: c.official } : {}),
  }));
}

function expectedOf(of: TemplateCellKind): (p: ProbeValues) => CellValue {
  switch (of.kind) {
    case "node":
    case "total":
      return (p) => p.template.get(of.code) ?? null;
    case "question":
    case "percent":
      return (p) => p.items.get(of.question.code)?.excel ?? null;
    case "countScore": {
      const { question: q, input, computed } = of;
      return (p) => countNilai(computed ? sumOfParts(q, p.entries.get(q.code)) : (p.entries.get(q.code)?.counts?.[input.key]?.value ?? null));
    }
    case "countSum": {
      const q = of.question;
      return (p) => sumOfParts(q, p.entries.get(q.code));
    }
  }
}

function countNilai(v: CellValue): CellValue {
  if (isExcelError(v)) return v;
  return v === null || v === "" ? NOT_FILLED : "";
}

function sumOfParts(q: Question, entry: ItemEntry | undefined): CellValue {
  const parts = q.percent!.inputs.filter((i) => i.role === "part").map((i) => entry?.counts?.[i.key]?.value ?? null);
  if (parts.some((v) => v === null || v === "")) return NOT_FILLED;
  return add(parts);
}

/** Cells the probes replace: the role's answer cells. */
function answerCells(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, col: number): Map<string, (p: ProbeValues) => CellValue> {
  const out = new Map<string, (p: ProbeValues) => CellValue>();
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row !== undefined && !q.percent) out.set(toA1(row, col), (p) => p.entries.get(q.code)?.answer?.value ?? null);
    for (const input of q.percent?.inputs ?? []) {
      const r = layout.rows.counts.get(`${q.code}#${input.key}`);
      if (r !== undefined && !sheetComputes(sheet, r, col, input.sumOfParts)) {
        out.set(toA1(r, col), (p) => p.entries.get(q.code)?.counts?.[input.key]?.value ?? null);
      }
    }
  }
  return out;
}

/** Pilihan Jawaban and Bobot cells as the model has them, so a formula is judged apart from typed-over inputs. */
function officialInputs(model: LoadedModel, layout: LkeLayout): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const { answerType, weight } = layout.columns;
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row === undefined) continue;
    if (answerType !== undefined) out.set(toA1(row, answerType), model.answerTypes[q.type].label);
    if (weight !== undefined && q.weight !== undefined) out.set(toA1(row, weight), q.weight);
    for (const input of q.percent?.inputs ?? []) {
      const r = layout.rows.counts.get(`${q.code}#${input.key}`);
      if (r !== undefined && answerType !== undefined) out.set(toA1(r, answerType), "Jumlah");
    }
  }
  if (weight !== undefined) for (const [code, row] of layout.rows.nodes) out.set(toA1(row, weight), model.nodeByCode.get(code)!.weight);
  return out;
}

/**
 * Probe counts take the sheet's form: only the counts the sheet has, and a count the sheet computes (a formula)
 * is computed from its parts.
 */
function asInSheet(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, col: number, probe: Map<string, ItemEntry>): Map<string, ItemEntry> {
  for (const q of model.questions) {
    const counts = probe.get(q.code)?.counts;
    for (const input of q.percent?.inputs ?? []) {
      const row = layout.rows.counts.get(`${q.code}#${input.key}`);
      const cell = counts?.[input.key];
      if (!cell) continue;
      if (row === undefined) delete counts[input.key];
      else if (cellFormula(sheet, row, col) !== undefined) cell.isFormula = true;
    }
  }
  return probe;
}

function checkWeights(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout): Finding[] {
  const col = layout.columns.weight;
  if (col === undefined) return [];
  const out: Finding[] = [];
  const check = (code: string, row: number, expected: number) => {
    const v = cellValue(sheet, row, col);
    if (typeof v === "number" && Math.abs(v - expected) < TOLERANCE) return;
    out.push({ rule: "weight.changed", severity: "error", sheet: sheet.name, cell: toA1(row, col), item: code, params: { found: show(v), expected } });
  };
  for (const [code, row] of layout.rows.nodes) check(code, row, model.nodeByCode.get(code)!.weight);
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row !== undefined && q.weight !== undefined) check(q.code, row, q.weight);
  }
  return out;
}

function checkValidationLists(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, col: number): Finding[] {
  const lists = sheet.validations
    .filter((v) => v.type === "list")
    .map((v) => ({
      ranges: v.sqref.split(/\s+/).flatMap((part) => tryParseRange(part) ?? []),
      items: (v.formulae[0] ?? "").replace(/^"|"$/g, "").split(",").map((x) => x.trim().toUpperCase()),
    }));
  const listAt = (row: number) =>
    lists.find((l) => l.ranges.some((r) => r.start.row <= row && row <= r.end.row && r.start.col <= col && col <= r.end.col))?.items;
  const out: Finding[] = [];
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    const options = q.options ?? model.answerTypes[q.type].options;
    if (row === undefined || !options) continue;
    const list = listAt(row);
    if (!list) continue;
    const wanted = options.map((o) => o.key.toUpperCase()).sort();
    if ([...list].sort().join(",") === wanted.join(",")) continue;
    out.push({
      rule: "answer.validation-list",
      severity: "warning",
      sheet: sheet.name,
      cell: toA1(row, col),
      item: q.code,
      params: { found: list.join(","), expected: wanted.join(",") },
    });
  }
  return out;
}

const PLAIN_SUM = /^SUM\(((?:\$?[A-Z]{1,3}\$?\d+,)*\$?[A-Z]{1,3}\$?\d+)\)$/i;

/** Two SUMs of the same cells in another order (the template writes "SUM(L125,L5)"): the same computation. */
function sameSum(a: string, b: string): boolean {
  const x = PLAIN_SUM.exec(a.replace(/\s+/g, ""));
  const y = PLAIN_SUM.exec(b.replace(/\s+/g, ""));
  if (!x || !y) return false;
  const cells = (m: RegExpExecArray) => m[1]!.toUpperCase().replace(/\$/g, "").split(",").sort().join(",");
  return cells(x) === cells(y);
}

export function auditTemplate(
  model: LoadedModel,
  sheet: SheetGrid,
  layout: LkeLayout,
  role: Role,
  entries: Map<string, ItemEntry>,
): Finding[] {
  const cols = layout.columns.roles[role];
  if (!cols) return [];
  const findings: Finding[] = [...checkWeights(model, sheet, layout), ...checkValidationLists(model, sheet, layout, cols.answer)];
  const cells = computedCells(model, sheet, layout, role);
  // Only a sheet that computes its scores has formulas to audit (some variants are answer sheets only).
  const withFormula = cells.filter((c) => {
    const { row, col } = parseA1(c.a1);
    return cellFormula(sheet, row, col) !== undefined;
  });
  if (withFormula.length < cells.length / 2) return findings;

  // Probes cost a few scorings; they are only made once a formula is not the official one verbatim.
  let probeCache: ProbeValues[] | undefined;
  const probes = () =>
    (probeCache ??= [entries, ...[1, 2].map((seed) => asInSheet(model, sheet, layout, cols.answer, probeEntries(model, seed)))].map((e) => {
      const items = scoreItems(model, e);
      return { entries: e, items, template: scoreAsTemplate(model, items, e) };
    }));
  const expectedAt = new Map(cells.map((c) => [c.a1, c]));
  const answers = answerCells(model, sheet, layout, cols.answer);
  const official = officialInputs(model, layout);

  for (const c of cells) {
    const { row, col } = parseA1(c.a1);
    const formula = cellFormula(sheet, row, col);
    if (formula === undefined) {
      const typed = cellValue(sheet, row, col);
      findings.push({
        rule: "formula.overwritten",
        severity: "error",
        sheet: sheet.name,
        cell: c.a1,
        item: c.item,
        params: { found: show(typed) },
      });
      continue;
    }
    if (c.official !== undefined && c.official.some((o) => o === formula || sameSum(o, formula))) continue; // verbatim
    let ast: FormulaNode;
    try {
      ast = parseFormula(formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) continue;
      throw e;
    }
    for (const p of probes()) {
      const resolve = (sheetName: string | undefined, r: number, cc: number): CellValue => {
        if (sheetName !== undefined && sheetName !== sheet.name) return cellValue(sheet, r, cc); // other sheets: as saved
        const a1 = toA1(r, cc);
        const answer = answers.get(a1);
        if (answer) return answer(p);
        const computed = expectedAt.get(a1);
        if (computed) return computed.expected(p);
        return official.has(a1) ? official.get(a1)! : cellValue(sheet, r, cc);
      };
      let got: CellValue;
      try {
        got = evaluateFormula(ast, { cell: resolve });
      } catch (e) {
        if (e instanceof UnsupportedFormula) break;
        throw e;
      }
      const want = c.expected(p);
      if (!same(got, want)) {
        findings.push({
          rule: "formula.deviation",
          severity: "warning",
          sheet: sheet.name,
          cell: c.a1,
          item: c.item,
          params: { found: show(got), expected: show(want), formula: `=${formula}`.slice(0, 200), probe: p === probes()[0] ? "answers" : "probe" },
        });
        break;
      }
    }
  }
  return findings;
}
