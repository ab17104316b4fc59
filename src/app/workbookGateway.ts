// The one interface between the use cases and a workbook, whether it is open in Excel or an .xlsx in memory.
import type { WritePlan } from "../domain/formulas/rekapPlan";
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";

export interface WorkbookGateway {
  /** Everything the LKE core needs from the workbook, read in one go (one context.sync() in Excel). */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /** Writes the add-in's own sheets and names; nothing the user owns is changed. */
  applyWritePlan(plan: WritePlan): Promise<void>;
}
