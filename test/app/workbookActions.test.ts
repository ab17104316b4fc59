// The pane's in-workbook actions as use cases, end to end on the simulated Excel host with the real example:
// flag, repair (L175), then Pulihkan gives the original workbook back; without Excel they say so.
import * as fs from "node:fs";
import { analyzeWorkbook } from "../../src/app/analyzeWorkbook";
import { GatewayError } from "../../src/app/gatewayError";
import { clearFlags, flagFindings, repairFormulas, restoreWorkbook } from "../../src/app/workbookActions";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { calculateWrittenFormulas } from "../support/fakeExcel/fakeCalculation";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";
import { sharedFile } from "../support/sharedFiles";

const example = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");

(example ? describe : describe.skip)("in-workbook actions on the real example", () => {
  it("flags the findings, repairs L175 to the regulation's value, and Pulihkan restores everything", async () => {
    const original = await readXlsx(fs.readFileSync(example!));
    const host = FakeExcelHost.fromSnapshot(original, { excelApi: "1.18" });
    calculateWrittenFormulas(host.workbook);
    const gateway = new OfficeGateway(host.run, host.gatewayOptions);

    const flagged = await flagFindings(gateway);
    const cells = flagged.result.changed.map((c) => c.address);
    expect(cells).toEqual(expect.arrayContaining(["J8", "K185", "L175"]));

    const repaired = await repairFormulas(gateway);
    expect(repaired.result.changed.map((c) => c.address)).toEqual(["L175"]);
    const after = await analyzeWorkbook(gateway);
    expect(after.findings.filter((f) => f.rule.startsWith("formula."))).toEqual([]);
    expect(after.scores.total).toBeCloseTo(95.70952380952, 9);

    await clearFlags(gateway);
    await restoreWorkbook(gateway);
    expect(host.toSnapshot()).toEqual(original);
  });
});

describe("without Excel", () => {
  it("says the action needs Excel instead of failing obscurely", async () => {
    const gateway = new XlsxGateway(new Uint8Array(fs.readFileSync("examples/lke-zi-contoh-unit.xlsx")));
    await expect(flagFindings(gateway)).rejects.toMatchObject({ code: "not-in-excel" });
    await expect(restoreWorkbook(gateway)).rejects.toBeInstanceOf(GatewayError);
  });
});
