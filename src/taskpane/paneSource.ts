// Where the pane's workbook comes from, as the composition root (index.tsx) decides it:
// - excel: the workbook open in Excel, through the Office.js gateway (which can also select cells and report
//   changes of the LKE sheet);
// - standalone: an .xlsx the user opens in the browser, read and annotated in memory by the .xlsx gateway
//   (loaded only when a file is opened) and saved back as a download. Nothing leaves the machine.
import type { WorkbookGateway } from "../app/workbookGateway";
import type { RecapTable } from "../domain/aggregate/recapTable";

/** An .xlsx in memory: its gateway, and the bytes with every plan applied. */
export interface XlsxWorkbook {
  gateway: WorkbookGateway;
  result(): Uint8Array;
}

export type PaneSource =
  | { kind: "excel"; gateway: WorkbookGateway }
  | {
      kind: "standalone";
      openXlsx(bytes: Uint8Array): Promise<XlsxWorkbook>;
      /** Hands the user a file (a download in the browser). */
      saveFile(name: string, bytes: Uint8Array): void;
      /** The coordinator's recap as a new workbook (Rekap Unit and Berkas Bermasalah), written by the .xlsx gateway. */
      recapWorkbook?(table: RecapTable): Promise<Uint8Array>;
    };

/** "LKE Unit.xlsx" → "LKE Unit (Rekap ZI).xlsx". */
export function annotatedFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base} (Rekap ZI).xlsx`;
}
