// What decides whether the add-in may write at all, queued in the caller's first batch and checked after its
// sync: a read-only workbook or manual calculation refuses every write before anything is changed.
import { GatewayError } from "../app/gatewayError";
import type { WorkbookApi } from "./excelApi";

/** Queues the loads the guards need (the caller adds its own and syncs once). */
export function queueWriteGuards(workbook: WorkbookApi): void {
  workbook.load("readOnly");
  workbook.application.load("calculationMode");
  workbook.protection.load("protected");
}

/** Throws the refusal, if any, after the batch that queued the guards has synced. */
export function assertWritable(workbook: WorkbookApi): void {
  if (workbook.readOnly) throw new GatewayError("read-only");
  if (workbook.application.calculationMode === "Manual") throw new GatewayError("manual-calculation");
}
