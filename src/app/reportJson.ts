// The report as the command-line contract fixes it (schema lke-zi/report@1): field names are a public API.
import { columnLetters, toA1 } from "../domain/grid/address";
import type { HasilNeed, Recommendation } from "../domain/gaps/pathToPredicate";
import type { Predicate, UnmetCriterion } from "../domain/gaps/predicates";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import type { RoleDifference } from "../domain/review/reviewRoles";
import type { LkeScores } from "../domain/scoring/scoreLke";
import type { Severity } from "../domain/validation/finding";
import { describeFinding } from "../i18n/findingMessages";
import type { Locale } from "../i18n/formatNumber";

export const REPORT_SCHEMA = "lke-zi/report@1";

export interface ReportJson {
  schema: typeof REPORT_SCHEMA;
  file: string;
  model: string;
  role: string;
  layout: {
    sheet: string;
    kind: string;
    columns: Record<string, string>;
    items: { matched: number; expected: number };
    unmatched: Array<{ code: string; reason: string }>;
  };
  scores: ScoresJson;
  strictScores: ScoresJson;
  workbook: { total: number | null; pengungkit: number | null; hasil: number | null } | null;
  findings: Array<{
    rule: string;
    severity: Severity;
    sheet: string;
    cell?: string;
    item?: string;
    message: string;
    hint: string;
  }>;
  predicates: Record<"wbk" | "wbbm", { eligible: boolean; unmet: UnmetCriterion[]; perHalfUnmet: UnmetCriterion[] }>;
  recommendations: Recommendation[];
  /** Per target: can answers alone meet the Pengungkit conditions, in how many steps, and what Hasil needs. */
  paths: Record<"wbk" | "wbbm", { reachable: boolean; steps: number; hasilNeeds: HasilNeed[] }>;
  /** Where the sheet has evaluator columns: totals per role, the final score and the differences. */
  review?: {
    roles: string[];
    totals: Record<string, number>;
    final: { total: number; pengungkit: number; hasil: number };
    differences: Record<string, RoleDifference[]>;
  };
}

type ScoresJson = Omit<LkeScores, "indicators"> & {
  indicators: Array<LkeScores["indicators"][number] & { cell?: string }>;
};

function scoresJson(a: LkeAnalysis, s: LkeScores): ScoresJson {
  const scoreCol = a.layout.columns.roles[a.role]?.score;
  return {
    ...s,
    indicators: s.indicators.map((i) => {
      const row = a.layout.rows.nodes.get(i.code);
      return row !== undefined && scoreCol !== undefined ? { ...i, cell: toA1(row, scoreCol) } : i;
    }),
  };
}

function columnsJson(a: LkeAnalysis): Record<string, string> {
  const c = a.layout.columns;
  const r = c.roles[a.role];
  const entries: Array<[string, number | undefined]> = [
    ["weight", c.weight],
    ["criteria", c.criteria],
    ["answerType", c.answerType],
    ["answer", r?.answer],
    ["score", r?.score],
    ["percent", c.percent],
    ["note", r?.note],
    ["evidenceText", r?.evidenceText],
    ["evidence", r?.evidence],
  ];
  const out: Record<string, string> = {
    text: `${columnLetters(c.text.from)}:${columnLetters(c.text.to)}`,
  };
  for (const [k, v] of entries) if (v !== undefined) out[k] = columnLetters(v);
  return out;
}

/** Scored items found: questions with their row, `%` items with every count they need. */
function matchedItems(a: LkeAnalysis): number {
  const unmatched = new Set(a.layout.unmatched.map((u) => u.code));
  return a.model.questions.filter((q) => !unmatched.has(q.code)).length;
}

function predicateJson(p: Predicate) {
  return { eligible: p.eligible, unmet: p.unmet, perHalfUnmet: p.perHalfUnmet };
}

export function toReportJson(a: LkeAnalysis, file: string, locale: Locale = "id"): ReportJson {
  const hasCache = a.cached.total !== null || a.cached.pengungkit !== null || a.cached.hasil !== null;
  return {
    schema: REPORT_SCHEMA,
    file,
    model: a.model.id,
    role: a.role,
    layout: {
      sheet: a.layout.sheet,
      kind: a.layout.kind,
      columns: columnsJson(a),
      items: { matched: matchedItems(a), expected: a.model.questions.length },
      unmatched: a.layout.unmatched,
    },
    scores: scoresJson(a, a.scores),
    strictScores: scoresJson(a, a.strictScores),
    workbook: hasCache ? { total: a.cached.total, pengungkit: a.cached.pengungkit, hasil: a.cached.hasil } : null,
    findings: a.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      ...(f.cell ? { cell: f.cell } : {}),
      ...(f.item ? { item: f.item } : {}),
      ...describeFinding(f, locale),
    })),
    predicates: { wbk: predicateJson(a.predicates.wbk), wbbm: predicateJson(a.predicates.wbbm) },
    recommendations: [...a.paths.wbk.recommendations, ...a.paths.wbbm.recommendations],
    paths: {
      wbk: { reachable: a.paths.wbk.reachable, steps: a.paths.wbk.steps, hasilNeeds: a.paths.wbk.hasilNeeds },
      wbbm: { reachable: a.paths.wbbm.reachable, steps: a.paths.wbbm.steps, hasilNeeds: a.paths.wbbm.hasilNeeds },
    },
    ...(a.review
      ? {
          review: {
            roles: a.review.roles,
            totals: Object.fromEntries(Object.entries(a.review.scores).map(([r, s]) => [r, s!.total])),
            final: { total: a.review.final.total, pengungkit: a.review.final.pengungkit, hasil: a.review.final.hasil },
            differences: Object.fromEntries(Object.entries(a.review.differences)) as Record<string, RoleDifference[]>,
          },
        }
      : {}),
  };
}
