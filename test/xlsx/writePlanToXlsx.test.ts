// Writing our sheet and names into a copy never touches what the user owns: every other part of the file is
// byte-identical, every original sheet reads back the same, and annotating twice replaces rather than adds.
import * as fs from "node:fs";
import { annotateWorkbook } from "../../src/app/annotateWorkbook";
import { REKAP_SHEET } from "../../src/domain/formulas/rekapPlan";
import { loadModel } from "../../src/domain/model/loadModel";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { readZipText, zipEntryNames } from "../../src/xlsx/patchZip";
import { XlsxGateway } from "../../src/xlsx/xlsxGateway";
import { generateWorkbook } from "../support/generator/generateWorkbook";
import { seededRandom } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { sharedFile } from "../support/sharedFiles";

const model = loadModel();
const OURS = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[content_types].xml"]);

async function annotate(bytes: Uint8Array): Promise<Uint8Array> {
  const gateway = new XlsxGateway(bytes);
  await annotateWorkbook(gateway);
  return gateway.result();
}

async function inputs(): Promise<Array<[string, Uint8Array]>> {
  const out: Array<[string, Uint8Array]> = [];
  const real = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
  if (real) out.push(["real example", new Uint8Array(fs.readFileSync(real))]);
  for (const layout of ["lampiran-iii", "portalrb-jawaban", "kesdm"] as const) {
    const { bytes } = await generateWorkbook(model, { layout, answers: randomAnswers(model, seededRandom(8), MESSY), extraColumns: true });
    out.push([layout, bytes]);
  }
  return out;
}

describe("writing the Rekap ZI plan into an .xlsx", () => {
  it("writes a PlanText as a string, never a formula", async () => {
    const { bytes } = await generateWorkbook(model, { layout: "kesdm", answers: randomAnswers(model, seededRandom(3), MESSY) });
    const gateway = new XlsxGateway(bytes);
    await gateway.applyWritePlan({ sheets: [{ name: "Catatan", rows: [[{ text: "=1+1" }, "=1+1"]], headings: [], columnWidths: [] }], names: [] });
    const sheet = (await readXlsx(gateway.result())).sheets.find((s) => s.name === "Catatan")!;
    expect(sheet.values[0]![0]).toBe("=1+1");
    expect(sheet.formulas[0]?.[0]).toBeUndefined();
    expect(sheet.formulas[0]?.[1]).toBe("1+1");
  });

  it("keeps every part it does not own byte for byte, and every original sheet identical", async () => {
    for (const [name, before] of await inputs()) {
      const copy = new Uint8Array(before);
      const after = await annotate(before);
      expect([name, Buffer.from(before).equals(Buffer.from(copy))]).toEqual([name, true]); // input untouched
      for (const entry of zipEntryNames(before)) {
        if (OURS.has(entry.toLowerCase())) continue;
        expect([name, entry, readZipText(after, entry) === readZipText(before, entry)]).toEqual([name, entry, true]);
      }
      const [a, b] = [await readXlsx(before), await readXlsx(after)];
      expect(b.sheets.map((s) => s.name)).toEqual([...a.sheets.map((s) => s.name), REKAP_SHEET]);
      for (const sheet of a.sheets) expect(b.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
      const theirNames = a.definedNames.filter((n) => !n.name.startsWith("ZI_"));
      expect(b.definedNames.filter((n) => !n.name.startsWith("ZI_")).sort((x, y) => x.name.localeCompare(y.name))).toEqual(
        theirNames.sort((x, y) => x.name.localeCompare(y.name)),
      );
    }
  });

  it("replaces its own sheet and names when run again", async () => {
    const [, bytes] = (await inputs())[0]!;
    const once = await annotate(bytes);
    const twice = await annotate(once);
    const wb = await readXlsx(twice);
    expect(wb.sheets.filter((s) => s.name === REKAP_SHEET)).toHaveLength(1);
    const names = wb.definedNames.map((n) => n.name).filter((n) => n.startsWith("ZI_"));
    expect(names.sort()).toEqual([...new Set(names)].sort());
    expect(names).toHaveLength(13);
    expect(zipEntryNames(twice).length).toBe(zipEntryNames(once).length);
  });
});
