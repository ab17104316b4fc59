// Unit summaries with random scores for the recap's tests: structurally what summarizeUnit gives, with totals,
// verdicts, error counts and gaps drawn from a seed (so a test can recompute what the recap must show).
import type { UnitSummary } from "../../src/domain/aggregate/summarizeUnit";
import type { Criterion, UnmetCriterion } from "../../src/domain/gaps/predicates";
import type { Random } from "./generator/random";

const CRITERIA: Criterion[] = ["total", "pengungkit", "area", "bersihAkuntabel", "ipak", "capaianKinerja", "pelayananPrima"];

export function randomGap(random: Random): UnmetCriterion {
  const criterion = random.pick(CRITERIA);
  const required = random.int(5, 85);
  const gap = Math.round(random.next() * required * 1000) / 1000;
  return { criterion, ...(criterion === "area" ? { area: random.int(1, 6) } : {}), required, actual: required - gap, gap };
}

export function randomSummary(random: Random, unit: string): UnitSummary {
  const areas = Array.from({ length: 6 }, (_, i) => {
    const pemenuhan = Math.round(random.next() * 5 * 1e4) / 1e4;
    const reform = Math.round(random.next() * 5 * 1e4) / 1e4;
    return { no: i + 1, name: `Area ${i + 1}`, pemenuhan, reform, total: pemenuhan + reform, max: 10 };
  });
  const pemenuhan = areas.reduce((s, a) => s + a.pemenuhan, 0);
  const reform = areas.reduce((s, a) => s + a.reform, 0);
  const hasil = Math.round(random.next() * 40 * 1e4) / 1e4;
  const total = pemenuhan + reform + hasil;
  const wbk = total >= 75 && random.chance(0.7);
  const wbbm = wbk && total >= 85 && random.chance(0.5);
  const unmet = wbk ? [] : [randomGap(random)];
  const biggestGap = wbbm ? undefined : (unmet[0] ?? randomGap(random));
  return {
    unit,
    scores: { total, pengungkit: pemenuhan + reform, pemenuhan, reform, hasil, bersihAkuntabel: hasil / 2, ipak: hasil / 4, capaianKinerja: hasil / 4, pelayananPrima: hasil / 2, ipkp: 3, areas },
    predicates: { wbk: { eligible: wbk, unmet }, wbbm: { eligible: wbbm, unmet: wbbm ? [] : [randomGap(random)] } },
    errors: random.int(0, 12),
    ...(biggestGap ? { biggestGap } : {}),
  };
}
