// The value of one scored item from what the unit entered, as the official template computes it.
import { isExcelError, type CellValue, type ExcelError } from "../grid/sheetGrid";
import type { AnswerTypeSpec, CountInput, PercentSpec, Question } from "../model/lkeModel";
import {
  NOT_FILLED,
  VALUE,
  add,
  divide,
  equals,
  firstError,
  isEmptyText,
  multiply,
  subtract,
  toNumber,
} from "./excelSemantics";

/** One entered cell: its value, whether it holds a formula, and whether the sheet has the row at all. */
export interface EnteredCell {
  value: CellValue;
  isFormula?: boolean;
}

/** What the sheet holds for one item: the answer, or for `%` items the counts by input key. */
export interface ItemEntry {
  answer?: EnteredCell;
  counts?: Partial<Record<string, EnteredCell>>;
}

export type ItemStatus = "answered" | "blank" | "invalid" | "error";

export type ItemProblem =
  | "not-an-option" // text the formula does not recognise ("Ya " with a space, "X", "Ya" in an A/B/C item)
  | "zero-denominator"
  | "not-a-number" // a count or survey value that arithmetic cannot use ("12 orang", "0,5")
  | "incomplete" // a count the rule needs is empty
  | "out-of-range" // survey outside 0–4
  | "error-value"; // an error value (#REF!, …) in an entered cell

export interface ItemScore {
  status: ItemStatus;
  /** The regulation value, 0..1 (survey: index/4); null unless answered. */
  value: number | null;
  /**
   * What the template's Nilai cell holds: 0..1 or "Blm Diisi" for Pengungkit questions, value × weight for
   * Hasil items; an Excel error where the formula fails.
   */
  excel: CellValue;
  problem?: ItemProblem;
}

export function scoreItem(q: Question, type: AnswerTypeSpec, entry: ItemEntry | undefined): ItemScore {
  if (q.percent) return scorePercent(q.percent, entry?.counts ?? {});
  const answer = entry?.answer?.value ?? null;
  if (q.type === "survey") return scoreSurvey(answer, type, q.weight ?? 0);
  const options = q.options ?? type.options ?? [];
  const chosen = chooseOption(answer, options);
  const weight = q.weight; // Hasil items multiply by their own weight inside the Nilai cell
  if (isExcelError(chosen)) return { status: "error", value: null, excel: chosen, problem: "error-value" };
  if (chosen !== undefined) {
    return { status: "answered", value: chosen, excel: weight === undefined ? chosen : chosen * weight };
  }
  const blank = answer === null || answer === "";
  const excel = weight === undefined ? NOT_FILLED : multiply(NOT_FILLED, weight);
  return blank ? { status: "blank", value: null, excel } : { status: "invalid", value: null, excel, problem: "not-an-option" };
}

/** The value of the option the answer equals (case-insensitively, as the template's IF chain tests). */
function chooseOption(
  answer: CellValue,
  options: ReadonlyArray<{ key: string; value: number }>,
): number | ExcelError | undefined {
  for (const o of options) {
    const eq = equals(answer, o.key);
    if (isExcelError(eq)) return eq;
    if (eq) return o.value;
  }
  return undefined;
}

/** =IF(K="","Blm Diisi",K/4)*weight */
function scoreSurvey(answer: CellValue, type: AnswerTypeSpec, weight: number): ItemScore {
  if (isExcelError(answer)) return { status: "error", value: null, excel: answer, problem: "error-value" };
  if (answer === null || answer === "") return { status: "blank", value: null, excel: multiply(NOT_FILLED, weight) };
  const n = toNumber(answer);
  if (isExcelError(n)) return { status: "invalid", value: null, excel: n, problem: "not-a-number" };
  const excel = (n / 4) * weight;
  const range = type.range ?? { min: 0, max: 4 };
  if (n < range.min || n > range.max) return { status: "invalid", value: null, excel, problem: "out-of-range" };
  return { status: "answered", value: n / 4, excel };
}

function countValue(spec: PercentSpec, counts: ItemEntry["counts"] & object, input: CountInput): CellValue {
  const cell = counts[input.key];
  const derive = input.sumOfParts !== undefined && (cell === undefined || cell.isFormula === true);
  if (!derive) return cell?.value ?? null;
  // =IF(OR(part1="",part2="",part3=""),"Blm Diisi",part1+part2+part3)
  const parts = spec.inputs.filter((i) => i.role === "part").map((i) => counts[i.key]?.value ?? null);
  const err = firstError(...parts);
  if (err) return err;
  if (parts.some((p) => isEmptyText(p) === true)) return NOT_FILLED;
  return add(parts);
}

function scorePercent(spec: PercentSpec, counts: NonNullable<ItemEntry["counts"]>): ItemScore {
  const byRole = (role: CountInput["role"]) => spec.inputs.find((i) => i.role === role);
  const value = (key: string): CellValue => {
    const input = spec.inputs.find((i) => i.key === key);
    return input ? countValue(spec, counts, input) : null;
  };
  const required = spec.requires.map(value);
  const err = firstError(...required);
  if (err) return { status: "error", value: null, excel: err, problem: "error-value" };
  if (required.some((v) => isEmptyText(v) === true)) {
    return { status: "blank", value: null, excel: NOT_FILLED, problem: "incomplete" };
  }
  const den = byRole("den");
  if (den?.sumOfParts && value(den.key) === NOT_FILLED) {
    // The template's total of the parts says "Blm Diisi", and dividing by that text gives #VALUE!.
    return { status: "error", value: null, excel: VALUE, problem: "incomplete" };
  }
  const result = spec.rule === "ratio" ? ratio(value(byRole("num")!.key), value(den!.key)) : decline(value("prev"), value("now"));
  if (isExcelError(result)) {
    const problem: ItemProblem = result.error === "#DIV/0!" ? "zero-denominator" : "not-a-number";
    return { status: "error", value: null, excel: result, problem };
  }
  return { status: "answered", value: result, excel: result };
}

/** =IF(num/den>1,1,num/den) */
function ratio(num: CellValue, den: CellValue): number | ExcelError {
  const q = divide(num, den);
  return isExcelError(q) ? q : q > 1 ? 1 : q;
}

/** =IF(AND(prev=0,now=0),1,IF((prev-now)/prev<0,0,(prev-now)/prev)) */
function decline(prev: CellValue, now: CellValue): number | ExcelError {
  const a = equals(prev, 0);
  if (isExcelError(a)) return a;
  const b = equals(now, 0);
  if (isExcelError(b)) return b;
  if (a && b) return 1;
  const diff = subtract(prev, now);
  if (isExcelError(diff)) return diff;
  const q = divide(diff, prev);
  return isExcelError(q) ? q : q < 0 ? 0 : q;
}
