// The ribbon's "Periksa LKE": on the simulated Excel host with the real example, it flags the findings at
// their cells and always completes the event, also when it fails.
import * as fs from "node:fs";
import { validateLke } from "../../src/commands/commands";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";
import { sharedFile } from "../support/sharedFiles";

const example = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");

function event() {
  const calls: unknown[] = [];
  return { calls, event: { completed: (o?: unknown) => calls.push(o ?? true), source: { id: "validateLke" } } as unknown as Office.AddinCommands.Event };
}

(example ? describe : describe.skip)("Periksa LKE from the ribbon", () => {
  it("flags J8, K185 and L175 in the workbook and completes the event once", async () => {
    const host = FakeExcelHost.fromSnapshot(await readXlsx(fs.readFileSync(example!)), { excelApi: "1.18" });
    const { calls, event: e } = event();
    await validateLke(e, async () => new OfficeGateway(host.run, host.gatewayOptions));
    expect(calls).toHaveLength(1);
    const backup = host.toSnapshot().sheets.find((s) => s.visibility === "veryHidden");
    const flagged = JSON.stringify(backup?.values ?? []);
    for (const cell of ["J8", "K185", "L175"]) expect(flagged).toContain(`"${cell}"`);
  });
});

describe("when it cannot run", () => {
  it("still completes the event, so the button never spins", async () => {
    const { calls, event: e } = event();
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await validateLke(e, async () => {
      throw new Error("no Excel here");
    });
    expect(calls).toHaveLength(1);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
