// Findings on the Jumlah rows of `%` items: counts that are not whole non-negative numbers, blanks the rule
// needs, zero denominators, and counts that contradict each other (done > due, parts ≠ total, in process + done > due).
import { toA1 } from "../grid/address";
import { cellText, isExcelError, type CellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { CountInput, Question } from "../model/lkeModel";
import { toNumber } from "../scoring/excelSemantics";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import type { Finding } from "./finding";

function asCount(v: CellValue): number | undefined {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return undefined;
  return v;
}

export function checkCounts(
  q: Question,
  layout: LkeLayout,
  col: number,
  sheet: SheetGrid,
  item: ItemScore,
  entry: ItemEntry | undefined,
): Finding[] {
  const spec = q.percent!;
  const out: Finding[] = [];
  const base = { sheet: sheet.name, item: q.code };
  const rowOf = (key: string) => layout.rows.counts.get(`${q.code}#${key}`);
  const cellOf = (key: string) => {
    const row = rowOf(key);
    return row === undefined ? undefined : toA1(row, col);
  };
  const value = (key: string): CellValue => entry?.counts?.[key]?.value ?? null;
  const computed = (i: CountInput) => i.sumOfParts !== undefined && (entry?.counts?.[i.key] === undefined || entry.counts[i.key]!.isFormula);

  // Each count on its own.
  const counts = new Map<string, number>();
  for (const i of spec.inputs) {
    const row = rowOf(i.key);
    if (row === undefined || computed(i)) continue;
    const v = value(i.key);
    if (v === null || v === "") {
      if (spec.requires.includes(i.key) || i.role === "part") {
        out.push({ ...base, rule: "answer.missing", severity: "error", cell: toA1(row, col), params: { type: "Jumlah", label: i.label } });
      }
      continue;
    }
    const n = asCount(v);
    if (n !== undefined) {
      counts.set(i.key, n);
      continue;
    }
    const numeric = !isExcelError(v) && typeof toNumber(v) === "number";
    out.push({
      ...base,
      rule: "count.invalid",
      severity: "error",
      cell: toA1(row, col),
      params: { value: cellText(sheet, row, col), label: i.label, ...(numeric && typeof v === "string" ? { asText: "yes" } : {}) },
    });
  }

  if (item.problem === "zero-denominator") {
    const den = spec.inputs.find((i) => i.role === "den" || i.role === "prev")!;
    const cell = cellOf(den.key);
    out.push({
      ...base,
      rule: "count.zero-denominator",
      severity: "error",
      ...(cell ? { cell } : {}),
      params: { label: den.label, ...(spec.rule === "decline" ? { decline: "yes" } : {}) },
    });
  }

  // Counts against each other, where all involved are valid.
  const get = (role: CountInput["role"]) => {
    const i = spec.inputs.find((x) => x.role === role);
    return i ? { input: i, n: counts.get(i.key) } : undefined;
  };
  const den = get("den");
  const num = get("num");
  const aux = get("aux");
  const parts = spec.inputs.filter((i) => i.role === "part");
  if (den && parts.length > 0 && !computed(den.input) && den.n !== undefined && parts.every((p) => counts.has(p.key))) {
    const total = parts.reduce((s, p) => s + counts.get(p.key)!, 0);
    if (total !== den.n) {
      out.push({
        ...base,
        rule: "count.inconsistent",
        severity: "error",
        cell: cellOf(den.input.key)!,
        params: { kind: "parts", total: den.n, parts: parts.map((p) => counts.get(p.key)!).join(" + "), sum: total, label: den.input.label },
      });
    }
  }
  const denValue = den ? (computed(den.input) ? sumOf(parts, counts) : den.n) : undefined;
  if (num?.n !== undefined && denValue !== undefined && num.n > denValue) {
    out.push({ ...base, rule: "count.inconsistent", severity: "error", cell: cellOf(num.input.key)!, params: { kind: "done-over-due", done: num.n, due: denValue, label: num.input.label } });
  }
  if (aux?.n !== undefined && num?.n !== undefined && denValue !== undefined && aux.n + num.n > denValue) {
    out.push({ ...base, rule: "count.inconsistent", severity: "warning", cell: cellOf(aux.input.key)!, params: { kind: "process-plus-done", process: aux.n, done: num.n, due: denValue, label: aux.input.label } });
  }
  return out;
}

function sumOf(parts: CountInput[], counts: Map<string, number>): number | undefined {
  if (!parts.every((p) => counts.has(p.key))) return undefined;
  return parts.reduce((s, p) => s + counts.get(p.key)!, 0);
}
