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
import type { BatchRunner } from "../../../src/excel/excelApi";
import type { RequirementProbe } from "../../../src/excel/host";
import type { OfficeGatewayOptions } from "../../../src/excel/officeGateway";
import { FakeWorkbook, type FakeLogEntry, type FakeWorkbookOptions } from "./fakeWorkbook";
import { FakeRequestContext } from "./fakeProxies";

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

  /** In place of Excel.run: a new context per batch; its proxies are dead once the batch ends. */
  readonly run: BatchRunner = async (batch) => {
    this.runs++;
    const context = new FakeRequestContext({ workbook: this.workbook, countSync: () => this.syncs++ });
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
