// Cached results that disagree with the answers: each reported at the lowest cell that differs, since a wrong
// indicator makes its area, sub-komponen and total differ too.
import type { CellValue, ExcelError } from "../grid/sheetGrid";
import { isExcelError } from "../grid/sheetGrid";
import type { LoadedModel } from "../model/loadModel";
import type { ModelNode } from "../model/lkeModel";
import type { CachedResults } from "../scoring/cachedResults";
import type { Finding } from "./finding";

const TOLERANCE = 1e-9;

function same(cached: CellValue, expected: number | ExcelError): boolean {
  if (isExcelError(expected)) return isExcelError(cached) && cached.error === expected.error;
  return typeof cached === "number" && Math.abs(cached - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

function show(v: CellValue | number): string | number {
  return isExcelError(v) ? v.error : v === null ? "" : typeof v === "number" ? v : String(v);
}

export function checkCache(
  model: LoadedModel,
  sheetName: string,
  cached: CachedResults,
  expected: ReadonlyMap<string, number | ExcelError>,
): Finding[] {
  const out: Finding[] = [];
  /** Returns true when this node or one below it was reported. */
  const visit = (n: ModelNode): boolean => {
    const below = n.children.map(visit).some(Boolean);
    const c = cached.nodes.get(n.code);
    const e = expected.get(n.code);
    if (below || !c || !c.hasFormula || e === undefined || same(c.value, e)) return below;
    if (c.value === null) return false; // formula saved without a cached result: nothing to compare
    out.push({
      rule: "cache.mismatch",
      severity: "warning",
      sheet: sheetName,
      cell: c.cell,
      item: n.code,
      params: { cached: show(c.value), expected: show(e) },
    });
    return true;
  };
  model.roots.forEach(visit);
  return out;
}
