// What the Tinjauan panel shows for one evaluator role, from the analysis: pure functions of plain data.
import { toA1 } from "../../domain/grid/address";
import { cellText } from "../../domain/grid/sheetGrid";
import type { LkeAnalysis } from "../../domain/report/analyzeLke";
import { compareScores, type ScoreComparison } from "../../domain/review/compareScores";
import type { ReviewLogEntry } from "../../domain/review/reviewLog";
import type { RoleDifference } from "../../domain/review/reviewRoles";
import { roleColumnsSpan, type EvaluatorRole } from "../../domain/review/roleColumnsPlan";
import type { LkeScores } from "../../domain/scoring/scoreLke";

export interface ReviewScoreRow extends ScoreComparison {
  /** The final score (TPN over TPI over the unit, per question). */
  final: number;
}

export type ReviewView =
  | { kind: "no-columns"; role: EvaluatorRole }
  | {
      kind: "ready";
      role: EvaluatorRole;
      /** The role's columns ("R:T"). */
      columns: string;
      /** Questions the role has answered. */
      answered: number;
      /** Total, Pengungkit, Hasil and the six areas. */
      scores: ReviewScoreRow[];
      /** Indicators whose scores differ, largest difference first, with the evaluator's Nilai cell where there is one. */
      indicators: Array<ScoreComparison & { cell?: string }>;
      /** Questions whose answers differ, by points moved (largest first), each at the evaluator's cell, with the evaluator's note. */
      differences: Array<RoleDifference & { note: string }>;
      /** The workbook's review log, newest first (at most HISTORY entries), every role's. */
      history: ReviewLogEntry[];
    };

/** Log entries shown in the pane; the log sheet keeps them all. */
export const HISTORY = 30;

function finalOf(final: LkeScores, c: ScoreComparison): number {
  if (c.level === "total") return final.total;
  if (c.level === "component") return c.key === "pengungkit" ? final.pengungkit : final.hasil;
  if (c.level === "area") return final.areas.find((a) => String(a.no) === c.key)?.total ?? 0;
  return final.indicators.find((i) => i.code === c.key)?.score ?? 0;
}

export function reviewView(analysis: LkeAnalysis, role: EvaluatorRole): ReviewView {
  const cols = analysis.layout.columns.roles[role];
  const review = analysis.review;
  const unit = review?.scores.unit;
  // The evaluator's answers over the unit's: a question not reviewed yet is no difference.
  const theirs = review?.merged[role];
  if (!cols || !review || !unit || !theirs) return { kind: "no-columns", role };
  const comparison = compareScores(unit, theirs);
  return {
    kind: "ready",
    role,
    columns: roleColumnsSpan(cols),
    answered: review.answered[role] ?? 0,
    scores: comparison.filter((c) => c.level !== "indicator").map((c) => ({ ...c, final: finalOf(review.final, c) })),
    indicators: comparison
      .filter((c) => c.level === "indicator" && c.diff !== 0)
      .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff))
      .map((c) => {
        const row = analysis.layout.rows.nodes.get(c.key);
        return row === undefined || cols.score === undefined ? c : { ...c, cell: toA1(row, cols.score) };
      }),
    history: (analysis.reviewLog ?? []).slice(-HISTORY).reverse(),
    differences: (review.differences[role] ?? []).map((d) => {
      const row = analysis.layout.rows.questions.get(d.item);
      return { ...d, note: row === undefined || cols.note === undefined ? "" : cellText(analysis.sheet, row, cols.note).trim() };
    }),
  };
}

