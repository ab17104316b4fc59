// The pure parts of the evaluator mode: where the role's columns go, what Catatan Evaluasi writes as text, and
// the review log's rows (written and read back, foreign rows ignored).
import { parseA1, toA1 } from "../../../src/domain/grid/address";
import type { SheetGrid } from "../../../src/domain/grid/sheetGrid";
import { detectLayout, type LkeLayout } from "../../../src/domain/layout/detectLayout";
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { buildCatatanEvaluasiPlan } from "../../../src/domain/review/catatanEvaluasiPlan";
import { compareScores } from "../../../src/domain/review/compareScores";
import { decodeReviewLog, diffReviewedCells, encodeReviewLog, reviewedCells, reviewLogHeader, type WatchedCell } from "../../../src/domain/review/reviewLog";
import { evaluatorInputRanges, firstFreeColumn, planRoleColumns, withRoleColumns } from "../../../src/domain/review/roleColumnsPlan";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook } from "../../support/generator/generateWorkbook";
import { seededRandom } from "../../support/generator/random";
import { consistentAnswers } from "../../support/generator/randomAnswers";

const model = loadModel();

function grid(values: SheetGrid["values"], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "S", visibility: "visible", values, formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: values.length, colCount: 0, ...extra };
}

describe("where an evaluator's columns go", () => {
  it("right of every value, formula and merge of the sheet", () => {
    expect(firstFreeColumn(grid([[1, null, 3], [], undefined as never]))).toBe(3);
    expect(firstFreeColumn(grid([[1]], { formulas: [[undefined, undefined, undefined, "A1"]] }))).toBe(4);
    expect(firstFreeColumn(grid([[1]], { merges: ["B2:F3"] }))).toBe(6);
    expect(firstFreeColumn(grid([]))).toBe(0);
  });

  it("plans formulas only in the new columns, no answer pre-filled, and none where the role is there already", async () => {
    const { bytes } = await generateWorkbook(model, { layout: "lampiran-iii", answers: consistentAnswers(model, seededRandom(2)) });
    const snapshot = await readXlsx(bytes);
    const layout = detectLayout(snapshot, model) as LkeLayout;
    const sheet = snapshot.sheets.find((s) => s.name === layout.sheet)!;
    const plan = planRoleColumns(model, sheet, layout, "tpi")!;
    const cols = new Set([plan.columns.answer, plan.columns.score, plan.columns.note]);
    expect(plan.columns.answer).toBe(firstFreeColumn(sheet));
    expect(plan.cells.every((c) => cols.has(parseA1(c.cell).col))).toBe(true);
    // In the answer column only the computed `%` values and denominators: formulas, never a typed answer.
    const inAnswer = plan.cells.filter((c) => parseA1(c.cell).col === plan.columns.answer && parseA1(c.cell).row > layout.headerRow);
    expect(inAnswer.length).toBeGreaterThan(0);
    expect(inAnswer.every((c) => c.value.startsWith("="))).toBe(true);
    expect(plan.validations.length).toBeGreaterThan(10);
    expect(planRoleColumns(model, sheet, withRoleColumns(layout, "tpi", plan.columns), "tpi")).toBeUndefined();
    // The cells an evaluator types: answers and counts of the new column, then the notes.
    const ranges = evaluatorInputRanges(model, sheet, withRoleColumns(layout, "tpi", plan.columns), "tpi");
    expect(parseA1(ranges.at(-1)!.split(":")[0]!).col).toBe(plan.columns.note);
  });
});

describe("Catatan Evaluasi and the review log", () => {
  let a: LkeAnalysis;
  beforeAll(async () => {
    const unit = consistentAnswers(model, seededRandom(9));
    const tpi = new Map(unit).set("A.I.1.i.a", unit.get("A.I.1.i.a") === "Ya" ? "Tidak" : "Ya");
    const { bytes } = await generateWorkbook(model, { layout: "portalrb-jawaban", answers: unit, evaluators: { tpi } });
    a = analyzeLke(await readXlsx(bytes), model) as LkeAnalysis;
  });

  it("writes what Excel would take for a formula as text", () => {
    const plan = buildCatatanEvaluasiPlan({
      model,
      sheet: a.sheet,
      layout: a.layout,
      review: a.review!,
      role: "tpi",
      findings: [{ rule: "answer.invalid", severity: "error", sheet: a.sheet.name, cell: "K9", item: "A.I.1.i.b", params: {} }],
      describe: () => "=HYPERLINK(\"x\")",
      time: "2026-11-28",
    });
    const cells = plan.sheets[0]!.rows.flat();
    expect(cells).toContainEqual({ text: '=HYPERLINK("x")' });
    expect(cells.filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
    expect(cells).toContain("A.I.1.i.a");
  });

  it("compares every level, the differences only where they are", () => {
    const rows = compareScores(a.review!.scores.unit!, a.review!.scores.tpi!);
    expect(rows.filter((r) => r.level === "area")).toHaveLength(6);
    const changed = rows.filter((r) => r.diff !== 0).map((r) => r.key);
    expect(changed).toEqual(expect.arrayContaining(["total", "pengungkit", "1", "A.I.1.i"]));
    expect(changed).not.toContain("hasil");
  });

  it("follows a note on a `%` question's own row, as the pane writes it, in the log and in Catatan Evaluasi", () => {
    const q = model.questions.find((x) => x.percent && a.layout.rows.questions.has(x.code))!;
    const row = a.layout.rows.questions.get(q.code)!;
    const note = a.layout.columns.roles.tpi!.note!;
    const sheet = structuredClone(a.sheet);
    (sheet.values[row] ??= [])[note] = "Jumlah pegawai tidak sesuai";
    const cell = toA1(row, note);
    expect(reviewedCells(model, sheet, a.layout).get(cell)).toMatchObject({ role: "tpi", item: q.code, kind: "note", text: "Jumlah pegawai tidak sesuai" });
    const plan = buildCatatanEvaluasiPlan({ model, sheet, layout: a.layout, review: a.review!, role: "tpi", findings: [], describe: () => "", time: "t" });
    expect(plan.sheets[0]!.rows).toContainEqual([q.code, cell, { text: "Jumlah pegawai tidak sesuai" }]);
  });

  it("logs changes only, and reads back only its own rows", () => {
    const cell = (text: string): WatchedCell => ({ role: "tpi", item: "A.I.1.i.a", kind: "answer", text });
    const entries = diffReviewedCells(new Map([["R8", cell("")], ["R9", cell("A")]]), new Map([["R8", cell("Ya")], ["R9", cell("A")], ["R10", cell("B")]]), "t");
    expect(entries.map((e) => [e.cell, e.from, e.to])).toEqual([["R8", "", "Ya"], ["R10", "", "B"]]);
    const rows = [...reviewLogHeader(), ...encodeReviewLog(entries), ["t", "someone", "x", "A1", "answer", "", ""], []];
    expect(decodeReviewLog(rows)).toEqual(entries);
    expect(decodeReviewLog([["not a log"], ...encodeReviewLog(entries)])).toEqual([]);
  });
});
