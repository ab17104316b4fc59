// Ribbon FunctionFile: the functions behind the manifest's ExecuteFunction buttons.
import type { WorkbookGateway } from "../app/workbookGateway";

/**
 * "Periksa LKE" on the Home tab: reads and analyses the open workbook and flags every finding where the user
 * works (a highlight and a note on its cell; flags that no longer apply are taken off). The flags are the
 * command's answer, since a ribbon command has no window of its own; the pane shows the full report.
 */
export async function checkLke(gateway: WorkbookGateway): Promise<number> {
  const { flagFindings } = await import(/* webpackChunkName: "actions" */ "../app/workbookActions");
  const { result } = await flagFindings(gateway);
  return result.changed.length;
}

async function officeGateway(): Promise<WorkbookGateway> {
  const { OfficeGateway } = await import(/* webpackChunkName: "office" */ "../excel/officeGateway");
  return new OfficeGateway();
}

export function validateLke(event: Office.AddinCommands.Event, gateway: () => Promise<WorkbookGateway> = officeGateway): Promise<void> {
  return gateway()
    .then(checkLke)
    .then(
      () => event.completed(),
      (e: unknown) => {
        // No window to show it in: Office's own log gets the reason, and the button stops spinning.
        console.error("LKE ZI: Periksa LKE gagal / failed:", e);
        event.completed();
      },
    );
}

if (typeof Office !== "undefined") {
  void Office.onReady();
  Office.actions.associate("validateLke", validateLke);
}
