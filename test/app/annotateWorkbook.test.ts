// "Hitung di workbook" / `lke-zi annotate` rewrites only its own Rekap ZI: what the user set in it (the prior
// WBK flag) survives a rewrite, and a sheet of the user's that happens to be called "Rekap ZI" is never touched.
import { annotateWorkbook } from "../../src/app/annotateWorkbook";
import { PRIOR_WBK_CELL, REKAP_SHEET } from "../../src/domain/formulas/rekapPlan";
import { parseA1 } from "../../src/domain/grid/address";
import { loadModel } from "../../src/domain/model/loadModel";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";
import { generateWorkbook } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { consistentAnswers } from "../support/generator/randomAnswers";

const model = loadModel();

async function workbook() {
  return (await generateWorkbook(model, { layout: "lampiran-iii", answers: consistentAnswers(model, seededRandom(12)) })).bytes;
}

describe("annotate rewrites only its own Rekap ZI", () => {
  it("keeps the prior-WBK flag the user set when it writes Rekap ZI again", async () => {
    const host = FakeExcelHost.fromSnapshot(await readXlsx(await workbook()));
    const gateway = new OfficeGateway(host.run, host.gatewayOptions);
    await annotateWorkbook(gateway);
    const { row, col } = parseA1(PRIOR_WBK_CELL);
    expect(host.workbook.sheet(REKAP_SHEET)!.grid.values[row]![col]).toBe(false);
    host.userEdit(REKAP_SHEET, PRIOR_WBK_CELL, true);
    await annotateWorkbook(gateway);
    expect(host.workbook.sheet(REKAP_SHEET)!.grid.values[row]![col]).toBe(true);
  });

  it("refuses a sheet of the user's called Rekap ZI, in Excel and in a file, and changes nothing", async () => {
    const bytes = await workbook();
    const snapshot = await readXlsx(bytes);
    snapshot.sheets.push({ ...structuredClone(snapshot.sheets[0]!), name: REKAP_SHEET, values: [["Rekap buatan saya"]], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 1, colCount: 1 });
    const host = FakeExcelHost.fromSnapshot(snapshot);
    const before = host.toSnapshot();
    await expect(annotateWorkbook(new OfficeGateway(host.run, host.gatewayOptions))).rejects.toMatchObject({ code: "sheet-name-taken" });
    expect(host.toSnapshot()).toEqual(before);

    // The .xlsx gateway: our own Rekap ZI from an earlier run is rewritten, as before.
    const file = new XlsxGateway(bytes);
    await annotateWorkbook(file);
    const again = new XlsxGateway(file.result());
    await expect(annotateWorkbook(again)).resolves.toBeDefined();
    expect((await readXlsx(again.result())).sheets.filter((s) => s.name === REKAP_SHEET)).toHaveLength(1);
  });
});
