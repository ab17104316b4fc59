// The workbook gateway over .xlsx bytes: the CLI and the standalone page hand it a file's contents.
import type { WorkbookSnapshot } from "../domain/grid/sheetGrid";
import type { WorkbookGateway } from "../app/workbookGateway";
import { readXlsx } from "./readXlsx";

export class XlsxGateway implements WorkbookGateway {
  constructor(private readonly bytes: Uint8Array) {}

  readWorkbook(): Promise<WorkbookSnapshot> {
    return readXlsx(this.bytes);
  }
}
