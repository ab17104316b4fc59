// An evaluator's columns written into a copy of an .xlsx (the CLI's `review`): only the LKE sheet's part and
// workbook.xml change; every cell the unit had reads back the same; our reader and exceljs (an independent
// parser) both see the role's header, formulas and answer lists; the evaluator's answers start empty.
import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { analyzeWorkbook } from "../../src/app/analyzeWorkbook";
import { parseA1, toA1 } from "../../src/domain/grid/address";
import type { SheetGrid } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import { planRoleColumns, roleHeaders, type EvaluatorRole } from "../../src/domain/review/roleColumnsPlan";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { readZipText, zipEntryNames } from "../../src/xlsx/patchZip";
import { addValidations, putCells } from "../../src/xlsx/sheetXmlEdit";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { generateWorkbook, type GenerateOptions } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { sharedFile } from "../support/sharedFiles";

const model = loadModel();

async function inputs(): Promise<Array<[string, Uint8Array, EvaluatorRole]>> {
  const out: Array<[string, Uint8Array, EvaluatorRole]> = [];
  const real = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
  if (real) out.push(["real example", new Uint8Array(fs.readFileSync(real)), "tpi"]);
  const variants: Array<[string, Partial<GenerateOptions>, EvaluatorRole]> = [
    ["lampiran-iii", { layout: "lampiran-iii" }, "tpi"],
    ["lampiran-iii shifted", { layout: "lampiran-iii", insertRowsAt: [4, 60, 150], extraColumns: true }, "tpn"],
    ["portalrb-jawaban", { layout: "portalrb-jawaban" }, "tpn"],
    ["kesdm", { layout: "kesdm" }, "tpn"],
  ];
  for (const [name, options, role] of variants) {
    const { bytes } = await generateWorkbook(model, { layout: "lampiran-iii", answers: randomAnswers(model, seededRandom(21), MESSY), ...options });
    out.push([name, bytes, role]);
  }
  return out;
}

/** The sheet's cells left of column `cut`: what the unit owns. */
function unitPart(sheet: SheetGrid, cut: number) {
  const rows = <T,>(m: ReadonlyArray<ReadonlyArray<T> | undefined>) =>
    Array.from(m, (r) => {
      const x = (r ?? []).slice(0, cut);
      while (x.length > 0 && (x[x.length - 1] === null || x[x.length - 1] === undefined)) x.pop();
      return x;
    });
  return { values: rows(sheet.values), formulas: rows(sheet.formulas), hyperlinks: sheet.hyperlinks, merges: sheet.merges };
}

describe("an evaluator's columns in an .xlsx copy", () => {
  it("changes only the LKE sheet's part and workbook.xml; the unit's cells read back the same; both parsers see the columns", async () => {
    for (const [name, bytes, role] of await inputs()) {
      const gateway = new XlsxGateway(bytes);
      const before = await analyzeWorkbook(gateway);
      const plan = planRoleColumns(model, before.sheet, before.layout, role)!;
      await gateway.addRoleColumns(plan);
      const after = gateway.result();

      const changed = zipEntryNames(bytes).filter((e) => readZipText(after, e) !== readZipText(bytes, e));
      expect([name, changed.length, changed.filter((e) => e !== "xl/workbook.xml")]).toEqual([name, 2, [expect.stringMatching(/^xl\/worksheets\/.+\.xml$/)]]);

      const [a, b] = [await readXlsx(bytes), await readXlsx(after)];
      for (const sheet of a.sheets) {
        const got = b.sheets.find((s) => s.name === sheet.name)!;
        if (sheet.name !== before.sheet.name) expect([name, got]).toEqual([name, sheet]);
        else expect([name, unitPart(got, plan.columns.answer)]).toEqual([name, unitPart(sheet, plan.columns.answer)]);
      }

      const reread = await analyzeWorkbook(new XlsxGateway(after));
      expect([name, reread.layout.columns.roles[role]]).toEqual([name, expect.objectContaining({ answer: plan.columns.answer, score: plan.columns.score, note: plan.columns.note })]);
      expect([name, reread.review!.answered[role]]).toEqual([name, 0]);
      expect(reread.scores.total).toBeCloseTo(before.scores.total, 12);
      const lke = b.sheets.find((s) => s.name === before.sheet.name)!;
      for (const c of plan.cells.filter((x) => x.value.startsWith("="))) {
        const { row, col } = parseA1(c.cell);
        expect(`=${lke.formulas[row]![col]}`).toBe(c.value);
      }
      expect(lke.validations.filter((v) => v.type === "list" && parseA1(v.sqref.split(/[: ]/)[0]!).col === plan.columns.answer).length).toBeGreaterThan(5);

      // exceljs, an independent parser, reads the same header and formulas.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(after) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet(before.sheet.name)!;
      const headers = roleHeaders(role);
      expect(ws.getCell(plan.cells[0]!.cell).value).toBe(headers.answer);
      const firstFormula = plan.cells.find((c) => c.value.startsWith("="))!;
      expect((ws.getCell(firstFormula.cell).value as { formula: string }).formula).toBe(firstFormula.value.slice(1));
    }
  });

  it("sets, replaces and clears an evaluator's note in the copy, as text", async () => {
    const { bytes } = await generateWorkbook(model, { layout: "kesdm", answers: randomAnswers(model, seededRandom(5), MESSY) });
    const gateway = new XlsxGateway(bytes);
    const a = await analyzeWorkbook(gateway);
    const note = a.layout.columns.roles.tpi!.note!;
    const row = a.layout.rows.questions.get("A.I.1.i.a")!;
    const cell = toA1(row, note);
    const read = async () => (await readXlsx(gateway.result())).sheets.find((s) => s.name === a.sheet.name)!;
    for (const text of ["=tidak ada SK", "Bukti lengkap", ""]) {
      await gateway.setEvaluatorNote(a.sheet.name, cell, text);
      const sheet = await read();
      expect([text, sheet.values[row]?.[note] ?? null, sheet.formulas[row]?.[note]]).toEqual([text, text === "" ? null : text, undefined]);
    }
    // Only that cell changed.
    const [before, after] = [(await readXlsx(bytes)).sheets.find((s) => s.name === a.sheet.name)!, await read()];
    expect(after.values).toEqual(before.values);
  });

  it("puts cells into their rows in column order, keeps an empty cell's style, adds missing rows, refuses a filled cell", () => {
    const xml = '<worksheet><dimension ref="A1:C3"/><sheetData><row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="E1" s="4"/><c r="G1" s="2"><v>9</v></c></row><row r="3"/></sheetData><pageMargins/></worksheet>';
    const out = putCells(xml, [
      { ref: "E1", xml: '<c r="E1"><f>A1</f></c>' },
      { ref: "D1", xml: '<c r="D1" t="inlineStr"><is><t>x</t></is></c>' },
      { ref: "D2", xml: '<c r="D2"><v>2</v></c>' },
      { ref: "D4", xml: '<c r="D4"><v>4</v></c>' },
      { ref: "D3", xml: '<c r="D3"><v>3</v></c>' },
    ]);
    expect(out).toBe(
      '<worksheet><dimension ref="A1:E4"/><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c><c s="4" r="E1"><f>A1</f></c><c r="G1" s="2"><v>9</v></c></row><row r="2"><c r="D2"><v>2</v></c></row><row r="3"><c r="D3"><v>3</v></c></row><row r="4"><c r="D4"><v>4</v></c></row></sheetData><pageMargins/></worksheet>',
    );
    expect(() => putCells(xml, [{ ref: "G1", xml: '<c r="G1"><v>1</v></c>' }])).toThrow(/not empty/);
    expect(addValidations(out, ["<dataValidation/>"])).toContain("</sheetData><dataValidations count=\"1\"><dataValidation/></dataValidations><pageMargins/>");
    expect(addValidations('<worksheet><dataValidations count="2"><a/><b/></dataValidations></worksheet>', ["<c/>"])).toBe('<worksheet><dataValidations count="3"><a/><b/><c/></dataValidations></worksheet>');
  });
});
