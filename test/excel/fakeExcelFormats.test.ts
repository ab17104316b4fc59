// The simulated host's cell formats, notes, comments and sheet visibility behave like Excel where the cell
// actions could get them wrong. This file reads before loads and syncs on purpose (see fakeExcelHost.test.ts).
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
import type { WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { calculateWrittenFormulas } from "../support/fakeExcel/fakeCalculation";
import { setCellStyle, setUserComment, setUserNote, styleSnapshot } from "../support/fakeExcel/fakeCellFormats";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";

function tiny(): WorkbookSnapshot {
  const sheet = (name: string, visibility: "visible" | "hidden" | "veryHidden") => ({
    name,
    visibility,
    values: [[1, 2]],
    formulas: [[]],
    hyperlinks: {},
    validations: [],
    merges: [],
    rowCount: 1,
    colCount: 2,
  });
  return { sheets: [sheet("LKE ZI", "visible"), sheet("Lain", "visible"), sheet("Rahasia", "veryHidden")], definedNames: [] };
}

const PROPS = { hyperlink: true, format: { fill: { color: true, pattern: true }, font: { color: true, bold: true } } } as const;

const code = async (p: Promise<unknown>) => p.then(() => "no error", (e: { code?: string }) => e.code);

describe("the simulated host's formats, notes and sheets", () => {
  it("tells no fill from a white fill, and sets fills and font colours per cell through RangeAreas", async () => {
    const host = new FakeExcelHost(tiny());
    setCellStyle(host.workbook, "LKE ZI", "B1", { fill: { pattern: "Solid", color: "#FFFFFF" } });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("LKE ZI");
      const props = sheet.getRange("A1:B1").getCellProperties(PROPS);
      expect(() => props.value).toThrow(/not available/);
      await context.sync();
      expect(props.value[0]).toEqual([
        { format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { color: "#000000", bold: false } } },
        { format: { fill: { color: "#FFFFFF", pattern: "Solid" }, font: { color: "#000000", bold: false } } },
      ]);
      const areas = sheet.getRanges("A1, C3");
      areas.format.fill.color = "#ffc7ce";
      areas.format.font.color = "#9C0006";
      sheet.getRange("B1").format.fill.clear();
      await context.sync();
    });
    expect(styleSnapshot(host.workbook)).toEqual({ "LKE ZI": { A1: { fill: "Solid #FFC7CE", fontColor: "#9C0006" }, C3: { fill: "Solid #FFC7CE", fontColor: "#9C0006" } } });
  });

  it("refuses cell properties it does not simulate", async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("LKE ZI").getRange("A1").getCellProperties({ format: { borders: { color: true } } })).toThrow(/not simulated/);
    });
  });

  it("reads notes only after a load and a sync, gives null objects for missing ones, and fails getItem of one at the sync", async () => {
    const host = new FakeExcelHost(tiny(), { excelApi: "1.18" });
    setUserNote(host.workbook, "LKE ZI", "A1", "catatan");
    await host.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("LKE ZI").notes;
      const there = notes.getItemOrNullObject("A1");
      const missing = notes.getItemOrNullObject("B1");
      expect(() => there.content).toThrow(/not available/);
      there.load("content");
      missing.load("content");
      await context.sync();
      expect([there.isNullObject, there.content, missing.isNullObject]).toEqual([false, "catatan", true]);
      notes.getItem("B1").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("keeps a note and a threaded comment off the same cell", async () => {
    const host = new FakeExcelHost(tiny());
    setUserNote(host.workbook, "LKE ZI", "A1", "catatan");
    setUserComment(host.workbook, "LKE ZI", "B1", "komentar");
    expect(await code(host.run(async (c) => (c.workbook.worksheets.getItem("LKE ZI").comments.add("A1", "x"), c.sync())))).toBe("InvalidOperation");
    expect(await code(host.run(async (c) => (c.workbook.worksheets.getItem("LKE ZI").notes.add("B1", "x"), c.sync())))).toBe("InvalidOperation");
    const located = await host.run(async (context) => {
      const comments = context.workbook.comments;
      comments.load("items/id,items/content");
      await context.sync();
      const cells = comments.items.map((c) => c.getLocation().load("address"));
      await context.sync();
      return cells.map((c, i) => [c.address, comments.items[i]!.content]);
    });
    expect(located).toEqual([["'LKE ZI'!B1", "komentar"]]);
  });

  it("deletes no very hidden sheet and hides no last visible sheet, as Excel", async () => {
    const host = new FakeExcelHost(tiny());
    expect(await code(host.run(async (c) => (c.workbook.worksheets.getItem("Rahasia").delete(), c.sync())))).toBe("InvalidOperation");
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Rahasia");
      sheet.visibility = "Hidden";
      sheet.delete();
      context.workbook.worksheets.getItem("Lain").visibility = "VeryHidden";
      await context.sync();
    });
    expect(host.toSnapshot().sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["LKE ZI", "visible"],
      ["Lain", "veryHidden"],
    ]);
    expect(await code(host.run(async (c) => ((c.workbook.worksheets.getItem("LKE ZI").visibility = "Hidden"), c.sync())))).toBe("InvalidOperation");
  });

  it("computes a written formula's value where asked to, as Excel recalculates it", async () => {
    const host = new FakeExcelHost(tiny());
    calculateWrittenFormulas(host.workbook);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("LKE ZI").getRange("C1:D1").formulas = [["=A1+B1", "=C1*2"]];
      await context.sync();
    });
    expect(host.toSnapshot().sheets[0]!.values[0]).toEqual([1, 2, 3, 6]);
  });
});
