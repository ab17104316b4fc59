// What writing `Rekap Unit` needs of Excel beyond excelApi.ts: an Excel table, a chart with its series and axes,
// number formats. Narrow structural types cut from @types/office-js (as excelApi.ts and paneApi.ts) and checked
// against it at the end; type-only, no code. Every member is in ExcelApi 1.9 or below (the manifest's floor).
import type { RangeApi, RequestContextApi, WorkbookApi, WorksheetApi, WorksheetCollectionApi } from "./excelApi";

interface Loadable<Self> {
  load(propertyNames: string): Self;
}

/** ExcelApi 1.1: number formats, one per cell. */
export interface RecapRangeApi extends RangeApi, Pick<Excel.Range, "numberFormat"> {}

/** ExcelApi 1.1 (name, style), 1.3 (showBandedRows). */
export interface TableApi extends Pick<Excel.Table, "name" | "style" | "showBandedRows">, Loadable<TableApi> {
  readonly worksheet: Pick<Excel.Worksheet, "name">;
}

/** A sheet's tables (ExcelApi 1.1). The address names its sheet ("'Rekap Unit'!A1:Q10"): without one, Excel uses the active sheet. */
export interface TableCollectionApi {
  add(address: string, hasHeaders: boolean): TableApi;
}

/** The workbook's tables (ExcelApi 1.1): table names are unique in the workbook. */
export interface WorkbookTableCollectionApi extends Loadable<WorkbookTableCollectionApi> {
  readonly items: TableApi[];
}

/** ExcelApi 1.1 (name), 1.7 (chartType, setValues, setXAxisValues). */
export interface ChartSeriesApi extends Pick<Excel.ChartSeries, "name" | "chartType"> {
  setValues(sourceData: RangeApi): void;
  setXAxisValues(sourceData: RangeApi): void;
}

export interface ChartSeriesCollectionApi {
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): ChartSeriesApi;
  /** ExcelApi 1.1. */
  getItemAt(index: number): ChartSeriesApi;
}

export interface ChartApi extends Pick<Excel.Chart, "name" | "setPosition"> {
  readonly title: Pick<Excel.ChartTitle, "text">;
  readonly legend: Pick<Excel.ChartLegend, "position">;
  readonly axes: { readonly valueAxis: Pick<Excel.ChartAxis, "minimum" | "maximum"> };
  readonly series: ChartSeriesCollectionApi;
}

export interface ChartCollectionApi {
  /** ExcelApi 1.1. */
  add(type: "ColumnClustered", sourceData: RangeApi, seriesBy?: "Auto" | "Columns" | "Rows"): ChartApi;
}

export interface RecapWorksheetApi extends WorksheetApi {
  readonly tables: TableCollectionApi;
  readonly charts: ChartCollectionApi;
  getRange(address?: string): RecapRangeApi;
  /** ExcelApi 1.1. */
  activate(): void;
}

export interface RecapWorksheetCollectionApi extends WorksheetCollectionApi {
  add(name: string): RecapWorksheetApi;
  getItem(key: string): RecapWorksheetApi;
}

export interface RecapWorkbookApi extends WorkbookApi {
  readonly worksheets: RecapWorksheetCollectionApi;
  readonly tables: WorkbookTableCollectionApi;
}

export interface RecapRequestContextApi extends RequestContextApi {
  readonly workbook: RecapWorkbookApi;
}

// Excel's own objects must satisfy the narrow types: these fail to compile when @types/office-js drifts.
type Satisfies<Actual extends Narrow, Narrow> = [Actual, Narrow];
export type ExcelSatisfiesRecapApi = [
  Satisfies<Excel.RequestContext, RecapRequestContextApi>,
  Satisfies<Excel.Worksheet, RecapWorksheetApi>,
  Satisfies<Excel.Range, RecapRangeApi>,
  Satisfies<Excel.TableCollection, TableCollectionApi>,
  Satisfies<Excel.Table, TableApi>,
  Satisfies<Excel.Chart, ChartApi>,
  Satisfies<Excel.ChartSeries, ChartSeriesApi>,
];
