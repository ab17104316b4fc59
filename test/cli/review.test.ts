// `lke-zi review`: an evaluator's copy prepared on the command line through the pane's use cases — the role's
// columns added (never pre-filled) or found, the comparison, Catatan Evaluasi — with the input untouched.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { CATATAN_SHEET } from "../../src/domain/review/catatanEvaluasiPlan";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { runCli } from "../support/runCli";
import { generateWorkbook } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { consistentAnswers } from "../support/generator/randomAnswers";

const model = loadModel();


describe("lke-zi review", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-review-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("adds the TPI columns to the bundled example, empty, and leaves the input as it was", async () => {
    const input = path.resolve("examples/lke-zi-contoh-unit.xlsx");
    const before = fs.readFileSync(input);
    const out = path.join(dir, "tpi.xlsx");
    const r = await runCli(["review", input, "--role", "tpi", "-o", out]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/^Kolom TPI ditambahkan di R:T \(jawaban kosong\); 0 butir dijawab TPI, 0 berbeda dari unit\./);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const a = analyzeLke(await readXlsx(fs.readFileSync(out)), model) as LkeAnalysis;
    expect(a.review!.answered.tpi).toBe(0);
    expect(a.layout.columns.roles.tpi).toMatchObject({ answer: 17, score: 18, note: 19 });

    const again = await runCli(["review", out, "--role", "tpi", "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ schema: "lke-zi/review@1", role: "tpi", columns: "R:T", added: false, answered: 0, differences: [] });
  });

  it("compares an evaluator's answers and writes Catatan Evaluasi", async () => {
    const rnd = seededRandom(77);
    const unit = consistentAnswers(model, rnd);
    const tpi = new Map(unit).set("A.I.1.i.a", unit.get("A.I.1.i.a") === "Ya" ? "Tidak" : "Ya").set("A.II.1.i.a", "C");
    const { bytes } = await generateWorkbook(model, { layout: "kesdm", answers: unit, evaluators: { tpi } });
    const input = path.join(dir, "kesdm.xlsx");
    fs.writeFileSync(input, bytes);
    const expected = analyzeLke(await readXlsx(bytes), model) as LkeAnalysis;
    const out = path.join(dir, "kesdm-catatan.xlsx");
    const r = await runCli(["review", input, "--role", "tpi", "--catatan", "--json", "-o", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.added).toBe(false);
    expect(json.differences).toEqual(expected.review!.differences.tpi);
    expect(json.totals.evaluator).toBeCloseTo(expected.review!.scores.tpi!.total, 12);
    const copy = await readXlsx(fs.readFileSync(out));
    const catatan = copy.sheets.find((s) => s.name === CATATAN_SHEET)!;
    for (const d of expected.review!.differences.tpi!) expect(catatan.values.some((row) => row?.[0] === d.item && row?.[1] === d.cell)).toBe(true);
  });

  it("says what it needs", async () => {
    expect((await runCli(["review", "x.xlsx", "-o", "y.xlsx"])).code).toBe(1);
    expect((await runCli(["review", "x.xlsx", "--role", "unit", "-o", "y.xlsx"])).code).toBe(1);
    const missing = await runCli(["review", path.join(dir, "tidak-ada.xlsx"), "--role", "tpn", "-o", path.join(dir, "z.xlsx")]);
    expect(missing.code).toBe(2);
    expect(fs.existsSync(path.join(dir, "z.xlsx"))).toBe(false);
  });
});
