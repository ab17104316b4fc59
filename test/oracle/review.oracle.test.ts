// An evaluator's columns as the add-in plans them (planRoleColumns: the template's formulas pointed at the
// evaluator's answers), written by the .xlsx gateway into generated workbooks of every layout with random
// evaluator answers, then recalculated by LibreOffice: every Nilai cell of the role must equal the engine's reading of those answers,
// and on well-kept answers the role's regulation score must equal the sheet's total.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseA1, toA1 } from "../../src/domain/grid/address";
import { cellValue, isExcelError, type CellValue, type WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { templateCells } from "../../src/domain/formulas/templateCells";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { planRoleColumns, type EvaluatorRole } from "../../src/domain/review/roleColumnsPlan";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { patchZip } from "../../src/xlsx/patchZip";
import { putCells, type NewCell } from "../../src/xlsx/sheetXmlEdit";
import { cellXml, sheetPart } from "../../src/xlsx/workbookParts";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { consistentAnswers, MESSY, randomAnswers, type AnswerSet } from "../support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../support/libreoffice";

const model = loadModel();
const PLAN: Array<[GeneratedLayout, EvaluatorRole, number]> = [
  ["lampiran-iii", "tpi", 24],
  ["lampiran-iii", "tpn", 8],
  ["portalrb-jawaban", "tpn", 12],
  ["kesdm", "tpn", 12],
];

interface Case {
  name: string;
  role: EvaluatorRole;
  clean: boolean;
  file: string;
}

const describeWithLo = hasLibreOffice() ? describe : describe.skip;
if (!hasLibreOffice()) console.warn("NOTICE: LibreOffice (soffice) is not installed: the evaluator-column oracle is skipped.");

function differs(engine: CellValue, lo: CellValue): boolean {
  if (typeof engine === "number") return typeof lo !== "number" || Math.abs(engine - lo) > 1e-9;
  if (isExcelError(engine)) return !isExcelError(lo) || lo.error !== engine.error;
  return (engine ?? "") !== (lo ?? "");
}

/**
 * The plan written by the .xlsx gateway (as `lke-zi review` does), then the evaluator's answers typed into the
 * copy's new cells by the same sheet-XML edit: every byte LibreOffice reads is ours, no other writer in between.
 */
async function withEvaluator(bytes: Uint8Array, a: LkeAnalysis, role: EvaluatorRole, answers: AnswerSet): Promise<Uint8Array> {
  const plan = planRoleColumns(model, a.sheet, a.layout, role)!;
  const gateway = new XlsxGateway(bytes);
  await gateway.addRoleColumns(plan);
  const copy = gateway.result();
  const formulaCells = new Set(plan.cells.map((c) => c.cell));
  const typed: NewCell[] = [];
  for (const [key, value] of answers) {
    const row = key.includes("#") ? a.layout.rows.counts.get(key) : a.layout.rows.questions.get(key);
    if (row === undefined || value === null || typeof value === "object") continue;
    const cell = toA1(row, plan.columns.answer);
    if (!formulaCells.has(cell)) typed.push({ ref: cell, xml: cellXml(cell, typeof value === "string" ? { text: value } : value) });
  }
  const { part, xml } = sheetPart(copy, a.sheet.name);
  return patchZip(copy, [{ name: part, data: new TextEncoder().encode(putCells(xml, typed)) }]);
}

function loAt(lo: WorkbookSnapshot, sheet: string, a1: string): CellValue {
  const { row, col } = parseA1(a1);
  return cellValue(lo.sheets.find((s) => s.name === sheet)!, row, col);
}

describeWithLo("LibreOffice recalculates an evaluator's columns to the engine's numbers", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-review-oracle-"));
  const cases: Case[] = [];
  let recalculated: string[] = [];

  beforeAll(async () => {
    let seed = 7000;
    for (const [layout, role, count] of PLAN) {
      for (let i = 0; i < count; i++) {
        const rnd = seededRandom(seed++);
        const clean = i % 3 === 0;
        const unit = randomAnswers(model, rnd, MESSY);
        const theirs = clean ? consistentAnswers(model, rnd) : randomAnswers(model, rnd, MESSY);
        const { bytes } = await generateWorkbook(model, { layout, answers: unit });
        const a = analyzeLke(await readXlsx(bytes), model) as LkeAnalysis;
        const name = `${layout}-${role}-${i}`;
        const file = path.join(dir, `${name}.xlsx`);
        fs.writeFileSync(file, await withEvaluator(bytes, a, role, theirs));
        cases.push({ name, role, clean, file });
      }
    }
    recalculated = recalculate(
      cases.map((c) => c.file),
      path.join(dir, "recalculated"),
    );
  }, 10 * 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("every Nilai cell of the role equals LibreOffice to 1e-9, and well-kept answers give the regulation total", async () => {
    const problems: string[] = [];
    let cells = 0;
    let totals = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const lo = await readXlsx(fs.readFileSync(recalculated[i]!));
      const a = analyzeLke(lo, model, { role: c.role });
      if (!("scores" in a)) {
        problems.push(`${c.name}: the ${c.role} columns are not found (${a.kind})`);
        continue;
      }
      for (const t of templateCells(model, a.sheet, a.layout, c.role)) {
        const of = t.of;
        const engine =
          of.kind === "node" ? a.template.get(of.code) : of.kind === "total" ? a.template.get(of.code) : of.kind === "question" ? a.items.get(of.question.code)?.excel : undefined;
        if (engine === undefined) continue;
        const got = loAt(lo, a.sheet.name, t.a1);
        cells++;
        if (differs(engine, got)) problems.push(`${c.name} ${t.item} ${t.a1}: engine ${JSON.stringify(engine)} LibreOffice ${JSON.stringify(got)}`);
      }
      // The review reads the same numbers: the role's regulation score is the sheet's total on well-kept answers.
      const review = (analyzeLke(lo, model) as LkeAnalysis).review!;
      expect(review.scores[c.role]!.total).toBeCloseTo(a.scores.total, 12);
      const totalRow = a.layout.rows.totals.total;
      if (c.clean && totalRow !== undefined) {
        const cell = toA1(totalRow, a.layout.columns.roles[c.role]!.score!);
        const got = loAt(lo, a.sheet.name, cell);
        if (typeof got !== "number" || Math.abs(got - review.scores[c.role]!.total) > 1e-9) problems.push(`${c.name} total ${cell}: review ${review.scores[c.role]!.total} LibreOffice ${JSON.stringify(got)}`);
        totals++;
      }
    }
    console.log(`Evaluator-column oracle: ${cases.length} workbooks, ${cells} Nilai cells of the role compared, ${totals} regulation totals, ${problems.length} differences`);
    expect(cells).toBeGreaterThan(cases.length * 100);
    expect(totals).toBeGreaterThanOrEqual(15);
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
