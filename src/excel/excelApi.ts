// The part of the Excel JavaScript API the gateway uses, as narrow structural types cut from @types/office-js.
// The gateway is written against these; Excel's own objects satisfy them (the assertions at the end fail to
// compile when @types/office-js drifts), and so does the simulated host of test/support/fakeExcel. Scalar
// members are picked from the Excel classes themselves; members that return other Excel objects are
// re-declared here to return the narrow types, so that a fake need not implement all of Excel.Range.
// Type-only: this module emits no code and says nothing about the global `Excel`.

/** A proxy's load: explicit property names, comma-separated ("address,values"; "items/name" on collections). */
interface Loadable<Self> {
  load(propertyNames: string): Self;
}

export interface ClientResultApi<T> {
  readonly value: T;
}

export type RangeFontApi = Pick<Excel.RangeFont, "bold" | "color">;

/** ExcelApi 1.1 (color, clear), 1.9 (pattern, patternColor). */
export type RangeFillApi = Pick<Excel.RangeFill, "color" | "pattern" | "patternColor" | "clear">;

export interface RangeFormatApi extends Pick<Excel.RangeFormat, "columnWidth"> {
  readonly font: RangeFontApi;
  readonly fill: RangeFillApi;
  /** ExcelApi 1.2: whether a cell stays locked when its sheet is protected. */
  readonly protection: Pick<Excel.FormatProtection, "locked">;
}

/** ExcelApi 1.8: a range's data validation (the answer lists of an evaluator's column). */
export type DataValidationApi = Pick<Excel.DataValidation, "rule" | "clear">;

export interface RangeAreasApi extends Pick<Excel.RangeAreas, "address" | "isNullObject">, Loadable<RangeAreasApi> {
  readonly format: { readonly font: RangeFontApi; readonly fill: RangeFillApi };
}

/** What getCellProperties gives per cell: the properties asked for (hyperlink; format.fill, format.font). */
export type CellPropertiesApi = Pick<Excel.CellProperties, "hyperlink" | "format">;

export interface RangeApi
  extends Pick<Excel.Range, "address" | "values" | "formulas" | "valueTypes" | "rowCount" | "columnCount" | "isNullObject" | "hyperlink">,
    Loadable<RangeApi> {
  readonly format: RangeFormatApi;
  /** ExcelApi 1.9: per cell, the properties named in `options` (hyperlink, format.fill, format.font …). */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): ClientResultApi<CellPropertiesApi[][]>;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasApi;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  readonly dataValidation: DataValidationApi;
}

/** ExcelApi 1.2 (protect, unprotect): the sheet's protection; ExcelApi 1.7 for unprotect's password. */
export interface WorksheetProtectionApi extends Pick<Excel.WorksheetProtection, "protected">, Loadable<WorksheetProtectionApi> {
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface WorkbookProtectionApi extends Pick<Excel.WorkbookProtection, "protected">, Loadable<WorkbookProtectionApi> {}

export interface NamedItemApi extends Pick<Excel.NamedItem, "name" | "formula" | "isNullObject" | "delete">, Loadable<NamedItemApi> {}

export interface NamedItemCollectionApi extends Loadable<NamedItemCollectionApi> {
  readonly items: NamedItemApi[];
  add(name: string, reference: string, comment?: string): NamedItemApi;
  getItem(name: string): NamedItemApi;
  getItemOrNullObject(name: string): NamedItemApi;
}

/** ExcelApi 1.18: a note (the yellow sticky kind). */
export interface NoteApi extends Pick<Excel.Note, "content" | "isNullObject" | "delete">, Loadable<NoteApi> {}

/** ExcelApi 1.18: a sheet's notes, by cell address ("K12"). */
export interface NoteCollectionApi {
  add(cellAddress: string, content: string): NoteApi;
  getItem(key: string): NoteApi;
  getItemOrNullObject(key: string): NoteApi;
}

/** ExcelApi 1.10: a threaded comment. */
export interface CommentApi extends Pick<Excel.Comment, "id" | "content" | "delete">, Loadable<CommentApi> {
  getLocation(): RangeApi;
}

/** ExcelApi 1.10: the workbook's or a sheet's threaded comments. */
export interface CommentCollectionApi extends Loadable<CommentCollectionApi> {
  readonly items: CommentApi[];
  add(cellAddress: string, content: string): CommentApi;
  getItem(commentId: string): CommentApi;
}

export interface WorksheetApi extends Pick<Excel.Worksheet, "name" | "visibility" | "isNullObject" | "delete">, Loadable<WorksheetApi> {
  readonly protection: WorksheetProtectionApi;
  /** ExcelApi 1.18. */
  readonly notes: NoteCollectionApi;
  /** ExcelApi 1.10. */
  readonly comments: CommentCollectionApi;
  getNextOrNullObject(visibleOnly?: boolean): WorksheetApi;
  getUsedRange(valuesOnly?: boolean): RangeApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  /** The whole sheet without an address. */
  getRange(address?: string): RangeApi;
  /** ExcelApi 1.9: "A1, A4:B4". */
  getRanges(address: string): RangeAreasApi;
}

export interface WorksheetCollectionApi extends Loadable<WorksheetCollectionApi> {
  readonly items: WorksheetApi[];
  add(name: string): WorksheetApi;
  getFirst(visibleOnly?: boolean): WorksheetApi;
  getItem(key: string): WorksheetApi;
  getItemOrNullObject(key: string): WorksheetApi;
}

export interface ApplicationApi extends Pick<Excel.Application, "calculationMode" | "suspendApiCalculationUntilNextSync">, Loadable<ApplicationApi> {
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface WorkbookApi extends Pick<Excel.Workbook, "readOnly">, Loadable<WorkbookApi> {
  readonly application: ApplicationApi;
  /** ExcelApi 1.10. */
  readonly comments: CommentCollectionApi;
  readonly names: NamedItemCollectionApi;
  readonly protection: WorkbookProtectionApi;
  readonly worksheets: WorksheetCollectionApi;
}

export interface RequestContextApi {
  readonly workbook: WorkbookApi;
  sync(): Promise<void>;
}

/** Runs one batch, as Excel.run does: a new request context whose proxies die with the batch. */
export type BatchRunner = <T>(batch: (context: RequestContextApi) => Promise<T>) => Promise<T>;

// Excel's own objects must satisfy the narrow types: these fail to compile when @types/office-js drifts.
type Satisfies<Actual extends Narrow, Narrow> = [Actual, Narrow];
export type ExcelSatisfiesApi = [
  Satisfies<Excel.RequestContext, RequestContextApi>,
  Satisfies<Excel.Workbook, WorkbookApi>,
  Satisfies<Excel.WorksheetCollection, WorksheetCollectionApi>,
  Satisfies<Excel.Worksheet, WorksheetApi>,
  Satisfies<Excel.Range, RangeApi>,
  Satisfies<Excel.RangeAreas, RangeAreasApi>,
  Satisfies<Excel.NamedItemCollection, NamedItemCollectionApi>,
  Satisfies<Excel.NamedItem, NamedItemApi>,
  Satisfies<Excel.Application, ApplicationApi>,
  Satisfies<OfficeExtension.ClientResult<Excel.CellProperties[][]>, ClientResultApi<CellPropertiesApi[][]>>,
  Satisfies<Excel.RangeFill, RangeFillApi>,
  Satisfies<Excel.RangeFont, RangeFontApi>,
  Satisfies<Excel.DataValidation, DataValidationApi>,
  Satisfies<Excel.WorksheetProtection, WorksheetProtectionApi>,
  Satisfies<Excel.Note, NoteApi>,
  Satisfies<Excel.NoteCollection, NoteCollectionApi>,
  Satisfies<Excel.Comment, CommentApi>,
  Satisfies<Excel.CommentCollection, CommentCollectionApi>,
];
