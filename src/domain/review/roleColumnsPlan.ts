// An evaluator's columns (Jawaban, Nilai, Catatan of TPI or TPN) added beside the LKE: the first three empty
// columns right of everything the sheet holds, so that no cell of the unit moves or changes. The Nilai column
// gets the template's own formulas pointed at the evaluator's answers (templateCells.ts), the answer cells the
// same answer lists as data validation; the answer and note cells stay empty: an evaluator's answer is never
// pre-filled from the unit's.
import { columnIndex, columnLetters, parseA1, toA1 } from "../grid/address";
import type { SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout, RoleColumns } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import type { LoadedModel } from "../model/loadModel";
import { officialFormulas, sheetComputes } from "../formulas/templateCells";
import { sumOfPartsFormula } from "../formulas/templateFormulas";

export type EvaluatorRole = Exclude<Role, "unit">;

export const ROLE_LABEL: Record<EvaluatorRole, string> = { tpi: "TPI", tpn: "TPN" };

/** An answer list ("Ya,Tidak"), or a number of at least `min` (counts) / between min and max (surveys). */
export type AnswerRule = { kind: "list"; options: string[] } | { kind: "decimal"; min: number; max?: number };

export interface RoleColumnsPlan {
  role: EvaluatorRole;
  sheet: string;
  /** Zero-based columns of the new Jawaban, Nilai and Catatan. */
  columns: { answer: number; score: number; note: number };
  /** The rows the columns span: the header row to the LKE's last row (zero-based, inclusive). */
  rows: { from: number; to: number };
  /** Every cell the plan writes: the three header labels, then the formulas ("=…"). */
  cells: Array<{ cell: string; value: string }>;
  /** Answer rules by range of the answer column ("R8", "R20:R22"). */
  validations: Array<{ range: string; rule: AnswerRule }>;
  /** Cells the evaluator types into (answers and counts, then the notes), to unlock on a protected sheet. */
  inputRanges: string[];
}

export const roleHeaders = (role: EvaluatorRole) => {
  const label = ROLE_LABEL[role];
  return { answer: `Jawaban ${label}`, score: `Nilai ${label}`, note: `Catatan ${label}` };
};

/** One past the last column holding anything (a value, a formula, a merge) in the sheet. */
export function firstFreeColumn(sheet: SheetGrid): number {
  let last = -1;
  const scan = (rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>) => {
    for (const row of rows) {
      if (!row) continue; // rows are sparse
      for (let c = row.length - 1; c > last; c--) {
        if (row[c] !== null && row[c] !== undefined && row[c] !== "") {
          last = c;
          break;
        }
      }
    }
  };
  scan(sheet.values);
  scan(sheet.formulas);
  for (const m of sheet.merges) {
    const end = /:([A-Z]+)\d+$/.exec(m)?.[1];
    if (end) last = Math.max(last, columnIndex(end));
  }
  return last + 1;
}

/** The layout as it will read once the plan is written: the role's columns where the plan puts them. */
export function withRoleColumns(layout: LkeLayout, role: EvaluatorRole, columns: RoleColumnsPlan["columns"]): LkeLayout {
  const rc: RoleColumns = { answer: columns.answer, score: columns.score, note: columns.note, label: roleHeaders(role).answer };
  return { ...layout, columns: { ...layout.columns, roles: { ...layout.columns.roles, [role]: rc } } };
}

/**
 * The columns to add for `role`, or undefined where the sheet already has that role's answer column. Where the
 * unit's sheet computes a denominator from its parts (LHKPN), the evaluator's column does the same.
 */
export function planRoleColumns(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: EvaluatorRole): RoleColumnsPlan | undefined {
  if (layout.columns.roles[role]) return undefined;
  const first = firstFreeColumn(sheet);
  const columns = { answer: first, score: first + 1, note: first + 2 };
  const planned = withRoleColumns(layout, role, columns);
  const headers = roleHeaders(role);
  const head = layout.headerRow;
  const cells: RoleColumnsPlan["cells"] = [
    { cell: toA1(head, columns.answer), value: headers.answer },
    { cell: toA1(head, columns.score), value: headers.score },
    { cell: toA1(head, columns.note), value: headers.note },
  ];
  const formulas = officialFormulas(model, sheet, planned, role);
  const unitAnswer = layout.columns.roles.unit?.answer;
  const validations: RoleColumnsPlan["validations"] = [];
  for (const q of model.questions) {
    if (q.percent) {
      const partCell = (key: string) => {
        const r = layout.rows.counts.get(`${q.code}#${key}`);
        return r === undefined ? '""' : toA1(r, columns.answer);
      };
      for (const input of q.percent.inputs) {
        const r = layout.rows.counts.get(`${q.code}#${input.key}`);
        if (r === undefined) continue;
        if (unitAnswer !== undefined && sheetComputes(sheet, r, unitAnswer, input.sumOfParts)) {
          const parts = q.percent.inputs.filter((i) => i.role === "part").map((i) => partCell(i.key));
          formulas.set(toA1(r, columns.answer), `=${sumOfPartsFormula(parts)}`);
          continue;
        }
        validations.push({ range: toA1(r, columns.answer), rule: { kind: "decimal", min: 0 } });
      }
      continue;
    }
    const r = layout.rows.questions.get(q.code);
    if (r === undefined) continue;
    const spec = model.answerTypes[q.type];
    const options = (q.options ?? spec.options)?.map((o) => o.key);
    const rule: AnswerRule | undefined =
      options && options.length > 0
        ? { kind: "list", options }
        : spec.range
          ? { kind: "decimal", min: spec.range.min, max: spec.range.max }
          : undefined;
    if (rule) validations.push({ range: toA1(r, columns.answer), rule });
  }
  const inputRows = evaluatorInputRows(model, sheet, planned, role);
  const lastRow = Math.max(head, ...[...formulas.keys()].map(rowOf), ...inputRows);
  for (const [cell, formula] of [...formulas].sort((a, b) => rowOf(a[0]) - rowOf(b[0]) || a[0].localeCompare(b[0]))) {
    cells.push({ cell, value: formula });
  }
  return {
    role,
    sheet: sheet.name,
    columns,
    rows: { from: head, to: lastRow },
    cells,
    validations: mergeRuns(validations),
    inputRanges: evaluatorInputRanges(model, sheet, planned, role),
  };
}

/**
 * The rows where an evaluator types: every question's answer and every count the sheet does not compute (in
 * the role's column, or in the unit's for a denominator made of parts).
 */
function evaluatorInputRows(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role): number[] {
  const col = layout.columns.roles[role]?.answer;
  if (col === undefined) return [];
  const unit = layout.columns.roles.unit?.answer;
  const rows: number[] = [];
  for (const q of model.questions) {
    if (!q.percent) {
      const r = layout.rows.questions.get(q.code);
      if (r !== undefined) rows.push(r);
      continue;
    }
    for (const input of q.percent.inputs) {
      const r = layout.rows.counts.get(`${q.code}#${input.key}`);
      if (r === undefined || sheetComputes(sheet, r, col, input.sumOfParts)) continue;
      if (unit !== undefined && sheetComputes(sheet, r, unit, input.sumOfParts)) continue;
      rows.push(r);
    }
  }
  return rows;
}

/** The cells an evaluator types into (answers and counts, then the notes), to leave open on a protected sheet. */
export function evaluatorInputRanges(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, role: Role): string[] {
  const cols = layout.columns.roles[role];
  if (!cols) return [];
  const rows = evaluatorInputRows(model, sheet, layout, role);
  const answers = columnRuns(rows, cols.answer);
  if (cols.note === undefined || rows.length === 0) return answers;
  const note = columnLetters(cols.note);
  return [...answers, `${note}${layout.headerRow + 2}:${note}${Math.max(...rows) + 1}`];
}

const rowOf = (a1: string) => parseA1(a1).row;

/** The role's columns as a range of whole columns ("R:T"). */
export function roleColumnsSpan(cols: RoleColumns): string {
  return `${columnLetters(cols.answer)}:${columnLetters(Math.max(cols.answer, cols.score ?? cols.answer, cols.note ?? cols.answer))}`;
}

/** Rows of one column as ranges of adjacent rows ("R8:R12", "R15"). */
function columnRuns(rows: number[], col: number): string[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? toA1(sorted[i]!, col) : `${toA1(sorted[i]!, col)}:${toA1(sorted[j]!, col)}`);
    i = j + 1;
  }
  return out;
}

/** Adjacent cells of one column with the same rule become one range ("R8:R12"): fewer calls to Excel. */
function mergeRuns(list: RoleColumnsPlan["validations"]): RoleColumnsPlan["validations"] {
  const sorted = [...list].sort((a, b) => rowOf(a.range) - rowOf(b.range));
  const out: Array<{ first: string; last: string; rule: AnswerRule }> = [];
  const same = (a: AnswerRule, b: AnswerRule) => JSON.stringify(a) === JSON.stringify(b);
  for (const v of sorted) {
    const prev = out[out.length - 1];
    if (prev && same(prev.rule, v.rule) && rowOf(v.range) === rowOf(prev.last) + 1) prev.last = v.range;
    else out.push({ first: v.range, last: v.range, rule: v.rule });
  }
  return out.map((r) => ({ range: r.first === r.last ? r.first : `${r.first}:${r.last}`, rule: r.rule }));
}
