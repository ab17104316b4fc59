// office.read_syncs / office.write_syncs: the context.sync() round trips of the Office.js gateway, counted on
// the simulated Excel host (test/support/fakeExcel) holding the bench workbook (the real example when present,
// else the generated one; bench/input.ts). Reading is analyzeWorkbook's read of the whole workbook; writing is
// the Rekap ZI plan of that analysis. Both are constants of the operation, whatever the workbook's size.
import { analyzeWorkbook } from "../src/app/analyzeWorkbook";
import { buildRekapPlan } from "../src/domain/formulas/rekapPlan";
import { OfficeGateway } from "../src/excel/officeGateway";
import { readXlsx } from "../src/xlsx/readXlsx";
import { FakeExcelHost } from "../test/support/fakeExcel/fakeExcelHost";
import { benchInput, type BenchInput } from "./input";

export interface OfficeSyncs {
  readSyncs: number;
  writeSyncs: number;
  /** What was measured on: a path, or "generated:…". */
  file: string;
}

export async function measureOfficeSyncs(input?: BenchInput): Promise<OfficeSyncs> {
  const { file, bytes } = input ?? (await benchInput());
  const host = FakeExcelHost.fromSnapshot(await readXlsx(bytes));
  const gateway = new OfficeGateway(host.run, host.gatewayOptions);
  const read = await host.countSyncs(() => analyzeWorkbook(gateway));
  const analysis = read.result;
  const plan = buildRekapPlan(analysis.model, analysis.sheet, analysis.layout, analysis.role);
  const write = await host.countSyncs(() => gateway.applyWritePlan(plan));
  return { readSyncs: read.syncs, writeSyncs: write.syncs, file };
}
