// Excel tables of the simulated host (ExcelApi 1.1–1.3): a sheet's TableCollection.add(address, hasHeaders) and
// the workbook's collection (names are unique in a workbook). Kept beside each FakeSheet (a deleted sheet takes
// its tables with it); registered into fakeProxies.ts's worksheet and workbook when this file is imported
// (fakeExcelHost.ts does). Checks what Excel refuses: an address on another sheet (or none: the active sheet),
// overlapping tables, a name taken or invalid, a header row with empty cells.
import type { TableApi, TableCollectionApi, WorkbookTableCollectionApi } from "../../../src/excel/recapApi";
import { FakeObject, fakeMembers, type FakeRequestContext } from "./fakeProxies";
import { FakeOfficeError, intersects, parseBox, type Box, type FakeSheet, type FakeWorkbook } from "./fakeWorkbook";

export interface FakeTableModel {
  name: string;
  sheet: FakeSheet;
  box: Box;
  hasHeaders: boolean;
  style: string;
  showBandedRows: boolean;
}

const tables = new WeakMap<FakeSheet, FakeTableModel[]>();

/** The tables on a sheet, as the add-in left them. */
export function tablesOf(sheet: FakeSheet): FakeTableModel[] {
  let t = tables.get(sheet);
  if (!t) tables.set(sheet, (t = []));
  return t;
}

function allTables(model: FakeWorkbook): FakeTableModel[] {
  return model.sheets.flatMap((s) => tablesOf(s));
}

/** The sheet an address names ("'Rekap Unit'!A1:Q4"), or the active sheet when it names none, as Excel does. */
function sheetOf(model: FakeWorkbook, address: string): FakeSheet {
  const bang = address.lastIndexOf("!");
  if (bang < 0) {
    if (!model.activeSheet) throw new FakeOfficeError("ItemNotFound", "no active sheet");
    return model.activeSheet;
  }
  const prefix = address.slice(0, bang);
  const name = prefix.startsWith("'") && prefix.endsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  const sheet = model.sheet(name);
  if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet "${name}"`);
  return sheet;
}

export class FakeTable extends FakeObject<FakeTableModel> implements TableApi {
  protected readonly kind = "Table";
  readonly worksheet: { readonly name: string };

  constructor(context: FakeRequestContext, resolver: () => FakeTableModel | null, nullable: boolean) {
    super(context, resolver, nullable);
    const sheetName = new SheetNameOfTable(context, resolver, nullable);
    this.worksheet = sheetName;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setProperty("name", value, (m) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(value) || /^[A-Za-z]{1,3}\d+$/.test(value)) throw new FakeOfficeError("InvalidArgument", `Invalid table name "${value}".`);
      if (allTables(this.context.model).some((t) => t !== m && t.name.toLowerCase() === value.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `A table named "${value}" already exists.`);
      }
      m.name = value;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(value: string) {
    this.setProperty("style", value, (m) => {
      if (!/^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/.test(value)) throw new FakeOfficeError("InvalidArgument", `Unknown table style "${value}".`);
      m.style = value;
    });
  }
  get showBandedRows(): boolean {
    return this.read("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.setProperty("showBandedRows", value, (m) => (m.showBandedRows = value));
  }

  protected override propertyValue(m: FakeTableModel, name: string): unknown {
    if (name === "name") return m.name;
    if (name === "style") return m.style;
    if (name === "showBandedRows") return m.showBandedRows;
    return super.propertyValue(m, name);
  }

  protected override children(): Record<string, FakeObject<unknown>> {
    return { worksheet: this.worksheet as unknown as FakeObject<unknown> };
  }
}

/** Table.worksheet, for loads of "items/worksheet/name". */
class SheetNameOfTable extends FakeObject<FakeTableModel> {
  protected readonly kind = "Worksheet";
  get name(): string {
    return this.read("name");
  }
  protected override propertyValue(m: FakeTableModel, name: string): unknown {
    return name === "name" ? m.sheet.grid.name : super.propertyValue(m, name);
  }
}

export class FakeTableCollection extends FakeObject<FakeSheet> implements TableCollectionApi {
  protected readonly kind = "TableCollection";

  add(address: string, hasHeaders: boolean): FakeTable {
    this.context.assertOpen();
    let created: FakeTableModel | null = null;
    this.command((own) => {
      const model = this.context.model;
      const sheet = sheetOf(model, address);
      if (sheet !== own) throw new FakeOfficeError("InvalidArgument", `"${address}" is not on sheet "${own.grid.name}".`);
      if (own.protected) throw new FakeOfficeError("AccessDenied", `The sheet "${own.grid.name}" is protected.`);
      const box = parseBox(address);
      if (tablesOf(own).some((t) => intersects(t.box, box))) throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      if (hasHeaders) {
        for (let c = box.left; c <= box.right; c++) {
          const v = own.grid.values[box.top]?.[c];
          if (v === null || v === undefined || v === "") throw new FakeOfficeError("InvalidOperation", "fake Excel: a header cell of the table is empty (Excel would invent a name).");
        }
      }
      const taken = new Set(allTables(model).map((t) => t.name.toLowerCase()));
      let n = 1;
      while (taken.has(`table${n}`)) n++;
      created = { name: `Table${n}`, sheet: own, box, hasHeaders, style: "TableStyleMedium2", showBandedRows: true };
      tablesOf(own).push(created);
    });
    return new FakeTable(this.context, () => created, false);
  }
}

export class FakeWorkbookTables extends FakeObject<FakeWorkbook> implements WorkbookTableCollectionApi {
  protected readonly kind = "TableCollection";

  get items(): FakeTable[] {
    return this.read("items");
  }

  protected override loadPaths(m: FakeWorkbook, paths: string[]): void {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (itemPaths.length !== paths.length) throw new FakeOfficeError("InvalidArgument", `load the collection's items ("items/name"): ${paths.join(",")}`);
    const items = allTables(m).map((t) => new FakeTable(this.context, () => (allTables(this.context.model).includes(t) ? t : null), false));
    for (const item of items) for (const p of itemPaths) item.loadNow(p);
    this.loaded.set("items", items);
  }
}

fakeMembers.tables = (context, sheet, nullable) => new FakeTableCollection(context, sheet, nullable);
fakeMembers.workbookTables = (context) => new FakeWorkbookTables(context, () => context.model, false);

// The simulated context must offer what the Rekap Unit writer uses, as Excel's does (recapApi.ts).
type Satisfies<Actual extends Narrow, Narrow> = [Actual, Narrow];
export type FakeSatisfiesRecapApi = [Satisfies<FakeRequestContext, import("../../../src/excel/recapApi").RecapRequestContextApi>];
