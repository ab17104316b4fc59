// A long LKE for sync-count tests: the same workbook with notes rows appended below the LKE sheet's last row
// (as units keep minutes and lists under the form) until the sheet has `totalRows` rows.
import type { WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";

export function withExtraRows(snapshot: WorkbookSnapshot, sheetName: string, totalRows: number): WorkbookSnapshot {
  const copy = structuredClone(snapshot);
  const sheet = copy.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  for (let r = sheet.rowCount; r < totalRows; r++) {
    const row = (sheet.values[r] = [] as typeof sheet.values[number]);
    row[0] = r + 1;
    row[6] = `Catatan rapat pokja ZI, baris ${r + 1}`;
  }
  sheet.rowCount = Math.max(sheet.rowCount, totalRows);
  sheet.colCount = Math.max(sheet.colCount, 7);
  return copy;
}
