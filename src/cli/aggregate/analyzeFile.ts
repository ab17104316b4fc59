// One workbook of a batch: read, analyse and summarise it, or say in one sentence why it cannot be used.
// Only the small summary leaves this function, so a batch's memory does not grow with its files.
import * as path from "node:path";
import { createHash } from "node:crypto";
import { analyzeWorkbook } from "../../app/analyzeWorkbook";
import { GatewayError } from "../../app/gatewayError";
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { summarizeUnit } from "../../domain/aggregate/summarizeUnit";
import { XlsxGateway } from "../../xlsx/xlsxGateway";
import { inputErrorReason } from "../inputError";
import { readInputFile } from "../io";

/** A file of the batch: its summary (and the sha256 of its bytes), or why it cannot be used. */
export type FileResult = RecapFile;

export async function analyzeFile(file: string): Promise<FileResult> {
  try {
    const bytes = readInputFile(file);
    const hash = createHash("sha256").update(bytes).digest("hex");
    const analysis = await analyzeWorkbook(new XlsxGateway(bytes));
    return { file, hash, summary: summarizeUnit(analysis, path.basename(file, path.extname(file))) };
  } catch (e) {
    if (e instanceof GatewayError) return { file, error: inputErrorReason(e.code), reason: { kind: "input", code: e.code } };
    return { file, error: `kesalahan internal: ${e instanceof Error ? e.message : String(e)}` };
  }
}
