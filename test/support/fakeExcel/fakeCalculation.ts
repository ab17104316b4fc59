// An opt-in stand-in for Excel's recalculation of the cells a batch writes formulas into: the written cell
// gets the value its formula computes (src/domain's evaluator) from the cached values of the cells it refers
// to, so that a formula written back by Pulihkan holds the value Excel would show again. A referenced formula
// without a cached value (a formula whose result is "", or any formula of a generated workbook) is computed
// the same way. Only the written cell changes, not the cells that depend on it; a formula beyond the
// evaluator leaves the written cell without a value, as before.
import { evaluateFormula, UnsupportedFormula } from "../../../src/domain/formulas/evaluateFormula";
import { FormulaSyntaxError, parseFormula } from "../../../src/domain/formulas/parseFormula";
import { cellFormula, cellValue, type CellValue } from "../../../src/domain/grid/sheetGrid";
import type { FakeSheet, FakeWorkbook } from "./fakeWorkbook";

const calculating = new WeakSet<FakeWorkbook>();

/** From now on, a formula written into a cell of `workbook` gets its computed value. */
export function calculateWrittenFormulas(workbook: FakeWorkbook): void {
  calculating.add(workbook);
}

class Circular extends Error {}

/** The value of `formula` in `sheet` (null where it cannot be known); undefined when not calculating. */
export function writtenFormulaValue(workbook: FakeWorkbook, sheet: FakeSheet, formula: string): CellValue | undefined {
  if (!calculating.has(workbook)) return undefined;
  const memo = new Map<string, CellValue>();
  const evaluate = (home: FakeSheet, text: string, depth: number): CellValue => {
    if (depth > 200) throw new Circular();
    return evaluateFormula(parseFormula(text), {
      cell: (name, row, col) => {
        const target = name === undefined ? home : workbook.sheet(name);
        if (!target) return { error: "#REF!" };
        const value = cellValue(target.grid, row, col);
        const f = cellFormula(target.grid, row, col);
        if (value !== null || f === undefined) return value;
        const key = `${target.grid.name}\u0001${row}\u0001${col}`;
        if (!memo.has(key)) memo.set(key, evaluate(target, f, depth + 1));
        return memo.get(key)!;
      },
    });
  };
  try {
    return evaluate(sheet, formula, 0);
  } catch (e) {
    if (e instanceof Circular || e instanceof UnsupportedFormula || e instanceof FormulaSyntaxError) return null;
    throw e;
  }
}
