// One workbook of the pane's recap, as the CLI's analyzeFile does it (src/app/recapFiles.ts): read through the
// .xlsx gateway (whose limits stop zip bombs and sheets of millions of cells with "too-large"), analyse,
// summarise; or the reason it cannot be used. Runs in a Web Worker (recapWorker.ts) or on the pane's thread
// (inThreadRunner.ts); like index.tsx, these entry points reach src/xlsx.
import { failedFile, MAX_WORKBOOK_BYTES, summarizeFile, unusableFile } from "../../app/recapFiles";
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { XlsxGateway } from "../../xlsx/xlsxGateway";

/** "LKE Kantor A.xlsx" → "LKE Kantor A": the unit's name when the workbook does not state one (as the CLI). */
export function fallbackUnitName(file: string): string {
  return file.replace(/\.[^.]*$/, "");
}

async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function analyzeRecapBytes(file: string, bytes: Uint8Array): Promise<RecapFile> {
  try {
    if (bytes.byteLength > MAX_WORKBOOK_BYTES) return unusableFile(file, "too-large");
    return await summarizeFile(file, new XlsxGateway(bytes), fallbackUnitName(file), await sha256(bytes));
  } catch (e) {
    if (e instanceof RangeError) return unusableFile(file, "too-large"); // an allocation the engine refused
    return failedFile(file, e);
  }
}

/** The file's result without reading it when it is too large, else read and analysed. */
export async function analyzeRecapFile(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<RecapFile> {
  if (file.size > MAX_WORKBOOK_BYTES) return unusableFile(file.name, "too-large");
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return unusableFile(file.name, "unreadable");
  }
  return analyzeRecapBytes(file.name, new Uint8Array(bytes));
}
