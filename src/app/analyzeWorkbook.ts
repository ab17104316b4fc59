// The use case behind `lke-zi report`, the task pane and the ribbon: read through a gateway, analyse in the core.
import { loadModel } from "../domain/model/loadModel";
import { analyzeLke, type AnalyzeOptions, type LkeAnalysis } from "../domain/report/analyzeLke";
import { GatewayError } from "./gatewayError";
import type { WorkbookGateway } from "./workbookGateway";

export interface AnalyzeWorkbookOptions extends AnalyzeOptions {
  modelId?: string;
}

export async function analyzeWorkbook(gateway: WorkbookGateway, options: AnalyzeWorkbookOptions = {}): Promise<LkeAnalysis> {
  const snapshot = await gateway.readWorkbook();
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
