// The evaluator mode in the pane, over the simulated Excel host with the bundled example (a Lampiran III sheet
// without evaluator columns): switching to TPI adds the columns, an evaluator's answer typed in Excel changes the
// TPI score and appears in the comparison (a click away from its cell), and is logged; Catatan Evaluasi and the
// protection of the unit's columns are a button each.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { toA1 } from "../../../src/domain/grid/address";
import { CATATAN_SHEET } from "../../../src/domain/review/catatanEvaluasiPlan";
import { decodeReviewLog, REVIEW_LOG_SHEET } from "../../../src/domain/review/reviewLog";
import { OfficePaneGateway } from "../../../src/excel/officePaneGateway";
import { formatScore } from "../../../src/i18n/formatNumber";
import { App } from "../../../src/taskpane/components/App";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { XlsxGateway } from "../../../src/xlsx/xlsxGateway";
import { FakeExcelHost } from "../../support/fakeExcel/fakeExcelHost";
import { bundledAnalysis, bundledBytes } from "../support/fixtures";

describe("Tinjauan: the evaluator mode in Excel", () => {
  it("adds the TPI columns, scores an evaluator's answer, lists the difference, logs it, writes Catatan Evaluasi and protects", async () => {
    const unit = await bundledAnalysis();
    const host = FakeExcelHost.fromSnapshot(await readXlsx(bundledBytes()), { excelApi: "1.18" });
    const gateway = new OfficePaneGateway(host.run, host.runIn, host.gatewayOptions);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <App source={{ kind: "excel", gateway }} options={{ rescoreDelayMs: 20 }} />
      </FluentProvider>,
    );
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    expect(screen.queryByRole("tab", { name: "Tinjauan" })).toBeNull();

    fireEvent.change(screen.getByTestId("role-select"), { target: { value: "tpi" } });
    const panel = await screen.findByTestId("review-scores", {}, { timeout: 10_000 });
    expect(screen.getByRole("tab", { name: "Tinjauan", selected: true })).toBeTruthy();
    const sheet = host.workbook.sheet(unit.sheet.name)!.grid;
    const header = sheet.values[unit.layout.headerRow]!;
    expect(header.slice(-3)).toEqual(["Jawaban TPI", "Nilai TPI", "Catatan TPI"]);
    expect(await screen.findByText("TPI belum menjawab satu butir pun.")).toBeTruthy();
    // Nothing reviewed yet: the TPI column reads the unit's answers.
    expect(within(panel).getByTestId("review-evaluator-total").textContent).toBe(formatScore(unit.scores.total, "id"));

    // The evaluator answers a question differently from the unit, in Excel.
    const q = unit.model.questions.find((x) => x.weight === undefined && !x.percent && x.type !== "survey" && (unit.items.get(x.code)?.value ?? 1) < 1)!;
    const code = q.code;
    const best = (q.options ?? unit.model.answerTypes[q.type].options)![0]!.key;
    const col = header.length - 3;
    const cell = toA1(unit.layout.rows.questions.get(code)!, col);
    await act(async () => host.userEdit(unit.sheet.name, cell, best));
    const differences = await screen.findByTestId("review-differences", {}, { timeout: 10_000 });
    expect(within(differences).getByText(code)).toBeTruthy();
    expect(within(panel).getByTestId("review-evaluator-total").textContent).not.toBe(formatScore(unit.scores.total, "id"));
    // Only the indicator of the reviewed question differs, a click from the TPI's Nilai cell.
    const indicator = unit.model.parentOf.get(code)!.code;
    expect(screen.getByText(/Indikator yang berbeda \(1\)/)).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${indicator.replace(/\./g, "\\.")} `))).toBeTruthy();
    fireEvent.click(within(differences).getByRole("button", { name: `Tampilkan sel ${cell}` }));
    await waitFor(() => expect(host.selection).toEqual({ sheet: unit.sheet.name, address: cell }));
    await waitFor(() => expect(decodeReviewLog(host.workbook.sheet(REVIEW_LOG_SHEET)?.grid.values ?? [])).toEqual([expect.objectContaining({ role: "tpi", item: code, cell, from: "", to: best })]));
    expect(await screen.findByText(/1 perubahan jawaban dicatat/)).toBeTruthy();

    // The evaluator's note, from the pane into the role's Catatan cell, then in Catatan Evaluasi.
    fireEvent.click(within(differences).getByRole("button", { name: `Catatan TPI untuk ${code}` }));
    fireEvent.change(within(differences).getByTestId(`note-${code}`), { target: { value: "=Bukti tidak lengkap" } });
    fireEvent.click(within(differences).getByRole("button", { name: "Simpan catatan" }));
    const noteCell = toA1(unit.layout.rows.questions.get(code)!, col + 2);
    expect(await screen.findByText(`Catatan disimpan di sel ${noteCell}.`)).toBeTruthy();
    expect(sheet.values[unit.layout.rows.questions.get(code)!]![col + 2]).toBe("=Bukti tidak lengkap");
    expect(await screen.findByText("=Bukti tidak lengkap")).toBeTruthy();
    // The log travels with the workbook; the pane shows it from the next read on.
    const history = await screen.findByTestId("review-history");
    expect(within(history).getByText(new RegExp(`· TPI · ${code.replace(/\./g, "\\.")} \\(${cell}\\): \\(kosong\\) → ${best}$`))).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Tulis Catatan Evaluasi" }));
    expect(await screen.findByText("Lembar Catatan Evaluasi telah ditulis.")).toBeTruthy();
    const catatan = host.workbook.sheet(CATATAN_SHEET)!.grid.values;
    expect(catatan.some((r) => r?.[0] === code)).toBe(true);
    expect(catatan.some((r) => r?.[2] === "=Bukti tidak lengkap")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Lindungi kolom unit" }));
    expect(await screen.findByText(/hanya kolom evaluator yang dapat diisi/)).toBeTruthy();
    expect(host.workbook.sheet(unit.sheet.name)!.protected).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Buka perlindungan" }));
    expect(await screen.findByText("Proteksi lembar LKE dibuka.")).toBeTruthy();

    expect(await axe(container)).toHaveNoViolations();

    // Back to the unit: the Tinjauan tab goes, the unit's score is as it was.
    fireEvent.change(screen.getByTestId("role-select"), { target: { value: "unit" } });
    await waitFor(() => expect(screen.queryByRole("tab", { name: "Tinjauan" })).toBeNull());
    expect(screen.getByTestId("total-value").textContent).toBe(formatScore(unit.scores.total, "id"));
    // The unit's mode never writes the log, even with evaluator columns in the sheet.
    const logged = decodeReviewLog(host.workbook.sheet(REVIEW_LOG_SHEET)!.grid.values).length;
    const reads = host.runs;
    await act(async () => host.userEdit(unit.sheet.name, cell, ""));
    await waitFor(() => expect(host.runs).toBeGreaterThan(reads));
    await new Promise((r) => setTimeout(r, 100));
    expect(decodeReviewLog(host.workbook.sheet(REVIEW_LOG_SHEET)!.grid.values)).toHaveLength(logged);
  }, 30_000);
});

describe("Tinjauan in the standalone mode (an .xlsx opened in the browser)", () => {
  it("adds the TPI columns to the working copy, writes Catatan Evaluasi, and the download carries both", async () => {
    const saveFile = jest.fn();
    const render2 = render(
      <FluentProvider theme={webLightTheme}>
        <App
          source={{
            kind: "standalone",
            openXlsx: async (bytes) => {
              const gateway = new XlsxGateway(bytes);
              return { gateway, result: () => gateway.result() };
            },
            saveFile,
          }}
        />
      </FluentProvider>,
    );
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File([bundledBytes() as BlobPart], "unit.xlsx")] } });
    await screen.findByTestId("total-value", {}, { timeout: 10_000 });
    fireEvent.change(screen.getByTestId("role-select"), { target: { value: "tpn" } });
    await screen.findByTestId("review-scores", {}, { timeout: 10_000 });
    expect(screen.getByText("TPN belum menjawab satu butir pun.")).toBeTruthy();
    // What Excel alone can do is not offered: protection, notes from the pane.
    expect(screen.queryByRole("button", { name: "Lindungi kolom unit" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Tulis Catatan Evaluasi" }));
    expect(await screen.findByText("Lembar Catatan Evaluasi telah ditulis.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Unduh salinan dengan Rekap ZI" }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    const copy = await readXlsx((saveFile.mock.calls[0] as [string, Uint8Array])[1]);
    expect(copy.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["LKE ZI", CATATAN_SHEET, "Rekap ZI"]));
    const lke = copy.sheets.find((s) => s.name === "LKE ZI")!;
    expect(lke.values[1]!.slice(17, 20)).toEqual(["Jawaban TPN", "Nilai TPN", "Catatan TPN"]);
    expect(await axe(render2.container)).toHaveNoViolations();
  }, 30_000);
});
