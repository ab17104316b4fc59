// Layout detection on generated workbooks of every supported layout, and on the ways units change them.
import ExcelJS from "exceljs";
import { columnLetters } from "../../../src/domain/grid/address";
import type { WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import { detectLayout, type LkeLayout } from "../../../src/domain/layout/detectLayout";
import { loadModel } from "../../../src/domain/model/loadModel";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook, type GenerateOptions, type GeneratedSheet } from "../../support/generator/generateWorkbook";
import { seededRandom } from "../../support/generator/random";
import { CLEAN, randomAnswers } from "../../support/generator/randomAnswers";

const model = loadModel();
const answers = randomAnswers(model, seededRandom(7), CLEAN);

async function detect(opts: Partial<GenerateOptions> & Pick<GenerateOptions, "layout">) {
  const { bytes, sheet } = await generateWorkbook(model, { answers, ...opts });
  const snapshot = await readXlsx(bytes);
  const layout = detectLayout(snapshot, model);
  if (!("rows" in layout)) throw new Error(`not detected: ${layout.kind}`);
  return { layout, sheet, snapshot };
}

/** Every row the detector found equals the row the generator wrote. */
function expectRowsAsGenerated(layout: LkeLayout, sheet: GeneratedSheet) {
  const wrong: string[] = [];
  for (const [code, row] of layout.rows.questions) if (sheet.rows.get(code) !== row + 1) wrong.push(code);
  for (const [key, row] of layout.rows.counts) if (sheet.rows.get(key) !== row + 1) wrong.push(key);
  for (const [code, row] of layout.rows.nodes) if (sheet.rows.get(code) !== row + 1) wrong.push(code);
  expect(wrong).toEqual([]);
}

describe("detecting the LKE layout", () => {
  it("reads the Lampiran III layout by its labels", async () => {
    const { layout, sheet } = await detect({ layout: "lampiran-iii" });
    expect(layout.kind).toBe("lampiran-iii");
    expect(layout.unmatched).toEqual([]);
    expect(layout.rows.questions.size).toBe(113);
    expect(layout.rows.counts.size).toBe(24);
    expect(layout.rows.totals).toEqual({ pengungkit: sheet.rows.get("total:pengungkit")! - 1, hasil: sheet.rows.get("total:hasil")! - 1, total: sheet.rows.get("total:total")! - 1 });
    const unit = layout.columns.roles.unit!;
    expect([unit.answer, unit.score, unit.note].map((c) => columnLetters(c!))).toEqual(["K", "L", "O"]);
    expectRowsAsGenerated(layout, sheet);
  });

  it("reads the national Jawaban layout at the rows of the master list's cell map", async () => {
    const { layout, sheet } = await detect({ layout: "portalrb-jawaban" });
    expect(layout.kind).toBe("portalrb-jawaban");
    expect(layout.unmatched).toEqual([]);
    const roles = layout.columns.roles;
    expect([roles.unit!.answer, roles.unit!.note, roles.tpi!.answer].map((c) => columnLetters(c!))).toEqual(["K", "L", "N"]);
    for (const q of model.questions) {
      if (q.refs.portalrbRow) expect([q.code, layout.rows.questions.get(q.code)! + 1]).toEqual([q.code, q.refs.portalrbRow]);
      for (const i of q.percent?.inputs ?? []) {
        if (i.portalrbRow) expect(layout.rows.counts.get(`${q.code}#${i.key}`)! + 1).toBe(i.portalrbRow);
      }
    }
    expectRowsAsGenerated(layout, sheet);
  });

  it("reads the variant with unit answer in K, evidence in M and N, TPI in O and a second evaluator in S", async () => {
    const { layout, sheet } = await detect({ layout: "kesdm" });
    expect(layout.kind).toBe("kesdm");
    const { unit, tpi } = layout.columns.roles;
    expect([unit!.answer, unit!.evidenceText, unit!.evidence, tpi!.answer].map((c) => columnLetters(c!))).toEqual(["K", "M", "N", "O"]);
    expect(layout.columns.extra.map((e) => columnLetters(e.answer))).toEqual(["S"]);
    expectRowsAsGenerated(layout, sheet);
  });

  it.each(["lampiran-iii", "portalrb-jawaban", "kesdm"] as const)(
    "%s: survives inserted rows, inserted and moved columns, a renamed sheet, retyped texts and '-' numbering",
    async (kind) => {
      const { layout, sheet } = await detect({
        layout: kind,
        insertRowsAt: [3, 30, 31, 77, 140, 200],
        extraColumns: true,
        moveToEnd: ["note:unit"],
        sheetName: "Isian LKE 2026",
        textNoise: seededRandom(99),
      });
      expect(layout.sheet).toBe("Isian LKE 2026");
      expect(layout.unmatched).toEqual([]);
      expectRowsAsGenerated(layout, sheet);
      const unit = layout.columns.roles.unit!;
      expect([unit.answer, unit.note].map((c) => columnLetters(c!))).toEqual([sheet.columns.get("answer:unit"), sheet.columns.get("note:unit")]);
    },
  );

  it("reports items a sheet does not have instead of dropping them, and still places the rest", async () => {
    const omit = new Set(["A.I.2.i.a", "A.I.6.ii.b", "A.II.1.i.b"]);
    const { layout, sheet } = await detect({ layout: "lampiran-iii", omitItems: omit });
    expect(layout.unmatched.map((u) => u.code).sort()).toEqual([...omit].sort());
    expect(layout.rows.questions.size).toBe(113 - 3);
    expectRowsAsGenerated(layout, sheet);
  });

  it("picks the LKE over a recap sheet that also has a Jawaban column, whatever the sheet order", async () => {
    const { bytes } = await generateWorkbook(model, { layout: "lampiran-iii", answers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const decoy = wb.addWorksheet("Rekap", { state: "visible" });
    decoy.addRow(["No", "Penilaian", "Bobot", "Penjelasan", "Pilihan Jawaban", "Jawaban", "Nilai", "Catatan", "Tautan"]);
    decoy.addRow([1, "Unit kerja telah membentuk tim", 1, "", "Ya/Tidak", "Ya", 1, "", ""]);
    const snapshot: WorkbookSnapshot = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    snapshot.sheets.reverse();
    const layout = detectLayout(snapshot, model);
    expect("rows" in layout && layout.sheet).toBe("LKE ZI");
  });

  it("says there is no LKE in a workbook without one", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Data").addRow(["Nama", "Jawaban", "Pilihan Jawaban"]);
    const snapshot = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(detectLayout(snapshot, model)).toEqual({ kind: "too-few-items", sheet: "Data", matched: 0 });
    wb.getWorksheet("Data")!.getRow(1).values = ["Nama", "Alamat"];
    expect(detectLayout(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())), model)).toEqual({ kind: "no-lke-sheet" });
  });
});
