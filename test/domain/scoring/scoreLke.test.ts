import { isExcelError } from "../../../src/domain/grid/sheetGrid";
import { loadModel } from "../../../src/domain/model/loadModel";
import { scoreAsTemplate, scoreItems, scoreLke } from "../../../src/domain/scoring/scoreLke";
import { perfectEntries, withAnswer } from "../../support/entries";

const model = loadModel();
const score = (entries: ReturnType<typeof perfectEntries>, mode: "regulation" | "strict" = "regulation") =>
  scoreLke(model, scoreItems(model, entries), mode);

describe("scoring a whole LKE", () => {
  it("gives 100 for the perfect LKE: 60 Pengungkit (30 + 30) and 40 Hasil (22.5 + 17.5)", () => {
    const s = score(perfectEntries(model));
    expect([s.total, s.pengungkit, s.pemenuhan, s.reform, s.hasil, s.bersihAkuntabel, s.pelayananPrima]).toEqual([100, 60, 30, 30, 40, 22.5, 17.5]);
    expect(s.areas.map((a) => a.total)).toEqual([8, 7, 10, 10, 15, 10]);
    expect(s.indicators).toHaveLength(model.scoredNodes.length);
  });

  it("averages over answered questions only; strict mode counts a blank as 0", () => {
    // Penyusunan Tim Kerja (0.5): a = Ya, b blank.
    const entries = withAnswer(perfectEntries(model), "A.I.1.i.b", null);
    const ind = (mode: "regulation" | "strict") => score(entries, mode).indicators.find((i) => i.code === "A.I.1.i")!;
    expect(ind("regulation")).toMatchObject({ score: 0.5, answered: 1, questions: 2 });
    expect(ind("strict").score).toBe(0.25);
  });

  it("scores an indicator with no answered question 0 (the template shows #DIV/0!)", () => {
    let entries = withAnswer(perfectEntries(model), "A.I.1.i.a", null);
    entries = withAnswer(entries, "A.I.1.i.b", null);
    expect(score(entries).indicators.find((i) => i.code === "A.I.1.i")!.score).toBe(0);
    const template = scoreAsTemplate(model, scoreItems(model, entries), entries);
    expect(template.get("A.I.1.i")).toEqual({ error: "#DIV/0!" });
    expect(isExcelError(template.get("total"))).toBe(true);
  });

  it("adds LHKPN and LHKASN for Reform 5.iii (2 points), not their average", () => {
    const entries = perfectEntries(model);
    entries.set("A.II.5.iii.ii.-", { counts: { den: { value: 10 }, part1: { value: 0 }, part2: { value: 0 }, part3: { value: 10 }, num: { value: 5 } } });
    const s = score(entries);
    expect(s.indicators.find((i) => i.code === "A.II.5.iii")!.score).toBe(1.5);
    expect(s.indicators.find((i) => i.code === "A.II.5.iii.ii")!.score).toBe(0.5);
  });

  it("uses the rounded 0.67: one B in a four-question A/B/C/D indicator", () => {
    const entries = withAnswer(perfectEntries(model), "A.I.6.ii.b", "B");
    const ind = score(entries).indicators.find((i) => i.code === "A.I.6.ii")!;
    expect(ind.score).toBeCloseTo(((5 + 0.67) / 6) * 1, 12);
  });
});
