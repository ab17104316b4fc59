// The use case behind `lke-zi annotate` and the pane's "Hitung di workbook": the Rekap ZI sheet and the ZI_* names,
// live formulas over the LKE sheet, written through whichever gateway holds the workbook.
import { buildRekapPlan, isOwnRekapSheet, priorWbkOf, REKAP_SHEET, type WritePlan } from "../domain/formulas/rekapPlan";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import { analyzeSnapshot, type AnalyzeWorkbookOptions } from "./analyzeWorkbook";
import { GatewayError } from "./gatewayError";
import type { WorkbookGateway } from "./workbookGateway";

export async function annotateWorkbook(
  gateway: WorkbookGateway,
  options: AnalyzeWorkbookOptions = {},
): Promise<{ analysis: LkeAnalysis; plan: WritePlan }> {
  const snapshot = await gateway.readWorkbook();
  const analysis = analyzeSnapshot(snapshot, options);
  // Ours is rewritten, keeping what the user set in it (prior WBK); a sheet of the user's with that name is refused.
  const existing = snapshot.sheets.find((s) => s.name.toLowerCase() === REKAP_SHEET.toLowerCase());
  if (existing && !isOwnRekapSheet(existing)) throw new GatewayError("sheet-name-taken", `"${existing.name}" is the user's own sheet`);
  const plan = buildRekapPlan(analysis.model, analysis.sheet, analysis.layout, analysis.role, { priorWbk: priorWbkOf(existing) });
  await gateway.applyWritePlan(plan);
  return { analysis, plan };
}
