// The pane's Office.js gateway on the simulated Excel host: selecting a cell takes one sync; the LKE sheet's
// change and selection handlers are added in one sync, report what the user does, and are removed in one sync
// in the context they were added in.
import { GatewayError } from "../../src/app/gatewayError";
import { OfficePaneGateway } from "../../src/excel/officePaneGateway";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";
import type { WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";

function workbook(): WorkbookSnapshot {
  const sheet = (name: string) => ({
    name,
    visibility: "visible" as const,
    values: [["Jawaban"], ["Ya"]],
    formulas: [],
    hyperlinks: {},
    validations: [],
    merges: [],
    rowCount: 2,
    colCount: 1,
  });
  return { sheets: [sheet("Petunjuk"), sheet("LKE ZI")], definedNames: [] };
}

function gatewayOn(host: FakeExcelHost): OfficePaneGateway {
  return new OfficePaneGateway(host.run, host.runIn, host.gatewayOptions);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("OfficePaneGateway", () => {
  it("selects a cell on its sheet in one sync", async () => {
    const host = FakeExcelHost.fromSnapshot(workbook());
    const { syncs } = await host.countSyncs(() => gatewayOn(host).selectCell("LKE ZI", "K12"));
    expect(syncs).toBe(1);
    expect(host.selection).toEqual({ sheet: "LKE ZI", address: "K12" });
    expect(host.workbook.activeSheet?.grid.name).toBe("LKE ZI");
  });

  it("fails with a GatewayError for a sheet that is not there", async () => {
    const host = FakeExcelHost.fromSnapshot(workbook());
    await expect(gatewayOn(host).selectCell("Tidak Ada", "A1")).rejects.toBeInstanceOf(GatewayError);
  });

  it("reports edits and selections of the watched sheet only, until stopped", async () => {
    const host = FakeExcelHost.fromSnapshot(workbook());
    const gateway = gatewayOn(host);
    const changed: string[] = [];
    const selected: string[] = [];
    const added = await host.countSyncs(() => gateway.watchSheet("LKE ZI", { changed: (a) => changed.push(a), selected: (a) => selected.push(a) }));
    expect(added.syncs).toBe(1);
    expect(host.listenerCount).toBe(2);

    host.userEdit("LKE ZI", "K8", "Tidak");
    host.userEdit("Petunjuk", "A1", "x");
    host.userSelect("LKE ZI", "K9");
    await tick();
    expect(changed).toEqual(["K8"]);
    expect(selected).toEqual(["K9"]);
    expect(host.toSnapshot().sheets[1]!.values[7]?.[10]).toBe("Tidak");

    const stop = added.result;
    const removed = await host.countSyncs(() => stop());
    expect(removed.syncs).toBe(1);
    expect(host.listenerCount).toBe(0);
    host.userEdit("LKE ZI", "K8", "Ya");
    await tick();
    expect(changed).toEqual(["K8"]);
    await stop(); // a second stop does nothing
  });
});
