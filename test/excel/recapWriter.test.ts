// Rekap Unit written into the workbook open in Excel, on the simulated host: the cells the domain's recap table
// lays out (and the CLI's recap workbook holds), one Excel table, a chart of totals with its two threshold
// lines, number formats, and a sync count that does not grow with the units (3 and 300). The add-in replaces
// its own sheet and never a sheet of the user's with the same name.
import { GatewayError } from "../../src/app/gatewayError";
import type { RecapFile } from "../../src/domain/aggregate/recapFile";
import { buildRecapTable, RECAP_HEADERS, RECAP_LINES, RECAP_OWNER_MARK, RECAP_SHEET, recapSheetRows, type RecapTable } from "../../src/domain/aggregate/recapTable";
import { parseA1, toA1 } from "../../src/domain/grid/address";
import type { SheetGrid, WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { writeRecapWorkbook } from "../../src/xlsx/writeRecapWorkbook";
import { chartsOf } from "../support/fakeExcel/fakeCharts";
import { FakeExcelHost, type FakeExcelOptions } from "../support/fakeExcel/fakeExcelHost";
import { numberFormatAt } from "../support/fakeExcel/fakeNumberFormats";
import { tablesOf } from "../support/fakeExcel/fakeTables";
import { boxRef, type FakeSheet } from "../support/fakeExcel/fakeWorkbook";
import { seededRandom } from "../support/generator/random";
import { randomSummary } from "../support/unitSummaries";

function files(seed: number, units: number): RecapFile[] {
  const random = seededRandom(seed);
  const out: RecapFile[] = Array.from({ length: units }, (_, i) => ({ file: `unit-${i}.xlsx`, summary: randomSummary(random, `Kantor ${i} "+62" =x`) }));
  out.splice(1, 0, { file: "rusak.xlsx", error: "rusak dan tidak dapat dibaca sebagai .xlsx", reason: { kind: "input", code: "corrupt" } });
  return out;
}

const LKE: SheetGrid = { name: "LKE ZI", visibility: "visible", values: [["Penilaian"]], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 1, colCount: 1 };

function hostWith(extra: SheetGrid[] = [], options: FakeExcelOptions = {}): { host: FakeExcelHost; gateway: OfficeGateway } {
  const snapshot: WorkbookSnapshot = { sheets: [structuredClone(LKE), ...extra], definedNames: [] };
  const host = FakeExcelHost.fromSnapshot(snapshot, options);
  return { host, gateway: new OfficeGateway(host.run, host.gatewayOptions) };
}

function recapSheet(host: FakeExcelHost): FakeSheet {
  const sheet = host.workbook.sheets.find((s) => s.grid.name === RECAP_SHEET);
  if (!sheet) throw new Error("no Rekap Unit sheet");
  return sheet;
}

/** The sheet's cell as the table planned it: a formula as "=…", a value as it is, an empty cell as null. */
function cellAsPlanned(grid: SheetGrid, row: number, col: number): unknown {
  const formula = grid.formulas[row]?.[col];
  if (formula !== undefined) return `=${formula}`;
  return grid.values[row]?.[col] ?? null;
}

function expectCellsOf(sheet: FakeSheet, table: RecapTable): void {
  const planned = recapSheetRows(table);
  const actual = planned.map((row, r) => row.map((_, c) => cellAsPlanned(sheet.grid, r, c)));
  // Text from outside (unit and file names) is written as text: the cell holds it as typed.
  expect(actual).toEqual(planned.map((row) => row.map((v) => (v === "" ? null : v !== null && typeof v === "object" ? v.text : v))));
  // Nothing below the summary (an earlier, longer recap is gone).
  const used = sheet.grid.values.reduce((last, row, r) => (row?.some((v) => v !== null && v !== undefined) ? r + 1 : last), 0);
  expect(used).toBe(planned.length);
}

describe("writeRecap on the simulated Excel host", () => {
  it("writes a unit name that starts with = as text, never as a formula (a workbook is not trusted)", async () => {
    const name = '=HYPERLINK("http://contoh.invalid","klik")';
    const table = buildRecapTable([{ file: "=evil.xlsx", summary: randomSummary(seededRandom(4), name) }]);
    const { host, gateway } = hostWith();
    await gateway.writeRecap(table);
    const grid = recapSheet(host).grid;
    expect([grid.values[1]?.[0], grid.values[1]?.[1]]).toEqual([name, "=evil.xlsx"]);
    expect([grid.formulas[1]?.[0], grid.formulas[1]?.[1]]).toEqual([undefined, undefined]);
    const cli = (await readXlsx(await writeRecapWorkbook([{ file: "=evil.xlsx", summary: randomSummary(seededRandom(4), name) }]))).sheets.find((x) => x.name === RECAP_SHEET)!;
    expect([cli.values[1]?.[0], cli.formulas[1]?.[0]]).toEqual([name, undefined]);
  });

  it.each([3, 300])("writes the table's cells, its Excel table, formats and chart for %i units in two syncs", async (units) => {
    const batch = files(units, units);
    const table = buildRecapTable(batch);
    const { host, gateway } = hostWith();
    const { syncs } = await host.countSyncs(() => gateway.writeRecap(table));
    expect(syncs).toBe(2);
    expect(host.runs).toBe(1);

    const sheet = recapSheet(host);
    expectCellsOf(sheet, table);
    const mark = parseA1(RECAP_OWNER_MARK.cell)!;
    expect(sheet.grid.values[mark.row]?.[mark.col]).toBe(RECAP_OWNER_MARK.text);
    expect(host.workbook.activeSheet).toBe(sheet);

    const [excelTable, ...moreTables] = tablesOf(sheet);
    expect(moreTables).toEqual([]);
    expect({ name: excelTable!.name, address: boxRef(excelTable!.box), headers: excelTable!.hasHeaders, style: excelTable!.style }).toEqual({
      name: "RekapUnit",
      address: `A1:Q${units + 1}`,
      headers: true,
      style: "TableStyleMedium2",
    });
    expect([numberFormatAt(sheet, 1, 2), numberFormatAt(sheet, units, 12), numberFormatAt(sheet, 1, 13), numberFormatAt(sheet, 0, 2)]).toEqual(["0.00", "0.00", "General", "General"]);

    const [chart, ...moreCharts] = chartsOf(sheet);
    expect(moreCharts).toEqual([]);
    const ref = (r: { box: Parameters<typeof boxRef>[0] } | undefined) => (r ? boxRef(r.box) : undefined);
    expect(chart!.series.map((s) => ({ name: s.name, type: s.chartType, values: ref(s.values), x: ref(s.xValues) }))).toEqual([
      { name: "Nilai total", type: "ColumnClustered", values: `C2:C${units + 1}`, x: `A2:A${units + 1}` },
      ...RECAP_LINES.map((l) => ({ name: l.header, type: "Line", values: `${"ST"[l.column - 18]}2:${"ST"[l.column - 18]}${units + 1}`, x: `A2:A${units + 1}` })),
    ]);
    expect([chart!.minimum, chart!.maximum, chart!.legendPosition]).toEqual([0, 100, "Bottom"]);
  });

  it("writes the cells of the CLI's recap workbook: the same table, thresholds and summary labels", async () => {
    const batch = files(77, 12);
    const { host, gateway } = hostWith();
    await gateway.writeRecap(buildRecapTable(batch));
    const cli = (await readXlsx(await writeRecapWorkbook(batch))).sheets.find((s) => s.name === RECAP_SHEET)!;
    const pane = recapSheet(host).grid;
    const width = RECAP_LINES[1].column + 1;
    for (let r = 0; r < cli.values.length; r++) {
      for (let c = 0; c < width; c++) {
        const expected = cli.formulas[r]?.[c] !== undefined ? `=${cli.formulas[r]![c]}` : (cli.values[r]?.[c] ?? null);
        expect([toA1(r, c), cellAsPlanned(pane, r, c)]).toEqual([toA1(r, c), expected === "" ? null : expected]);
      }
    }
    expect(pane.values[0]!.slice(0, RECAP_HEADERS.length)).toEqual([...RECAP_HEADERS]);
  });

  it("replaces its own sheet in three syncs: the new units only, one table named RekapUnit, one chart", async () => {
    const { host, gateway } = hostWith();
    await gateway.writeRecap(buildRecapTable(files(5, 40)));
    const smaller = buildRecapTable(files(6, 4));
    const { syncs } = await host.countSyncs(() => gateway.writeRecap(smaller));
    expect(syncs).toBe(3);
    const sheet = recapSheet(host);
    expectCellsOf(sheet, smaller);
    expect(tablesOf(sheet).map((t) => t.name)).toEqual(["RekapUnit"]);
    expect(chartsOf(sheet)).toHaveLength(1);
    expect(host.workbook.sheets.map((s) => s.grid.name)).toEqual(["LKE ZI", RECAP_SHEET]);
  });

  it("refuses to touch a Rekap Unit sheet of the user's own, and writes nothing", async () => {
    const own: SheetGrid = { ...structuredClone(LKE), name: RECAP_SHEET, values: [["Catatan saya"]] };
    const { host, gateway } = hostWith([own]);
    const before = host.toSnapshot();
    const error = await gateway.writeRecap(buildRecapTable(files(8, 3))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("sheet-name-taken");
    expect(host.toSnapshot()).toEqual(before);
    expect(host.syncs).toBe(2);
  });

  it("leaves the table unnamed when a table elsewhere is called RekapUnit, and draws no chart without units", async () => {
    const { host, gateway } = hostWith();
    tablesOf(host.workbook.sheets[0]!).push({ name: "RekapUnit", sheet: host.workbook.sheets[0]!, box: { top: 10, left: 0, bottom: 12, right: 1 }, hasHeaders: true, style: "TableStyleLight1", showBandedRows: false });
    const empty = buildRecapTable([{ file: "x.xlsx", error: "rusak" }]);
    await gateway.writeRecap(empty);
    const sheet = recapSheet(host);
    expectCellsOf(sheet, empty);
    expect(tablesOf(sheet).map((t) => [t.name, boxRef(t.box)])).toEqual([["Table1", "A1:Q2"]]);
    expect(chartsOf(sheet)).toEqual([]);
  });

  it("refuses a read-only workbook, a protected structure and an Excel older than ExcelApi 1.9 before writing", async () => {
    const table = buildRecapTable(files(9, 3));
    for (const [options, code] of [
      [{ readOnly: true }, "read-only"],
      [{ structureProtected: true }, "workbook-protected"],
      [{ excelApi: "1.8" }, "requirement-missing"],
    ] as Array<[FakeExcelOptions, string]>) {
      const { host, gateway } = hostWith([], options);
      const error = await gateway.writeRecap(table).catch((e: unknown) => e);
      expect([code, (error as GatewayError).code]).toEqual([code, code]);
      expect(host.workbook.sheets.map((s) => s.grid.name)).toEqual(["LKE ZI"]);
    }
  });
});

describe("a recap made by lke-zi aggregate, opened in Excel", () => {
  it("carries the owner mark, so the pane rewrites it instead of refusing it", async () => {
    const cli = await readXlsx(await writeRecapWorkbook(files(5, 3)));
    const sheet = cli.sheets.find((s) => s.name === RECAP_SHEET)!;
    const host = FakeExcelHost.fromSnapshot({ sheets: [structuredClone(LKE), sheet], definedNames: [] });
    const gateway = new OfficeGateway(host.run, host.gatewayOptions);
    const table = buildRecapTable(files(6, 4));
    await expect(gateway.writeRecap(table)).resolves.toBeUndefined();
    expectCellsOf(recapSheet(host), table);
  });
});
