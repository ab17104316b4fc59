// Reads .xlsx bytes into the neutral workbook snapshot. Bytes in, data out: no file system here.
// Cheap checks on the raw bytes first (sniffXlsx: not a zip, encrypted, legacy .xls, zip bomb), then the fast
// reader (readWorkbookXml), which yields the snapshot the exceljs-based reader gave (readXlsxExcelJs.ts, kept
// as the reference of test/xlsx/readerEquivalence.test.ts) in a small fraction of its time.
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";
import { readWorkbookXml } from "./readWorkbookXml";
import { sniffXlsx } from "./sniffXlsx";

export { MAX_CELLS } from "./sheetScan";

/** Throws GatewayError ("not-xlsx", "legacy-xls", "encrypted", "corrupt", "too-large") for unusable input. */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  sniffXlsx(bytes);
  return readWorkbookXml(bytes);
}
