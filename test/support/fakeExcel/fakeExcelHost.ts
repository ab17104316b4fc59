// The simulated Excel host: a workbook in memory behind the subset of the Excel JavaScript API that
// src/excel/officeGateway.ts uses (fakeProxies.ts), with a batch runner in place of Excel.run that counts every
// context.sync(). Build it from a WorkbookSnapshot (readXlsx of a real or generated workbook), run a gateway
// over it, and export the result as a snapshot again:
//
//   const host = FakeExcelHost.fromSnapshot(await readXlsx(bytes));
//   const gateway = new OfficeGateway(host.run, host.gatewayOptions);
//   await annotateWorkbook(gateway);          // host.syncs: how many round trips it took
//   host.toSnapshot();                        // the workbook as Excel would now hold it
import type { WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import type { RequirementProbe } from "../../../src/excel/host";
import type { OfficeGatewayOptions } from "../../../src/excel/officeGateway";
import { FakeOfficeError, FakeWorkbook, boxRef, parseBox, setCell, typedEntry, type FakeLogEntry, type FakeWorkbookOptions } from "./fakeWorkbook";
import { FakeRequestContext } from "./fakeProxies";
import "./fakeTables"; // tables and charts register themselves with the proxies
import "./fakeCharts";

export interface FakeExcelOptions extends FakeWorkbookOptions {
  /** The highest ExcelApi requirement set the host supports (default "1.17"); "1.8" makes it too old. */
  excelApi?: string;
  /** No requirements object at all, as office.js outside Office. */
  noRequirements?: boolean;
}

function version(v: string): [number, number] {
  const [major = "0", minor = "0"] = v.split(".");
  return [Number(major), Number(minor)];
}

export class FakeExcelHost {
  readonly workbook: FakeWorkbook;
  /** context.sync() calls, over every batch run. */
  syncs = 0;
  /** Batches run (Excel.run calls). */
  runs = 0;
  readonly requirements: RequirementProbe | undefined;

  constructor(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}) {
    this.workbook = new FakeWorkbook(snapshot, options);
    const [maxMajor, maxMinor] = version(options.excelApi ?? "1.17");
    this.requirements = options.noRequirements
      ? undefined
      : {
          isSetSupported: (name: string, minVersion = "1.1") => {
            const [major, minor] = version(minVersion);
            return name === "ExcelApi" && (major < maxMajor || (major === maxMajor && minor <= maxMinor));
          },
        };
  }

  static fromSnapshot(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcelHost {
    return new FakeExcelHost(snapshot, options);
  }

  /**
   * In place of Excel.run: a new context per batch; its proxies are dead once the batch ends. It serves both the
   * gateway's API (BatchRunner) and the pane's (PaneBatchRunner): the fake context implements both.
   */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeRequestContext({ workbook: this.workbook, countSync: () => this.syncs++ });
    return this.runBatch(context, batch);
  };

  /** In place of Excel.run(context, batch): a batch in the context of an earlier one (removing event handlers). */
  readonly runIn = async <T>(context: unknown, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    if (!(context instanceof FakeRequestContext) || context.host.workbook !== this.workbook) {
      throw new FakeOfficeError("InvalidArgument", "fake Excel: Excel.run(context) needs a context of this host");
    }
    this.runs++;
    context.reopen();
    return this.runBatch(context, batch);
  };

  private async runBatch<T>(context: FakeRequestContext, batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    try {
      const result = await batch(context);
      if (context.pendingWrites > 0) {
        throw new Error(`fake Excel: the batch ended with ${context.pendingWrites} queued writes that no context.sync() sent`);
      }
      return result;
    } finally {
      context.close();
    }
  };

  /**
   * The user types `input` into a cell (as typedEntry reads it): the sheet's change handlers hear of it after
   * the current task, as in Excel.
   */
  userEdit(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet "${sheetName}"`);
    const box = parseBox(address);
    const { value, formula } = typedEntry(input);
    setCell(sheet.grid, box.top, box.left, value, formula);
    sheet.grid.rowCount = Math.max(sheet.grid.rowCount, box.top + 1);
    sheet.grid.colCount = Math.max(sheet.grid.colCount, box.left + 1);
    sheet.dirty = true;
    this.workbook.fire(sheet, "changed", boxRef(box));
  }

  /** The user selects a range: the sheet comes to the front and its selection handlers hear of it. */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.workbook.sheet(sheetName);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet "${sheetName}"`);
    const ref = boxRef(parseBox(address));
    this.workbook.activeSheet = sheet;
    this.workbook.selection = { sheet: sheet.grid.name, address: ref };
    this.workbook.fire(sheet, "selectionChanged", ref);
  }

  /** The selected range ("K12") and its sheet, as select() or userSelect() left them. */
  get selection(): { sheet: string; address: string } | undefined {
    return this.workbook.selection;
  }

  /** Event handlers in force. */
  get listenerCount(): number {
    return this.workbook.listeners.length;
  }

  /** What an OfficeGateway needs besides the runner: this host's requirement sets. */
  get gatewayOptions(): OfficeGatewayOptions {
    return { requirements: this.requirements };
  }

  get log(): readonly FakeLogEntry[] {
    return this.workbook.log;
  }

  toSnapshot(): WorkbookSnapshot {
    return this.workbook.toSnapshot();
  }

  /** Runs `action` and tells how many syncs it took. */
  async countSyncs<T>(action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
    const before = this.syncs;
    const result = await action();
    return { result, syncs: this.syncs - before };
  }
}
