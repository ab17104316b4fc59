// The Rekap panel: choose files, watch "n dari m berkas" move, cancel, see the units (highest total first) and the
// problem files with their reason, and write the recap through the gateway (Excel) or download it (standalone).
// A controlled runner drives the progress; one run goes through the real runner on the bundled example.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import type { WorkbookGateway } from "../../../src/app/workbookGateway";
import type { RecapFile } from "../../../src/domain/aggregate/recapFile";
import type { RecapTable } from "../../../src/domain/aggregate/recapTable";
import { formatScore } from "../../../src/i18n/formatNumber";
import { RekapPanel } from "../../../src/taskpane/components/RekapPanel";
import type { PaneSource } from "../../../src/taskpane/paneSource";
import { abortError, type RecapRunner, type RecapRunOptions, type RecapSourceFile } from "../../../src/taskpane/rekap/recapRunner";
import { seededRandom } from "../../support/generator/random";
import { randomSummary } from "../../support/unitSummaries";
import { bundledBytes, renderInPane } from "../support/fixtures";

function sourceFile(name: string, bytes: Uint8Array = new Uint8Array([1, 2, 3])): RecapSourceFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** A runner the test steps through: each step() finishes the next file with the result given for it. */
class SteppedRunner implements RecapRunner {
  private steps: Array<() => void> = [];
  runs = 0;
  constructor(private readonly results: RecapFile[]) {}
  run(files: readonly RecapSourceFile[], options: RecapRunOptions = {}): Promise<RecapFile[]> {
    this.runs++;
    return new Promise((resolve, reject) => {
      let done = 0;
      options.onProgress?.({ done, total: files.length });
      options.signal?.addEventListener("abort", () => reject(abortError()));
      this.steps = files.map(() => () => {
        done++;
        options.onProgress?.({ done, total: files.length });
        if (done === files.length) resolve(this.results.slice(0, files.length));
      });
    });
  }
  step(): void {
    this.steps.shift()?.();
  }
}

const random = seededRandom(5);
const RESULTS: RecapFile[] = [
  { file: "kantor-a.xlsx", hash: "a", summary: randomSummary(random, "Kantor A") },
  { file: "rusak.xlsx", error: "rusak dan tidak dapat dibaca sebagai .xlsx", reason: { kind: "input", code: "corrupt" } },
  { file: "kantor-b.xlsx", hash: "b", summary: randomSummary(random, "Kantor B") },
  { file: "kantor-a-lagi.xlsx", hash: "a", summary: randomSummary(random, "Kantor A") },
];

class RecapGateway implements Pick<WorkbookGateway, "readWorkbook" | "applyWritePlan" | "writeRecap"> {
  written: RecapTable[] = [];
  async readWorkbook(): Promise<never> {
    throw new Error("not read here");
  }
  async applyWritePlan(): Promise<void> {}
  async writeRecap(table: RecapTable): Promise<void> {
    this.written.push(table);
  }
}

function choose(files: RecapSourceFile[]): void {
  fireEvent.change(screen.getByTestId("rekap-file-input"), { target: { files } });
}

describe("RekapPanel", () => {
  it("shows progress as files finish, then the units by total and the problem files, and writes Rekap Unit", async () => {
    const runner = new SteppedRunner(RESULTS);
    const gateway = new RecapGateway();
    const source: PaneSource = { kind: "excel", gateway: gateway as WorkbookGateway };
    const { container } = renderInPane(<RekapPanel source={source} createRunner={async () => runner} />);
    const input = screen.getByTestId("rekap-file-input") as HTMLInputElement;
    expect([input.multiple, input.accept.split(",")[0]]).toEqual([true, ".xlsx"]);

    choose(RESULTS.map((r) => sourceFile(r.file)));
    await screen.findByText("0 dari 4 berkas");
    act(() => runner.step());
    await screen.findByText("1 dari 4 berkas");
    expect(screen.getByRole("progressbar")).toBeTruthy();
    act(() => {
      runner.step();
      runner.step();
      runner.step();
    });
    await screen.findByText("4 dari 4 berkas");
    const units = await screen.findByTestId("rekap-units");
    const rows = within(units).getAllByRole("row").slice(1);
    const counted = [RESULTS[0]!, RESULTS[2]!].sort((x, y) => y.summary!.scores.total - x.summary!.scores.total);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(counted.map((r) => r.summary!.unit));
    expect(rows.map((r) => within(r).getAllByRole("cell")[1]!.textContent)).toEqual(counted.map((r) => formatScore(r.summary!.scores.total, "id")));
    const problems = within(screen.getByTestId("rekap-problems")).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(problems).toEqual([
      ["rusak.xlsx", "rusak dan tidak dapat dibaca sebagai .xlsx"],
      ["kantor-a-lagi.xlsx", "duplikat dari kantor-a.xlsx (unit “Kantor A”)"],
    ]);
    expect(screen.queryByRole("button", { name: "Batal" })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();

    fireEvent.click(screen.getByRole("button", { name: "Tulis Rekap Unit ke workbook" }));
    await screen.findByText("Lembar Rekap Unit telah ditulis.");
    expect(gateway.written.map((t) => t.units.map((u) => u.file))).toEqual([counted.map((r) => r.file)]);
  });

  it("cancels: the batch stops, nothing is kept, and the reason is on screen", async () => {
    const runner = new SteppedRunner(RESULTS);
    renderInPane(<RekapPanel source={{ kind: "excel", gateway: new RecapGateway() as WorkbookGateway }} createRunner={async () => runner} />);
    choose(RESULTS.map((r) => sourceFile(r.file)));
    await screen.findByText("0 dari 4 berkas");
    act(() => runner.step());
    await screen.findByText("1 dari 4 berkas");
    fireEvent.click(screen.getByRole("button", { name: "Batal" }));
    await screen.findByText(/Rekap dibatalkan/);
    act(() => runner.step());
    expect(screen.queryByTestId("rekap-units")).toBeNull();
    expect(screen.queryByRole("button", { name: "Tulis Rekap Unit ke workbook" })).toBeNull();
  });

  it("speaks English, with the CLI's reasons in English", async () => {
    const runner = new SteppedRunner(RESULTS.slice(0, 2));
    renderInPane(<RekapPanel source={{ kind: "excel", gateway: new RecapGateway() as WorkbookGateway }} createRunner={async () => runner} />, "en");
    choose(RESULTS.slice(0, 2).map((r) => sourceFile(r.file)));
    await screen.findByText("0 of 2 files");
    act(() => {
      runner.step();
      runner.step();
    });
    await screen.findByText("2 of 2 files");
    expect(await screen.findByText("is damaged and cannot be read as .xlsx")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Write Rekap Unit to the workbook" })).toBeTruthy();
  });

  it("scores real files with the default runner (in this thread here) and offers the download standalone", async () => {
    const saved: Array<[string, number]> = [];
    const source: PaneSource = {
      kind: "standalone",
      openXlsx: async () => {
        throw new Error("not opened here");
      },
      saveFile: (name, bytes) => saved.push([name, bytes.length]),
      recapWorkbook: async (table) => new Uint8Array(table.units.length + 10),
    };
    renderInPane(<RekapPanel source={source} />);
    const bytes = bundledBytes();
    choose([sourceFile("contoh.xlsx", bytes), sourceFile("terpotong.xlsx", bytes.slice(0, 3000)), sourceFile("contoh-salinan.xlsx", bytes)]);
    await screen.findByText("3 dari 3 berkas", undefined, { timeout: 20_000 });
    const units = await screen.findByTestId("rekap-units");
    expect(within(units).getAllByRole("row")).toHaveLength(2);
    const reasons = within(screen.getByTestId("rekap-problems")).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[0]!.textContent);
    expect(reasons).toEqual(["terpotong.xlsx", "contoh-salinan.xlsx"]);
    fireEvent.click(screen.getByRole("button", { name: "Unduh rekap" }));
    await waitFor(() => expect(saved).toEqual([["Rekap Unit.xlsx", 11]]));
  }, 30_000);
});
