// Findings on what was entered: questions left blank, answers the template does not recognise, counts that
// cannot be used, survey values off the 0–4 scale. Each points at the cell to fix.
import { toA1 } from "../grid/address";
import { cellText, isExcelError, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { LoadedModel } from "../model/loadModel";
import type { Question } from "../model/lkeModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import type { Finding } from "./finding";

export function checkAnswers(
  model: LoadedModel,
  sheet: SheetGrid,
  layout: LkeLayout,
  answerCol: number,
  items: ReadonlyMap<string, ItemScore>,
  entries: ReadonlyMap<string, ItemEntry>,
): Finding[] {
  const out: Finding[] = [];
  const base = { sheet: sheet.name };
  for (const q of model.questions) {
    const item = items.get(q.code);
    if (!item || item.status === "answered") continue;
    const row = layout.rows.questions.get(q.code);
    if (q.percent) {
      out.push(...checkCounts(q, layout, answerCol, sheet, item, entries.get(q.code)));
      continue;
    }
    if (row === undefined) continue; // reported as layout.unmatched
    const cell = toA1(row, answerCol);
    const value = cellText(sheet, row, answerCol);
    if (item.status === "blank") {
      out.push({ ...base, rule: "answer.missing", severity: "error", cell, item: q.code, params: { type: model.answerTypes[q.type].label } });
    } else if (item.problem === "out-of-range") {
      out.push({ ...base, rule: "survey.out-of-range", severity: "error", cell, item: q.code, params: { value } });
    } else {
      const options = (q.options ?? model.answerTypes[q.type].options ?? []).map((o) => o.key).join(", ");
      out.push({ ...base, rule: "answer.invalid", severity: "error", cell, item: q.code, params: { value, options } });
    }
  }
  return out;
}

function checkCounts(
  q: Question,
  layout: LkeLayout,
  col: number,
  sheet: SheetGrid,
  item: ItemScore,
  entry: ItemEntry | undefined,
): Finding[] {
  const spec = q.percent!;
  const rowOf = (key: string) => layout.rows.counts.get(`${q.code}#${key}`);
  const base = { sheet: sheet.name, item: q.code };
  if (item.problem === "incomplete") {
    const missing = spec.inputs.filter((i) => {
      const row = rowOf(i.key);
      if (row === undefined) return false;
      const v = entry?.counts?.[i.key]?.value ?? null;
      return (v === null || v === "") && (spec.requires.includes(i.key) || i.role === "part");
    });
    return missing.map((i) => ({
      ...base,
      rule: "answer.missing" as const,
      severity: "error" as const,
      cell: toA1(rowOf(i.key)!, col),
      params: { type: "Jumlah", label: i.label },
    }));
  }
  if (item.problem === "zero-denominator") {
    const den = spec.inputs.find((i) => i.role === "den" || i.role === "prev")!;
    const row = rowOf(den.key);
    return [
      {
        ...base,
        rule: "count.zero-denominator",
        severity: "error",
        ...(row !== undefined ? { cell: toA1(row, col) } : {}),
        params: { label: den.label },
      },
    ];
  }
  // A count arithmetic cannot use: text such as "12 orang" or "0,5", or an error value.
  return spec.inputs.flatMap((i) => {
    const row = rowOf(i.key);
    const v = entry?.counts?.[i.key]?.value ?? null;
    if (row === undefined || v === null || typeof v === "number") return [];
    if (!isExcelError(v) && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(String(v))) return [];
    return [{ ...base, rule: "count.invalid" as const, severity: "error" as const, cell: toA1(row, col), params: { value: cellText(sheet, row, col), label: i.label } }];
  });
}
