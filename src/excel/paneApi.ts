// What the task pane needs of Excel beyond reading and writing (officePaneGateway.ts): selecting a cell for
// the user, and the LKE sheet's change and selection events. Narrow structural types as in excelApi.ts, cut
// from @types/office-js and checked against it at the end; type-only, no code.
import type { RangeApi, RequestContextApi, WorkbookApi, WorksheetApi, WorksheetCollectionApi } from "./excelApi";

/** An event registration: the context it was made in (needed to remove it) and its removal. */
export interface EventRegistrationApi {
  readonly context: unknown;
  remove(): void;
}

export interface EventHandlersApi<Args> {
  add(handler: (args: Args) => Promise<unknown>): EventRegistrationApi;
}

/** ExcelApi 1.7: a cell of the sheet was edited, here or by a co-author ("Remote"). */
export type SheetChangedArgs = Pick<Excel.WorksheetChangedEventArgs, "address" | "source">;

/** ExcelApi 1.7: the user selected another range of the sheet ("K12" or "K12:K14", no sheet name). */
export type SheetSelectionArgs = Pick<Excel.WorksheetSelectionChangedEventArgs, "address">;

export interface SelectableRangeApi extends RangeApi {
  /** ExcelApi 1.1. */
  select(): void;
}

export interface WatchableWorksheetApi extends WorksheetApi {
  /** ExcelApi 1.1. */
  activate(): void;
  getRange(address?: string): SelectableRangeApi;
  readonly onChanged: EventHandlersApi<SheetChangedArgs>;
  readonly onSelectionChanged: EventHandlersApi<SheetSelectionArgs>;
}

export interface PaneWorksheetCollectionApi extends WorksheetCollectionApi {
  getItem(key: string): WatchableWorksheetApi;
}

export interface PaneWorkbookApi extends WorkbookApi {
  readonly worksheets: PaneWorksheetCollectionApi;
}

export interface PaneRequestContextApi extends RequestContextApi {
  readonly workbook: PaneWorkbookApi;
}

/** Excel.run over the pane's API. */
export type PaneBatchRunner = <T>(batch: (context: PaneRequestContextApi) => Promise<T>) => Promise<T>;

/** Excel.run(context, batch): a batch in the context an event handler was added in, to remove it. */
export type ContextBatchRunner = <T>(context: unknown, batch: (context: PaneRequestContextApi) => Promise<T>) => Promise<T>;

// Excel's own objects must satisfy the narrow types: these fail to compile when @types/office-js drifts.
type Satisfies<Actual extends Narrow, Narrow> = [Actual, Narrow];
export type ExcelSatisfiesPaneApi = [
  Satisfies<Excel.RequestContext, PaneRequestContextApi>,
  Satisfies<Excel.Worksheet, WatchableWorksheetApi>,
  Satisfies<Excel.Range, SelectableRangeApi>,
  Satisfies<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, EventHandlersApi<SheetChangedArgs>>,
  Satisfies<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, EventRegistrationApi>,
];
