// The workbook gateway over .xlsx bytes: the CLI and the standalone page hand it a file's contents, and take
// the written copy from it. The input bytes are never modified.
import type { WritePlan } from "../domain/formulas/rekapPlan";
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";
import type { WorkbookGateway } from "../app/workbookGateway";
import type { RoleColumnsPlan } from "../domain/review/roleColumnsPlan";
import { addRoleColumnsToXlsx, setCellTextInXlsx } from "./evaluatorXlsx";
import { readXlsx } from "./readXlsx";
import { writePlanToXlsx } from "./writePlanToXlsx";

export class XlsxGateway implements WorkbookGateway {
  private written: Uint8Array | undefined;

  constructor(private readonly bytes: Uint8Array) {}

  /** The workbook as written so far (the original until something is written). */
  readWorkbook(): Promise<WorkbookSnapshot> {
    return readXlsx(this.written ?? this.bytes);
  }

  async applyWritePlan(plan: WritePlan): Promise<void> {
    this.written = writePlanToXlsx(this.written ?? this.bytes, plan);
  }

  /** An evaluator's columns beside the LKE, in the copy (the pane's evaluator mode, `lke-zi review`). */
  async addRoleColumns(plan: RoleColumnsPlan): Promise<void> {
    this.written = addRoleColumnsToXlsx(this.written ?? this.bytes, plan);
  }

  /** An evaluator's note in the copy (the pane's note editor in the standalone page). */
  async setEvaluatorNote(sheet: string, cell: string, text: string): Promise<void> {
    this.written = setCellTextInXlsx(this.written ?? this.bytes, sheet, cell, text);
  }

  /** The workbook with every applied plan; the original bytes when nothing was written. */
  result(): Uint8Array {
    return this.written ?? this.bytes;
  }
}
