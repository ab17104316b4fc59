// The results Excel saved with the workbook (cached formula values) in the sheet's own Nilai column.
import { toA1 } from "../grid/address";
import { cellFormula, cellValue, type CellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";

export interface CachedResults {
  total: number | null;
  pengungkit: number | null;
  hasil: number | null;
  /** Cached Nilai of each node row found, by model code, with its address. */
  nodes: Map<string, { cell: string; value: CellValue; hasFormula: boolean }>;
}

function asNumber(v: CellValue): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function readCachedResults(sheet: SheetGrid, layout: LkeLayout, scoreCol: number | undefined): CachedResults {
  const nodes: CachedResults["nodes"] = new Map();
  if (scoreCol === undefined) return { total: null, pengungkit: null, hasil: null, nodes };
  for (const [code, row] of layout.rows.nodes) {
    nodes.set(code, {
      cell: toA1(row, scoreCol),
      value: cellValue(sheet, row, scoreCol),
      hasFormula: cellFormula(sheet, row, scoreCol) !== undefined,
    });
  }
  const at = (row: number | undefined) => (row === undefined ? null : asNumber(cellValue(sheet, row, scoreCol)));
  const nodeValue = (code: string) => {
    const n = nodes.get(code);
    return n ? asNumber(n.value) : null;
  };
  const pengungkit = at(layout.rows.totals.pengungkit) ?? nodeValue("A");
  const hasil = at(layout.rows.totals.hasil) ?? nodeValue("B");
  const total = at(layout.rows.totals.total);
  return { total, pengungkit, hasil, nodes };
}
