// The simulated Excel the e2e test puts under the built pane (bundled on its own by test/e2e/support/buildPane.ts
// and loaded by taskpane-e2e.html right after office.js, before the pane's scripts). office.js outside Office
// leaves `Excel` undefined; this script provides what Excel would: Excel.run (and Excel.run(context, batch))
// over test/support/fakeExcel holding the workbook served at WORKBOOK_URL, and Office.context.requirements.
// The test drives and inspects it through window.lkeZiE2E (typing into cells, reading the selection, syncs).
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { FakeExcelHost } from "../../support/fakeExcel/fakeExcelHost";
import type { FakeRequestContext } from "../../support/fakeExcel/fakeProxies";

export const WORKBOOK_URL = "/__e2e__/workbook.xlsx";

export interface E2EHandle {
  ready: Promise<FakeExcelHost>;
  host: FakeExcelHost | undefined;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

const ready = fetch(WORKBOOK_URL)
  .then((r) => {
    if (!r.ok) throw new Error(`e2e host: ${WORKBOOK_URL} answered ${r.status}`);
    return r.arrayBuffer();
  })
  .then((bytes) => readXlsx(new Uint8Array(bytes)))
  .then((snapshot) => FakeExcelHost.fromSnapshot(snapshot));

const handle: E2EHandle = { ready, host: undefined };
void ready.then((host) => (handle.host = host));

function run<T>(first: Batch<T> | unknown, second?: Batch<T>): Promise<T> {
  return ready.then((host) => (typeof first === "function" ? host.run(first as Batch<T>) : host.runIn(first, second!)));
}

// What Office.context.requirements says in Excel: the simulated host's API sets (ExcelApi up to 1.17).
const requirements = FakeExcelHost.fromSnapshot({ sheets: [], definedNames: [] }).requirements;
const w = window as unknown as { Excel?: unknown; lkeZiE2E?: E2EHandle };
w.Excel = { run };
w.lkeZiE2E = handle;

function provideRequirements(): void {
  const context = (Office as unknown as { context?: { requirements?: unknown } }).context;
  if (context && !context.requirements) context.requirements = requirements;
}
provideRequirements();
void Office.onReady(provideRequirements);
