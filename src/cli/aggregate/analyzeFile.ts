// One workbook of a batch: read, analyse and summarise it, or say in one sentence why it cannot be used.
// Only the small summary leaves this function, so a batch's memory does not grow with its files.
import * as path from "node:path";
import { createHash } from "node:crypto";
import { failedFile, summarizeFile } from "../../app/recapFiles";
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { XlsxGateway } from "../../xlsx/xlsxGateway";
import { readInputFile } from "../io";

/** A file of the batch: its summary (and the sha256 of its bytes), or why it cannot be used. */
export type FileResult = RecapFile;

export async function analyzeFile(file: string): Promise<FileResult> {
  try {
    const bytes = readInputFile(file);
    const hash = createHash("sha256").update(bytes).digest("hex");
    return await summarizeFile(file, new XlsxGateway(bytes), path.basename(file, path.extname(file)), hash);
  } catch (e) {
    return failedFile(file, e);
  }
}
