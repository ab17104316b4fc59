// WBK and WBBM verdicts: every threshold of PermenPAN-RB 90/2021 at once, with what each unmet one lacks.
import type { Thresholds } from "../model/lkeModel";
import type { LoadedModel } from "../model/loadModel";
import type { LkeScores } from "../scoring/scoreLke";

export type Target = "wbk" | "wbbm";

export type Criterion =
  | "total"
  | "pengungkit"
  | "area"
  | "bersihAkuntabel"
  | "ipak"
  | "capaianKinerja"
  | "pelayananPrima"
  | "priorPredicate";

export interface UnmetCriterion {
  criterion: Criterion;
  area?: number;
  /** The half of the area under the stricter per-half reading. */
  half?: "pemenuhan" | "reform";
  required: number;
  actual: number;
  gap: number;
}

export interface Predicate {
  eligible: boolean;
  unmet: UnmetCriterion[];
  /** The stricter reading of the per-area rule (each half of every area on its own): reported, not decisive. */
  perHalfUnmet: UnmetCriterion[];
}

export interface PredicateOptions {
  /** The unit already holds the Menuju WBK predicate (a fact the user confirms; required for WBBM). */
  priorWbk?: boolean;
}

/** Float sums such as 0.1 + 0.2 must not fail a threshold they meet exactly. */
const EPS = 1e-9;

function check(criterion: Criterion, required: number, actual: number, extra: Partial<UnmetCriterion> = {}): UnmetCriterion[] {
  return actual + EPS >= required ? [] : [{ criterion, ...extra, required, actual, gap: required - actual }];
}

export function evaluatePredicate(model: LoadedModel, scores: LkeScores, t: Thresholds, options: PredicateOptions): Predicate {
  const unmet = [
    ...check("total", t.total, scores.total),
    ...check("pengungkit", t.pengungkit, scores.pengungkit),
    ...scores.areas.flatMap((a) => check("area", t.areaPct * a.max, a.total, { area: a.no })),
    ...check("bersihAkuntabel", t.bersihAkuntabel, scores.bersihAkuntabel),
    ...check("ipak", t.ipak, scores.ipak),
    ...check("capaianKinerja", t.capaianKinerja, scores.capaianKinerja),
    ...check("pelayananPrima", t.pelayananPrima, scores.pelayananPrima),
    ...(t.priorPredicate && !options.priorWbk ? [{ criterion: "priorPredicate" as const, required: 1, actual: 0, gap: 1 }] : []),
  ];
  const perHalfUnmet = scores.areas.flatMap((a) => {
    const area = model.areas.find((x) => x.no === a.no)!;
    return [
      ...check("area", t.areaPct * area.pemenuhan.weight, a.pemenuhan, { area: a.no, half: "pemenuhan" }),
      ...check("area", t.areaPct * area.reform.weight, a.reform, { area: a.no, half: "reform" }),
    ];
  });
  return { eligible: unmet.length === 0, unmet, perHalfUnmet };
}

export function evaluatePredicates(model: LoadedModel, scores: LkeScores, options: PredicateOptions = {}): Record<Target, Predicate> {
  return {
    wbk: evaluatePredicate(model, scores, model.thresholds.wbk, options),
    wbbm: evaluatePredicate(model, scores, model.thresholds.wbbm, options),
  };
}
