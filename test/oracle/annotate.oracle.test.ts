// `lke-zi annotate` writes Rekap ZI and the ZI_* names as live formulas; LibreOffice recalculates the annotated
// copies of the real example and of generated workbooks in every layout, and every name must equal the engine.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { annotateWorkbook } from "../../src/app/annotateWorkbook";
import { parseA1 } from "../../src/domain/grid/address";
import { cellValue, type CellValue, type WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import type { LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../support/libreoffice";
import { REAL_EXAMPLE } from "../support/sharedFiles";

const model = loadModel();
const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
const PER_LAYOUT = 36;

const describeWithLo = hasLibreOffice() ? describe : describe.skip;

function named(wb: WorkbookSnapshot, name: string): CellValue {
  const d = wb.definedNames.find((n) => n.name === name);
  if (!d) throw new Error(`name ${name} missing`);
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(d.ref)!;
  const sheet = wb.sheets.find((s) => s.name === m[1]!.replace(/''/g, "'"))!;
  const { row, col } = parseA1(`${m[2]}${m[3]}`);
  return cellValue(sheet, row, col);
}

function expectedNames(a: LkeAnalysis): Record<string, number | boolean> {
  const s = a.scores;
  return {
    ZI_NILAI_TOTAL: s.total,
    ZI_PENGUNGKIT: s.pengungkit,
    ZI_PEMENUHAN: s.pemenuhan,
    ZI_REFORM: s.reform,
    ZI_HASIL: s.hasil,
    ...Object.fromEntries(s.areas.map((x) => [`ZI_AREA_${x.no}`, x.total])),
    ZI_WBK: a.predicates.wbk.eligible,
    ZI_WBBM: a.predicates.wbbm.eligible,
  };
}

describeWithLo("annotate: LibreOffice recalculates the ZI_* names to the engine's numbers", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-annotate-"));
  const cases: Array<{ name: string; file: string; analysis: LkeAnalysis }> = [];
  let recalculated: string[] = [];

  beforeAll(async () => {
    const inputs: Array<{ name: string; bytes: Uint8Array }> = [];
    if (fs.existsSync(REAL_EXAMPLE)) inputs.push({ name: "real-example", bytes: fs.readFileSync(REAL_EXAMPLE) });
    else console.warn(`NOTICE: ${REAL_EXAMPLE} is absent: the real example is not annotated.`);
    for (const layout of LAYOUTS) {
      for (let i = 0; i < PER_LAYOUT; i++) {
        const rnd = seededRandom(3000 + 100 * LAYOUTS.indexOf(layout) + i);
        const { bytes } = await generateWorkbook(model, {
          layout,
          answers: randomAnswers(model, rnd, MESSY),
          ...(i % 3 === 0 ? { insertRowsAt: [4, 60 + i, 130], extraColumns: true, textNoise: seededRandom(i) } : {}),
        });
        inputs.push({ name: `${layout}-${i}`, bytes });
      }
    }
    for (const input of inputs) {
      const gateway = new XlsxGateway(input.bytes);
      const { analysis } = await annotateWorkbook(gateway);
      const file = path.join(dir, `${input.name}.xlsx`);
      fs.writeFileSync(file, gateway.result());
      cases.push({ name: input.name, file, analysis });
    }
    recalculated = recalculate(
      cases.map((c) => c.file),
      path.join(dir, "recalculated"),
    );
  }, 15 * 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("covers the real example and at least 100 generated workbooks in every layout", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it("every ZI_* name equals the engine's regulation score to 1e-9 (and the verdicts match)", async () => {
    const wrong: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const lo = await readXlsx(fs.readFileSync(recalculated[i]!));
      for (const [name, want] of Object.entries(expectedNames(cases[i]!.analysis))) {
        const got = named(lo, name);
        const ok = typeof want === "boolean" ? got === want : typeof got === "number" && Math.abs(got - want) <= 1e-9;
        if (!ok) wrong.push(`${cases[i]!.name} ${name}: engine ${want}, LibreOffice ${JSON.stringify(got)}`);
      }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it("gives the regulation total on the real example, not the workbook's defective one", async () => {
    const i = cases.findIndex((c) => c.name === "real-example");
    if (i < 0) return;
    const lo = await readXlsx(fs.readFileSync(recalculated[i]!));
    expect(named(lo, "ZI_NILAI_TOTAL")).toBeCloseTo(95.70952380952, 9);
  });
});
