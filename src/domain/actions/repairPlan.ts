// Repair: the official formula back in the score cells that were typed over (formula.overwritten) or whose
// formula computes something else than the rule (formula.deviation, the L175 case). The formula text is the
// official template's for that cell where the layout found it (src/domain/formulas/templateCells.ts), the one
// the audit compares against.
import { officialFormulas } from "../formulas/templateCells";
import type { SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import type { LoadedModel } from "../model/loadModel";
import type { Finding, RuleId } from "../validation/finding";

export const REPAIRABLE_RULES: readonly RuleId[] = ["formula.overwritten", "formula.deviation"];

export interface RepairCell {
  sheet: string;
  /** "L175" */
  cell: string;
  /** The official formula, as written in a cell ("=AVERAGE(L176:L180)*H175"). */
  formula: string;
  rule: RuleId;
  item?: string;
}

export interface RepairPlan {
  cells: RepairCell[];
  /** Formula findings at cells whose official formula is not known (a column the formula needs was not found). */
  unrepairable: Array<{ cell: string; rule: RuleId; item?: string }>;
}

export interface RepairInput {
  model: LoadedModel;
  sheet: SheetGrid;
  layout: LkeLayout;
  role: Role;
  findings: readonly Finding[];
}

/**
 * The repair of every formula finding on the analysed sheet, or of `only` those cells ("L175"); one entry per
 * cell, in the order of the findings.
 */
export function buildRepairPlan(input: RepairInput, only?: readonly string[]): RepairPlan {
  const wanted = only ? new Set(only.map((c) => c.toUpperCase())) : undefined;
  const official = officialFormulas(input.model, input.sheet, input.layout, input.role);
  const cells: RepairCell[] = [];
  const unrepairable: RepairPlan["unrepairable"] = [];
  const seen = new Set<string>();
  for (const f of input.findings) {
    if (!REPAIRABLE_RULES.includes(f.rule) || f.sheet !== input.sheet.name || !f.cell) continue;
    if (wanted && !wanted.has(f.cell.toUpperCase())) continue;
    if (seen.has(f.cell)) continue;
    seen.add(f.cell);
    const formula = official.get(f.cell);
    const item = f.item !== undefined ? { item: f.item } : {};
    if (formula === undefined) unrepairable.push({ cell: f.cell, rule: f.rule, ...item });
    else cells.push({ sheet: input.sheet.name, cell: f.cell, formula, rule: f.rule, ...item });
  }
  return { cells, unrepairable };
}
