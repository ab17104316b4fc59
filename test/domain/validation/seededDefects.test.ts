// The seeded-defect corpus: at least 30 defects of every rule planted in otherwise clean workbooks of each
// supported layout. Every planted defect must be found at its cell (recall 100%), and the clean workbooks must
// raise no error-level finding.
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook, type GeneratedLayout } from "../../support/generator/generateWorkbook";
import { driveLink, withDefects, type DefectKind } from "../../support/generator/plantDefects";
import { seededRandom } from "../../support/generator/random";
import { consistentAnswers } from "../../support/generator/randomAnswers";

const model = loadModel();
const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
const RULES: DefectKind[] = [
  "answer.missing",
  "answer.invalid",
  "answer.type-changed",
  "count.invalid",
  "count.inconsistent",
  "count.zero-denominator",
  "survey.out-of-range",
  "formula.overwritten",
  "formula.deviation",
  "weight.changed",
  "cache.mismatch",
  "layout.unmatched",
  "evidence.missing",
  "evidence.not-url",
  "evidence.unsafe",
  "evidence.duplicate",
  "evidence.malformed",
];
/** Defects per workbook, and workbooks per rule and layout; at least 30 defects of each rule in each layout. */
const PER_RULE: Partial<Record<DefectKind, [number, number]>> = {
  "survey.out-of-range": [2, 15],
  "count.zero-denominator": [3, 10],
  "count.inconsistent": [3, 10],
  "count.invalid": [5, 6],
  "evidence.duplicate": [3, 10],
};

const bases = new Map<string, ReturnType<typeof generateWorkbook>>();

/** Clean workbooks, a few per layout, shared by the rules (each plants on its own copy). */
function clean(layout: GeneratedLayout, seed: number) {
  const key = `${layout}:${seed % 4}`;
  if (!bases.has(key)) bases.set(key, cleanWorkbook(layout, seed % 4));
  return bases.get(key)!;
}

async function cleanWorkbook(layout: GeneratedLayout, seed: number) {
  const rnd = seededRandom(seed + 1);
  const answers = consistentAnswers(model, rnd);
  return generateWorkbook(model, {
    layout,
    answers,
    evaluators: { tpi: consistentAnswers(model, rnd), tpi2: consistentAnswers(model, rnd) },
    evidence: (code) => ({ text: `Dokumen bukti ${code}`, link: driveLink(code) }),
  });
}

function analyse(snapshot: Awaited<ReturnType<typeof readXlsx>>): LkeAnalysis {
  const a = analyzeLke(snapshot, model);
  if (!("scores" in a)) throw new Error(a.kind);
  return a;
}

describe.each(LAYOUTS)("seeded defects in the %s layout", (layout) => {
  it("a clean workbook raises no error-level finding", async () => {
    for (const seed of [0, 1, 2, 3]) {
      const { bytes } = await clean(layout, seed);
      const a = analyse(await readXlsx(bytes));
      expect(a.findings.filter((f) => f.severity === "error").map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    }
  });

  it.each(RULES)("finds every planted %s at its cell", async (rule) => {
    const [perBook, books] = PER_RULE[rule] ?? [6, 5];
    let planted = 0;
    const missed: string[] = [];
    for (let b = 0; b < books; b++) {
      const seed = 10_000 + RULES.indexOf(rule) * 100 + b;
      const base = await clean(layout, seed);
      const { bytes, defects } = await withDefects(base.bytes, base.sheet, model, rule, perBook, seededRandom(seed));
      const a = analyse(await readXlsx(bytes));
      for (const d of defects) {
        planted++;
        const found = a.findings.some((f) => f.rule === d.rule && f.item === d.item && (d.cell === undefined || f.cell === d.cell));
        if (!found) missed.push(`${d.rule} ${d.cell ?? ""} ${d.item} (found: ${a.findings.filter((f) => f.item === d.item).map((f) => `${f.rule}@${f.cell}`).join(", ")})`);
      }
    }
    expect(missed).toEqual([]);
    expect(planted).toBeGreaterThanOrEqual(30);
  });
});
