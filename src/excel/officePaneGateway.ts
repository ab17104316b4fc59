// The Office.js gateway as the task pane uses it: OfficeGateway's read and write, plus what only a workbook open
// in Excel can do (paneApi.ts):
//
// selectCell: ONE sync. The sheet is activated and the cell selected, as when the user clicks a finding.
// watchSheet: ONE sync to add the sheet's onChanged and onSelectionChanged handlers (ExcelApi 1.7, below the
//   manifest's 1.9 floor); ONE sync to remove them, in the context they were added in, as Excel requires. The
//   handlers only pass the address on: what to do with a burst of changes is the pane's (one read per burst).
import type { SheetWatch } from "../app/workbookGateway";
import { GatewayError } from "../app/gatewayError";
import { toGatewayError } from "./host";
import { OfficeGateway, type OfficeGatewayOptions } from "./officeGateway";
import type { ContextBatchRunner, EventRegistrationApi, PaneBatchRunner, PaneRequestContextApi } from "./paneApi";

function notInExcel(): Promise<never> {
  return Promise.reject(new GatewayError("not-in-excel", "Excel is not defined"));
}

/** Excel.run, or GatewayError("not-in-excel") where there is no Excel. */
export const paneExcelRun: PaneBatchRunner = (batch) => {
  if (typeof Excel === "undefined") return notInExcel();
  return Excel.run((context) => batch(context));
};

/** Excel.run(context, batch): a batch in an earlier context (the one an event handler was added in). */
export const excelRunIn: ContextBatchRunner = (context, batch) => {
  if (typeof Excel === "undefined") return notInExcel();
  return Excel.run(context as OfficeExtension.ClientRequestContext, (c) => batch(c));
};

export class OfficePaneGateway extends OfficeGateway {
  constructor(
    private readonly paneRun: PaneBatchRunner = paneExcelRun,
    private readonly runIn: ContextBatchRunner = excelRunIn,
    options: OfficeGatewayOptions = {},
  ) {
    super(paneRun, options);
  }

  private async paneBatch<T>(body: (context: PaneRequestContextApi) => Promise<T>): Promise<T> {
    try {
      return await this.paneRun(body);
    } catch (e) {
      throw toGatewayError(e, "read");
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.paneBatch(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  }

  async watchSheet(sheet: string, watch: SheetWatch): Promise<() => Promise<void>> {
    const registrations = await this.paneBatch(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const added: EventRegistrationApi[] = [];
      const { changed, selected } = watch;
      if (changed) added.push(worksheet.onChanged.add(async (args) => changed(args.address)));
      if (selected) added.push(worksheet.onSelectionChanged.add(async (args) => selected(args.address)));
      await context.sync();
      return added;
    });
    let removed = false;
    return async () => {
      const first = registrations[0];
      if (removed || !first) return;
      removed = true;
      try {
        await this.runIn(first.context, async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        });
      } catch (e) {
        throw toGatewayError(e, "read");
      }
    };
  }
}
