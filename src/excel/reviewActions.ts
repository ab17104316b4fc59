// The evaluator's actions on the open workbook, each inside one Excel.run, with a fixed number of syncs:
//
// addRoleColumns: TWO syncs. (1) the write guards, the LKE sheet's protection and the cells the plan would
//   fill; nothing is written unless the workbook may be written and every one of those cells is still empty
//   (a co-author may have typed there since the read). (2) one `formulas` write of the three columns (null
//   leaves a cell untouched), the answer lists as data validation, bold headers, column widths.
// setReviewProtection: TWO syncs. (1) whether the sheet is protected. (2) protect: the evaluator's input cells
//   unlocked, then the sheet protected without a password (so the unit's columns cannot be typed over by
//   mistake); unprotect: the sheet unprotected. A sheet protected by someone else is never touched.
// setEvaluatorNote: TWO syncs. (1) the write guards. (2) the note, as text ("'…"), in its one cell (an
//   evaluator's cell: open on a sheet protected for the review).
// appendReviewLog: TWO syncs for a new log (whether the sheet is there; the sheet with its header and rows,
//   made very hidden), THREE to add to one (its used range is read in a batch of its own: a used range asked
//   of a null-object sheet is where hosts differ). Every cell is written as text ("'…").
import { GatewayError } from "../app/gatewayError";
import type { ProtectionOutcome } from "../app/workbookGateway";
import { planText } from "../domain/formulas/rekapPlan";
import { columnLetters, parseA1, toA1 } from "../domain/grid/address";
import { reviewLogHeader, encodeReviewLog, REVIEW_LOG_SHEET, type ReviewLogEntry } from "../domain/review/reviewLog";
import type { AnswerRule, RoleColumnsPlan } from "../domain/review/roleColumnsPlan";
import type { RequestContextApi } from "./excelApi";
import { charWidthToPoints, toFormulaCell } from "./toPlanCells";
import { assertWritable, queueWriteGuards } from "./writeGuards";

/** Column widths (characters) of the new Jawaban, Nilai and Catatan. */
const COLUMN_WIDTHS = [14, 10, 40];

function ruleOf(rule: AnswerRule): Excel.DataValidationRule {
  if (rule.kind === "list") return { list: { inCellDropDown: true, source: rule.options.join(",") } };
  return rule.max === undefined
    ? { decimal: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } }
    : { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
}

function isEmpty(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

export async function addRoleColumns(context: RequestContextApi, plan: RoleColumnsPlan): Promise<void> {
  const workbook = context.workbook;
  const sheet = workbook.worksheets.getItem(plan.sheet);
  const first = columnLetters(plan.columns.answer);
  const last = columnLetters(plan.columns.note);
  const area = sheet.getRange(`${first}${plan.rows.from + 1}:${last}${plan.rows.to + 1}`);
  queueWriteGuards(workbook);
  sheet.load("protection/protected");
  area.load("formulas");
  await context.sync();

  assertWritable(workbook);
  if (sheet.protection.protected) throw new GatewayError("sheet-protected", `sheet "${plan.sheet}"`);
  if (!area.formulas.every((row) => row.every(isEmpty))) {
    throw new GatewayError("unwritable", `${first}:${last} of "${plan.sheet}" is no longer empty`);
  }

  const height = plan.rows.to - plan.rows.from + 1;
  const matrix: Array<Array<string | null>> = Array.from({ length: height }, () => [null, null, null]);
  for (const c of plan.cells) {
    const { row, col } = parseA1(c.cell);
    matrix[row - plan.rows.from]![col - plan.columns.answer] = c.value;
  }
  area.formulas = matrix;
  for (const v of plan.validations) {
    const range = sheet.getRange(v.range);
    range.dataValidation.clear();
    range.dataValidation.rule = ruleOf(v.rule);
  }
  sheet.getRange(`${toA1(plan.rows.from, plan.columns.answer)}:${toA1(plan.rows.from, plan.columns.note)}`).format.font.bold = true;
  COLUMN_WIDTHS.forEach((width, i) => {
    sheet.getRange(`${columnLetters(plan.columns.answer + i)}:${columnLetters(plan.columns.answer + i)}`).format.columnWidth = charWidthToPoints(width);
  });
  await context.sync();
}

/** Protects the LKE sheet with only `inputRanges` (the evaluator's cells) left open, or lifts that protection. */
export async function setReviewProtection(context: RequestContextApi, sheetName: string, inputRanges: readonly string[], on: boolean): Promise<ProtectionOutcome> {
  const workbook = context.workbook;
  const sheet = workbook.worksheets.getItem(sheetName);
  queueWriteGuards(workbook);
  sheet.load("protection/protected");
  await context.sync();

  assertWritable(workbook);
  const already = sheet.protection.protected;
  if (on && already) return "already-protected";
  if (!on && !already) return "not-protected";
  if (on) {
    for (const r of inputRanges) sheet.getRange(r).format.protection.locked = false;
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
  } else {
    sheet.protection.unprotect();
  }
  await context.sync();
  return on ? "protected" : "unprotected";
}

export async function setEvaluatorNote(context: RequestContextApi, sheetName: string, cell: string, text: string): Promise<void> {
  const workbook = context.workbook;
  queueWriteGuards(workbook);
  await context.sync();
  assertWritable(workbook);
  workbook.worksheets.getItem(sheetName).getRange(cell).values = [[toFormulaCell(planText(text))]];
  await context.sync();
}

export async function appendReviewLog(context: RequestContextApi, entries: readonly ReviewLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const workbook = context.workbook;
  const existing = workbook.worksheets.getItemOrNullObject(REVIEW_LOG_SHEET);
  queueWriteGuards(workbook);
  await context.sync();

  assertWritable(workbook);
  const asText = (block: string[][]) => block.map((r) => r.map((v) => toFormulaCell(planText(v))));
  const rows = asText(encodeReviewLog(entries));
  const width = rows[0]!.length;
  const at = (top: number, block: readonly unknown[]) => `A${top + 1}:${columnLetters(width - 1)}${top + block.length}`;
  if (existing.isNullObject) {
    if (workbook.protection.protected) throw new GatewayError("workbook-protected", `cannot add "${REVIEW_LOG_SHEET}"`);
    const sheet = workbook.worksheets.add(REVIEW_LOG_SHEET);
    const all = [...asText(reviewLogHeader()), ...rows];
    sheet.getRange(at(0, all)).values = all;
    sheet.visibility = "VeryHidden";
    await context.sync();
    return;
  }
  const used = existing.getUsedRange(true);
  used.load("address");
  await context.sync();
  const address = used.address;
  const lastCell = address.replace(/^.*!/, "").split(":").pop()!;
  const top = parseA1(lastCell).row + 1;
  existing.getRange(at(top, rows)).values = rows;
  await context.sync();
}
