// The coordinator's `Rekap Unit` written into the workbook open in Excel, cell for cell the sheet the CLI writes
// (both come from src/domain/aggregate/recapTable.ts): the table of units as an Excel table, the summary formulas
// below it, the threshold columns, and a column chart of totals with the 75 (WBK) and 85 (WBBM) lines.
//
// TWO syncs for a new sheet, THREE to replace the add-in's own, whatever the number of units:
// 1. the write guards (read-only, manual calculation, structure protection), the sheet names and the
//    workbook's table names (table names are unique in a workbook);
// 2. only when `Rekap Unit` exists: its owner mark (RECAP_OWNER_MARK). Without the mark the sheet is the
//    user's and nothing is written (GatewayError "sheet-name-taken");
// 3. every write in one batch: the old sheet deleted (its table and chart with it), the sheet added, all its
//    cells as ONE `formulas` rectangle (text behind an apostrophe stays text), the mark, number formats, the
//    table, column widths and the chart (series for the lines, each turned into a line: ExcelApi 1.7).
import { GatewayError } from "../app/gatewayError";
import {
  RECAP_CHART_TITLE,
  RECAP_COLUMN_WIDTHS,
  RECAP_LINES,
  RECAP_OWNER_MARK,
  RECAP_SCORE_COLUMNS,
  RECAP_SHEET,
  RECAP_TABLE,
  RECAP_TABLE_STYLE,
  recapSheetRows,
  recapTableAddress,
  type RecapTable,
} from "../domain/aggregate/recapTable";
import { sheetRef } from "../domain/formulas/rekapPlan";
import { columnLetters } from "../domain/grid/address";
import type { RequestContextApi } from "./excelApi";
import type { RecapRequestContextApi, RecapWorksheetApi } from "./recapApi";
import { charWidthToPoints, columnAddress, toFormulaCell, toRowBlocks } from "./toPlanCells";
import { assertWritable, queueWriteGuards } from "./writeGuards";

/** Where the chart sits: right of the threshold columns, below the owner mark. */
export const RECAP_CHART_POSITION = { from: "V3", to: "AE24" } as const;

/** The table's name: RekapUnit, unless a table elsewhere in the workbook has it (Excel then names it itself). */
export function recapTableName(tables: ReadonlyArray<{ name: string; sheet: string }>): string | undefined {
  const taken = tables.some((t) => t.name.toLowerCase() === RECAP_TABLE.toLowerCase() && t.sheet.toLowerCase() !== RECAP_SHEET.toLowerCase());
  return taken ? undefined : RECAP_TABLE;
}

/** Number formats of the score columns C..M over the table's rows, as Range.numberFormat takes them. */
export function scoreFormats(table: RecapTable): string[][] {
  const width = RECAP_SCORE_COLUMNS.last - RECAP_SCORE_COLUMNS.first + 1;
  return Array.from({ length: table.rows.length }, () => new Array<string>(width).fill(RECAP_SCORE_COLUMNS.format));
}

/**
 * Writes `table` as the `Rekap Unit` sheet in the caller's batch. The context is the gateway's (RequestContextApi);
 * Excel's RequestContext has every member of RecapRequestContextApi (recapApi.ts proves it at compile time), and
 * so does the simulated host of the tests.
 */
export async function writeRecapSheet(gatewayContext: RequestContextApi, table: RecapTable): Promise<void> {
  const context = gatewayContext as RecapRequestContextApi;
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;

  const tables = workbook.tables;
  queueWriteGuards(workbook);
  worksheets.load("items/name");
  tables.load("items/name,items/worksheet/name");
  await context.sync();

  assertWritable(workbook);
  const existing = worksheets.items.find((s) => s.name.toLowerCase() === RECAP_SHEET.toLowerCase());
  if (workbook.protection.protected) throw new GatewayError("workbook-protected", `cannot add "${RECAP_SHEET}"`);
  const tableName = recapTableName(tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })));
  if (existing) {
    const mark = worksheets.getItem(existing.name).getRange(RECAP_OWNER_MARK.cell).load("values");
    await context.sync();
    if (mark.values[0]?.[0] !== RECAP_OWNER_MARK.text) throw new GatewayError("sheet-name-taken", `sheet "${existing.name}"`);
    worksheets.getItem(existing.name).delete();
  }

  const sheet = worksheets.add(RECAP_SHEET);
  const [block] = toRowBlocks(recapSheetRows(table), Number.MAX_SAFE_INTEGER);
  sheet.getRange(block!.address).formulas = block!.formulas;
  sheet.getRange(RECAP_OWNER_MARK.cell).formulas = [[toFormulaCell(RECAP_OWNER_MARK.text)]];
  const first = columnLetters(RECAP_SCORE_COLUMNS.first);
  const last = columnLetters(RECAP_SCORE_COLUMNS.last);
  sheet.getRange(`${first}2:${last}${table.rows.length + 1}`).numberFormat = scoreFormats(table);
  sheet.getRange(`C${table.summaryRow + table.summary.length - 1}`).numberFormat = [[RECAP_SCORE_COLUMNS.format]];

  const excelTable = sheet.tables.add(sheetRef(RECAP_SHEET, recapTableAddress(table)), true);
  if (tableName) excelTable.name = tableName;
  excelTable.style = RECAP_TABLE_STYLE;
  excelTable.showBandedRows = true;
  RECAP_COLUMN_WIDTHS.forEach((width, col) => {
    sheet.getRange(columnAddress(col)).format.columnWidth = charWidthToPoints(width);
  });
  if (table.units.length > 0) addTotalsChart(sheet, table);
  sheet.activate();
  await context.sync();
}

/** Totals (column C) by unit (column A) as columns, and one line per threshold column. */
function addTotalsChart(sheet: RecapWorksheetApi, table: RecapTable): void {
  const rows = (col: string) => sheet.getRange(`${col}2:${col}${table.lastRow}`);
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(`C1:C${table.lastRow}`), "Columns");
  chart.name = "Grafik Nilai Total";
  chart.title.text = RECAP_CHART_TITLE;
  chart.legend.position = "Bottom";
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = 100;
  chart.series.getItemAt(0).setXAxisValues(rows("A"));
  for (const line of RECAP_LINES) {
    const series = chart.series.add(line.header);
    series.setValues(rows(columnLetters(line.column)));
    series.setXAxisValues(rows("A"));
    series.chartType = "Line";
  }
  chart.setPosition(RECAP_CHART_POSITION.from, RECAP_CHART_POSITION.to);
}
