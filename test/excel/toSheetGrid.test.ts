// The pure read mappers: what Office.js returns for a used range becomes the neutral grid, placed from A1.
import { cellFormula, cellValue } from "../../src/domain/grid/sheetGrid";
import {
  parseAreasAddress,
  parseBox,
  splitSheetAddress,
  toCellValue,
  toDefinedNames,
  toFormula,
  toSheetGrid,
  toVisibility,
} from "../../src/excel/toSheetGrid";

describe("addresses", () => {
  it("splits quoted, bare and sheet-less addresses", () => {
    expect(splitSheetAddress("'LKE ZI'!A1:Q222")).toEqual({ sheet: "LKE ZI", ref: "A1:Q222" });
    expect(splitSheetAddress("'It''s!'!B2")).toEqual({ sheet: "It's!", ref: "B2" });
    expect(splitSheetAddress("Sheet1!C3")).toEqual({ sheet: "Sheet1", ref: "C3" });
    expect(splitSheetAddress("D4:E5")).toEqual({ ref: "D4:E5" });
  });

  it("reads the box of a range address, single cells and $ included", () => {
    expect(parseBox("'LKE ZI'!B3:Q222")).toEqual({ top: 2, left: 1, bottom: 221, right: 16 });
    expect(parseBox("Sheet1!$C$5")).toEqual({ top: 4, left: 2, bottom: 4, right: 2 });
    expect(() => parseBox("Sheet1!A:A")).toThrow(/not a cell reference/);
  });

  it("splits a RangeAreas address into areas, commas inside quoted names kept", () => {
    expect(parseAreasAddress("Sheet1!B1:M1, Sheet1!B2:G2")).toEqual(["B1:M1", "B2:G2"]);
    expect(parseAreasAddress("'a, b'!A1:B2,'a, b'!$D$1")).toEqual(["A1:B2", "D1:D1"]);
    expect(parseAreasAddress("")).toEqual([]);
  });
});

describe("cell values", () => {
  it("maps Excel's empty string to an empty cell and error text to an error", () => {
    expect(toCellValue("", "Empty")).toBeNull();
    expect(toCellValue("")).toBeNull();
    expect(toCellValue("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(toCellValue("#N/A")).toEqual({ error: "#N/A" });
  });

  it("keeps text that only looks like an error when valueTypes says it is text", () => {
    expect(toCellValue("#N/A", "String")).toBe("#N/A");
    expect(toCellValue("", "String")).toBe(""); // a formula whose result is ""
  });

  it("keeps numbers, Booleans and text as they are", () => {
    expect(toCellValue(0, "Double")).toBe(0);
    expect(toCellValue(false, "Boolean")).toBe(false);
    expect(toCellValue("Ya", "String")).toBe("Ya");
  });

  it("takes formulas without their '=' and constants as no formula", () => {
    expect(toFormula("=SUM(A1:A3)")).toBe("SUM(A1:A3)");
    expect(toFormula("Ya")).toBeUndefined();
    expect(toFormula(3)).toBeUndefined();
    expect(toFormula("=")).toBeUndefined();
  });

  it("maps sheet visibility", () => {
    expect([toVisibility("Visible"), toVisibility("Hidden"), toVisibility("VeryHidden")]).toEqual(["visible", "hidden", "veryHidden"]);
  });
});

describe("toSheetGrid", () => {
  it("places a used range that starts at C3 from A1", () => {
    const grid = toSheetGrid({
      name: "LKE ZI",
      visibility: "Visible",
      used: {
        address: "'LKE ZI'!C3:D4",
        values: [
          ["Jawaban", ""],
          [1, 0.5],
        ],
        formulas: [
          ["Jawaban", ""],
          [1, "=C4/2"],
        ],
        valueTypes: [
          ["String", "Empty"],
          ["Double", "Double"],
        ],
      },
    });
    expect(cellValue(grid, 2, 2)).toBe("Jawaban");
    expect(cellValue(grid, 2, 3)).toBeNull();
    expect(cellValue(grid, 3, 3)).toBe(0.5);
    expect(cellFormula(grid, 3, 3)).toBe("C4/2");
    expect(cellFormula(grid, 3, 2)).toBeUndefined();
    expect(grid.values[0]).toBeUndefined();
    expect([grid.rowCount, grid.colCount]).toEqual([4, 4]);
    expect(grid.validations).toEqual([]);
  });

  it("keys hyperlinks by absolute A1 and keeps only links to addresses", () => {
    const grid = toSheetGrid({
      name: "S",
      visibility: "Visible",
      used: {
        address: "S!B2:C2",
        values: [["bukti", "lokal"]],
        formulas: [["bukti", "lokal"]],
        hyperlinks: [[{ hyperlink: { address: "https://drive.example.go.id/a" } }, { hyperlink: { documentReference: "S!A1" } }]],
      },
    });
    expect(grid.hyperlinks).toEqual({ B2: "https://drive.example.go.id/a" });
  });

  it("shows a merged range's content and link at its top left only, and counts the merge in the size", () => {
    const grid = toSheetGrid({
      name: "S",
      visibility: "Hidden",
      used: {
        address: "S!A1:B1",
        values: [["judul", "sisa"]],
        formulas: [["judul", "sisa"]],
        hyperlinks: [[{ hyperlink: { address: "https://a" } }, { hyperlink: { address: "https://b" } }]],
      },
      mergedAreas: "S!A1:C2",
    });
    expect(grid.merges).toEqual(["A1:C2"]);
    expect(cellValue(grid, 0, 0)).toBe("judul");
    expect(cellValue(grid, 0, 1)).toBeNull();
    expect(grid.hyperlinks).toEqual({ A1: "https://a" });
    expect([grid.rowCount, grid.colCount, grid.visibility]).toEqual([2, 3, "hidden"]);
  });

  it("gives an empty grid for a sheet without content, and for a blank sheet's A1", () => {
    expect(toSheetGrid({ name: "E", visibility: "Visible", used: undefined })).toMatchObject({ rowCount: 0, colCount: 0, values: [], merges: [] });
    const blank = toSheetGrid({ name: "E", visibility: "Visible", used: { address: "E!A1", values: [[""]], formulas: [[""]], valueTypes: [["Empty"]] } });
    expect([blank.rowCount, blank.colCount]).toEqual([0, 0]);
  });
});

it("lists workbook names without the formula's '='", () => {
  expect(
    toDefinedNames([
      { name: "ZI_NILAI_TOTAL", formula: "='Rekap ZI'!$B$5" },
      { name: "Odd", formula: 3 },
    ]),
  ).toEqual([{ name: "ZI_NILAI_TOTAL", ref: "'Rekap ZI'!$B$5" }]);
});
