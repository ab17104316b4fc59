// LibreOffice recalculates generated workbooks (every supported layout, random messy answers, the template's own
// formulas) and must equal the engine on every Nilai cell — also after rows and columns are inserted.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseA1 } from "../../src/domain/grid/address";
import { cellValue, isExcelError, type CellValue, type WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { generateWorkbook, type GeneratedLayout, type GeneratedSheet } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { randomAnswers, MESSY } from "../support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../support/libreoffice";

const model = loadModel();
const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
const PER_LAYOUT = 70;
const SHIFTED_PER_LAYOUT = 12;

interface Case {
  name: string;
  layout: GeneratedLayout;
  sheet: GeneratedSheet;
  file: string;
}

if (!hasLibreOffice()) {
  console.warn("NOTICE: LibreOffice (soffice) is not installed: the LibreOffice oracle suite is skipped. apt-get install libreoffice-calc to run it.");
}
const describeWithLo = hasLibreOffice() ? describe : describe.skip;

/** Engine value of a Nilai cell vs what LibreOffice computed: numbers to 1e-9, text and errors exactly. */
function differs(engine: CellValue, lo: CellValue): boolean {
  if (typeof engine === "number") return typeof lo !== "number" || Math.abs(engine - lo) > 1e-9;
  if (isExcelError(engine)) return !isExcelError(lo) || lo.error !== engine.error;
  return (engine ?? "") !== (lo ?? "");
}

function loValue(snapshot: WorkbookSnapshot, sheetName: string, a1: string): CellValue {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName)!;
  const { row, col } = parseA1(a1);
  return cellValue(sheet, row, col);
}

/** Every Nilai cell the generator wrote for a role, compared with the engine's template evaluation. */
function compare(c: Case, lo: WorkbookSnapshot, a: LkeAnalysis, role: "unit" | "tpi"): string[] {
  const problems: string[] = [];
  for (const [key, a1] of c.sheet.scoreCells[role]) {
    let engine: CellValue | undefined;
    if (key.startsWith("total:")) {
      const [pengungkit, hasil] = [a.template.get("A"), a.template.get("B")];
      engine = key === "total:pengungkit" ? pengungkit! : key === "total:hasil" ? hasil! : a.template.get("total")!;
    } else engine = a.template.get(key) ?? a.items.get(key)?.excel;
    if (engine === undefined) continue;
    const got = loValue(lo, c.sheet.sheetName, a1);
    if (differs(engine, got)) problems.push(`${c.name} ${role} ${key} ${a1}: engine ${JSON.stringify(engine)} LibreOffice ${JSON.stringify(got)}`);
  }
  return problems;
}

describeWithLo("LibreOffice recalculation equals the engine", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-oracle-"));
  const cases: Case[] = [];
  let recalculated: string[] = [];

  beforeAll(async () => {
    for (const layout of LAYOUTS) {
      for (let i = 0; i < PER_LAYOUT; i++) {
        const seed = 1000 * (LAYOUTS.indexOf(layout) + 1) + i;
        const rnd = seededRandom(seed);
        const answers = randomAnswers(model, rnd, MESSY);
        const evaluators = { tpi: randomAnswers(model, rnd, MESSY), tpi2: randomAnswers(model, rnd, MESSY) };
        const base = await generateWorkbook(model, { layout, answers, evaluators });
        const name = `${layout}-${seed}`;
        fs.writeFileSync(path.join(dir, `${name}.xlsx`), base.bytes);
        cases.push({ name, layout, sheet: base.sheet, file: path.join(dir, `${name}.xlsx`) });
        if (i < SHIFTED_PER_LAYOUT) {
          // The same answers after a unit inserted rows and columns, renamed the sheet and retyped texts.
          const shifted = await generateWorkbook(model, {
            layout,
            answers,
            evaluators,
            insertRowsAt: [5, 40 + i, 90, 150 + i],
            extraColumns: true,
            sheetName: layout === "lampiran-iii" ? `LKE ${2024 + (i % 3)}` : undefined,
            textNoise: seededRandom(seed + 7),
          });
          fs.writeFileSync(path.join(dir, `${name}-shifted.xlsx`), shifted.bytes);
          cases.push({ name: `${name}-shifted`, layout, sheet: shifted.sheet, file: path.join(dir, `${name}-shifted.xlsx`) });
        }
      }
    }
    recalculated = recalculate(
      cases.map((c) => c.file),
      path.join(dir, "recalculated"),
    );
  }, 15 * 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("covers at least 200 plain workbooks and their shifted twins", () => {
    expect(cases.filter((c) => !c.name.endsWith("-shifted")).length).toBeGreaterThanOrEqual(200);
    expect(cases.filter((c) => c.name.endsWith("-shifted")).length).toBe(LAYOUTS.length * SHIFTED_PER_LAYOUT);
  });

  it("every Nilai cell, indicator, area and total equals LibreOffice to 1e-9, for unit and TPI answers", async () => {
    const problems: string[] = [];
    let cells = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const lo = await readXlsx(fs.readFileSync(recalculated[i]!));
      for (const role of c.layout === "lampiran-iii" ? (["unit"] as const) : (["unit", "tpi"] as const)) {
        const a = analyzeLke(lo, model, { role });
        if (!("scores" in a)) {
          problems.push(`${c.name}: layout not detected (${a.kind})`);
          continue;
        }
        expect(a.layout.unmatched).toEqual([]);
        problems.push(...compare(c, lo, a, role));
        cells += c.sheet.scoreCells[role].size;
      }
    }
    console.log(`LibreOffice oracle: ${cases.length} workbooks, ${cells} Nilai cells compared, ${problems.length} differences`);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("the regulation score equals LibreOffice wherever the template yields a number and nothing below it failed", async () => {
    let compared = 0;
    for (let i = 0; i < cases.length; i += 7) {
      const c = cases[i]!;
      const lo = await readXlsx(fs.readFileSync(recalculated[i]!));
      const a = analyzeLke(lo, model) as LkeAnalysis;
      for (const ind of a.scores.indicators) {
        const t = a.template.get(ind.code);
        const node = model.nodeByCode.get(ind.code)!;
        const qs = [...node.questions, ...node.children.flatMap((ch) => ch.questions)];
        const clean = qs.every((q) => ["answered", "blank"].includes(a.items.get(q.code)!.status));
        if (typeof t !== "number" || !clean) continue;
        const got = loValue(lo, c.sheet.sheetName, c.sheet.scoreCells.unit.get(ind.code)!);
        expect(Math.abs(ind.score - (got as number))).toBeLessThan(1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
