// One file of a coordinator's recap, the same in the CLI (worker threads) and the pane (Web Workers): the unit's
// summary, or the reason it was not counted, with the sentence from the catalogue both show.
import type { RecapFile } from "../domain/aggregate/recapFile";
import { summarizeUnit } from "../domain/aggregate/summarizeUnit";
import { inputReason } from "../i18n/inputReasons";
import { analyzeWorkbook } from "./analyzeWorkbook";
import { GatewayError, type GatewayErrorCode } from "./gatewayError";
import type { WorkbookGateway } from "./workbookGateway";

/** Larger than any real LKE workbook by far; beyond it a file is refused before it is read. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/** A file not counted because of what a gateway said of it ("corrupt", "too-large", "not-a-file" …). */
export function unusableFile(file: string, code: GatewayErrorCode): RecapFile {
  return { file, error: inputReason(code, "id"), reason: { kind: "input", code } };
}

/** What stopped a file, as the recap lists it; anything but a gateway's refusal is an internal error. */
export function failedFile(file: string, error: unknown): RecapFile {
  if (error instanceof GatewayError) return unusableFile(file, error.code);
  return { file, error: `kesalahan internal: ${error instanceof Error ? error.message : String(error)}` };
}

/** The workbook analysed and summarised; `unitName` where the workbook does not state one. */
export async function summarizeFile(file: string, gateway: WorkbookGateway, unitName: string, hash?: string): Promise<RecapFile> {
  const analysis = await analyzeWorkbook(gateway);
  return { file, ...(hash ? { hash } : {}), summary: summarizeUnit(analysis, unitName) };
}
