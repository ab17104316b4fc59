// Scores per role, the final score (TPN over TPI over the unit, per question) and the list of differences.
import type { CellValue } from "../../../src/domain/grid/sheetGrid";
import { detectLayout, type LkeLayout } from "../../../src/domain/layout/detectLayout";
import { loadModel } from "../../../src/domain/model/loadModel";
import { reviewRoles } from "../../../src/domain/review/reviewRoles";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook } from "../../support/generator/generateWorkbook";
import { seededRandom } from "../../support/generator/random";
import { consistentAnswers, type AnswerSet } from "../../support/generator/randomAnswers";

const model = loadModel();

async function reviewed(unit: AnswerSet, tpi: AnswerSet, tpn: AnswerSet) {
  const { bytes } = await generateWorkbook(model, {
    layout: "kesdm",
    answers: unit,
    evaluators: { tpi, tpi2: tpn },
    headers: { "answer:tpi2": "Jawaban TPN", "note:tpi2": "Catatan TPN", "score:tpi2": "Nilai TPN" },
  });
  const snapshot = await readXlsx(bytes);
  const layout = detectLayout(snapshot, model) as LkeLayout;
  return { review: reviewRoles(model, snapshot.sheets.find((s) => s.name === layout.sheet)!, layout), layout };
}

function only(codes: Record<string, CellValue>): AnswerSet {
  return new Map(Object.entries(codes));
}

describe("evaluator review", () => {
  const unit = consistentAnswers(model, seededRandom(41));
  unit.set("A.I.1.i.b", "A").set("A.I.2.ii.a", "A").set("A.I.3.iv.a", "A").set("A.II.5.i.-", "A");

  it("finds the unit, TPI and TPN answer columns", async () => {
    const { review } = await reviewed(unit, only({}), only({}));
    expect(review.roles).toEqual(["unit", "tpi", "tpn"]);
  });

  it("takes each question's final answer from TPN, else TPI, else the unit", async () => {
    const tpi = only({ "A.I.1.i.b": "B", "A.I.2.ii.a": "C" });
    const tpn = only({ "A.I.2.ii.a": "B" });
    const { review } = await reviewed(unit, tpi, tpn);
    expect(review.finalSource.get("A.I.1.i.b")).toBe("tpi");
    expect(review.finalSource.get("A.I.2.ii.a")).toBe("tpn");
    expect(review.finalSource.get("A.I.3.iv.a")).toBe("unit");
    // Final = unit's answers with A.I.1.i.b = B (TPI) and A.I.2.ii.a = B (TPN).
    const { review: check } = await reviewed(new Map(unit).set("A.I.1.i.b", "B").set("A.I.2.ii.a", "B"), only({}), only({}));
    expect(review.final.total).toBeCloseTo(check.scores.unit!.total, 12);
    expect(review.final.total).not.toBeCloseTo(review.scores.unit!.total, 6);
  });

  it("reads a partial review over the unit's answers (merged): questions not reviewed are no difference", async () => {
    const tpi = only({ "A.I.1.i.b": "B", "A.I.2.ii.a": "C" });
    const { review } = await reviewed(unit, tpi, only({}));
    expect(review.merged.tpi!.total).toBeCloseTo(review.final.total, 12); // no TPN: the final is TPI over the unit
    expect(review.merged.tpi!.total).not.toBeCloseTo(review.scores.tpi!.total, 6); // TPI's own score counts only 2 answers
    const untouched = review.scores.unit!.areas.filter((a) => a.no > 2);
    expect(review.merged.tpi!.areas.filter((a) => a.no > 2)).toEqual(untouched);
    const { review: none } = await reviewed(unit, only({}), only({}));
    expect(none.merged.tpi).toEqual(none.scores.unit);
  });

  it("lists exactly the questions where the evaluator differs, largest first, at the evaluator's cell", async () => {
    const tpi = only({ "A.I.1.i.b": "B", "A.I.3.iv.a": "A", "A.II.5.i.-": "E" });
    const { review, layout } = await reviewed(unit, tpi, only({}));
    const diffs = review.differences.tpi!;
    expect(diffs.map((d) => d.item)).toEqual(["A.II.5.i.-", "A.I.1.i.b"]); // A.I.3.iv.a agrees with the unit
    expect(diffs[0]).toMatchObject({ unit: "A", evaluator: "E", points: -2.5 });
    const col = layout.columns.roles.tpi!.answer;
    expect(diffs[1]!.cell).toBe(`${String.fromCharCode(65 + col)}${layout.rows.questions.get("A.I.1.i.b")! + 1}`);
    expect(diffs[1]!.points).toBeCloseTo(-0.125, 12);
  });
});
