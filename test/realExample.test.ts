// The real, filled workbook of a unit (../shared): every indicator equals Excel's own cached value except
// Reform 5.iii, whose template formula drops LHKASN; the regulation total is 95.7095…, the workbook's 95.576….
import * as fs from "node:fs";
import { isExcelError } from "../src/domain/grid/sheetGrid";
import { loadModel } from "../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../src/domain/report/analyzeLke";
import { readXlsx } from "../src/xlsx/readXlsx";
import { sharedFile } from "./support/sharedFiles";

const file = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
const describeWithExample = file ? describe : describe.skip;

describeWithExample("the real Lampiran III example", () => {
  const model = loadModel();
  let a: LkeAnalysis;
  let bytesBefore: Buffer;

  beforeAll(async () => {
    bytesBefore = fs.readFileSync(file!);
    const result = analyzeLke(await readXlsx(bytesBefore), model);
    if (!("scores" in result)) throw new Error(`not analysed: ${result.kind}`);
    a = result;
  });

  it("finds the sheet, its columns by label and all 113 scored items", () => {
    expect(a.layout.sheet).toBe("LKE ZI");
    expect(a.layout.kind).toBe("lampiran-iii");
    expect(a.layout.unmatched).toEqual([]);
    expect(a.layout.rows.questions.size).toBe(113);
    expect(a.layout.rows.counts.size).toBe(24);
    const roles = a.layout.columns.roles.unit!;
    expect([roles.answer, roles.score, roles.note, roles.evidence]).toEqual([10, 11, 14, 16]); // K L O Q
  });

  it("equals every cached indicator value except Reform 5.iii", () => {
    const differing = a.scores.indicators
      .filter((i) => {
        const cached = a.cached.nodes.get(i.code)!.value;
        return typeof cached !== "number" || Math.abs(cached - i.score) > 1e-9;
      })
      .map((i) => i.code);
    expect(differing).toEqual(["A.II.5.iii"]);
    expect(a.cached.nodes.get("A.II.5.iii")!.value).toBeCloseTo(1.7333333333, 9);
    expect(a.scores.indicators.find((i) => i.code === "A.II.5.iii")!.score).toBeCloseTo(1.8666666667, 9);
  });

  it("gives the regulation total 95.7095… next to the workbook's 95.576…", () => {
    expect(a.scores.total).toBeCloseTo(95.70952380952, 9);
    expect(a.cached.total).toBeCloseTo(95.57619047619, 9);
    expect(a.scores.pengungkit).toBeCloseTo(55.70952380952, 9);
    expect(a.scores.hasil).toBe(40);
    expect(isExcelError(a.template.get("total"))).toBe(false);
  });

  it("reports what is really wrong: the L175 formula, the typed-over answer type of row 8, the LHKASN total K185", () => {
    const at = (rule: string) => a.findings.filter((f) => f.rule === rule).map((f) => f.cell);
    expect(at("formula.deviation")).toEqual(["L175"]);
    expect(a.findings.find((f) => f.rule === "formula.deviation")!.params).toMatchObject({ found: expect.closeTo(1.7333333, 6), expected: expect.closeTo(1.8666667, 6) });
    expect(at("cache.mismatch")).toEqual([]); // the cached 1.733 is explained by the formula, reported once
    expect(a.findings.filter((f) => f.rule === "answer.type-changed").map((f) => [f.cell, f.params.found])).toEqual([["J8", "Ya"]]);
    expect(a.findings.find((f) => f.rule === "count.inconsistent")).toMatchObject({ cell: "K185", params: { total: 12, sum: 13 } });
  });

  it("raises no other error-level finding", () => {
    const errors = a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.cell}`);
    expect(errors.sort()).toEqual(["answer.type-changed@J8", "count.inconsistent@K185"]);
  });

  it("counts the row-8 question the template stopped counting", () => {
    expect(a.items.get("A.I.1.i.a")).toMatchObject({ status: "answered", value: 1 });
  });

  it("leaves the input file untouched", () => {
    expect(fs.readFileSync(file!).equals(bytesBefore)).toBe(true);
  });
});
