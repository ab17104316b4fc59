// Answers for generated workbooks: valid choices mixed with what real units type (blanks, lowercase,
// trailing spaces, wrong letters, counts with zeros, "12 orang", "0,5", surveys on a 0–100 scale).
import type { CellValue } from "../../../src/domain/grid/sheetGrid";
import type { LoadedModel } from "../../../src/domain/model/loadModel";
import type { Question } from "../../../src/domain/model/lkeModel";
import type { Random } from "./random";

/** Entered values by question code, and by "code#inputKey" for the counts of `%` items. */
export type AnswerSet = Map<string, CellValue>;

export interface AnswerProfile {
  blank: number;
  lowercase: number;
  trailingSpace: number;
  wrongOption: number;
  zeroCount: number;
  textCount: number;
  surveyOffScale: number;
}

export const MESSY: AnswerProfile = {
  blank: 0.08,
  lowercase: 0.05,
  trailingSpace: 0.03,
  wrongOption: 0.03,
  zeroCount: 0.15,
  textCount: 0.03,
  surveyOffScale: 0.04,
};

export const CLEAN: AnswerProfile = {
  blank: 0,
  lowercase: 0,
  trailingSpace: 0,
  wrongOption: 0,
  zeroCount: 0.05,
  textCount: 0,
  surveyOffScale: 0,
};

function optionAnswer(q: Question, model: LoadedModel, rnd: Random, p: AnswerProfile): CellValue {
  const keys = (q.options ?? model.answerTypes[q.type].options ?? []).map((o) => o.key);
  if (rnd.chance(p.blank)) return null;
  if (rnd.chance(p.wrongOption)) return rnd.pick(["X", "Ya", "F", "-", "B/C", "1", "Sudah"]).toString();
  // Units answer well more often than not: bias towards the first options.
  const key = keys[Math.min(keys.length - 1, Math.floor(rnd.next() ** 1.6 * keys.length))]!;
  if (rnd.chance(p.lowercase)) return key.toLowerCase();
  if (rnd.chance(p.trailingSpace)) return `${key} `;
  return key;
}

function countAnswer(rnd: Random, p: AnswerProfile, max: number): CellValue {
  if (rnd.chance(p.blank / 2)) return null;
  if (rnd.chance(p.textCount)) return rnd.pick(["12 orang", "0,5", "tidak ada", "7"]);
  if (rnd.chance(p.zeroCount)) return 0;
  return rnd.int(1, max);
}

export function randomAnswers(model: LoadedModel, rnd: Random, p: AnswerProfile = MESSY): AnswerSet {
  const out: AnswerSet = new Map();
  for (const q of model.questions) {
    if (q.percent) {
      const max = rnd.int(3, 40);
      for (const input of q.percent.inputs) {
        if (input.sumOfParts === "computed") continue; // a formula in the template
        out.set(`${q.code}#${input.key}`, countAnswer(rnd, p, max));
      }
      const den = q.percent.inputs.find((i) => i.sumOfParts === "typed");
      if (den && rnd.chance(0.7)) {
        // Usually the unit types the sum of the parts; sometimes it does not add up (as in real files).
        const parts = q.percent.inputs.filter((i) => i.role === "part").map((i) => out.get(`${q.code}#${i.key}`));
        if (parts.every((v) => typeof v === "number")) out.set(`${q.code}#${den.key}`, (parts as number[]).reduce((a, b) => a + b, 0));
      }
      continue;
    }
    if (q.type === "survey") {
      if (rnd.chance(p.blank)) out.set(q.code, null);
      else if (rnd.chance(p.surveyOffScale)) out.set(q.code, rnd.int(6000, 9900) / 100);
      else out.set(q.code, rnd.int(250, 400) / 100);
      continue;
    }
    out.set(q.code, optionAnswer(q, model, rnd, p));
  }
  return out;
}

/** A well-kept LKE: valid options only, counts that agree with each other (done ≤ due, parts = total). */
export function consistentAnswers(model: LoadedModel, rnd: Random): AnswerSet {
  const out: AnswerSet = new Map();
  for (const q of model.questions) {
    if (q.percent) {
      const parts = q.percent.inputs.filter((i) => i.role === "part").map(() => rnd.int(1, 8));
      const due = parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : rnd.int(1, 20);
      const done = rnd.int(0, due);
      const prev = rnd.int(1, 15);
      let part = 0;
      for (const i of q.percent.inputs) {
        if (i.sumOfParts === "computed") continue;
        const v = { den: due, num: done, part: parts[part] ?? 0, prev, now: rnd.int(0, prev), aux: rnd.int(0, due - done) }[i.role];
        if (i.role === "part") part++;
        out.set(`${q.code}#${i.key}`, v);
      }
      continue;
    }
    if (q.type === "survey") {
      out.set(q.code, rnd.int(250, 400) / 100);
      continue;
    }
    const keys = (q.options ?? model.answerTypes[q.type].options ?? []).map((o) => o.key);
    out.set(q.code, rnd.pick(keys));
  }
  return out;
}
