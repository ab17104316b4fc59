// The use case behind `lke-zi annotate` and the pane's "Hitung di workbook": the Rekap ZI sheet and the ZI_* names,
// live formulas over the LKE sheet, written through whichever gateway holds the workbook.
import { buildRekapPlan, type WritePlan } from "../domain/formulas/rekapPlan";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import { analyzeWorkbook, type AnalyzeWorkbookOptions } from "./analyzeWorkbook";
import type { WorkbookGateway } from "./workbookGateway";

export async function annotateWorkbook(
  gateway: WorkbookGateway,
  options: AnalyzeWorkbookOptions = {},
): Promise<{ analysis: LkeAnalysis; plan: WritePlan }> {
  const analysis = await analyzeWorkbook(gateway, options);
  const plan = buildRekapPlan(analysis.model, analysis.sheet, analysis.layout, analysis.role);
  await gateway.applyWritePlan(plan);
  return { analysis, plan };
}
