import { evaluatePredicate, evaluatePredicates } from "../../../src/domain/gaps/predicates";
import { loadModel } from "../../../src/domain/model/loadModel";
import { scoreItems, scoreLke, type LkeScores } from "../../../src/domain/scoring/scoreLke";
import { perfectEntries } from "../../support/entries";

const model = loadModel();
const perfect = scoreLke(model, scoreItems(model, perfectEntries(model)), "regulation");

/** A score sheet with the given overrides, areas given as [pemenuhan, reform] pairs. */
function scores(over: Partial<LkeScores> & { areaPairs?: Array<[number, number]> } = {}): LkeScores {
  const areas = perfect.areas.map((a, i) => {
    const pair = over.areaPairs?.[i];
    return pair ? { ...a, pemenuhan: pair[0], reform: pair[1], total: pair[0] + pair[1] } : a;
  });
  return { ...perfect, ...over, areas };
}

describe("WBK and WBBM thresholds", () => {
  const wbk = model.thresholds.wbk;

  it("accepts a total of exactly 75 and refuses 74.999…", () => {
    expect(evaluatePredicate(model, scores({ total: 75 }), wbk, {}).unmet).toEqual([]);
    const below = evaluatePredicate(model, scores({ total: 74.9999 }), wbk, {});
    expect(below.eligible).toBe(false);
    expect(below.unmet).toEqual([{ criterion: "total", required: 75, actual: 74.9999, gap: expect.closeTo(0.0001, 9) }]);
  });

  it("does not fail a threshold met exactly but computed with float noise (0.1 + 0.2 style)", () => {
    expect(evaluatePredicate(model, scores({ total: 74.99999999999999 }), wbk, {}).eligible).toBe(true);
  });

  it("checks every area at 60% of Pemenuhan + Reform: exactly 60% passes, just below fails", () => {
    const exactly = scores({ areaPairs: [[2.4, 2.4]] }); // area 1: 4.8 of 8
    expect(evaluatePredicate(model, exactly, wbk, {}).eligible).toBe(true);
    const short = evaluatePredicate(model, scores({ areaPairs: [[2.4, 2.39]] }), wbk, {});
    expect(short.unmet).toEqual([{ criterion: "area", area: 1, required: 4.8, actual: 4.79, gap: expect.closeTo(0.01, 9) }]);
  });

  it("reports the stricter per-half reading separately, without deciding the verdict", () => {
    const p = evaluatePredicate(model, scores({ areaPairs: [[4, 1]] }), wbk, {}); // 5 of 8 = 62.5%, Reform 25%
    expect(p.eligible).toBe(true);
    expect(p.perHalfUnmet).toEqual([{ criterion: "area", area: 1, half: "reform", required: 2.4, actual: 1, gap: 1.4 }]);
  });

  it("checks Pengungkit 40, Birokrasi Bersih 18.25 with IPAK 15.75 and Capaian 2.5, Pelayanan Prima 14", () => {
    const p = evaluatePredicate(
      model,
      scores({ pengungkit: 39.99, bersihAkuntabel: 18.2, ipak: 15.7, capaianKinerja: 2.5, pelayananPrima: 13.99 }),
      wbk,
      {},
    );
    expect(p.unmet.map((u) => u.criterion)).toEqual(["pengungkit", "bersihAkuntabel", "ipak", "pelayananPrima"]);
  });

  it("requires the prior Menuju WBK predicate for WBBM, as a fact the user confirms", () => {
    expect(evaluatePredicates(model, perfect).wbbm.unmet).toEqual([{ criterion: "priorPredicate", required: 1, actual: 0, gap: 1 }]);
    expect(evaluatePredicates(model, perfect, { priorWbk: true }).wbbm.eligible).toBe(true);
    expect(evaluatePredicates(model, perfect).wbk.eligible).toBe(true);
  });

  it("uses the WBBM figures: 85, 48, 75% per area, 19.5, Capaian 3.75, Prima 15.75", () => {
    const p = evaluatePredicate(
      model,
      scores({ total: 84.99, pengungkit: 47.99, bersihAkuntabel: 19.49, capaianKinerja: 3.74, pelayananPrima: 15.74, areaPairs: [[3, 2.99]] }),
      model.thresholds.wbbm,
      { priorWbk: true },
    );
    expect(p.unmet.map((u) => [u.criterion, u.required])).toEqual([
      ["total", 85],
      ["pengungkit", 48],
      ["area", 6],
      ["bersihAkuntabel", 19.5],
      ["capaianKinerja", 3.75],
      ["pelayananPrima", 15.75],
    ]);
  });
});
