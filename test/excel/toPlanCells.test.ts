// The pure write mappers: a plan's rows become 2-D `formulas` blocks in which only "=…" is a formula.
import {
  BLOCK_ROWS,
  charWidthToPoints,
  columnAddress,
  nameFormula,
  toFormulaCell,
  toHeadingAreas,
  toRowBlocks,
} from "../../src/excel/toPlanCells";

describe("toFormulaCell", () => {
  it("writes formulas, numbers and Booleans as they are", () => {
    expect(toFormulaCell("=SUM($D$34:$D$40)")).toBe("=SUM($D$34:$D$40)");
    expect(toFormulaCell(17.5)).toBe(17.5);
    expect(toFormulaCell(false)).toBe(false);
  });

  it("writes every other text behind an apostrophe so Excel keeps it as text", () => {
    expect(["12", "TRUE", "1/2", "-x", "+62 812", "Kode", "'kutip"].map(toFormulaCell)).toEqual([
      "'12",
      "'TRUE",
      "'1/2",
      "'-x",
      "'+62 812",
      "'Kode",
      "''kutip",
    ]);
  });

  it("writes a PlanText as text even where it starts with =", () => {
    expect(toFormulaCell({ text: "=Bukti tidak lengkap" })).toBe("'=Bukti tidak lengkap");
    expect(toFormulaCell({ text: "" })).toBe("");
  });

  it("writes null, missing cells and numbers Excel cannot store as empty", () => {
    expect([toFormulaCell(null), toFormulaCell(undefined), toFormulaCell(""), toFormulaCell(NaN), toFormulaCell(Infinity)]).toEqual(["", "", "", "", ""]);
  });
});

describe("toRowBlocks", () => {
  it("pads ragged rows into one rectangle from A1", () => {
    expect(toRowBlocks([["Judul"], [], ["Kode", "Nilai", 3]])).toEqual([
      {
        address: "A1:C3",
        formulas: [
          ["'Judul", "", ""],
          ["", "", ""],
          ["'Kode", "'Nilai", 3],
        ],
      },
    ]);
  });

  it("splits long plans into blocks of BLOCK_ROWS rows", () => {
    const rows = Array.from({ length: 2 * BLOCK_ROWS + 1 }, (_, i) => [i, `=A${i + 1}*2`]);
    const blocks = toRowBlocks(rows);
    expect(blocks.map((b) => [b.address, b.formulas.length])).toEqual([
      [`A1:B${BLOCK_ROWS}`, BLOCK_ROWS],
      [`A${BLOCK_ROWS + 1}:B${2 * BLOCK_ROWS}`, BLOCK_ROWS],
      [`A${2 * BLOCK_ROWS + 1}:B${2 * BLOCK_ROWS + 1}`, 1],
    ]);
    expect(blocks[2]!.formulas).toEqual([[2 * BLOCK_ROWS, `=A${2 * BLOCK_ROWS + 1}*2`]]);
  });

  it("writes nothing for an empty plan", () => {
    expect(toRowBlocks([])).toEqual([]);
    expect(toRowBlocks([[], []])).toEqual([]);
  });
});

it("groups heading cells into RangeAreas addresses", () => {
  expect(toHeadingAreas(["A1", "A4", "A18"])).toEqual(["A1, A4, A18"]);
  expect(toHeadingAreas(["A1", "A2", "A3"], 2)).toEqual(["A1, A2", "A3"]);
  expect(toHeadingAreas([])).toEqual([]);
});

it("converts character widths to points for the default font", () => {
  expect(charWidthToPoints(14)).toBe(73.5); // 98 px
  expect(charWidthToPoints(60)).toBe(315); // 420 px
  expect(charWidthToPoints(10)).toBe(52.5); // 70 px
});

it("defines names with a quoted sheet reference, and addresses whole columns", () => {
  expect(nameFormula("Rekap ZI", "$B$5")).toBe("='Rekap ZI'!$B$5");
  expect(nameFormula("Unit's", "$A$1")).toBe("='Unit''s'!$A$1");
  expect([columnAddress(0), columnAddress(27)]).toEqual(["A:A", "AB:AB"]);
});
