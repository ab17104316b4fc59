// The evaluator's use cases (TPI, TPN) on the workbook the unit filled: start a review (the role's columns
// found, or added beside the unit's), protect the unit's columns while reviewing, write `Catatan Evaluasi`,
// and keep the review log. The unit's cells are never written: every write goes to the role's new columns,
// the add-in's own sheets, or the sheet's protection.
import { toA1 } from "../domain/grid/address";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import { buildCatatanEvaluasiPlan, CATATAN_SHEET, isOwnCatatanSheet } from "../domain/review/catatanEvaluasiPlan";
import { baselineFromLog, diffReviewedCells, reviewedCells, type ReviewLogEntry, type WatchedCell } from "../domain/review/reviewLog";
import { evaluatorInputRanges, planRoleColumns, type EvaluatorRole } from "../domain/review/roleColumnsPlan";
import { describeFinding } from "../i18n/findingMessages";
import type { Locale } from "../i18n/formatNumber";
import { GatewayError, needs } from "./gatewayError";
import type { ProtectionOutcome, WorkbookGateway } from "./workbookGateway";

/**
 * The role's columns as the sheet has them, or added where it has none: "found" or "added" (the caller reads
 * the workbook again to see them). Evaluator answers start empty, never copied from the unit's.
 */
export async function startReview(gateway: WorkbookGateway, analysis: LkeAnalysis, role: EvaluatorRole): Promise<"found" | "added"> {
  const plan = planRoleColumns(analysis.model, analysis.sheet, analysis.layout, role);
  if (!plan) return "found";
  await needs(gateway.addRoleColumns?.bind(gateway))(plan);
  return "added";
}

/** Protects the LKE sheet with only the role's answer, count and note cells open, or lifts it. */
export async function protectUnitColumns(gateway: WorkbookGateway, analysis: LkeAnalysis, role: EvaluatorRole, on: boolean): Promise<ProtectionOutcome> {
  const ranges = evaluatorInputRanges(analysis.model, analysis.sheet, analysis.layout, role);
  if (on && ranges.length === 0) throw new GatewayError("role-not-in-sheet", `no ${role} columns to leave open`);
  return needs(gateway.setReviewProtection?.bind(gateway))(analysis.sheet.name, ranges, on);
}

/** The evaluator's note on one question, in the role's Catatan column (its row: the question's); the cell written. */
export async function writeEvaluatorNote(gateway: WorkbookGateway, analysis: LkeAnalysis, role: EvaluatorRole, item: string, text: string): Promise<string> {
  const note = analysis.layout.columns.roles[role]?.note;
  const row = analysis.layout.rows.questions.get(item);
  if (note === undefined || row === undefined) throw new GatewayError("role-not-in-sheet", `no ${role} note cell for ${item}`);
  const cell = toA1(row, note);
  await needs(gateway.setEvaluatorNote?.bind(gateway))(analysis.sheet.name, cell, text.trim());
  return cell;
}

/** Writes (or rewrites) the `Catatan Evaluasi` sheet from the analysis as it is. */
export async function writeCatatanEvaluasi(
  gateway: WorkbookGateway,
  analysis: LkeAnalysis,
  role: EvaluatorRole,
  options: { locale?: Locale; time: string },
): Promise<void> {
  if (!analysis.review || !analysis.layout.columns.roles[role]) throw new GatewayError("role-not-in-sheet", `no ${role} columns`);
  // A sheet of that name that is not ours (no mark) is the user's: never rewritten.
  const existing = (await gateway.readWorkbook()).sheets.find((s) => s.name.toLowerCase() === CATATAN_SHEET.toLowerCase());
  if (existing && !isOwnCatatanSheet(existing)) throw new GatewayError("sheet-name-taken", `"${existing.name}" is the user's own sheet`);
  const plan = buildCatatanEvaluasiPlan({
    model: analysis.model,
    sheet: analysis.sheet,
    layout: analysis.layout,
    review: analysis.review,
    role,
    findings: analysis.findings,
    describe: (f) => describeFinding(f, options.locale ?? "id").message,
    time: options.time,
  });
  await gateway.applyWritePlan(plan);
}

/** The cells the review log follows, as the analysis read them. */
export function reviewState(analysis: LkeAnalysis): Map<string, WatchedCell> {
  return reviewedCells(analysis.model, analysis.sheet, analysis.layout);
}

/** The same cells as the workbook's log last recorded them: the "before" of a pane that has just opened. */
export function loggedState(analysis: LkeAnalysis, now: ReadonlyMap<string, WatchedCell> = reviewState(analysis)): Map<string, WatchedCell> {
  return baselineFromLog(analysis.reviewLog ?? [], now);
}

/** Logs what changed between two reads (nothing when nothing did); the entries written. */
export async function logReviewChanges(
  gateway: WorkbookGateway,
  before: ReadonlyMap<string, WatchedCell>,
  after: ReadonlyMap<string, WatchedCell>,
  time: string,
): Promise<ReviewLogEntry[]> {
  const entries = diffReviewedCells(before, after, time);
  if (entries.length > 0 && gateway.appendReviewLog) await gateway.appendReviewLog(entries);
  return entries;
}
