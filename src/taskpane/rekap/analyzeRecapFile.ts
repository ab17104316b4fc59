// One workbook of the pane's recap, as the CLI's analyzeFile does it (src/cli/aggregate/analyzeFile.ts): read
// through the .xlsx gateway (whose limits stop zip bombs and sheets of millions of cells with "too-large"),
// analyse, summarise; or the reason it cannot be used, from the same catalogue as the CLI. Runs in a Web Worker
// (recapWorker.ts) or on the pane's thread (inThreadRunner.ts); like index.tsx, these entry points reach src/xlsx.
import { analyzeWorkbook } from "../../app/analyzeWorkbook";
import { GatewayError } from "../../app/gatewayError";
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { summarizeUnit } from "../../domain/aggregate/summarizeUnit";
import { inputReason } from "../../i18n/inputReasons";
import { XlsxGateway } from "../../xlsx/xlsxGateway";

/** The CLI's limit (src/cli/io.ts MAX_FILE_BYTES): a larger file is refused before it is read. */
export const MAX_RECAP_FILE_BYTES = 100 * 1024 * 1024;

function unusable(file: string, code: GatewayError["code"]): RecapFile {
  return { file, error: inputReason(code, "id"), reason: { kind: "input", code } };
}

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
    if (bytes.byteLength > MAX_RECAP_FILE_BYTES) return unusable(file, "too-large");
    const hash = await sha256(bytes);
    const analysis = await analyzeWorkbook(new XlsxGateway(bytes));
    return { file, ...(hash ? { hash } : {}), summary: summarizeUnit(analysis, fallbackUnitName(file)) };
  } catch (e) {
    if (e instanceof GatewayError) return unusable(file, e.code);
    if (e instanceof RangeError) return unusable(file, "too-large"); // an allocation the engine refused
    return { file, error: `kesalahan internal: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The file's result without reading it when it is too large, else read and analysed. */
export async function analyzeRecapFile(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<RecapFile> {
  if (file.size > MAX_RECAP_FILE_BYTES) return unusable(file.name, "too-large");
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return unusable(file.name, "unreadable");
  }
  return analyzeRecapBytes(file.name, new Uint8Array(bytes));
}
