// The simulated host behaves like Excel where a gateway can get it wrong: loads, syncs, null objects,
// queued writes, typed entries, non-transactional batches, proxies that die with their batch.
// This file reads before loads and syncs on purpose, to show the host throws where Excel does; the office-addins
// rules that catch such reads statically are off here (and they take a ClientResult's value for a property).
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import type { WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import type { RequestContextApi } from "../../src/excel/excelApi";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";

function tiny(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "LKE ZI",
        visibility: "visible",
        values: [[], [undefined as never, "Jawaban", 1]],
        formulas: [[], [undefined, undefined, undefined, "C2*2"]],
        hyperlinks: { B2: "https://drive.example.go.id/x" },
        validations: [],
        merges: [],
        rowCount: 2,
        colCount: 4,
      },
      { name: "Unit's", visibility: "hidden", values: [], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 0, colCount: 0 },
    ],
    definedNames: [{ name: "Old", ref: "'LKE ZI'!$B$2" }],
  };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return "no error";
};

describe("the simulated Excel host", () => {
  it("throws on a property that was not loaded, or read before the sync after its load", async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (context: RequestContextApi) => {
      const used = context.workbook.worksheets.getItem("LKE ZI").getUsedRange(true);
      expect(code(() => used.values)).toBe("PropertyNotLoaded");
      used.load("address,values");
      expect(code(() => used.address)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(used.address).toBe("'LKE ZI'!B2:D2");
      expect(used.values).toEqual([["Jawaban", 1, ""]]);
      expect(code(() => used.formulas)).toBe("PropertyNotLoaded");
    });
    expect(host.syncs).toBe(1);
  });

  it("tells null objects only after a sync, and fails ordinary lookups of missing items at the sync", async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Rekap ZI");
      expect(code(() => missing.isNullObject)).toBe("PropertyNotLoaded");
      const next = context.workbook.worksheets.getFirst().getNextOrNullObject().getNextOrNullObject();
      next.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(next.isNullObject).toBe(true);
      expect(code(() => next.name)).toBe("InvalidOperation");
      context.workbook.worksheets.getItem("Rekap ZI").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("applies writes at the sync, in order, and keeps those before a failing command", async () => {
    const host = new FakeExcelHost(tiny());
    const before = host.toSnapshot();
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("LKE ZI");
        sheet.getRange("A5").formulas = [["'12"]];
        expect(host.toSnapshot()).toEqual(before); // queued, not applied
        sheet.getRange("A6:B6").formulas = [["only one"]]; // wrong size
        sheet.getRange("A7").formulas = [["never"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    const after = host.toSnapshot().sheets[0]!;
    expect(after.values[4]?.[0]).toBe("12");
    expect(after.values[6]).toBeUndefined();
  });

  it("stores typed entries as Excel would: numbers, Booleans and +/- formulas unless behind an apostrophe", async () => {
    const host = new FakeExcelHost(tiny());
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("LKE ZI").getRange("A10:F10").formulas = [["12", "TRUE", "-x", "'12", "=A10+1", "teks"]];
      await context.sync();
    });
    const sheet = host.toSnapshot().sheets[0]!;
    expect(sheet.values[9]?.slice(0, 6)).toEqual([12, true, undefined, "12", undefined, "teks"]);
    expect(sheet.formulas[9]?.slice(0, 6)).toEqual([undefined, undefined, "-x", undefined, "A10+1", undefined]);
  });

  it("refuses writes to a protected sheet and new sheets in a protected structure", async () => {
    const host = new FakeExcelHost(tiny(), { protectedSheets: ["LKE ZI"], structureProtected: true });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("LKE ZI").getRange("A1").formulas = [["x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      context.workbook.worksheets.add("Rekap ZI");
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(host.toSnapshot()).toEqual(tiny());
  });

  it("quotes sheet names in addresses and loads collections through items/…", async () => {
    const host = new FakeExcelHost(tiny());
    const seen = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/protection/protected");
      const range = sheets.getItem("Unit's").getRange("B2:C3");
      range.load("address");
      await context.sync();
      return { items: sheets.items.map((s) => [s.name, s.visibility, s.protection.protected]), address: range.address };
    });
    expect(seen).toEqual({
      items: [
        ["LKE ZI", "Visible", false],
        ["Unit's", "Hidden", false],
      ],
      address: "'Unit''s'!B2:C3",
    });
  });

  it("gives hyperlinks per cell and lets proxies die with their batch", async () => {
    const host = new FakeExcelHost(tiny());
    const used = await host.run(async (context) => {
      const range = context.workbook.worksheets.getFirst().getUsedRange(true);
      const links = range.getCellProperties({ hyperlink: true });
      expect(code(() => links.value)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(links.value[0]![0]).toEqual({ hyperlink: { address: "https://drive.example.go.id/x" } });
      return range;
    });
    expect(code(() => used.load("address"))).toBe("InvalidObjectPath");
  });

  it("refuses a batch that ends with writes no sync sent", async () => {
    const host = new FakeExcelHost(tiny());
    await expect(
      host.run(async (context) => {
        context.workbook.names.add("ZI_X", "='LKE ZI'!$C$2");
      }),
    ).rejects.toThrow(/queued writes/);
    expect(host.toSnapshot().definedNames).toEqual([{ name: "Old", ref: "'LKE ZI'!$B$2" }]);
  });
});
