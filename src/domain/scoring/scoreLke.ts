// Scores of a whole LKE from its item values: indicators average their answered questions × weight, everything
// above is a sum (Reform 5.iii = LHKPN + LHKASN), Pengungkit + Hasil = total.
import { isExcelError, type CellValue, type ExcelError } from "../grid/sheetGrid";
import type { LoadedModel } from "../model/loadModel";
import type { ModelNode } from "../model/lkeModel";
import { average, multiply, sum } from "./excelSemantics";
import { scoreItem, type ItemEntry, type ItemScore } from "./scoreItem";

export interface IndicatorScore {
  code: string;
  name: string;
  score: number;
  max: number;
  answered: number;
  questions: number;
}

export interface AreaScore {
  no: number;
  name: string;
  pemenuhan: number;
  reform: number;
  total: number;
  max: number;
}

export interface LkeScores {
  total: number;
  pengungkit: number;
  pemenuhan: number;
  reform: number;
  hasil: number;
  bersihAkuntabel: number;
  ipak: number;
  capaianKinerja: number;
  pelayananPrima: number;
  ipkp: number;
  areas: AreaScore[];
  indicators: IndicatorScore[];
}

/** regulation: unanswered questions are skipped, as AVERAGE skips "Blm Diisi"; strict: they count as 0. */
export type ScoringMode = "regulation" | "strict";

export function scoreItems(model: LoadedModel, entries: ReadonlyMap<string, ItemEntry>): Map<string, ItemScore> {
  const out = new Map<string, ItemScore>();
  for (const q of model.questions) out.set(q.code, scoreItem(q, model.answerTypes[q.type], entries.get(q.code)));
  return out;
}

const HASIL_CODES = { ipak: "B.I.a", capaianKinerja: "B.I.b", ipkp: "B.II.a" } as const;

/** An indicator (or sub-indicator) that averages its own questions: average × weight, 0 when none counts. */
export function scoreLeaf(n: ModelNode, items: ReadonlyMap<string, ItemScore>, mode: ScoringMode): number {
  let sum = 0;
  let count = 0;
  for (const q of n.questions) {
    const v = items.get(q.code)?.value ?? (mode === "strict" ? 0 : null);
    if (v === null) continue;
    sum += v;
    count++;
  }
  return count === 0 ? 0 : (sum / count) * n.weight;
}

export function scoreLke(model: LoadedModel, items: ReadonlyMap<string, ItemScore>, mode: ScoringMode): LkeScores {
  const scoreOf = new Map<string, number>();
  const visit = (n: ModelNode): number => {
    let score: number;
    if (n.kind === "indikator" || n.kind === "subIndikator") {
      score = n.children.length > 0 ? n.children.map(visit).reduce((a, b) => a + b, 0) : scoreLeaf(n, items, mode);
    } else if (n.questions.length > 0) {
      // Hasil sub-komponen: each item scores value × its own weight.
      score = n.questions.reduce((s, q) => s + (items.get(q.code)?.value ?? 0) * (q.weight ?? 0), 0);
      n.children.forEach(visit);
    } else {
      score = n.children.map(visit).reduce((a, b) => a + b, 0);
    }
    scoreOf.set(n.code, score);
    return score;
  };
  model.roots.forEach(visit);
  const indicators: IndicatorScore[] = model.scoredNodes.map((n) => ({
    code: n.code,
    name: n.name,
    score: scoreOf.get(n.code) ?? 0,
    max: n.weight,
    answered: n.questions.filter((q) => items.get(q.code)?.status === "answered").length,
    questions: n.questions.length,
  }));
  const s = (code: string) => scoreOf.get(code) ?? 0;
  const hasilItem = (code: string) => {
    const q = model.questionByCode.get(code);
    return (items.get(code)?.value ?? 0) * (q?.weight ?? 0);
  };
  return {
    total: s("A") + s("B"),
    pengungkit: s("A"),
    pemenuhan: s("A.I"),
    reform: s("A.II"),
    hasil: s("B"),
    bersihAkuntabel: s("B.I"),
    ipak: hasilItem(HASIL_CODES.ipak),
    capaianKinerja: hasilItem(HASIL_CODES.capaianKinerja),
    pelayananPrima: s("B.II"),
    ipkp: hasilItem(HASIL_CODES.ipkp),
    areas: model.areas.map((a) => {
      const p = s(a.pemenuhan.code);
      const r = s(a.reform.code);
      return { no: a.no, name: a.name, pemenuhan: p, reform: r, total: p + r, max: a.pemenuhan.weight + a.reform.weight };
    }),
    indicators,
  };
}

/**
 * Every Nilai cell of the official template (by model code, plus "total"), as a spreadsheet computes it from the
 * same entries: errors propagate and an indicator with no answer is #DIV/0!. This is what LibreOffice must equal.
 */
export function scoreAsTemplate(
  model: LoadedModel,
  items: ReadonlyMap<string, ItemScore>,
  entries: ReadonlyMap<string, ItemEntry>,
): Map<string, number | ExcelError> {
  const out = new Map<string, number | ExcelError>();
  const visit = (n: ModelNode): number | ExcelError => {
    let v: number | ExcelError;
    if (n.children.length > 0 && (n.kind === "indikator" || n.kind === "subIndikator")) {
      v = sum(n.children.map(visit));
    } else if (n.kind === "indikator" || n.kind === "subIndikator") {
      const cells: CellValue[] = [];
      for (const q of n.questions) {
        cells.push(items.get(q.code)?.excel ?? null);
        // Jumlah rows sit inside the AVERAGE range; their Nilai is text unless the count itself is an error.
        for (const c of Object.values(entries.get(q.code)?.counts ?? {})) if (c && isExcelError(c.value)) cells.push(c.value);
      }
      const avg = average(cells);
      v = isExcelError(avg) ? avg : multiply(avg, n.weight);
    } else if (n.questions.length > 0) {
      v = sum(n.questions.map((q) => items.get(q.code)?.excel ?? null));
      n.children.forEach(visit);
    } else {
      v = sum(n.children.map(visit));
    }
    out.set(n.code, v);
    return v;
  };
  const roots = model.roots.map(visit);
  out.set("total", sum(roots));
  return out;
}
