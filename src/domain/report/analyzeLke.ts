// Grid in, everything the tool knows about the LKE out: layout, scores, findings, verdicts.
// The pane, the ribbon and the CLI all reach the core through this one function.
import type { SheetGrid, WorkbookSnapshot } from "../grid/sheetGrid";
import { detectLayout, type LayoutFailure, type LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import { readEntries } from "../layout/readEntries";
import type { LoadedModel } from "../model/loadModel";
import { pathToTarget, type TargetPath } from "../gaps/pathToPredicate";
import { evaluatePredicates, type Predicate, type PredicateOptions, type Target } from "../gaps/predicates";
import { readCachedResults, type CachedResults } from "../scoring/cachedResults";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { scoreAsTemplate, scoreItems, scoreLke, type LkeScores } from "../scoring/scoreLke";
import { checkAnswers } from "../validation/checkAnswers";
import { checkAnswerTypes } from "../validation/checkAnswerTypes";
import { auditTemplate } from "../validation/auditTemplate";
import { checkCache } from "../validation/checkCache";
import { checkEvidence } from "../validation/checkEvidence";
import { checkLayout } from "../validation/checkLayout";
import type { Finding } from "../validation/finding";
import { reviewRoles, type RoleReview } from "../review/reviewRoles";
import { decodeReviewLog, REVIEW_LOG_SHEET, type ReviewLogEntry } from "../review/reviewLog";
import type { ExcelError } from "../grid/sheetGrid";

export interface AnalyzeOptions extends PredicateOptions {
  role?: Role;
}

export interface LkeAnalysis {
  model: LoadedModel;
  sheet: SheetGrid;
  layout: LkeLayout;
  role: Role;
  entries: Map<string, ItemEntry>;
  items: Map<string, ItemScore>;
  scores: LkeScores;
  strictScores: LkeScores;
  /** The official template's Nilai cells on these answers, errors included (what a spreadsheet shows). */
  template: Map<string, number | ExcelError>;
  cached: CachedResults;
  findings: Finding[];
  predicates: Record<Target, Predicate>;
  /** The cheapest answer changes towards each predicate, and the Hasil values it needs. */
  paths: Record<Target, TargetPath>;
  /** With evaluator columns: scores per role, the final score (TPN > TPI > unit) and the differences. */
  review?: RoleReview;
  /** The review log the workbook carries (a very hidden sheet), where it has one. */
  reviewLog?: ReviewLogEntry[];
}

export type AnalysisFailure = LayoutFailure | { kind: "role-not-in-sheet"; sheet: string; role: Role };

export function analyzeLke(
  workbook: WorkbookSnapshot,
  model: LoadedModel,
  options: AnalyzeOptions = {},
): LkeAnalysis | AnalysisFailure {
  const layout = detectLayout(workbook, model);
  if (!("rows" in layout)) return layout;
  const role = options.role ?? "unit";
  const columns = layout.columns.roles[role];
  if (!columns) return { kind: "role-not-in-sheet", sheet: layout.sheet, role };
  const sheet = workbook.sheets.find((s) => s.name === layout.sheet)!;
  const entries = readEntries(sheet, layout, model, role);
  const items = scoreItems(model, entries);
  const scores = scoreLke(model, items, "regulation");
  const template = scoreAsTemplate(model, items, entries);
  const cached = readCachedResults(sheet, layout, columns.score);
  const audit = auditTemplate(model, sheet, layout, role, entries);
  // A cached value that differs because its formula deviates is one problem, reported once, as the formula's.
  const explained = new Set(audit.filter((f) => f.rule.startsWith("formula.")).map((f) => f.cell));
  const findings = [
    ...checkLayout(layout),
    ...checkAnswerTypes(model, sheet, layout),
    ...checkAnswers(model, sheet, layout, columns.answer, items, entries),
    ...checkEvidence(model, sheet, layout, columns, items),
    ...audit,
    ...checkCache(model, sheet.name, cached, template).filter((f) => !explained.has(f.cell)),
  ];
  const analysis: Omit<LkeAnalysis, "paths"> = {
    model,
    sheet,
    layout,
    role,
    entries,
    items,
    scores,
    strictScores: scoreLke(model, items, "strict"),
    template,
    cached,
    findings,
    predicates: evaluatePredicates(model, scores, options),
  };
  const paths = { wbk: pathToTarget(analysis, "wbk"), wbbm: pathToTarget(analysis, "wbbm") };
  const evaluators = layout.columns.roles.tpi !== undefined || layout.columns.roles.tpn !== undefined;
  const logSheet = workbook.sheets.find((s) => s.name === REVIEW_LOG_SHEET);
  return {
    ...analysis,
    paths,
    ...(evaluators && layout.columns.roles.unit ? { review: reviewRoles(model, sheet, layout) } : {}),
    ...(logSheet ? { reviewLog: decodeReviewLog(logSheet.values) } : {}),
  };
}
