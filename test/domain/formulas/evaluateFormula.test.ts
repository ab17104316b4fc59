import * as fs from "node:fs";
import type { CellValue } from "../../../src/domain/grid/sheetGrid";
import { cellValue, isExcelError } from "../../../src/domain/grid/sheetGrid";
import { evaluateFormula, UnsupportedFormula } from "../../../src/domain/formulas/evaluateFormula";
import { parseFormula } from "../../../src/domain/formulas/parseFormula";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { sharedFile } from "../../support/sharedFiles";

function evalWith(formula: string, cells: Record<string, CellValue> = {}): CellValue {
  return evaluateFormula(parseFormula(formula), {
    cell: (_sheet, row, col) => cells[`${String.fromCharCode(65 + col)}${row + 1}`] ?? null,
  });
}

describe("evaluating formulas as a spreadsheet does", () => {
  it("follows operator precedence, left-associative ^ and unary minus", () => {
    expect(evalWith("1+2*3")).toBe(7);
    expect(evalWith("(1+2)*3")).toBe(9);
    expect(evalWith("2^3^2")).toBe(64);
    expect(evalWith("-2^2")).toBe(4);
    expect(evalWith("10/4&\"x\"")).toBe("2.5x");
    expect(evalWith("50%")).toBe(0.5);
  });

  it("compares text case-insensitively, blanks as both \"\" and 0", () => {
    expect(evalWith('A1="Ya"', { A1: "ya" })).toBe(true);
    expect(evalWith('A1="Ya"', { A1: "Ya " })).toBe(false);
    expect(evalWith('A1=""')).toBe(true);
    expect(evalWith("A1=0")).toBe(true);
    expect(evalWith("A1=0", { A1: "0" })).toBe(false);
    expect(evalWith('"a"<"B"')).toBe(true);
    expect(evalWith('1<"0"')).toBe(true); // numbers sort before text
  });

  it("skips text in referenced ranges and propagates errors", () => {
    expect(evalWith("AVERAGE(A1:A3)", { A1: 1, A2: "Blm Diisi", A3: 0.5 })).toBe(0.75);
    expect(evalWith("AVERAGE(A1:A2)", { A1: "x" })).toEqual({ error: "#DIV/0!" });
    expect(evalWith("SUM(A1,A2)", { A1: 2, A2: { error: "#REF!" } })).toEqual({ error: "#REF!" });
    expect(evalWith('"Blm Diisi"*2')).toEqual({ error: "#VALUE!" });
    expect(evalWith("A1/A2", { A1: 1, A2: 0 })).toEqual({ error: "#DIV/0!" });
    expect(evalWith("IF(OR(A1=\"\",A2=\"\"),\"Blm Diisi\",A2/A1)", { A1: 4, A2: 3 })).toBe(0.75);
  });

  it("refuses to guess at functions it does not know", () => {
    expect(() => evalWith("XLOOKUP(1,A1:A2,B1:B2)")).toThrow(UnsupportedFormula);
  });
});

const example = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
(example ? describe : describe.skip)("on the real example", () => {
  it("every formula of the LKE sheet gives Excel's cached result from its inputs' cached values", async () => {
    const wb = await readXlsx(fs.readFileSync(example!));
    const sheet = wb.sheets.find((s) => s.name === "LKE ZI")!;
    let checked = 0;
    const wrong: string[] = [];
    sheet.formulas.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f === undefined) return;
        const cached = cellValue(sheet, r, c);
        const got = evaluateFormula(parseFormula(f), { cell: (_s, rr, cc) => cellValue(sheet, rr, cc) });
        const same = typeof got === "number" && typeof cached === "number" ? Math.abs(got - cached) < 1e-9 : isExcelError(got) ? isExcelError(cached) && got.error === cached.error : (got ?? "") === (cached ?? "");
        if (!same) wrong.push(`${String.fromCharCode(65 + c)}${r + 1}: ${JSON.stringify(got)} vs ${JSON.stringify(cached)}`);
        checked++;
      }),
    );
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(250);
  });
});
