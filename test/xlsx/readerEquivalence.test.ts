// The fast reader (readWorkbookXml, behind readXlsx) against the exceljs reader it replaced, on the real example,
// on generated workbooks of every layout and on a workbook made to hold what the LKE never shows but a reader
// must survive: values, cached results, shared formulas, hyperlinks, validations, merges, hidden sheets, names.
// test/xlsx/snapshotDiff.ts lists what may differ (only the documented deliberate differences) — nothing else.
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadModel } from "../../src/domain/model/loadModel";
import { readWorkbookXml } from "../../src/xlsx/readWorkbookXml";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { readXlsxWithExcelJs } from "../../src/xlsx/readXlsxExcelJs";
import { generateWorkbook, type GenerateOptions, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { CLEAN, MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../support/libreoffice";
import { sharedFile } from "../support/sharedFiles";
import { dateCells, snapshotDifferences } from "./snapshotDiff";

const model = loadModel();

async function expectSameSnapshot(bytes: Uint8Array): Promise<void> {
  const excel = await readXlsxWithExcelJs(bytes);
  const fast = await readXlsx(bytes);
  expect(snapshotDifferences(excel, fast, await dateCells(bytes))).toEqual([]);
  // The pure-JavaScript inflater (the browser's path) reads the same.
  expect(readWorkbookXml(bytes, { inflate: "js" })).toEqual(fast);
}

function generated(layout: GeneratedLayout, seed: number, extra: Partial<GenerateOptions> = {}): Promise<{ bytes: Uint8Array }> {
  const rnd = seededRandom(seed);
  const codes = model.questions.map((q) => q.code);
  return generateWorkbook(model, {
    layout,
    answers: randomAnswers(model, rnd, seed % 2 ? MESSY : CLEAN),
    evaluators: layout === "lampiran-iii" ? undefined : { tpi: randomAnswers(model, rnd, MESSY) },
    unitName: `Unit & "Satker" <${seed}>`,
    insertRowsAt: seed % 2 ? [3, 40, 77] : undefined,
    extraColumns: seed % 3 === 0,
    textNoise: seed % 2 ? rnd : undefined,
    evidence: (code) => {
      const n = codes.indexOf(code);
      if (n % 5 === 4) return undefined;
      return {
        link: `https://drive.google.com/file/d/1Zu${n}e_vh46AKar/view?usp=sharing&x=<${n}>`,
        asFormula: n % 3 === 0,
        text: n % 2 ? "Notulen rapat & daftar hadir" : undefined,
      };
    },
    notes: (code) => (codes.indexOf(code) % 4 === 1 ? `Catatan "${code}"\r\nbaris kedua\t_x000D_` : undefined),
    ...extra,
  });
}

/** A workbook with the features an LKE rarely has and a reader must still get right. */
async function featureWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data & 'Nilai' (1)");
  ws.getCell("A1").value = "teks <biasa> & \"kutip\" 'apos'";
  ws.getCell("A2").value = 42;
  ws.getCell("A3").value = -0.000123456789;
  ws.getCell("A4").value = 1.5e300;
  ws.getCell("A5").value = true;
  ws.getCell("A6").value = false;
  ws.getCell("A7").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("A8").value = { richText: [{ text: "tebal ", font: { bold: true } }, { text: "miring", font: { italic: true } }] };
  ws.getCell("A9").value = "baris 1\nbaris 2\r\nbaris 3\ttab 😀 ñ";
  ws.getCell("A10").value = new Date(Date.UTC(2024, 0, 31, 13, 45, 10, 123));
  ws.getCell("A10").numFmt = "dd/mm/yyyy hh:mm:ss";
  ws.getCell("A11").value = 45321.123456789;
  ws.getCell("A11").numFmt = "yyyy-mm-dd";
  ws.getCell("A12").value = "";
  ws.getCell("A13").value = "  spasi di tepi  ";
  ws.getCell("B1").value = { formula: 'A2*2&" poin"', result: "84 poin" } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { formula: "A2>1", result: true } as ExcelJS.CellFormulaValue;
  ws.getCell("B3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  ws.getCell("B4").value = { formula: "SUM(A2:A3)" } as ExcelJS.CellFormulaValue;
  ws.getCell("B5").value = { formula: 'IF(A2<>"",A2,"-")', result: 42 } as ExcelJS.CellFormulaValue;
  // Shared formulas, down and across, with relative, absolute and mixed references and a string literal.
  for (let r = 1; r <= 12; r++) ws.getCell(r, 3).value = r;
  ws.fillFormula("D1:D12", 'IF(C1>$C$6,C1*$B2+C$1,"nilai "&C1)', (row: number) => row);
  ws.fillFormula("E1:G3", "D1+$D1+D$1+SUM(C1:C3)", (row: number, col: number) => row * col);
  // Hyperlinks: on text, on a number, and one to a place inside the workbook.
  ws.getCell("H1").value = { text: "bukti", hyperlink: "https://drive.google.com/drive/folders/abc?x=1&y=2" };
  ws.getCell("H2").value = { text: "7", hyperlink: "http://contoh.go.id/a b" };
  ws.getCell("H3").value = { text: "ke lembar", hyperlink: "#'Lembar Tersembunyi'!A1" };
  // Validations of every kind.
  ws.getCell("I1").dataValidation = { type: "list", allowBlank: true, formulae: ['"Ya,Tidak"'] };
  ws.getCell("I2").dataValidation = { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0] };
  ws.getCell("I3").dataValidation = { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 4] };
  ws.getCell("I4").dataValidation = { type: "textLength", operator: "lessThan", allowBlank: true, formulae: [100] };
  ws.getCell("I5").dataValidation = { type: "custom", allowBlank: true, formulae: ["ISNUMBER(I5)"] };
  ws.getCell("I6").dataValidation = { type: "list", allowBlank: true, formulae: ["$C$1:$C$5"] };
  for (let r = 10; r <= 14; r++) ws.getCell(r, 9).dataValidation = { type: "list", allowBlank: true, formulae: ['"A,B,C"'] };
  // Merges: across, down, a block, and one over cells that had values.
  ws.getCell("J1").value = "judul";
  ws.mergeCells("J1:M1");
  ws.getCell("J3").value = "turun";
  ws.mergeCells("J3:J6");
  ws.mergeCells("K3:M5");
  ws.getCell("P20").value = "jauh";
  wb.definedNames.add("'Data & ''Nilai'' (1)'!$C$1:$C$12", "Nilai_C");

  const hidden = wb.addWorksheet("Lembar Tersembunyi", { state: "hidden" });
  hidden.getCell("A1").value = "tersembunyi";
  const veryHidden = wb.addWorksheet("Sangat Tersembunyi", { state: "veryHidden" });
  veryHidden.getCell("B2").value = { formula: "'Data & ''Nilai'' (1)'!A2+1", result: 43 } as ExcelJS.CellFormulaValue;
  wb.addWorksheet("Kosong");
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the fast reader reads what the exceljs reader reads", () => {
  const real = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
  (real ? it : it.skip)("the real Lampiran III example (shared formulas, hyperlinks, validations, hidden sheets)", async () => {
    await expectSameSnapshot(new Uint8Array(fs.readFileSync(real!)));
  });

  it.each([
    ["lampiran-iii", 1],
    ["lampiran-iii", 2],
    ["lampiran-iii", 3],
    ["portalrb-jawaban", 4],
    ["portalrb-jawaban", 5],
    ["kesdm", 6],
    ["kesdm", 7],
  ] as const)("a generated %s workbook (seed %d)", async (layout, seed) => {
    await expectSameSnapshot((await generated(layout, seed)).bytes);
  });

  it("a workbook with every kind of value, shared formulas, links, validations, merges and sheet states", async () => {
    const bytes = await featureWorkbook();
    await expectSameSnapshot(bytes);
    const fast = await readXlsx(bytes);
    const data = fast.sheets[0]!;
    // Spot checks that the comparison is not vacuous.
    expect(fast.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Data & 'Nilai' (1)", "visible"],
      ["Lembar Tersembunyi", "hidden"],
      ["Sangat Tersembunyi", "veryHidden"],
      ["Kosong", "visible"],
    ]);
    expect(data.formulas[11]![3]).toBe('IF(C12>$C$6,C12*$B13+C$1,"nilai "&C12)');
    expect(data.formulas[2]![6]).toBe("F3+$D3+F$1+SUM(E3:E5)");
    // exceljs writes the CR raw, and XML reads a raw CR LF as LF (both readers do).
    expect(data.values[8]![0]).toBe("baris 1\nbaris 2\nbaris 3\ttab 😀 ñ");
    expect(data.hyperlinks.H1).toBe("https://drive.google.com/drive/folders/abc?x=1&y=2");
    expect(data.validations.map((v) => v.type).sort()).toEqual(["custom", "decimal", "list", "list", "textLength", "whole"].concat("list").sort());
    expect(data.merges.sort()).toEqual(["J1:M1", "J3:J6", "K3:M5"]);
    expect(data.values[9]![0]).toBeCloseTo((Date.UTC(2024, 0, 31, 13, 45, 10, 123) - Date.UTC(1899, 11, 30)) / 86_400_000, 9);
  });

  it("leaves text inside string literals alone when it moves a shared formula, where exceljs moves it too", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("LKE");
    ws.fillFormula("B1:B3", 'IF(A1="A1","lihat A1 dan $B$2",A1)', () => 0);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await readXlsx(bytes)).sheets[0]!.formulas[2]![1]).toBe('IF(A3="A1","lihat A1 dan $B$2",A3)');
    expect((await readXlsxWithExcelJs(bytes)).sheets[0]!.formulas[2]![1]).toBe('IF(A3="A3","lihat A3 dan $B$2",A3)');
  });

  const lo = hasLibreOffice();
  (lo ? it : it.skip)(
    "workbooks written by LibreOffice (another writer: its own shared formulas, string results, styles)",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-reader-"));
      try {
        const files: string[] = [];
        for (const [layout, seed] of [
          ["lampiran-iii", 11],
          ["kesdm", 12],
        ] as const) {
          const file = path.join(dir, `${layout}-${seed}.xlsx`);
          fs.writeFileSync(file, (await generated(layout, seed)).bytes);
          files.push(file);
        }
        const feature = path.join(dir, "features.xlsx");
        fs.writeFileSync(feature, await featureWorkbook());
        files.push(feature);
        for (const out of recalculate(files, path.join(dir, "lo"))) await expectSameSnapshot(new Uint8Array(fs.readFileSync(out)));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
