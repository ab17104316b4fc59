// The workbook gateway over the workbook open in Excel (Office.js). Each public method is one batch run
// (Excel.run by default; tests hand in the simulated host of test/support/fakeExcel), queues every proxy and
// load first, and syncs a fixed number of times whatever the size of the workbook or of the plan:
//
// readWorkbook: ONE sync for a workbook of up to `chainLength` (32) sheets. The sheet names are not known
//   before a sync, so the sheets are reached without names: worksheets.getFirst() and then
//   getNextOrNullObject() `chainLength` times, each link queueing its name and visibility, its used range
//   (values only: address, values, formulas, valueTypes), the hyperlinks of that range
//   (getCellProperties({ hyperlink: true }), ExcelApi 1.9) and, with ExcelApi 1.13, its merged areas. Links
//   past the last sheet are null objects and are skipped after the sync. The same batch loads the workbook
//   names and the list of sheet names; a workbook with more sheets than the chain gets one more sync, in which the
//   remaining sheets are read by name (getItem + getUsedRange, documented behaviour only). chainLength 0 takes
//   that second path for every sheet: two syncs, nothing beyond the documented behaviour of null objects.
//   What the one-sync path relies on: that a method called on a null object (getNextOrNullObject,
//   getUsedRangeOrNullObject, getCellProperties and load past the last sheet) yields null objects rather than
//   failing the batch. Office's documentation shows load() on an *OrNullObject result before the sync, not
//   chains of them; this is to be checked in a real Excel (desktop, web, Mac) before release.
//   Not read: data validation (per-cell rules would need a proxy per rule or a second round trip, so
//   `validations` is empty and the `answer.validation-list` check sees nothing); sheet-scoped names.
//
// applyWritePlan: TWO syncs. The first batch only reads what decides whether writing is allowed and how:
//   workbook.readOnly, application.calculationMode, the workbook's structure protection, every sheet's name and
//   protection, and the existing names. Nothing is written when the workbook is read-only, calculates
//   manually, or a planned sheet is protected (or must be added to a protected structure). The second batch
//   queues every write and syncs once: each planned sheet is taken (or added) and cleared, its rows written as
//   2-D `formulas` rectangles of at most BLOCK_ROWS rows, its headings made bold through RangeAreas, its column
//   widths set per column; the plan's names replace names of the same name. Plans longer than BLOCK_ROWS rows
//   suspend API calculation until the sync and ask for a recalculation at the end of the same batch.
//
// applyFlags, clearFlags, repair, restoreAll: THREE syncs each (cellActions.ts): guards and the backup, the
//   target cells as they are, every write with the backup first.
//
// Errors are thrown, never logged: GatewayError with a code (host.ts maps Office.js error codes).
import { GatewayError } from "../app/gatewayError";
import type { CellActionResult, FlagResult, ProtectionOutcome, RestoreResult, WorkbookGateway } from "../app/workbookGateway";
import type { ReviewLogEntry } from "../domain/review/reviewLog";
import type { RoleColumnsPlan } from "../domain/review/roleColumnsPlan";
import type { FlagPlan } from "../domain/actions/flagPlan";
import type { RepairPlan } from "../domain/actions/repairPlan";
import type { RecapTable } from "../domain/aggregate/recapTable";
import type { WritePlan } from "../domain/formulas/rekapPlan";
import type { SheetGrid, WorkbookSnapshot } from "../domain/grid/sheetGrid";
import type {
  BatchRunner,
  ClientResultApi,
  RangeApi,
  RangeAreasApi,
  RequestContextApi,
  WorksheetApi,
} from "./excelApi";
import { clearFlagCells, flagCells, repairCells, restoreCells, type CellActionHost } from "./cellActions";
import { writeRecapSheet } from "./recapWriter";
import { addRoleColumns, appendReviewLog, setEvaluatorNote, setReviewProtection } from "./reviewActions";
import {
  COMMENTS_API,
  excelRun,
  MERGED_AREAS_API,
  MIN_EXCEL_API,
  notesModeOf,
  officeRequirements,
  requireExcelApi,
  toGatewayError,
  type RequirementProbe,
} from "./host";
import { BLOCK_ROWS, charWidthToPoints, columnAddress, nameFormula, toHeadingAreas, toRowBlocks } from "./toPlanCells";
import { assertWritable, queueWriteGuards } from "./writeGuards";
import { toDefinedNames, toSheetGrid, type CellHyperlinkData } from "./toSheetGrid";

/** Sheets reached in the first batch of a read; more take one more sync. */
export const DEFAULT_CHAIN_LENGTH = 32;
/** Excel's limit for one range read ("a range is limited to five million cells for get operations"). */
export const MAX_READ_CELLS = 5_000_000;

export interface OfficeGatewayOptions {
  /** Where API-set support is asked; Office.context.requirements by default. */
  requirements?: RequirementProbe | (() => RequirementProbe | undefined);
  /** Sheets read through getFirst()/getNextOrNullObject() in the first batch (default 32; 0: list first). */
  chainLength?: number;
  /** Rows per `formulas` assignment (default BLOCK_ROWS). */
  blockRows?: number;
  /** The clock stamped on backup records (default: now). */
  now?: () => Date;
}

export interface QueuedSheet {
  sheet: WorksheetApi;
  used: RangeApi;
  links: ClientResultApi<CellHyperlinkData[][]>;
  merged: RangeAreasApi | undefined;
}

const USED_RANGE_PROPERTIES = "address,values,formulas,valueTypes,rowCount,columnCount";

/**
 * Queues everything read of one sheet; `used` and `mergedFrom` come from the sheet, null-object or not.
 * Exported with collectSheet for the load/sync discipline test (test/excel/officeAddinMock.test.ts).
 */
export function queueSheet(sheet: WorksheetApi, used: RangeApi, mergedFrom: RangeApi | undefined): QueuedSheet {
  sheet.load("name,visibility");
  used.load(USED_RANGE_PROPERTIES);
  const links = used.getCellProperties({ hyperlink: true });
  const merged = mergedFrom?.getMergedAreasOrNullObject();
  merged?.load("address");
  return { sheet, used, links, merged };
}

/** After the sync: the sheet as a grid, or undefined for a link of the chain past the last sheet. */
export function collectSheet(q: QueuedSheet): SheetGrid | undefined {
  if (q.sheet.isNullObject) return undefined;
  const name = q.sheet.name;
  let used;
  if (!q.used.isNullObject) {
    const cells = q.used.rowCount * q.used.columnCount;
    // Past five million cells Excel may return null values instead of failing: never read that as empty.
    if (cells > MAX_READ_CELLS || q.used.values === null) {
      throw new GatewayError("too-large", `sheet "${name}": ${q.used.address} has ${cells} cells`);
    }
    used = { address: q.used.address, values: q.used.values, formulas: q.used.formulas, valueTypes: q.used.valueTypes, hyperlinks: q.links.value };
  }
  const mergedAreas = q.merged && !q.merged.isNullObject ? q.merged.address : undefined;
  return toSheetGrid({ name, visibility: q.sheet.visibility, used, mergedAreas });
}

export class OfficeGateway implements WorkbookGateway {
  private readonly chainLength: number;
  private readonly blockRows: number;

  constructor(
    private readonly run: BatchRunner = excelRun,
    private readonly options: OfficeGatewayOptions = {},
  ) {
    this.chainLength = Math.max(0, Math.trunc(options.chainLength ?? DEFAULT_CHAIN_LENGTH));
    this.blockRows = Math.max(1, Math.trunc(options.blockRows ?? BLOCK_ROWS));
  }

  private probe(): RequirementProbe | undefined {
    const r = this.options.requirements ?? officeRequirements;
    return typeof r === "function" ? r() : r;
  }

  private async batch<T>(operation: "read" | "write", body: (context: RequestContextApi) => Promise<T>): Promise<T> {
    try {
      return await this.run(body);
    } catch (e) {
      throw toGatewayError(e, operation);
    }
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const probe = this.probe();
    requireExcelApi(probe, MIN_EXCEL_API);
    const withMerges = probe!.isSetSupported("ExcelApi", MERGED_AREAS_API);
    if (this.chainLength === 0) return this.readWith(0, withMerges);
    try {
      return await this.readWith(this.chainLength, withMerges);
    } catch (e) {
      // The one-sync read walks past the last sheet on null objects; a host that refuses that gets the
      // documented two-sync read instead. Any other failure of that read is the user's to see.
      if (e instanceof GatewayError && e.code === "unreadable") return this.readWith(0, withMerges);
      throw e;
    }
  }

  private readWith(chainLength: number, withMerges: boolean): Promise<WorkbookSnapshot> {
    return this.batch("read", async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load("items/name"); // the count, and the names of sheets past the chain
      const names = workbook.names;
      names.load("items/name,items/formula");
      const chain: QueuedSheet[] = [];
      if (chainLength > 0) {
        let sheet = worksheets.getFirst();
        for (let i = 0; i < chainLength; i++) {
          chain.push(queueSheet(sheet, sheet.getUsedRangeOrNullObject(true), withMerges ? sheet.getUsedRangeOrNullObject(false) : undefined));
          sheet = sheet.getNextOrNullObject();
        }
      }
      await context.sync();

      const grids = chain.map(collectSheet).filter((g): g is SheetGrid => g !== undefined);
      if (worksheets.items.length > grids.length) {
        // More sheets than the chain reached (or no chain): read the rest by name, in one more batch.
        const rest = worksheets.items.slice(grids.length).map((item) => {
          const sheet = worksheets.getItem(item.name);
          return queueSheet(sheet, sheet.getUsedRange(true), withMerges ? sheet.getUsedRange(false) : undefined);
        });
        await context.sync();
        for (const q of rest) grids.push(collectSheet(q)!);
      }
      return { sheets: grids, definedNames: toDefinedNames(names.items) };
    });
  }

  async applyWritePlan(plan: WritePlan): Promise<void> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    const blockRows = this.blockRows;

    await this.batch("write", async (context) => {
      const workbook = context.workbook;
      const application = workbook.application;
      const worksheets = workbook.worksheets;
      const names = workbook.names;
      // Batch 1: only what decides whether anything may be written.
      queueWriteGuards(workbook);
      worksheets.load("items/name,items/protection/protected");
      names.load("items/name");
      await context.sync();

      assertWritable(workbook);
      const existing = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), s.protection.protected]));
      for (const sheet of plan.sheets) {
        const isProtected = existing.get(sheet.name.toLowerCase());
        if (isProtected) throw new GatewayError("sheet-protected", `sheet "${sheet.name}"`);
        if (isProtected === undefined && workbook.protection.protected) throw new GatewayError("workbook-protected", `cannot add "${sheet.name}"`);
      }
      const existingNames = new Set(names.items.map((n) => n.name.toLowerCase()));

      // Batch 2: every write, one sync.
      const large = plan.sheets.some((s) => s.rows.length > blockRows);
      if (large) application.suspendApiCalculationUntilNextSync();
      for (const sheetPlan of plan.sheets) {
        const present = existing.has(sheetPlan.name.toLowerCase());
        const sheet = present ? worksheets.getItem(sheetPlan.name) : worksheets.add(sheetPlan.name);
        if (present) sheet.getRange().clear("All");
        for (const block of toRowBlocks(sheetPlan.rows, blockRows)) sheet.getRange(block.address).formulas = block.formulas;
        for (const areas of toHeadingAreas(sheetPlan.headings)) sheet.getRanges(areas).format.font.bold = true;
        sheetPlan.columnWidths.forEach((width, col) => {
          sheet.getRange(columnAddress(col)).format.columnWidth = charWidthToPoints(width);
        });
      }
      for (const n of plan.names) {
        if (existingNames.has(n.name.toLowerCase())) names.getItem(n.name).delete();
        names.add(n.name, nameFormula(n.sheet, n.cell));
      }
      if (large) application.calculate("Recalculate");
      await context.sync();
    });
  }

  /** What the cell actions need of this host; throws where it has no ExcelApi 1.9. */
  private actionHost(): CellActionHost {
    const probe = this.probe();
    requireExcelApi(probe, MIN_EXCEL_API);
    return { notes: notesModeOf(probe!), comments: probe!.isSetSupported("ExcelApi", COMMENTS_API), now: (this.options.now ?? (() => new Date()))() };
  }

  async applyFlags(plan: FlagPlan): Promise<FlagResult> {
    const host = this.actionHost();
    return this.batch("write", (context) => flagCells(context, plan, host));
  }

  async clearFlags(): Promise<CellActionResult> {
    const host = this.actionHost();
    return this.batch("write", (context) => clearFlagCells(context, host));
  }

  async repair(plan: RepairPlan): Promise<CellActionResult> {
    const host = this.actionHost();
    return this.batch("write", (context) => repairCells(context, plan, host));
  }

  async restoreAll(): Promise<RestoreResult> {
    const host = this.actionHost();
    return this.batch("write", (context) => restoreCells(context, host));
  }

  // The evaluator's review: reviewActions.ts (two syncs each; three to add to an existing log).
  async addRoleColumns(plan: RoleColumnsPlan): Promise<void> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    return this.batch("write", (context) => addRoleColumns(context, plan));
  }

  async setReviewProtection(sheet: string, inputRanges: readonly string[], on: boolean): Promise<ProtectionOutcome> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    return this.batch("write", (context) => setReviewProtection(context, sheet, inputRanges, on));
  }

  async setEvaluatorNote(sheet: string, cell: string, text: string): Promise<void> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    return this.batch("write", (context) => setEvaluatorNote(context, sheet, cell, text));
  }

  async appendReviewLog(entries: readonly ReviewLogEntry[]): Promise<void> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    return this.batch("write", (context) => appendReviewLog(context, entries));
  }

  /** The coordinator's Rekap Unit sheet and chart (recapWriter.ts): two syncs, three to replace the add-in's own. */
  async writeRecap(table: RecapTable): Promise<void> {
    requireExcelApi(this.probe(), MIN_EXCEL_API);
    return this.batch("write", (context) => writeRecapSheet(context, table));
  }
}
