// 1,000 mutated workbooks (junk of every type, error values, merged cells, deleted rows, 30,000-character strings,
// numbers as text with a decimal comma, dates, broken formulas and validations): the core always gives a report
// or says there is no LKE, and never throws.
import { toReportJson } from "../../src/app/reportJson";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { columnLetters } from "../../src/domain/grid/address";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke } from "../../src/domain/report/analyzeLke";
import { formatReport } from "../../src/cli/formatReport";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { generateWorkbook } from "../support/generator/generateWorkbook";
import { seededRandom, type Random } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";

const model = loadModel();
const RUNS = 1000;

const JUNK: CellValue[] = [
  "x".repeat(30_000),
  "0,5",
  " 12 ",
  "12 orang",
  "Ya ",
  "",
  -7,
  1e308,
  -0,
  0.1 + 0.2,
  45_000.5, // a date serial
  true,
  false,
  { error: "#REF!" },
  { error: "#DIV/0!" },
  { error: "#N/A" },
  { error: "#NAME?" },
  "=SUM(",
  "Blm Diisi",
  "-",
  "A/B/C",
  "ＡＢＣ",
  "\u0000\u200b",
];
const BAD_FORMULAS = ["SUM(", "XLOOKUP(1,A1:A3,B1:B3)", "1/0", "A1:B2", "IF(", '"unterminated', "#REF!+1", "Sheet9!A1*2", "((((1))))", "1+*2"];

function mutate(base: WorkbookSnapshot, rnd: Random): WorkbookSnapshot {
  const wb = structuredClone(base);
  const sheet: SheetGrid = wb.sheets[0]!;
  const rows = sheet.values.length;
  const times = rnd.int(1, 25);
  for (let i = 0; i < times; i++) {
    const r = rnd.int(0, rows + 5);
    const c = rnd.int(0, 20);
    switch (rnd.int(0, 8)) {
      case 0:
      case 1:
        (sheet.values[r] ??= [])[c] = rnd.pick(JUNK);
        break;
      case 2:
        (sheet.formulas[r] ??= [])[c] = rnd.pick(BAD_FORMULAS);
        break;
      case 3:
        sheet.values.splice(r, rnd.int(1, 30));
        sheet.formulas.splice(r, rnd.int(1, 30));
        break;
      case 4:
        sheet.values.splice(r, 0, ...Array.from({ length: rnd.int(1, 5) }, () => [rnd.pick(JUNK)]));
        break;
      case 5:
        sheet.merges.push(rnd.pick([`A${r + 1}:${columnLetters(c)}${r + 3}`, "B2:G2", "garbage", "", "A1:XFD1048576"]));
        break;
      case 6:
        sheet.validations.push({ sqref: rnd.pick(["K8:K300", "", "nonsense", "A1:XFD1048576", `${columnLetters(c)}${r + 1}`]), type: "list", formulae: [rnd.pick(['"Ya,Tidak"', "", "=$A$1:$A$3"])] });
        break;
      case 7:
        sheet.hyperlinks[`${columnLetters(c)}${r + 1}`] = rnd.pick(["javascript:alert(1)", "", "\\\\srv\\x", "https://", "x".repeat(5000)]);
        break;
      default:
        (sheet.values[r] ??= [])[c] = null;
    }
  }
  if (rnd.chance(0.1)) wb.sheets.push({ ...sheet, name: "Salinan", visibility: "hidden" });
  if (rnd.chance(0.05)) wb.sheets = [];
  return wb;
}

describe("robustness of the core against mutated workbooks", () => {
  it(`gives a report or a clear 'no LKE' for ${RUNS} mutated workbooks and never throws`, async () => {
    const bases: WorkbookSnapshot[] = [];
    for (const layout of ["lampiran-iii", "portalrb-jawaban", "kesdm"] as const) {
      const { bytes } = await generateWorkbook(model, { layout, answers: randomAnswers(model, seededRandom(3), MESSY) });
      bases.push(await readXlsx(bytes));
    }
    let reports = 0;
    const failures: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const rnd = seededRandom(70_000 + i);
      const wb = mutate(bases[i % bases.length]!, rnd);
      try {
        const a = analyzeLke(wb, model, { role: i % 7 === 0 ? "tpi" : "unit" });
        if ("scores" in a) {
          const json = toReportJson(a, `mutant-${i}.xlsx`);
          expect(Number.isFinite(json.scores.total) || Number.isNaN(json.scores.total)).toBe(true);
          formatReport(json);
          reports++;
        } else expect(["no-lke-sheet", "too-few-items", "role-not-in-sheet"]).toContain(a.kind);
      } catch (e) {
        failures.push(`mutant ${i}: ${e instanceof Error ? e.stack?.split("\n").slice(0, 3).join(" | ") : String(e)}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(reports).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
