import * as fs from "node:fs";
import { buildRepairPlan, type RepairPlan } from "../../../src/domain/actions/repairPlan";
import { officialFormulas, templateCells } from "../../../src/domain/formulas/templateCells";
import { parseA1 } from "../../../src/domain/grid/address";
import { cellFormula, type WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook, type GeneratedLayout } from "../../support/generator/generateWorkbook";
import { withDefects } from "../../support/generator/plantDefects";
import { seededRandom } from "../../support/generator/random";
import { consistentAnswers, MESSY, randomAnswers } from "../../support/generator/randomAnswers";
import { sharedFile } from "../../support/sharedFiles";

const model = loadModel();
const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];

function analyse(snapshot: WorkbookSnapshot): LkeAnalysis {
  const a = analyzeLke(snapshot, model);
  if (!("scores" in a)) throw new Error(a.kind);
  return a;
}

/** The snapshot with the plan's formulas written in (no cached result, as a freshly written formula). */
function repaired(snapshot: WorkbookSnapshot, plan: RepairPlan): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  for (const c of plan.cells) {
    const sheet = copy.sheets.find((s) => s.name === c.sheet)!;
    const { row, col } = parseA1(c.cell);
    (sheet.formulas[row] ??= [])[col] = c.formula.slice(1);
    const values = sheet.values[row];
    if (values) delete values[col];
  }
  return copy;
}

describe("the official formula of a computed cell", () => {
  it("is the formula the official template writes there, in every layout, with inserted rows and columns", async () => {
    for (const [i, layout] of LAYOUTS.entries()) {
      const rnd = seededRandom(300 + i);
      const { bytes } = await generateWorkbook(model, { layout, answers: consistentAnswers(model, rnd), extraColumns: i !== 1, insertRowsAt: i === 2 ? [4, 70, 140] : undefined });
      const a = analyse(await readXlsx(bytes));
      const cells = templateCells(model, a.sheet, a.layout, a.role);
      const official = officialFormulas(model, a.sheet, a.layout, a.role);
      const differing = cells.filter((c) => {
        const { row, col } = parseA1(c.a1);
        const f = cellFormula(a.sheet, row, col);
        return f !== undefined && official.get(c.a1) !== `=${f}`;
      });
      expect([layout, differing.map((c) => c.a1)]).toEqual([layout, []]);
      expect(official.size).toBeGreaterThan(200);
    }
  });
});

describe("buildRepairPlan", () => {
  it("repairs every formula finding, and the repaired sheet has no formula finding left", async () => {
    for (const [i, layout] of LAYOUTS.entries()) {
      for (const kind of ["formula.overwritten", "formula.deviation"] as const) {
        const rnd = seededRandom(500 + i * 7 + (kind === "formula.deviation" ? 1 : 0));
        const generated = await generateWorkbook(model, { layout, answers: randomAnswers(model, rnd, MESSY), extraColumns: i === 0 });
        const { bytes, defects } = await withDefects(generated.bytes, generated.sheet, model, kind, 4, rnd);
        const snapshot = await readXlsx(bytes);
        const a = analyse(snapshot);
        const plan = buildRepairPlan(a);
        expect(plan.unrepairable).toEqual([]);
        expect(plan.cells.map((c) => c.cell).sort()).toEqual(expect.arrayContaining(defects.map((d) => d.cell!).sort()));
        expect(plan.cells.every((c) => c.formula.startsWith("=") && c.sheet === a.sheet.name)).toBe(true);
        const after = analyse(repaired(snapshot, plan));
        expect([layout, kind, after.findings.filter((f) => f.rule.startsWith("formula.")).map((f) => f.cell)]).toEqual([layout, kind, []]);
      }
    }
  });

  it("repairs only the cells asked for", async () => {
    const rnd = seededRandom(77);
    const generated = await generateWorkbook(model, { layout: "lampiran-iii", answers: randomAnswers(model, rnd, MESSY) });
    const { bytes, defects } = await withDefects(generated.bytes, generated.sheet, model, "formula.overwritten", 3, rnd);
    const a = analyse(await readXlsx(bytes));
    const plan = buildRepairPlan(a, [defects[1]!.cell!.toLowerCase()]);
    expect(plan.cells.map((c) => c.cell)).toEqual([defects[1]!.cell]);
  });

  it("puts the regulation's structure back in the real example's L175: LHKPN plus LHKASN", async () => {
    const file = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
    if (!file) return;
    const snapshot = await readXlsx(new Uint8Array(fs.readFileSync(file)));
    const a = analyse(snapshot);
    const plan = buildRepairPlan(a);
    expect(plan).toEqual({ cells: [{ sheet: "LKE ZI", cell: "L175", formula: "=SUM(L176,L183)", rule: "formula.deviation", item: "A.II.5.iii" }], unrepairable: [] });
    expect(analyse(repaired(snapshot, plan)).findings.filter((f) => f.rule.startsWith("formula."))).toEqual([]);
  });

  it("lists a formula finding whose official formula is unknown as unrepairable", () => {
    const a = {
      model,
      sheet: { name: "LKE ZI", visibility: "visible" as const, values: [], formulas: [], hyperlinks: {}, validations: [], merges: [], rowCount: 0, colCount: 0 },
      layout: { sheet: "LKE ZI", kind: "other" as const, headerRow: 0, columns: { roles: {} }, rows: { nodes: new Map(), questions: new Map(), counts: new Map(), totals: {} } },
      role: "unit" as const,
      findings: [{ rule: "formula.overwritten" as const, severity: "error" as const, sheet: "LKE ZI", cell: "L9", item: "A.I.1.a", params: { found: 1 } }],
    };
    expect(buildRepairPlan(a as unknown as Parameters<typeof buildRepairPlan>[0])).toEqual({ cells: [], unrepairable: [{ cell: "L9", rule: "formula.overwritten", item: "A.I.1.a" }] });
  });
});
