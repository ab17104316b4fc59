// The built task pane in headless Chromium with the real office.js (from @microsoft/office-js, served in place of
// the CDN; nothing else leaves the machine):
// - in Excel, simulated: taskpane-e2e.html adds test/e2e/page/e2eHost.ts (Excel.run over test/support/fakeExcel
//   holding the real example workbook) after office.js; the pane's composition root picks the Office.js gateway.
//   The test reads the score shown, chooses a finding and checks the cell selected in Excel, types answers into
//   the sheet and sees the score change after one read, writes Rekap ZI, and switches to English;
// - standalone: taskpane.html without the simulated Excel (office.js outside Office leaves Excel undefined), and
//   standalone.html (no office.js at all): the user opens the real example and downloads an annotated copy.
// Screenshots of each panel go to test-output/screenshots/; timings to test-output/e2e/metrics.json.
// Skips with a NOTICE without /usr/bin/chromium or the real example; builds the pane itself (webpack, production).
import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { toA1 } from "../../src/domain/grid/address";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke } from "../../src/domain/report/analyzeLke";
import { summarizeUnit } from "../../src/domain/aggregate/summarizeUnit";
import { formatScore } from "../../src/i18n/formatNumber";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { sharedFile } from "../support/sharedFiles";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { measureTaskpaneBundle } from "../../bench/taskpane";
import { buildPane, DIST, OUTPUT, ROOT, STATS } from "./support/buildPane";
import { CHROMIUM, launchChromium, type Hermetic } from "./support/chromium";
import { startStaticServer, type StaticServer } from "./support/staticServer";

const IN_E2E_PROJECT = (globalThis as { LKE_ZI_E2E_PROJECT?: boolean }).LKE_ZI_E2E_PROJECT === true;
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
if (IN_E2E_PROJECT && !HAS_CHROMIUM) console.warn(`NOTICE: ${CHROMIUM} is absent: the task pane e2e suite is skipped (apt-get install -y chromium).`);
const REAL = IN_E2E_PROJECT && HAS_CHROMIUM ? sharedFile("lke-zi-lampiran-iii-contoh.xlsx") : undefined;
const suite = REAL ? describe : describe.skip;

const SCREENSHOTS = path.join(ROOT, "test-output", "screenshots");
const SHEET = "LKE ZI";

interface E2EWindow {
  lkeZiE2E: {
    host?: {
      syncs: number;
      selection?: { sheet: string; address: string };
      listenerCount: number;
      userEdit(sheet: string, address: string, input: string): void;
      workbook: { sheet(name: string): unknown; names: Array<{ name: string }> };
    };
  };
  lkeZiTimes?: { firstRender?: number; firstScore?: number };
}

/** office.js itself opens a telemetry frame (aborted here, as offline); nothing else may try to leave. */
const notOfficeTelemetry = (url: string) => !url.startsWith("https://telemetryservice.firstpartyapps.oaspapps.com/");

/** Records, from navigation start, when the pane first rendered and when it first showed a score. */
function recordTimes(): void {
  const w = window as unknown as E2EWindow;
  w.lkeZiTimes = {};
  new MutationObserver(() => {
    const t = w.lkeZiTimes!;
    if (t.firstRender === undefined && document.querySelector("#root h1")) t.firstRender = performance.now();
    if (t.firstScore === undefined && document.querySelector("[data-testid=total-value]")) t.firstScore = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The total the core computes for the real example with some answers changed (the pane must show the same). */
async function expectedTotal(bytes: Uint8Array, edits: Record<string, string>): Promise<string> {
  const snapshot = await readXlsx(bytes);
  const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
  for (const [a1, value] of Object.entries(edits)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1]!.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    expect(toA1(row, col)).toBe(a1);
    (sheet.values[row] ??= [])[col] = value;
  }
  const analysis = analyzeLke(snapshot, loadModel());
  if (!("scores" in analysis)) throw new Error("the real example no longer analyses");
  return formatScore(analysis.scores.total, "id");
}

suite("the task pane in Chromium", () => {
  let server: StaticServer;
  let realBytes: Uint8Array;
  const metrics: Record<string, number> = {};

  beforeAll(async () => {
    realBytes = new Uint8Array(fs.readFileSync(REAL!));
    const { dist, webpackMs } = await buildPane();
    metrics["taskpane.e2e_build_ms"] = webpackMs;
    server = await startStaticServer(dist, { "/__e2e__/workbook.xlsx": REAL! });
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    if (Object.keys(metrics).length > 0) {
      fs.mkdirSync(OUTPUT, { recursive: true });
      fs.writeFileSync(path.join(OUTPUT, "metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
    }
  });

  it("ships the pane with exceljs only in the standalone recap's download chunk, its first screen within 150 KB of gzipped JavaScript", () => {
    type StatsModule = { name: string; chunks?: Array<string | number>; modules?: Array<{ name: string }> };
    const stats = JSON.parse(fs.readFileSync(STATS, "utf8")) as {
      modules: StatsModule[];
      chunks: Array<{ id: string | number; initial: boolean }>;
      namedChunkGroups: Record<string, { chunks: Array<string | number> }>;
    };
    const names = stats.modules.flatMap((m) => [m.name, ...(m.modules ?? []).map((n) => n.name)]);
    expect(names.some((n) => n.includes("node_modules/fflate"))).toBe(true); // the .xlsx reader is in (lazily)
    // exceljs writes the recap workbook a standalone coordinator downloads, and nothing else: only that import()
    // loads the chunks that hold it, and none of them is part of the first screen.
    const excelJsChunks = stats.modules
      .filter((m) => [m.name, ...(m.modules ?? []).map((n) => n.name)].some((n) => n.includes("node_modules/exceljs")))
      .flatMap((m) => m.chunks ?? []);
    expect(excelJsChunks.length).toBeGreaterThan(0);
    expect(stats.chunks.filter((c) => excelJsChunks.includes(c.id) && c.initial)).toEqual([]);
    const groups = Object.entries(stats.namedChunkGroups).filter(([, g]) => g.chunks.some((id) => excelJsChunks.includes(id)));
    expect(groups.map(([name]) => name)).toEqual(["recap-xlsx"]);
    const bundle = measureTaskpaneBundle(DIST);
    metrics["taskpane.initial_js_gzip_kb"] = bundle.initialJsGzipKb;
    expect(bundle.initialJsGzipKb).toBeLessThanOrEqual(150);
    expect(bundle.lazy.some((f) => f.file.startsWith("xlsx."))).toBe(true);
  });

  describe("in Excel (the simulated host holding the real example)", () => {
    let chromium: Hermetic;
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      chromium = await launchChromium(server.origin);
      page = await chromium.context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(recordTimes);
      await page.goto(`${server.origin}/taskpane-e2e.html`);
      await page.getByTestId("total-value").waitFor({ timeout: 30_000 });
      // Live: the pane follows the LKE sheet (its handlers are registered) before the test types anything.
      await page.waitForFunction(() => ((window as unknown as E2EWindow).lkeZiE2E.host?.listenerCount ?? 0) >= 2);
    }, 60_000);

    afterAll(async () => {
      await chromium?.close();
    });

    it("shows the real example's score in Bahasa Indonesia, as the core computes it", async () => {
      const times = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiTimes);
      metrics["taskpane.first_render_ms"] = Math.round(times?.firstRender ?? NaN);
      metrics["taskpane.first_score_ms"] = Math.round(times?.firstScore ?? NaN);
      expect(await page.getByTestId("total-value").textContent()).toBe(await expectedTotal(realBytes, {}));
      expect(await page.getByTestId("total-value").textContent()).toBe("95,71");
      await expect(page.getByRole("tab", { name: "Ringkasan" }).isVisible()).resolves.toBe(true);
      expect(await page.getByTestId("badge-wbk").textContent()).toBe("WBK: memenuhi syarat");
      expect(await page.getByRole("meter").count()).toBe(6);
      await shot(page, "ringkasan");
      expect(errors).toEqual([]);
    });

    it("selects a finding's cell in Excel and shows its item in Panduan", async () => {
      await page.getByRole("tab", { name: /^Temuan/ }).click();
      const finding = page.locator('button[data-cell="J8"]');
      await finding.waitFor();
      await shot(page, "temuan");
      const before = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.syncs);
      await finding.click();
      await page.waitForFunction(() => (window as unknown as E2EWindow).lkeZiE2E.host?.selection?.address === "J8");
      const after = await page.evaluate(() => {
        const host = (window as unknown as E2EWindow).lkeZiE2E.host!;
        return { selection: host.selection, syncs: host.syncs };
      });
      expect(after.selection).toEqual({ sheet: SHEET, address: "J8" });
      expect(after.syncs - before).toBe(1);

      await page.getByRole("tab", { name: "Panduan" }).click();
      await expect(page.locator("#guide-question").textContent()).resolves.toContain("A.I.1.i.a");
      await expect(page.getByTestId("guide-current").textContent()).resolves.toContain("Ya");
      await shot(page, "panduan");
    });

    it("re-scores after the user types answers into the sheet: one read for the burst", async () => {
      await page.getByRole("tab", { name: "Ringkasan" }).click();
      const edits = { K8: "Tidak", K9: "C", K11: "C" };
      const expected = await expectedTotal(realBytes, edits);
      expect(expected).not.toBe("95,71");
      const before = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.syncs);
      await page.evaluate((e) => {
        const host = (window as unknown as E2EWindow).lkeZiE2E.host!;
        for (const [cell, value] of Object.entries(e)) host.userEdit("LKE ZI", cell, value);
      }, edits);
      await page.waitForFunction((text) => document.querySelector("[data-testid=total-value]")?.textContent === text, expected, { timeout: 10_000 });
      await page.waitForTimeout(800); // past the quiet period: no second read follows
      const syncs = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.syncs);
      expect(syncs - before).toBe(1);
      expect(await page.getByTestId("total-value").textContent()).toBe(expected);
    });

    it("tries an answer in Kesenjangan and Panduan without writing it", async () => {
      await page.getByRole("tab", { name: "Kesenjangan" }).click();
      await page.getByText("Syarat yang belum terpenuhi").or(page.getByText(/Semua syarat WBK terpenuhi/)).first().waitFor();
      await page.getByRole("radio", { name: "WBBM" }).check();
      await shot(page, "kesenjangan");
      await page.getByRole("tab", { name: "Panduan" }).click();
      await page.locator("#guide-question").waitFor();
      const tryButtons = page.getByRole("button", { name: /^Coba jawaban/ });
      if ((await tryButtons.count()) > 0) {
        await tryButtons.first().click();
        await page.getByTestId("what-if").waitFor();
        expect(await page.getByTestId("what-if").textContent()).toContain("Nilai total");
        await page.getByRole("button", { name: "Hapus simulasi" }).click();
        await page.getByTestId("what-if").waitFor({ state: "detached" });
      }
    });

    it("writes Rekap ZI into the workbook (Hitung di workbook)", async () => {
      const before = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.syncs);
      await page.getByRole("button", { name: "Hitung di workbook" }).click();
      await page.getByText("Lembar Rekap ZI dan nama ZI_* telah ditulis.").waitFor({ timeout: 10_000 });
      const state = await page.evaluate(() => {
        const host = (window as unknown as E2EWindow).lkeZiE2E.host!;
        return { rekap: host.workbook.sheet("Rekap ZI") !== undefined, names: host.workbook.names.map((n) => n.name), syncs: host.syncs };
      });
      expect(state.rekap).toBe(true);
      expect(state.names.filter((n) => n.startsWith("ZI_")).length).toBeGreaterThan(3);
      expect(state.syncs - before).toBeLessThanOrEqual(3); // one read, two for the write
    });

    it("evaluator mode: switching to TPI adds the columns; an evaluator's answer changes the TPI score and appears in the comparison", async () => {
      await page.getByTestId("role-select").selectOption("tpi");
      await page.getByTestId("review-scores").waitFor({ timeout: 10_000 });
      const header = await page.evaluate(() => {
        const host = (window as unknown as E2EWindow).lkeZiE2E.host!;
        const grid = (host.workbook.sheet("LKE ZI") as { grid: { values: unknown[][] } }).grid;
        return grid.values[1]!.slice(17, 20);
      });
      expect(header).toEqual(["Jawaban TPI", "Nilai TPI", "Catatan TPI"]);
      // Nothing reviewed yet: the TPI column reads the unit's answers (as edited above).
      expect(await page.getByTestId("review-evaluator-total").textContent()).toBe(await expectedTotal(realBytes, { K8: "Tidak", K9: "C", K11: "C" }));
      await shot(page, "tinjauan-kosong");

      // The TPI answers A.I.1.i.a (row 8) "Ya" where the unit now says "Tidak" (the edit above).
      const expected = await (async () => {
        const snapshot = await readXlsx(realBytes);
        const sheet = snapshot.sheets.find((x) => x.name === SHEET)!;
        const set = (a1: string, v: string) => {
          const m = /^([A-Z])(\d+)$/.exec(a1)!;
          (sheet.values[Number(m[2]) - 1] ??= [])[m[1]!.charCodeAt(0) - 65] = v;
        };
        Object.entries({ K8: "Tidak", K9: "C", K11: "C", R2: "Jawaban TPI", S2: "Nilai TPI", T2: "Catatan TPI", R8: "Ya" }).forEach(([a1, v]) => set(a1, v));
        const a = analyzeLke(snapshot, loadModel());
        if (!("scores" in a) || !a.review) throw new Error("the TPI column is not read");
        return formatScore(a.review.merged.tpi!.total, "id");
      })();
      expect(expected).not.toBe(await expectedTotal(realBytes, { K8: "Tidak", K9: "C", K11: "C" }));
      await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.userEdit("LKE ZI", "R8", "Ya"));
      await page.waitForFunction((text) => document.querySelector("[data-testid=review-evaluator-total]")?.textContent === text, expected, { timeout: 10_000 });
      const differences = page.getByTestId("review-differences");
      await differences.waitFor();
      expect(await differences.textContent()).toContain("A.I.1.i.a");
      await differences.getByRole("button", { name: "Tampilkan sel R8" }).click();
      await page.waitForFunction(() => (window as unknown as E2EWindow).lkeZiE2E.host?.selection?.address === "R8");
      await shot(page, "tinjauan");
      await page.getByTestId("role-select").selectOption("unit");
      await page.getByRole("tab", { name: "Ringkasan" }).waitFor();
      expect(errors).toEqual([]);
    });

    it("Rekap: scores several workbooks and a corrupt one in Web Workers, and writes Rekap Unit into the workbook", async () => {
      const model = loadModel();
      const layouts: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm", "lampiran-iii"];
      const files: Array<{ name: string; mimeType: string; buffer: Buffer }> = [];
      const expected: Array<{ unit: string; file: string; total: number }> = [];
      for (const [i, layout] of layouts.entries()) {
        const { bytes } = await generateWorkbook(model, { layout, answers: randomAnswers(model, seededRandom(4100 + i), MESSY), unitName: `Kantor Uji ${i}` });
        files.push({ name: `kantor-${i}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(bytes) });
        const a = analyzeLke(await readXlsx(bytes), model);
        if (!("scores" in a)) throw new Error("a generated workbook no longer analyses");
        // The layouts without a title row have no unit name: the file's name stands in, as in the CLI.
        expected.push({ unit: summarizeUnit(a, `kantor-${i}`).unit, file: `kantor-${i}.xlsx`, total: a.scores.total });
      }
      files.splice(2, 0, { name: "rusak.xlsx", mimeType: files[0]!.mimeType, buffer: files[0]!.buffer.subarray(0, 5000) });
      expected.sort((x, y) => y.total - x.total);
      const served = server.requests.length;

      await page.getByRole("tab", { name: "Rekap" }).click();
      await page.getByTestId("rekap-file-input").setInputFiles(files);
      await page.getByTestId("rekap-units").waitFor({ timeout: 60_000 });
      expect(await page.getByTestId("rekap-progress").textContent()).toBe(`${files.length} dari ${files.length} berkas`);
      // The files were scored in Web Workers: the worker's chunk was fetched.
      expect(server.requests.slice(served).some((r) => /^GET \/rekap-worker\.[0-9a-f]+\.chunk\.js$/.test(r))).toBe(true);
      const units = await page.getByTestId("rekap-units").locator("tbody tr td:first-child").allTextContents();
      expect(units).toEqual(expected.map((e) => e.unit));
      expect(await page.getByTestId("rekap-problems").textContent()).toContain("rusak dan tidak dapat dibaca sebagai .xlsx");
      await shot(page, "rekap");

      const before = await page.evaluate(() => (window as unknown as E2EWindow).lkeZiE2E.host!.syncs);
      await page.getByRole("button", { name: "Tulis Rekap Unit ke workbook" }).click();
      await page.getByText("Lembar Rekap Unit telah ditulis.").waitFor({ timeout: 10_000 });
      const written = await page.evaluate(() => {
        const host = (window as unknown as E2EWindow).lkeZiE2E.host!;
        const sheet = host.workbook.sheet("Rekap Unit") as { grid: { values: unknown[][] } } | undefined;
        return { rows: sheet ? sheet.grid.values.map((row) => (row ?? []).slice(0, 3)) : [], syncs: host.syncs };
      });
      expect(written.rows[0]).toEqual(["Unit", "Berkas", "Nilai total"]);
      expect(written.rows.slice(1, expected.length + 1)).toEqual(
        expected.map((e) => [e.unit, e.file, e.total]),
      );
      expect(written.syncs - before).toBe(2);
      await page.getByRole("tab", { name: "Ringkasan" }).click();
      expect(errors).toEqual([]);
    }, 120_000);

    it("speaks English when asked, with English number formats", async () => {
      await page.getByRole("combobox", { name: "Bahasa" }).selectOption("en");
      await page.getByRole("tab", { name: "Summary" }).click();
      const total = await page.getByTestId("total-value").textContent();
      expect(total).toMatch(/^\d+\.\d{2}$/);
      await page.getByRole("combobox", { name: "Language" }).selectOption("id");
      await page.getByRole("tab", { name: "Ringkasan" }).waitFor();
      expect(errors).toEqual([]);
      expect(chromium.aborted.filter(notOfficeTelemetry)).toEqual([]);
    });
  });

  describe("standalone (office.js outside Office; the .xlsx gateway)", () => {
    it("opens the real example in the browser and downloads an annotated copy; nothing leaves the machine", async () => {
      const chromium = await launchChromium(server.origin, { acceptDownloads: true });
      try {
        const page = await chromium.context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        const served = server.requests.length;
        await page.goto(`${server.origin}/taskpane.html`);
        await page.getByRole("button", { name: "Buka LKE (.xlsx)" }).waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => typeof (window as unknown as { Excel?: unknown }).Excel)).toBe("undefined");
        await shot(page, "mandiri");
        await page.getByTestId("file-input").setInputFiles(REAL!);
        await page.getByTestId("total-value").waitFor({ timeout: 30_000 });
        expect(await page.getByTestId("total-value").textContent()).toBe("95,71");

        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh salinan dengan Rekap ZI" }).click()]);
        expect(download.suggestedFilename()).toBe("lke-zi-lampiran-iii-contoh (Rekap ZI).xlsx");
        const saved = path.join(OUTPUT, "download.xlsx");
        await download.saveAs(saved);
        const copy = await readXlsx(new Uint8Array(fs.readFileSync(saved)));
        const original = await readXlsx(realBytes);
        expect(copy.sheets.map((s) => s.name)).toEqual([...original.sheets.map((s) => s.name), "Rekap ZI"]);
        expect(copy.definedNames.filter((n) => n.name.startsWith("ZI_")).length).toBeGreaterThan(3);
        expect(copy.sheets.find((s) => s.name === SHEET)!.values).toEqual(original.sheets.find((s) => s.name === SHEET)!.values);

        // Only the page's own files were fetched, all with GET; nothing was aborted on its way out.
        const requests = server.requests.slice(served);
        expect(requests.every((r) => r.startsWith("GET "))).toBe(true);
        expect(requests.some((r) => r.includes("__e2e__"))).toBe(false);
        expect(chromium.aborted.filter(notOfficeTelemetry)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await chromium.close();
      }
    });

    it("serves standalone.html without office.js: the same pane, no request anywhere else", async () => {
      const chromium = await launchChromium(server.origin);
      try {
        const page = await chromium.context.newPage();
        const outside: string[] = [];
        page.on("request", (r) => {
          if (!r.url().startsWith(server.origin)) outside.push(r.url());
        });
        await page.goto(`${server.origin}/standalone.html`);
        await page.getByTestId("file-input").setInputFiles(path.join(ROOT, "examples", "lke-zi-contoh-unit.xlsx"));
        await page.getByTestId("total-value").waitFor({ timeout: 30_000 });
        await page.getByRole("tab", { name: "Kesenjangan" }).click();
        await page.getByRole("button", { name: "Coba semua" }).click();
        await page.getByTestId("what-if").waitFor();
        // The bundled example misses WBK: every recommended change tried at once raises the total.
        const banner = (await page.getByTestId("what-if").textContent()) ?? "";
        const [, from, to] = /Nilai total ([\d.,]+) → ([\d.,]+)/.exec(banner) ?? [];
        const num = (s: string | undefined) => Number((s ?? "").replace(/\./g, "").replace(",", "."));
        expect(num(to)).toBeGreaterThan(num(from));
        await shot(page, "kesenjangan-simulasi");
        expect(outside).toEqual([]);
      } finally {
        await chromium.close();
      }
    });
  });
});
