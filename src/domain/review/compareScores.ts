// Unit versus evaluator at every level the regulation scores: total, Pengungkit and Hasil, each area and each
// indicator. Questions are compared in reviewRoles (RoleDifference); this is the roll-up above them.
import type { LkeScores } from "../scoring/scoreLke";

export type ComparisonLevel = "total" | "component" | "area" | "indicator";

export interface ScoreComparison {
  level: ComparisonLevel;
  /** "total", "pengungkit", "hasil", the area number ("1"…"6"), or the indicator's code. */
  key: string;
  name: string;
  unit: number;
  evaluator: number;
  /** evaluator − unit */
  diff: number;
}

/** Differences smaller than this are the floating-point noise of two sums, not a disagreement. */
const NOISE = 1e-9;

export function compareScores(unit: LkeScores, evaluator: LkeScores): ScoreComparison[] {
  const row = (level: ComparisonLevel, key: string, name: string, u: number, e: number): ScoreComparison => ({
    level,
    key,
    name,
    unit: u,
    evaluator: e,
    diff: Math.abs(e - u) < NOISE ? 0 : e - u,
  });
  const out = [
    row("total", "total", "Total", unit.total, evaluator.total),
    row("component", "pengungkit", "Pengungkit", unit.pengungkit, evaluator.pengungkit),
    row("component", "hasil", "Hasil", unit.hasil, evaluator.hasil),
  ];
  const theirAreas = new Map(evaluator.areas.map((a) => [a.no, a]));
  for (const a of unit.areas) out.push(row("area", String(a.no), a.name, a.total, theirAreas.get(a.no)?.total ?? 0));
  const theirIndicators = new Map(evaluator.indicators.map((i) => [i.code, i]));
  for (const i of unit.indicators) out.push(row("indicator", i.code, i.name, i.score, theirIndicators.get(i.code)?.score ?? 0));
  return out;
}
