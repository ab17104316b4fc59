// Makes examples/lke-zi-contoh-unit.xlsx: a filled LKE in the Lampiran III layout for a fictitious unit,
// with the official formulas. Where LibreOffice is installed its results are saved in the file too, as Excel
// would have saved them. Run: npm run example
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadModel } from "../src/domain/model/loadModel";
import { generateWorkbook } from "../test/support/generator/generateWorkbook";
import { seededRandom } from "../test/support/generator/random";
import { CLEAN, randomAnswers } from "../test/support/generator/randomAnswers";
import { hasLibreOffice, recalculate } from "../test/support/libreoffice";

const OUT = path.resolve(__dirname, "../examples/lke-zi-contoh-unit.xlsx");

async function main(): Promise<void> {
  const model = loadModel();
  const answers = randomAnswers(model, seededRandom(2026), CLEAN);
  // What a real unit's sheet looks like half-way: a few gaps and slips for the report to point at.
  answers.set("A.I.3.ii.c", null);
  answers.set("A.I.5.v.d", "b ");
  answers.set("A.II.4.ii.-", "B");
  answers.set("B.I.a", 3.42);
  answers.set("B.I.b", "B");
  answers.set("B.II.a", 3.38);
  answers.set("A.II.5.ii.-#den", 14);
  answers.set("A.II.5.ii.-#aux", 3);
  answers.set("A.II.5.ii.-#num", 11);
  const evidenceFor = (code: string) =>
    code === "A.I.4.ii.c"
      ? { text: "IKU unit", link: "C:\\Users\\admin\\Documents\\IKU.pdf" }
      : { text: `Dokumen ${code}`, link: `https://drive.google.com/file/d/contoh-${code.replace(/[^A-Za-z0-9]/g, "")}/view` };
  const { bytes } = await generateWorkbook(model, {
    layout: "lampiran-iii",
    answers,
    unitName: "Puskesmas Sukamaju, Kabupaten Contoh",
    evidence: (code) => (code === "A.I.1.iii.b" ? undefined : evidenceFor(code)),
    notes: (code) => (code.startsWith("A.I.1") ? "Sudah dilaksanakan sesuai rencana kerja tim ZI." : undefined),
  });
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  if (!hasLibreOffice()) {
    fs.writeFileSync(OUT, bytes);
    process.stdout.write(`wrote ${OUT} (without cached results: LibreOffice not installed)\n`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-example-"));
  const raw = path.join(dir, path.basename(OUT));
  fs.writeFileSync(raw, bytes);
  const [recalculated] = recalculate([raw], path.join(dir, "out"));
  fs.copyFileSync(recalculated!, OUT);
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`wrote ${OUT} (results calculated by LibreOffice)\n`);
}

void main();
