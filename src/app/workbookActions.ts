// The in-workbook actions of the pane's buttons and the ribbon: flag the findings where the user works, put the
// official formulas back, and Pulihkan. Each reads and analyses first, so it acts on the workbook as it is now.
import { buildFlagPlan } from "../domain/actions/flagPlan";
import { buildRepairPlan } from "../domain/actions/repairPlan";
import type { LkeAnalysis } from "../domain/report/analyzeLke";
import { describeFinding } from "../i18n/findingMessages";
import type { Locale } from "../i18n/formatNumber";
import { analyzeWorkbook, type AnalyzeWorkbookOptions } from "./analyzeWorkbook";
import { needs } from "./gatewayError";
import type { CellActionResult, FlagResult, RestoreResult, WorkbookGateway } from "./workbookGateway";

/** "Tandai temuan": a highlight and a note on every cell with a finding (earlier flags that no longer apply go). */
export async function flagFindings(
  gateway: WorkbookGateway,
  options: AnalyzeWorkbookOptions & { locale?: Locale } = {},
): Promise<{ analysis: LkeAnalysis; result: FlagResult }> {
  const apply = needs(gateway.applyFlags?.bind(gateway));
  const analysis = await analyzeWorkbook(gateway, options);
  const plan = buildFlagPlan(analysis.findings, analysis.sheet.name, (f) => describeFinding(f, options.locale ?? "id"));
  return { analysis, result: await apply(plan) };
}

/** "Hapus tanda": every flag removed, the cells' own formatting back. */
export async function clearFlags(gateway: WorkbookGateway): Promise<CellActionResult> {
  return needs(gateway.clearFlags?.bind(gateway))();
}

/** "Perbaiki rumus": the official formula back in each score cell that was typed over or deviates. */
export async function repairFormulas(
  gateway: WorkbookGateway,
  options: AnalyzeWorkbookOptions = {},
): Promise<{ analysis: LkeAnalysis; result: CellActionResult }> {
  const repair = needs(gateway.repair?.bind(gateway));
  const analysis = await analyzeWorkbook(gateway, options);
  const plan = buildRepairPlan({ model: analysis.model, sheet: analysis.sheet, layout: analysis.layout, role: analysis.role, findings: analysis.findings });
  return { analysis, result: await repair(plan) };
}

/** "Pulihkan": everything the add-in changed, back as it was. */
export async function restoreWorkbook(gateway: WorkbookGateway): Promise<RestoreResult> {
  return needs(gateway.restoreAll?.bind(gateway))();
}

export type CellActionKind = "flag" | "clear" | "repair" | "restore";

/** The pane's buttons: one entry point, the cells changed and those left alone. */
export async function runCellAction(
  gateway: WorkbookGateway,
  kind: CellActionKind,
  options: AnalyzeWorkbookOptions & { locale?: Locale } = {},
): Promise<CellActionResult & { analysis?: LkeAnalysis }> {
  switch (kind) {
    case "flag": {
      const { analysis, result } = await flagFindings(gateway, options);
      return { ...result, analysis };
    }
    case "clear":
      return clearFlags(gateway);
    case "repair": {
      const { result } = await repairFormulas(gateway, options);
      return result;
    }
    case "restore":
      return restoreWorkbook(gateway);
  }
}
