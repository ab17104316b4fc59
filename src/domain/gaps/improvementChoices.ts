// What a unit can still do about each Pengungkit question, and what each move costs in answer steps:
// C→B is one step, C→A two; a blank counts as one step below the worst option; a `%` item reaches 100% by
// changing one count (its numerator, to the denominator).
import type { CellValue } from "../grid/sheetGrid";
import type { LoadedModel } from "../model/loadModel";
import type { Question } from "../model/lkeModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { toNumber } from "../scoring/excelSemantics";

export interface Choice {
  /** Answer steps from the current answer; 0 is "leave as is". */
  cost: number;
  /** The question's value after the move; null leaves it unanswered (skipped by the average). */
  value: number | null;
  /** The cell content to enter (an option key, or the count for a `%` item); absent for "leave as is". */
  enter?: string | number;
  /** For `%` items, the count input that changes. */
  countKey?: string;
}

export function currentChoice(item: ItemScore | undefined): Choice {
  return { cost: 0, value: item?.status === "answered" ? item.value : null };
}

/** Every move worth considering for one question: each better option, or the `%` item at 100%. */
export function improvementChoices(
  model: LoadedModel,
  q: Question,
  item: ItemScore | undefined,
  entry: ItemEntry | undefined,
): Choice[] {
  const stay = currentChoice(item);
  if (q.percent) return [stay, ...percentChoice(q, item, entry)];
  const options = [...(q.options ?? model.answerTypes[q.type].options ?? [])].sort((a, b) => b.value - a.value);
  if (options.length === 0) return [stay];
  const currentIndex = item?.status === "answered" ? options.findIndex((o) => o.value === item.value) : options.length;
  const choices = [stay];
  for (let i = 0; i < currentIndex; i++) {
    choices.push({ cost: currentIndex - i, value: options[i]!.value, enter: options[i]!.key });
  }
  return choices;
}

function percentChoice(q: Question, item: ItemScore | undefined, entry: ItemEntry | undefined): Choice[] {
  const spec = q.percent!;
  if (spec.rule !== "ratio" || (item?.status === "answered" && item.value !== null && item.value >= 1)) return [];
  const den = spec.inputs.find((i) => i.role === "den")!;
  const num = spec.inputs.find((i) => i.role === "num")!;
  const denValue = denominator(spec.inputs, den.key, entry);
  // Only a usable, positive denominator tells how many the unit must complete; other states are findings.
  if (denValue === null || denValue <= 0) return [];
  const requiredFilled = spec.requires.every((k) => k === num.key || k === den.key || filled(entry?.counts?.[k]?.value ?? null));
  if (!requiredFilled) return [];
  return [{ cost: 1, value: 1, enter: denValue, countKey: num.key }];
}

function filled(v: CellValue): boolean {
  return v !== null && v !== "";
}

function denominator(inputs: NonNullable<Question["percent"]>["inputs"], key: string, entry: ItemEntry | undefined): number | null {
  const den = inputs.find((i) => i.key === key)!;
  const cell = entry?.counts?.[key];
  if (den.sumOfParts && (cell === undefined || cell.isFormula)) {
    const parts = inputs.filter((i) => i.role === "part").map((i) => entry?.counts?.[i.key]?.value ?? null);
    if (!parts.every(filled)) return null;
    const nums = parts.map(toNumber);
    return nums.every((n): n is number => typeof n === "number") ? nums.reduce((a, b) => a + b, 0) : null;
  }
  const v = cell?.value ?? null;
  if (!filled(v)) return null;
  const n = toNumber(v);
  return typeof n === "number" ? n : null;
}
