// The whole pane over an in-memory workbook: in Excel mode (a gateway that can select cells and report changes,
// as the Office.js one does) and in the standalone mode (open a file, download the annotated copy).
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { SheetWatch, WorkbookGateway } from "../../../src/app/workbookGateway";
import type { WritePlan } from "../../../src/domain/formulas/rekapPlan";
import type { WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke } from "../../../src/domain/report/analyzeLke";
import { formatScore } from "../../../src/i18n/formatNumber";
import { App } from "../../../src/taskpane/components/App";
import type { PaneSource } from "../../../src/taskpane/paneSource";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { XlsxGateway } from "../../../src/xlsx/xlsxGateway";
import { bundledAnalysis, bundledBytes } from "../support/fixtures";

/** The workbook "open in Excel": a snapshot the test edits, and what the pane asked of it. */
class MemoryExcel implements WorkbookGateway {
  reads = 0;
  plans: WritePlan[] = [];
  selected: Array<[string, string]> = [];
  watch: SheetWatch | undefined;
  watchedSheet: string | undefined;
  stopped = false;
  constructor(public snapshot: WorkbookSnapshot) {}
  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.reads++;
    return structuredClone(this.snapshot);
  }
  async applyWritePlan(plan: WritePlan): Promise<void> {
    this.plans.push(plan);
  }
  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push([sheet, address]);
  }
  async watchSheet(sheet: string, watch: SheetWatch): Promise<() => Promise<void>> {
    this.watchedSheet = sheet;
    this.watch = watch;
    return async () => {
      this.stopped = true;
    };
  }
  edit(a1: string, value: string): void {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    const sheet = this.snapshot.sheets.find((s) => s.name === "LKE ZI")!;
    (sheet.values[Number(m[2]) - 1] ??= [])[m[1]!.charCodeAt(0) - 65] = value;
  }
}

function renderApp(source: PaneSource) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App source={source} options={{ rescoreDelayMs: 30 }} />
    </FluentProvider>,
  );
}

describe("App in Excel", () => {
  it("scores the workbook, follows the LKE sheet, and selects a finding's cell", async () => {
    const a = await bundledAnalysis();
    const excel = new MemoryExcel(await readXlsx(bundledBytes()));
    const { container, unmount } = renderApp({ kind: "excel", gateway: excel });
    expect((await screen.findByTestId("total-value", {}, { timeout: 10_000 })).textContent).toBe(formatScore(a.scores.total, "id"));
    await waitFor(() => expect(excel.watchedSheet).toBe("LKE ZI"));
    expect(await screen.findByText(/Mengikuti perubahan lembar “LKE ZI”/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Hitung di workbook" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Unduh/ })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();

    fireEvent.click(screen.getByRole("tab", { name: /^Temuan/ }));
    const error = a.findings.find((f) => f.severity === "error" && f.cell)!;
    const button = await waitFor(() => {
      const found = container.querySelector(`button[data-cell="${error.cell}"]`);
      expect(found).not.toBeNull();
      return found as HTMLButtonElement;
    });
    fireEvent.click(button);
    expect(excel.selected).toEqual([["LKE ZI", error.cell]]);

    // The user selects a question row in Excel: Panduan shows that item.
    const row = a.layout.rows.questions.get("A.I.3.v.a")! + 1;
    act(() => excel.watch!.selected!(`K${row}`));
    fireEvent.click(screen.getByRole("tab", { name: "Panduan" }));
    expect((await screen.findByRole("heading", { name: /A\.I\.3\.v\.a/ })).textContent).toContain("Aturan disiplin");
    unmount();
    await waitFor(() => expect(excel.stopped).toBe(true));
  });

  it("re-scores once per burst of changes in the sheet", async () => {
    const excel = new MemoryExcel(await readXlsx(bundledBytes()));
    renderApp({ kind: "excel", gateway: excel });
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    await waitFor(() => expect(excel.watch).toBeDefined());
    const row = (await bundledAnalysis()).layout.rows.questions.get("A.I.3.v.a")! + 1;
    excel.edit(`K${row}`, "A");
    const expected = analyzeLke(excel.snapshot, loadModel());
    if (!("scores" in expected)) throw new Error("no analysis");
    act(() => {
      for (let i = 0; i < 5; i++) excel.watch!.changed!(`K${row}`);
    });
    await waitFor(() => expect(screen.getByTestId("total-value").textContent).toBe(formatScore(expected.scores.total, "id")));
    await new Promise((r) => setTimeout(r, 100));
    expect(excel.reads).toBe(2);
  });

  it("writes Rekap ZI through the gateway and says so", async () => {
    const excel = new MemoryExcel(await readXlsx(bundledBytes()));
    renderApp({ kind: "excel", gateway: excel });
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Hitung di workbook" }));
    expect(await screen.findByText("Lembar Rekap ZI dan nama ZI_* telah ditulis.")).toBeTruthy();
    expect(excel.plans).toHaveLength(1);
    expect(excel.plans[0]!.sheets.map((s) => s.name)).toEqual(["Rekap ZI"]);
  });

  it("offers the in-workbook actions where the workbook can take them, and reports what each did", async () => {
    const excel = new MemoryExcel(await readXlsx(bundledBytes()));
    const calls: string[] = [];
    const done = { changed: [{ sheet: "LKE ZI", address: "K44" }], kept: [] };
    const acting: WorkbookGateway = Object.assign(excel, {
      applyFlags: async (plan: { cells: unknown[] }) => {
        calls.push(`flag:${plan.cells.length}`);
        return { ...done, notes: "notes" as const, notesSkipped: [] };
      },
      clearFlags: async () => (calls.push("clear"), done),
      repair: async () => (calls.push("repair"), done),
      restoreAll: async () => (calls.push("restore"), { ...done, removedSheets: [], removedNames: [] }),
    });
    renderApp({ kind: "excel", gateway: acting });
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Tandai temuan" }));
    expect(await screen.findByText("1 sel ditandai.")).toBeTruthy();
    expect(calls[0]).toMatch(/^flag:[1-9]/); // the bundled example has findings with cells
    fireEvent.click(screen.getByRole("button", { name: "Pulihkan" }));
    expect(await screen.findByText("1 sel dipulihkan.")).toBeTruthy();
    expect(calls).toEqual([calls[0], "restore"]);
  });

  it("offers no in-workbook action where the workbook cannot take them", async () => {
    renderApp({ kind: "excel", gateway: new MemoryExcel(await readXlsx(bundledBytes())) });
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    expect(screen.queryByRole("button", { name: "Tandai temuan" })).toBeNull();
  });

  it("shows why a workbook cannot be scored", async () => {
    const excel = new MemoryExcel({ sheets: [], definedNames: [] });
    renderApp({ kind: "excel", gateway: excel });
    expect(await screen.findByText("Tidak ditemukan lembar LKE Zona Integritas di workbook ini.")).toBeTruthy();
  });
});

describe("App standalone", () => {
  it("opens an .xlsx, scores it, and hands back a copy with Rekap ZI", async () => {
    const a = await bundledAnalysis();
    const saveFile = jest.fn();
    const source: PaneSource = {
      kind: "standalone",
      openXlsx: async (bytes) => {
        const gateway = new XlsxGateway(bytes);
        return { gateway, result: () => gateway.result() };
      },
      saveFile,
    };
    const { container } = renderApp(source);
    expect(screen.getByText("Berkas dibaca di peramban ini saja; tidak ada data yang dikirim ke mana pun.")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
    const file = new File([bundledBytes() as BlobPart], "lke-zi-contoh-unit.xlsx");
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [file] } });
    expect((await screen.findByTestId("total-value", {}, { timeout: 10_000 })).textContent).toBe(formatScore(a.scores.total, "id"));
    expect(screen.getByText("Berkas: lke-zi-contoh-unit.xlsx")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Hitung di workbook" })).toBeNull();
    const toolbar = screen.getByRole("toolbar", { name: "Tindakan pada workbook" });
    fireEvent.click(within(toolbar).getByRole("button", { name: "Unduh salinan dengan Rekap ZI" }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const [name, bytes] = saveFile.mock.calls[0] as [string, Uint8Array];
    expect(name).toBe("lke-zi-contoh-unit (Rekap ZI).xlsx");
    const copy = await readXlsx(bytes);
    expect(copy.sheets.map((s) => s.name)).toContain("Rekap ZI");
    expect(copy.definedNames.some((n) => n.name.startsWith("ZI_"))).toBe(true);
    expect(await axe(container)).toHaveNoViolations();
  });
});
