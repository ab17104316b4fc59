// The use case behind `lke-zi report`, the task pane and the ribbon: read through a gateway, analyse in the core.
import { loadModel } from "../domain/model/loadModel";
import { analyzeLke, type AnalyzeOptions, type LkeAnalysis } from "../domain/report/analyzeLke";
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";
import { GatewayError } from "./gatewayError";
import type { WorkbookGateway } from "./workbookGateway";

export interface AnalyzeWorkbookOptions extends AnalyzeOptions {
  modelId?: string;
}

export async function analyzeWorkbook(gateway: WorkbookGateway, options: AnalyzeWorkbookOptions = {}): Promise<LkeAnalysis> {
  return analyzeSnapshot(await gateway.readWorkbook(), options);
}

/** The analysis of a workbook already read (for a use case that also looks at the add-in's own sheets). */
export function analyzeSnapshot(snapshot: WorkbookSnapshot, options: AnalyzeWorkbookOptions = {}): LkeAnalysis {
  const result = analyzeLke(snapshot, loadModel(options.modelId), options);
  if ("scores" in result) return result;
  switch (result.kind) {
    case "no-lke-sheet":
      throw new GatewayError("no-lke-sheet");
    case "too-few-items":
      throw new GatewayError("no-lke-sheet", `sheet "${result.sheet}" matches only ${result.matched} questions`);
    case "role-not-in-sheet":
      throw new GatewayError("role-not-in-sheet", `sheet "${result.sheet}" has no answer column for ${result.role}`);
  }
}
