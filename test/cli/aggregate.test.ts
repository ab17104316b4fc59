// lke-zi aggregate over a folder of generated workbooks across layouts, plus corrupt, foreign and duplicate files.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { RECAP_SHEET, PROBLEM_SHEET } from "../../src/xlsx/writeRecapWorkbook";
import { runCli } from "../support/runCli";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../support/libreoffice";

const model = loadModel();


describe("lke-zi aggregate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-aggregate-"));
  const expected = new Map<string, LkeAnalysis>();
  const output = path.join(os.tmpdir(), `lke-zi-rekap-${process.pid}.xlsx`);

  beforeAll(async () => {
    const layouts: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
    for (let i = 0; i < 9; i++) {
      const { bytes } = await generateWorkbook(model, {
        layout: layouts[i % 3]!,
        answers: randomAnswers(model, seededRandom(900 + i), MESSY),
        unitName: i % 3 === 0 ? `Unit Contoh ${i}` : undefined,
      });
      const file = path.join(dir, i < 5 ? `unit-${i}.xlsx` : path.join("sub", `unit-${i}.xlsx`));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      expected.set(file, analyzeLke(await readXlsx(bytes), model) as LkeAnalysis);
    }
    fs.copyFileSync(path.join(dir, "unit-1.xlsx"), path.join(dir, "zz-copy-of-unit-1.xlsx"));
    fs.writeFileSync(path.join(dir, "catatan.xlsx"), "bukan workbook");
    fs.writeFileSync(path.join(dir, "rusak.xlsx"), fs.readFileSync(path.join(dir, "unit-2.xlsx")).subarray(0, 5000));
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Data").addRow(["Nama", "Alamat"]);
    await foreign.xlsx.writeFile(path.join(dir, "daftar-hadir.xlsx"));
    fs.writeFileSync(path.join(dir, "~$unit-0.xlsx"), "lock file of an open workbook");
  }, 60_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(output, { force: true });
  });

  it("scores every unit exactly as report does, lists bad and duplicate files, and never stops", async () => {
    const r = await runCli(["aggregate", dir, "-o", output, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.schema).toBe("lke-zi/aggregate@1");
    const byFile = new Map<string, { scores: { total: number; areas: Array<{ total: number }> } | null; error: string | null; unit: string }>(
      json.units.map((u: { file: string }) => [u.file, u]),
    );
    for (const [file, a] of expected) {
      const u = byFile.get(file)!;
      expect([file, u.error]).toEqual([file, null]);
      expect(u.scores!.total).toBe(a.scores.total);
      expect(u.scores!.areas.map((x) => x.total)).toEqual(a.scores.areas.map((x) => x.total));
    }
    expect(byFile.get(path.join(dir, "unit-0.xlsx"))!.unit).toBe("Unit Contoh 0");
    expect(byFile.get(path.join(dir, "unit-1.xlsx"))!.unit).toBe("unit-1");
    const errors = Object.fromEntries(json.units.filter((u: { error: string | null }) => u.error).map((u: { file: string; error: string }) => [path.basename(u.file), u.error]));
    expect(Object.keys(errors).sort()).toEqual(["catatan.xlsx", "daftar-hadir.xlsx", "rusak.xlsx", "zz-copy-of-unit-1.xlsx"]);
    expect(errors["zz-copy-of-unit-1.xlsx"]).toMatch(/^duplikat dari .*unit-1\.xlsx/);
    expect(errors["daftar-hadir.xlsx"]).toMatch(/lembar LKE/);
    expect(json.summary).toMatchObject({ files: 13, scored: 9, failed: 4 });
  }, 120_000);

  it("writes Rekap Unit sorted by total, as a table with its chart, and the problem files beside it", async () => {
    const bytes = fs.readFileSync(output);
    const wb = await readXlsx(bytes);
    const rekap = wb.sheets.find((s) => s.name === RECAP_SHEET)!;
    const totals = rekap.values.slice(1, 10).map((row) => row[2] as number);
    expect(totals).toEqual([...expected.values()].map((a) => a.scores.total).sort((x, y) => y - x));
    expect(wb.sheets.find((s) => s.name === PROBLEM_SHEET)!.values.length).toBe(5);
    const entries = new TextDecoder("latin1").decode(bytes);
    expect(entries).toContain("xl/charts/chart1.xml");
    expect(entries).toContain("xl/tables/table1.xml");
  });

  (hasLibreOffice() ? it : it.skip)("shows the same numbers once LibreOffice recalculates the recap", async () => {
    const [lo] = recalculate([output], fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-rekap-lo-")));
    const wb = await readXlsx(fs.readFileSync(lo!));
    const rekap = wb.sheets.find((s) => s.name === RECAP_SHEET)!;
    const values = Array.from(rekap.values, (row) => (row ?? []).slice(0, 3));
    const countRow = values.findIndex((row) => row[0] === "Jumlah unit dinilai");
    expect(values[countRow]![2]).toBe(9);
    const wbk = [...expected.values()].filter((a) => a.predicates.wbk.eligible).length;
    expect(values[countRow + 1]![2]).toBe(wbk);
    const mean = [...expected.values()].reduce((s, a) => s + a.scores.total, 0) / 9;
    expect(values[countRow + 3]![2]).toBeCloseTo(mean, 9);
  }, 120_000);
});
