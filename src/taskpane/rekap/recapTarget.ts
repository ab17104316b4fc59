// Where a finished recap goes, by where the pane runs: in Excel, the `Rekap Unit` sheet of the open workbook
// (WorkbookGateway.writeRecap); standalone, a new recap workbook handed to the user as a download.
import type { RecapTable } from "../../domain/aggregate/recapTable";
import type { PaneSource } from "../paneSource";

export type RecapTarget =
  | { kind: "excel"; write(table: RecapTable): Promise<void> }
  | { kind: "standalone"; download(table: RecapTable, fileName: string): Promise<void> };

export function recapTargetOf(source: PaneSource): RecapTarget | undefined {
  if (source.kind === "excel") {
    const gateway = source.gateway;
    return gateway.writeRecap ? { kind: "excel", write: (table) => gateway.writeRecap!(table) } : undefined;
  }
  const make = source.recapWorkbook;
  if (!make) return undefined;
  return { kind: "standalone", download: async (table, fileName) => source.saveFile(fileName, await make(table)) };
}
