import type { CellValue } from "../../../src/domain/grid/sheetGrid";
import { loadModel } from "../../../src/domain/model/loadModel";
import { scoreItem, type ItemEntry } from "../../../src/domain/scoring/scoreItem";

const model = loadModel();
const score = (code: string, entry: ItemEntry | undefined) => {
  const q = model.questionByCode.get(code)!;
  return scoreItem(q, model.answerTypes[q.type], entry);
};
const answer = (value: CellValue): ItemEntry => ({ answer: { value } });
const counts = (values: Record<string, CellValue>, formulas: string[] = []): ItemEntry => ({
  counts: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v, ...(formulas.includes(k) ? { isFormula: true } : {}) }])),
});

describe("option answers", () => {
  it.each([
    ["A.I.1.i.a", "Ya", 1],
    ["A.I.1.i.a", "Tidak", 0],
    ["A.I.1.i.b", "B", 0.5],
    ["A.I.1.iii.a", "B", 0.67],
    ["A.I.1.iii.a", "C", 0.33],
    ["A.I.2.i.b", "D", 0.25],
  ])("%s answered %s is worth %s", (code, a, v) => {
    expect(score(code, answer(a))).toMatchObject({ status: "answered", value: v });
  });

  it("matches case-insensitively, as Excel's = does", () => {
    expect(score("A.I.1.i.a", answer("ya")).value).toBe(1);
    expect(score("A.I.1.i.b", answer("b")).value).toBe(0.5);
  });

  it("treats 'Ya ' with a trailing space as the template does: not an option, so not counted", () => {
    expect(score("A.I.1.i.a", answer("Ya "))).toMatchObject({ status: "invalid", value: null, excel: "Blm Diisi", problem: "not-an-option" });
  });

  it("does not accept an answer of another type ('Ya' in an A/B/C question)", () => {
    expect(score("A.I.1.i.b", answer("Ya")).status).toBe("invalid");
  });

  it("leaves a blank question out, as AVERAGE skips 'Blm Diisi'", () => {
    expect(score("A.I.1.i.b", answer(null))).toMatchObject({ status: "blank", excel: "Blm Diisi" });
    expect(score("A.I.1.i.b", undefined).status).toBe("blank");
  });

  it("propagates an error value typed in the answer cell", () => {
    expect(score("A.I.1.i.b", answer({ error: "#REF!" }))).toMatchObject({ status: "error", excel: { error: "#REF!" } });
  });

  it("multiplies Capaian Kinerja by its 5 points inside the Nilai cell; blank gives #VALUE! there", () => {
    expect(score("B.I.b", answer("B"))).toMatchObject({ value: 0.75, excel: 3.75 });
    expect(score("B.I.b", answer(null))).toMatchObject({ status: "blank", excel: { error: "#VALUE!" } });
  });
});

describe("surveys (IPAK, IPKP) on 0–4", () => {
  it("scores value/4 × 17.5", () => {
    expect(score("B.I.a", answer(3.6))).toMatchObject({ value: 0.9, excel: 15.75 });
    expect(score("B.II.a", answer(4)).excel).toBe(17.5);
  });

  it("refuses a 0–100 index but shows what the template would compute", () => {
    const s = score("B.I.a", answer(87.65));
    expect(s).toMatchObject({ status: "invalid", value: null, problem: "out-of-range" });
    expect(s.excel).toBeCloseTo((87.65 / 4) * 17.5, 9);
  });

  it("cannot compute '3,5' (a decimal comma typed as text): #VALUE!", () => {
    expect(score("B.I.a", answer("3,5"))).toMatchObject({ status: "invalid", excel: { error: "#VALUE!" }, problem: "not-a-number" });
  });
});

describe("% items from their counts", () => {
  it("divides done by due and caps at 1", () => {
    expect(score("A.II.1.i.a", counts({ den: 7, num: 7 })).value).toBe(1);
    expect(score("A.II.1.i.b", counts({ den: 7, num: 1 })).value).toBeCloseTo(1 / 7, 12);
    expect(score("A.II.4.i.-", counts({ den: 5, num: 9 })).value).toBe(1);
  });

  it("needs every count the template tests; one blank makes the item unanswered", () => {
    expect(score("A.II.5.ii.-", counts({ den: 6, num: 1 }))).toMatchObject({ status: "blank", problem: "incomplete" });
    expect(score("A.II.5.ii.-", counts({ den: 6, aux: 1, num: 1 })).value).toBeCloseTo(1 / 6, 12);
  });

  it("flags a zero denominator instead of guessing (#DIV/0! in the workbook)", () => {
    expect(score("A.II.1.i.a", counts({ den: 0, num: 3 }))).toMatchObject({ status: "error", excel: { error: "#DIV/0!" }, problem: "zero-denominator" });
  });

  it("takes numeric text as Excel does and refuses '12 orang'", () => {
    expect(score("A.II.1.i.a", counts({ den: "7", num: 7 })).value).toBe(1);
    expect(score("A.II.1.i.a", counts({ den: "12 orang", num: 7 }))).toMatchObject({ status: "error", problem: "not-a-number" });
  });

  it("scores the decline of violations: none before and none now is 100%, more now is 0", () => {
    expect(score("A.II.3.iii.a", counts({ prev: 0, now: 0, aux: 0 })).value).toBe(1);
    expect(score("A.II.3.iii.a", counts({ prev: 4, now: 1, aux: 1 })).value).toBe(0.75);
    expect(score("A.II.3.iii.a", counts({ prev: 2, now: 5, aux: 1 })).value).toBe(0);
    expect(score("A.II.3.iii.a", counts({ prev: 0, now: 2, aux: 0 }))).toMatchObject({ problem: "zero-denominator" });
  });

  it("computes LHKPN's due count from its parts when the sheet computes it, and uses a typed LHKASN total", () => {
    const lhkpn = counts({ den: 999, part1: 1, part2: 1, part3: 13, num: 13 }, ["den"]);
    expect(score("A.II.5.iii.i.-", lhkpn).value).toBeCloseTo(13 / 15, 12);
    const lhkasn = counts({ den: 12, part1: 0, part2: 1, part3: 12, num: 12 });
    expect(score("A.II.5.iii.ii.-", lhkasn).value).toBe(1);
  });

  it("gives #VALUE! when a part of a computed total is blank, as the template does", () => {
    const s = score("A.II.5.iii.i.-", counts({ part1: 1, part2: null, part3: 2, num: 3 }));
    expect(s).toMatchObject({ status: "error", excel: { error: "#VALUE!" }, problem: "incomplete" });
  });
});
