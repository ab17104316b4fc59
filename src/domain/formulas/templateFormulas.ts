// The official LKE template's formulas, as text (without the leading "="), for any cell addresses.
// The scoring engine implements exactly these (src/domain/scoring); LibreOffice recalculating them is the proof.
import type { PercentSpec } from "../model/lkeModel";

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

const questionFormulas = new Map<string, string>();

/** Nilai of a question row: the template's IF chain over its Pilihan Jawaban (J) and Jawaban (K) cells. */
export function questionScoreFormula(typeCell: string, answerCell: string): string {
  const key = `${typeCell}|${answerCell}`;
  let f = questionFormulas.get(key);
  if (f === undefined) {
    // Audits compare hundreds of these per workbook; the text depends on two addresses only.
    if (questionFormulas.size > 50_000) questionFormulas.clear();
    f = buildQuestionScoreFormula(typeCell, answerCell);
    questionFormulas.set(key, f);
  }
  return f;
}

function buildQuestionScoreFormula(typeCell: string, answerCell: string): string {
  const K = answerCell;
  const chain = (options: Array<[string, number]>) =>
    options.reduceRight<string>((rest, [key, value]) => `IF(${K}=${q(key)},${value},${rest})`, q("Blm Diisi"));
  const byType: Array<[string, string]> = [
    ["Ya/Tidak", chain([["Ya", 1], ["Tidak", 0]])],
    ["A/B/C", chain([["A", 1], ["B", 0.5], ["C", 0]])],
    ["A/B/C/D", chain([["A", 1], ["B", 0.67], ["C", 0.33], ["D", 0]])],
    ["A/B/C/D/E", chain([["A", 1], ["B", 0.75], ["C", 0.5], ["D", 0.25], ["E", 0]])],
    ["%", `IF(${K}="","Blm Diisi",${K})`],
    ["Jumlah", `IF(${K}="","Blm Diisi","")`],
    ["Rupiah", `IF(${K}="","Blm Diisi","")`],
  ];
  return byType.reduceRight<string>(
    (rest, [label, value]) => `IF(${typeCell}=${q(label)},${value},${rest})`,
    `IF(${typeCell}="","","-")`,
  );
}

/** Nilai of a Hasil item answered with a letter (Capaian Kinerja): the IF chain × its weight. */
export function hasilOptionScoreFormula(typeCell: string, answerCell: string, weightCell: string): string {
  return `${questionScoreFormula(typeCell, answerCell)}*${weightCell}`;
}

/** Nilai of a survey item (IPAK, IPKP) on the 0–4 scale. */
export function surveyScoreFormula(answerCell: string, weightCell: string): string {
  return `IF(${answerCell}="","Blm Diisi",${answerCell}/4)*${weightCell}`;
}

/** The denominator that is the sum of its parts (LHKPN "Jumlah yang harus melaporkan"). */
export function sumOfPartsFormula(partCells: string[]): string {
  return `IF(OR(${partCells.map((c) => `${c}=""`).join(",")}),"Blm Diisi",${partCells.join("+")})`;
}

/**
 * The `%` value of a question from its counts. `cellOf(key)` gives each input's cell; a denominator made of
 * parts with no cell of its own is computed inline, as the template's total row would.
 */
export function percentFormula(spec: PercentSpec, cellOf: (key: string) => string | undefined): string {
  const ref = (key: string): string => {
    const cell = cellOf(key);
    if (cell) return cell;
    const input = spec.inputs.find((i) => i.key === key);
    if (input?.sumOfParts) {
      const parts = spec.inputs.filter((i) => i.role === "part").map((i) => cellOf(i.key) ?? '""');
      return `(${sumOfPartsFormula(parts)})`;
    }
    return '""';
  };
  const required = `OR(${spec.requires.map((k) => `${ref(k)}=""`).join(",")})`;
  if (spec.rule === "decline") {
    const prev = ref("prev");
    const now = ref("now");
    const ratio = `(${prev}-${now})/${prev}`;
    return `IF(${required},"Blm Diisi",IF(AND(${prev}=0,${now}=0),1,IF(${ratio}<0,0,${ratio})))`;
  }
  const num = ref(spec.inputs.find((i) => i.role === "num")!.key);
  const den = ref(spec.inputs.find((i) => i.role === "den")!.key);
  return `IF(${required},"Blm Diisi",IF(${num}/${den}>1,1,${num}/${den}))`;
}

/** Nilai of an indicator: the average of the Nilai cells of its rows × its weight. */
export function indicatorScoreFormula(firstCell: string, lastCell: string, weightCell: string): string {
  return `AVERAGE(${firstCell}:${lastCell})*${weightCell}`;
}

export function sumFormula(cells: string[]): string {
  return `SUM(${cells.join(",")})`;
}
