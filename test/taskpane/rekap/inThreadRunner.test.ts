// The pane's recap on its own thread (the runner used where Web Workers are missing) over generated workbooks of
// every layout, a corrupt, a foreign and a duplicate file: the same summaries, hashes and reasons as the CLI's
// analyzeFile, in the files' order, with progress after every file; cancel stops it before the next file.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyzeFile } from "../../../src/cli/aggregate/analyzeFile";
import { loadModel } from "../../../src/domain/model/loadModel";
import { InThreadRecapRunner } from "../../../src/taskpane/rekap/inThreadRunner";
import { isAbortError, type RecapSourceFile } from "../../../src/taskpane/rekap/recapRunner";
import { generateWorkbook, type GeneratedLayout } from "../../support/generator/generateWorkbook";
import { seededRandom } from "../../support/generator/random";
import { MESSY, randomAnswers } from "../../support/generator/randomAnswers";

const model = loadModel();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-rekap-runner-"));
const names: string[] = [];

function sourceFile(name: string): RecapSourceFile & { reads: number } {
  const bytes = fs.readFileSync(path.join(dir, name));
  const file = {
    name,
    size: bytes.length,
    reads: 0,
    arrayBuffer: async () => {
      file.reads++;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
  return file;
}

beforeAll(async () => {
  const layouts: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
  for (let i = 0; i < 4; i++) {
    const { bytes } = await generateWorkbook(model, {
      layout: layouts[i % 3]!,
      answers: randomAnswers(model, seededRandom(1300 + i), MESSY),
      unitName: i % 2 === 0 ? `Kantor Contoh ${i}` : undefined,
    });
    fs.writeFileSync(path.join(dir, `unit-${i}.xlsx`), bytes);
    names.push(`unit-${i}.xlsx`);
  }
  fs.copyFileSync(path.join(dir, "unit-1.xlsx"), path.join(dir, "salinan.xlsx"));
  fs.writeFileSync(path.join(dir, "rusak.xlsx"), fs.readFileSync(path.join(dir, "unit-2.xlsx")).subarray(0, 4000));
  fs.writeFileSync(path.join(dir, "catatan.xlsx"), "bukan workbook");
  const foreign = new ExcelJS.Workbook();
  foreign.addWorksheet("Data").addRow(["Nama", "Alamat"]);
  await foreign.xlsx.writeFile(path.join(dir, "daftar-hadir.xlsx"));
  names.splice(2, 0, "rusak.xlsx", "catatan.xlsx");
  names.push("daftar-hadir.xlsx", "salinan.xlsx");
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("InThreadRecapRunner", () => {
  it("gives every file the CLI's result, in order, with progress after each file", async () => {
    const progress: number[] = [];
    const results = await new InThreadRecapRunner().run(
      names.map(sourceFile),
      { onProgress: (p) => progress.push(p.done) },
    );
    const cli = await Promise.all(names.map((n) => analyzeFile(path.join(dir, n))));
    expect(results.map((r) => r.file)).toEqual(names);
    results.forEach((r, i) => {
      const c = cli[i]!;
      expect([r.file, r.summary, r.error, r.reason, r.hash]).toEqual([r.file, c.summary, c.error, c.reason, c.hash]);
    });
    expect(results.filter((r) => r.summary).length).toBe(5); // the four units and the copy (marked later, as in the CLI)
    expect(results.find((r) => r.file === "rusak.xlsx")!.reason).toEqual({ kind: "input", code: "corrupt" });
    expect(results.find((r) => r.file === "daftar-hadir.xlsx")!.reason).toEqual({ kind: "input", code: "no-lke-sheet" });
    expect(progress).toEqual(Array.from({ length: names.length + 1 }, (_, i) => i));
  }, 60_000);

  it("yields to the browser between files, so a timer set before the run fires during it", async () => {
    let timerAt = -1;
    let done = 0;
    setTimeout(() => (timerAt = done), 0);
    await new InThreadRecapRunner().run(names.slice(0, 3).map(sourceFile), { onProgress: (p) => (done = p.done) });
    expect(timerAt).toBeGreaterThanOrEqual(0);
    expect(timerAt).toBeLessThan(3);
  }, 60_000);

  it("stops when cancelled: rejects with an AbortError and reads no file after the cancel", async () => {
    const files = names.map(sourceFile);
    const abort = new AbortController();
    const run = new InThreadRecapRunner().run(files, {
      signal: abort.signal,
      onProgress: (p) => {
        if (p.done === 2) abort.abort();
      },
    });
    const error = await run.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(files.map((f) => f.reads)).toEqual(files.map((_, i) => (i < 2 ? 1 : 0)));
  }, 60_000);
});
