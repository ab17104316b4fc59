// Load/sync discipline checked with Microsoft's office-addin-mock: the part of a read that touches one sheet
// (officeGateway's queueSheet, then collectSheet after the sync) reads only properties it loaded, and only
// after the sync. The mock has no Excel semantics (addresses, null objects, collections), so the rest of the
// gateway is tested on the simulated host (officeGateway.test.ts).
//
// office-addin-mock requires office-addin-manifest, whose dependency chain is ESM-only and does not load in
// Jest's CommonJS runtime on Node 20; the mock only needs its OfficeApp enum, stubbed here for this file.
import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import type { RangeApi, WorksheetApi } from "../../src/excel/excelApi";
import { collectSheet, queueSheet } from "../../src/excel/officeGateway";

jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

const NOT_LOADED = "Error, property was not loaded";
const NOT_SYNCED = "Error, context.sync() was not called";

function mockWorkbook() {
  const merged = { address: "'LKE ZI'!B1:C1" };
  const mock = new OfficeMockObject(
    {
      sheet: { name: "LKE ZI", visibility: "Visible" },
      used: {
        address: "'LKE ZI'!B1:C2",
        values: [["Judul", ""], ["Ya", 1]],
        formulas: [["Judul", ""], ["Ya", "=1"]],
        valueTypes: [["String", "Empty"], ["String", "Double"]],
        rowCount: 2,
        columnCount: 2,
        getCellProperties: () => ({ value: [[{}, {}], [{ hyperlink: { address: "https://drive.example.go.id/a" } }, {}]] }),
        getMergedAreasOrNullObject: () => mock.merged,
      },
      merged,
    },
    OfficeApp.Excel,
  );
  // Office.js fills isNullObject at every sync without a load; the mock cannot, so it is set here.
  for (const name of ["sheet", "used", "merged"]) mock[name].isNullObject = false;
  return { mock, sheet: mock.sheet as WorksheetApi, used: mock.used as RangeApi };
}

/** office-addin-mock runs its children's syncs without awaiting them: let them finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("load/sync discipline (office-addin-mock)", () => {
  it("reads a sheet only through properties it loaded, after the sync", async () => {
    const { mock, sheet, used } = mockWorkbook();
    const queued = queueSheet(sheet, used, used);
    await mock.sync();
    await settle();
    const grid = collectSheet(queued)!;
    expect(grid).toMatchObject({ name: "LKE ZI", visibility: "visible", merges: ["B1:C1"], hyperlinks: { B2: "https://drive.example.go.id/a" } });
    expect(grid.values[1]).toEqual([undefined, "Ya", 1]);
    expect(grid.formulas[1]?.[2]).toBe("1");
  });

  it("would show a read before the sync, or without a load, as the mock's error text", async () => {
    const { sheet, used } = mockWorkbook();
    expect(used.values as unknown).toBe(NOT_LOADED);
    const queued = queueSheet(sheet, used, used);
    expect(used.address as unknown).toBe(NOT_SYNCED);
    expect(() => collectSheet(queued)).toThrow(/not a cell reference/);
  });
});
