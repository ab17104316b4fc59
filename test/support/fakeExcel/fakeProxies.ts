// Proxies of the simulated Excel host, typed against @types/office-js through the gateway's narrow API
// (src/excel/excelApi.ts, whose members are picked from Excel's classes): a signature that drifts breaks the
// compile. They behave like Office.js where it matters to a gateway:
// - nothing is read or written before context.sync(): methods and property writes queue commands, and
//   load() queues a read; the commands run at the sync, in order;
// - reading a property that was not loaded, or before the sync that follows the load, THROWS
//   (PropertyNotLoaded), as does reading isNullObject or a ClientResult's value before a sync;
// - *OrNullObject methods give null objects; a null object's loads and methods, and those of every object
//   reached from it, are no-ops whose objects are null too (the assumption officeGateway.ts states); an
//   ordinary method whose object does not exist fails the sync with ItemNotFound;
// - a failing command (ItemNotFound, AccessDenied on a protected sheet, ItemAlreadyExists, InvalidArgument for
//   a 2-D array of the wrong size) fails the sync; the commands before it stay applied, the rest are dropped,
//   as in Excel (a batch is not a transaction);
// - proxies die with their batch: using one after its Excel.run ended throws InvalidObjectPath.
import type {
  ApplicationApi,
  ClientResultApi,
  NamedItemApi,
  NamedItemCollectionApi,
  RangeAreasApi,
  RangeApi,
  RangeFontApi,
  RangeFormatApi,
  RequestContextApi,
  WorkbookApi,
  WorkbookProtectionApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetProtectionApi,
} from "../../../src/excel/excelApi";
import {
  cellAt,
  contains,
  excelValue,
  excelValueType,
  FakeOfficeError,
  intersects,
  linksByCell,
  MAX_COLS,
  MAX_ROWS,
  parseBox,
  setCell,
  sheetAddress,
  typedEntry,
  usedBox,
  type Box,
  type FakeName,
  type FakeSheet,
  type FakeWorkbook,
} from "./fakeWorkbook";

type Resolver<M> = () => M | null;

interface RangeModel {
  sheet: FakeSheet;
  box: Box;
}

interface AreasModel {
  sheet: FakeSheet;
  boxes: Box[];
}

const WHOLE_SHEET: Box = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
/** Past this many cells Excel may return null for values (Microsoft's five-million-cell limit). */
const MAX_GET_CELLS = 5_000_000;

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export interface FakeHostLink {
  readonly workbook: FakeWorkbook;
  countSync(): void;
}

export class FakeRequestContext implements RequestContextApi {
  readonly workbook: FakeWorkbookProxy;
  private queue: Array<{ write: boolean; apply: () => void }> = [];
  private created: Array<FakeObject<unknown>> = [];
  private closed = false;
  /** While a sync runs its commands: objects made then are settled at once. */
  syncing = false;

  constructor(readonly host: FakeHostLink) {
    this.workbook = new FakeWorkbookProxy(this, () => host.workbook);
  }

  get model(): FakeWorkbook {
    return this.host.workbook;
  }

  assertOpen(): void {
    if (this.closed) {
      throw new FakeOfficeError("InvalidObjectPath", "The object path isn't working: the object was used after its Excel.run batch ended.");
    }
  }

  enqueue(apply: () => void, write: boolean): void {
    this.assertOpen();
    this.queue.push({ apply, write });
  }

  register(proxy: FakeObject<unknown>): void {
    if (this.syncing) proxy.settle();
    else this.created.push(proxy);
  }

  get pendingWrites(): number {
    return this.queue.filter((q) => q.write).length;
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    this.assertOpen();
    this.host.countSync();
    await Promise.resolve();
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    this.syncing = true;
    try {
      for (const command of queue) command.apply();
      for (const proxy of created) proxy.settle();
    } finally {
      this.syncing = false;
    }
  }
}

abstract class FakeObject<M> {
  protected readonly loaded = new Map<string, unknown>();
  private settled = false;
  private isNull = false;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolver: Resolver<M>,
    /** Reached through an *OrNullObject method: may be a null object. */
    protected readonly nullable: boolean,
  ) {
    context.register(this as FakeObject<unknown>);
  }

  protected abstract readonly kind: string;

  settle(): void {
    this.isNull = this.resolver() === null;
    this.settled = true;
  }

  get isNullObject(): boolean {
    if (!this.settled) throw notLoaded("isNullObject");
    return this.isNull;
  }

  /** The object a command acts on, at the sync; null for a null object (the command does nothing). */
  protected target(): M | null {
    const m = this.resolver();
    if (m === null && !this.nullable) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this.kind}).`);
    return m;
  }

  load(propertyNames: string): this {
    this.context.assertOpen();
    const paths = propertyNames
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    if (paths.length === 0) throw new Error(`fake Excel: an empty load() on ${this.kind} loads everything; name the properties`);
    this.context.enqueue(() => {
      const m = this.target();
      if (m !== null) this.loadPaths(m, paths);
    }, false);
    return this;
  }

  /** Fills `loaded` at the sync. */
  protected loadPaths(model: M, paths: string[]): void {
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) {
        this.loaded.set(path, this.propertyValue(model, path));
        continue;
      }
      const child = this.navigation(path.slice(0, slash));
      if (!child) throw new FakeOfficeError("InvalidArgument", `${this.kind} has no navigation property "${path.slice(0, slash)}"`);
      child.loadNow(path.slice(slash + 1));
    }
  }

  /** A load of a navigation property's leaf, resolved now (inside a sync). */
  loadNow(path: string): void {
    const m = this.target();
    if (m !== null) this.loadPaths(m, [path]);
  }

  protected propertyValue(_model: M, name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `fake Excel: ${this.kind}.${name} cannot be loaded here`);
  }

  /** Navigation properties a load path may go through ("protection/protected"). */
  protected children(): Record<string, FakeObject<unknown>> {
    return {};
  }

  private navigation(name: string): FakeObject<unknown> | undefined {
    return this.children()[name];
  }

  protected read<T>(name: string): T {
    if (this.settled && this.isNull) throw new FakeOfficeError("InvalidOperation", `${this.kind}.${name} read on a null object; test isNullObject first`);
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queues a command on this object; a null object ignores it. */
  protected command(apply: (model: M) => void, write = true): void {
    this.context.enqueue(() => {
      const m = this.target();
      if (m !== null) apply(m);
    }, write);
  }

  protected setProperty(name: string, value: unknown, apply: (model: M) => void): void {
    this.command(apply);
    this.loaded.set(name, value);
  }
}

function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.grid.name}").`);
}

// ---------------------------------------------------------------------------------------------------------

export class FakeClientResult<T> implements ClientResultApi<T> {
  private result: { value: T } | undefined;

  set(value: T): void {
    this.result = { value };
  }

  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.value;
  }
}

export class FakeRangeFont extends FakeObject<AreasModel> implements RangeFontApi {
  protected readonly kind = "RangeFont";

  get bold(): boolean {
    return this.read("bold");
  }

  set bold(value: boolean) {
    this.setProperty("bold", value, (m) => {
      assertWritable(m.sheet);
      for (const box of m.boxes) {
        if (value) m.sheet.bold.push(box);
        else m.sheet.bold = m.sheet.bold.filter((b) => !contains(box, b));
        this.context.model.log.push({ kind: "bold", sheet: m.sheet.grid.name, address: sheetAddress(m.sheet.grid.name, box) });
      }
      m.sheet.dirty = true;
    });
  }
}

export class FakeRangeFormat extends FakeObject<AreasModel> implements RangeFormatApi {
  protected readonly kind = "RangeFormat";
  readonly font: FakeRangeFont;

  constructor(context: FakeRequestContext, resolver: Resolver<AreasModel>, nullable: boolean) {
    super(context, resolver, nullable);
    this.font = new FakeRangeFont(context, resolver, nullable);
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }

  set columnWidth(points: number) {
    this.setProperty("columnWidth", points, (m) => {
      assertWritable(m.sheet);
      for (const box of m.boxes) {
        for (let c = box.left; c <= box.right; c++) m.sheet.columnWidths.set(c, points);
        this.context.model.log.push({ kind: "columnWidth", sheet: m.sheet.grid.name, address: sheetAddress(m.sheet.grid.name, box), points });
      }
    });
  }

  protected override propertyValue(m: AreasModel, name: string): unknown {
    if (name !== "columnWidth") return super.propertyValue(m, name);
    const widths = new Set<number | undefined>();
    for (const box of m.boxes) for (let c = box.left; c <= box.right; c++) widths.add(m.sheet.columnWidths.get(c));
    return widths.size === 1 ? ([...widths][0] ?? 48) : null;
  }
}

export class FakeRangeAreas extends FakeObject<AreasModel> implements RangeAreasApi {
  protected readonly kind = "RangeAreas";
  readonly format: { readonly font: FakeRangeFont };

  constructor(context: FakeRequestContext, resolver: Resolver<AreasModel>, nullable: boolean) {
    super(context, resolver, nullable);
    this.format = { font: new FakeRangeFont(context, resolver, nullable) };
  }

  get address(): string {
    return this.read("address");
  }

  protected override propertyValue(m: AreasModel, name: string): unknown {
    if (name === "address") return m.boxes.map((b) => sheetAddress(m.sheet.grid.name, b)).join(", ");
    return super.propertyValue(m, name);
  }
}

export class FakeRange
  extends FakeObject<RangeModel>
  implements RangeApi, Pick<Excel.Range, "address" | "values" | "formulas" | "valueTypes" | "rowCount" | "columnCount" | "isNullObject">
{
  protected readonly kind = "Range";
  readonly format: FakeRangeFormat;

  constructor(context: FakeRequestContext, resolver: Resolver<RangeModel>, nullable: boolean) {
    super(context, resolver, nullable);
    const areas: Resolver<AreasModel> = () => {
      const m = resolver();
      return m && { sheet: m.sheet, boxes: [m.box] };
    };
    this.format = new FakeRangeFormat(context, areas, nullable);
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read("valueTypes");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(rows: unknown[][]) {
    this.setProperty("values", rows, (m) => this.assign(m, "values", rows));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(rows: unknown[][]) {
    this.setProperty("formulas", rows, (m) => this.assign(m, "formulas", rows));
  }

  private assign(m: RangeModel, property: "values" | "formulas", rows: unknown[][]): void {
    assertWritable(m.sheet);
    const height = m.box.bottom - m.box.top + 1;
    const width = m.box.right - m.box.left + 1;
    if (!Array.isArray(rows) || rows.length !== height || rows.some((r) => !Array.isArray(r) || r.length !== width)) {
      throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${height}×${width}).`);
    }
    const g = m.sheet.grid;
    rows.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input === null) return; // null leaves the cell as it is
        const { value, formula } = typedEntry(input);
        setCell(g, m.box.top + r, m.box.left + c, value, formula);
      }),
    );
    m.sheet.dirty = true;
    this.context.model.log.push({ kind: "write", property, sheet: g.name, address: sheetAddress(g.name, m.box), rows: height, columns: width });
  }

  protected override propertyValue(m: RangeModel, name: string): unknown {
    const { box, sheet } = m;
    const height = box.bottom - box.top + 1;
    const width = box.right - box.left + 1;
    const matrix = <T>(cell: (row: number, col: number) => T): T[][] | null => {
      if (height * width > MAX_GET_CELLS) return null;
      const out: T[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row: T[] = new Array<T>(width);
        for (let c = box.left; c <= box.right; c++) row[c - box.left] = cell(r, c);
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return sheetAddress(sheet.grid.name, box);
      case "rowCount":
        return height;
      case "columnCount":
        return width;
      case "values":
        return matrix((r, c) => excelValue(sheet.grid.values[r]?.[c] ?? null));
      case "valueTypes":
        return matrix((r, c) => excelValueType(sheet.grid.values[r]?.[c] ?? null));
      case "formulas":
        return matrix((r, c) => {
          const formula = sheet.grid.formulas[r]?.[c];
          return formula !== undefined ? `=${formula}` : excelValue(sheet.grid.values[r]?.[c] ?? null);
        });
      default:
        return super.propertyValue(m, name);
    }
  }

  getCellProperties(options: { hyperlink: true }): FakeClientResult<Array<Array<Pick<Excel.CellProperties, "hyperlink">>>> {
    this.context.assertOpen();
    const result = new FakeClientResult<Array<Array<Pick<Excel.CellProperties, "hyperlink">>>>();
    this.command((m) => {
      const links = linksByCell(m.sheet.grid);
      const out: Array<Array<Pick<Excel.CellProperties, "hyperlink">>> = [];
      for (let r = m.box.top; r <= m.box.bottom; r++) {
        const row: Array<Pick<Excel.CellProperties, "hyperlink">> = [];
        for (let c = m.box.left; c <= m.box.right; c++) {
          const link = options.hyperlink ? links.get(r * MAX_COLS + c) : undefined;
          row.push(link ? { hyperlink: { address: link } } : {});
        }
        out.push(row);
      }
      result.set(out);
    }, false);
    return result;
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.assertOpen();
    return new FakeRangeAreas(
      this.context,
      () => {
        const m = this.resolver();
        if (!m) return null;
        const boxes = m.sheet.grid.merges.map((a) => parseBox(a)).filter((b) => intersects(b, m.box));
        return boxes.length > 0 ? { sheet: m.sheet, boxes } : null;
      },
      true,
    );
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.command((m) => {
      assertWritable(m.sheet);
      const g = m.sheet.grid;
      if (applyTo !== "Formats") {
        const inBox = (r: number, c: number) => r >= m.box.top && r <= m.box.bottom && c >= m.box.left && c <= m.box.right;
        g.values.forEach((row, r) => row?.forEach((_v, c) => inBox(r, c) && setCell(g, r, c, null, cellAt(g, r, c).formula)));
        g.formulas.forEach((row, r) => row?.forEach((_f, c) => inBox(r, c) && setCell(g, r, c, cellAt(g, r, c).value, undefined)));
        for (const a1 of Object.keys(g.hyperlinks)) if (intersects(parseBox(a1), m.box)) delete g.hyperlinks[a1];
      }
      if (applyTo !== "Contents") m.sheet.bold = m.sheet.bold.filter((b) => !contains(m.box, b));
      m.sheet.dirty = true;
      this.context.model.log.push({ kind: "clear", sheet: g.name, address: sheetAddress(g.name, m.box) });
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> implements WorksheetProtectionApi {
  protected readonly kind = "WorksheetProtection";
  get protected(): boolean {
    return this.read("protected");
  }
  protected override propertyValue(m: FakeSheet, name: string): unknown {
    return name === "protected" ? m.protected : super.propertyValue(m, name);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements WorksheetApi, Pick<Excel.Worksheet, "name" | "visibility" | "isNullObject"> {
  protected readonly kind = "Worksheet";
  readonly protection: FakeWorksheetProtection;

  constructor(context: FakeRequestContext, resolver: Resolver<FakeSheet>, nullable: boolean) {
    super(context, resolver, nullable);
    this.protection = new FakeWorksheetProtection(context, resolver, nullable);
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }

  protected override propertyValue(m: FakeSheet, name: string): unknown {
    if (name === "name") return m.grid.name;
    if (name === "visibility") return { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }[m.grid.visibility];
    return super.propertyValue(m, name);
  }

  protected override children(): Record<string, FakeObject<unknown>> {
    return { protection: this.protection as FakeObject<unknown> };
  }

  getNextOrNullObject(visibleOnly = false): FakeWorksheet {
    this.context.assertOpen();
    const sheets = this.context.model.sheets;
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.resolver();
        if (!s) return null;
        for (let i = sheets.indexOf(s) + 1; i < sheets.length; i++) if (!visibleOnly || sheets[i]!.grid.visibility === "visible") return sheets[i]!;
        return null;
      },
      true,
    );
  }

  private usedRange(valuesOnly: boolean, orNull: boolean): FakeRange {
    this.context.assertOpen();
    return new FakeRange(
      this.context,
      () => {
        const s = this.resolver();
        if (!s) return null;
        const box = usedBox(s, valuesOnly);
        if (box) return { sheet: s, box };
        return orNull ? null : { sheet: s, box: { top: 0, left: 0, bottom: 0, right: 0 } }; // a blank sheet: A1
      },
      orNull || this.nullable,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.usedRange(valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.usedRange(valuesOnly, true);
  }

  getRange(address?: string): FakeRange {
    this.context.assertOpen();
    return new FakeRange(
      this.context,
      () => {
        const s = this.resolver();
        return s && { sheet: s, box: address === undefined || address === "" ? WHOLE_SHEET : parseBox(address) };
      },
      this.nullable,
    );
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.assertOpen();
    return new FakeRangeAreas(
      this.context,
      () => {
        const s = this.resolver();
        return s && { sheet: s, boxes: address.split(/[,;]/).map((a) => parseBox(a.trim())) };
      },
      this.nullable,
    );
  }
}

export class FakeWorksheetCollection extends FakeObject<FakeWorkbook> implements WorksheetCollectionApi {
  protected readonly kind = "WorksheetCollection";

  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  protected override loadPaths(m: FakeWorkbook, paths: string[]): void {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (itemPaths.length !== paths.length) throw new FakeOfficeError("InvalidArgument", `load the collection's items ("items/name"): ${paths.join(",")}`);
    const items = m.sheets.map((s) => new FakeWorksheet(this.context, () => (this.context.model.sheets.includes(s) ? s : null), false));
    for (const item of items) for (const p of itemPaths) item.loadNow(p);
    this.loaded.set("items", items);
  }

  add(name: string): FakeWorksheet {
    this.context.assertOpen();
    let created: FakeSheet | null = null;
    this.command((m) => {
      created = m.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => created, false);
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    this.context.assertOpen();
    return new FakeWorksheet(this.context, () => this.context.model.sheets.find((s) => !visibleOnly || s.grid.visibility === "visible") ?? null, false);
  }

  getItem(key: string): FakeWorksheet {
    this.context.assertOpen();
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.assertOpen();
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null, true);
  }
}

export class FakeNamedItem extends FakeObject<FakeName> implements NamedItemApi, Pick<Excel.NamedItem, "name" | "formula" | "isNullObject"> {
  protected readonly kind = "NamedItem";

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }

  protected override propertyValue(m: FakeName, name: string): unknown {
    if (name === "name") return m.name;
    if (name === "formula") return m.formula;
    return super.propertyValue(m, name);
  }

  delete(): void {
    this.context.assertOpen();
    this.command((m) => {
      const model = this.context.model;
      model.names = model.names.filter((n) => n !== m);
      model.log.push({ kind: "deleteName", name: m.name });
    });
  }
}

export class FakeNamedItemCollection extends FakeObject<FakeWorkbook> implements NamedItemCollectionApi {
  protected readonly kind = "NamedItemCollection";

  get items(): FakeNamedItem[] {
    return this.read("items");
  }

  protected override loadPaths(m: FakeWorkbook, paths: string[]): void {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (itemPaths.length !== paths.length) throw new FakeOfficeError("InvalidArgument", `load the collection's items ("items/name"): ${paths.join(",")}`);
    const items = m.names.map((n) => new FakeNamedItem(this.context, () => (this.context.model.names.includes(n) ? n : null), false));
    for (const item of items) for (const p of itemPaths) item.loadNow(p);
    this.loaded.set("items", items);
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.context.assertOpen();
    void comment;
    let created: FakeName | null = null;
    this.command((m) => {
      if (m.name(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeOfficeError("InvalidArgument", `Invalid name "${name}".`);
      created = { name, formula: reference.startsWith("=") ? reference : `=${reference}` };
      m.names.push(created);
      m.log.push({ kind: "addName", name, formula: created.formula });
    });
    return new FakeNamedItem(this.context, () => created, false);
  }

  getItem(name: string): FakeNamedItem {
    this.context.assertOpen();
    return new FakeNamedItem(this.context, () => this.context.model.name(name) ?? null, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.context.assertOpen();
    return new FakeNamedItem(this.context, () => this.context.model.name(name) ?? null, true);
  }
}

export class FakeApplication extends FakeObject<FakeWorkbook> implements ApplicationApi {
  protected readonly kind = "Application";

  get calculationMode(): Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual" {
    return this.read("calculationMode");
  }

  protected override propertyValue(m: FakeWorkbook, name: string): unknown {
    return name === "calculationMode" ? m.calculationMode : super.propertyValue(m, name);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.context.assertOpen();
    this.command((m) => m.log.push({ kind: "suspendCalculation" }), false);
  }

  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void {
    this.context.assertOpen();
    this.command((m) => m.log.push({ kind: "calculate", type: calculationType }), false);
  }
}

export class FakeWorkbookProtection extends FakeObject<FakeWorkbook> implements WorkbookProtectionApi {
  protected readonly kind = "WorkbookProtection";
  get protected(): boolean {
    return this.read("protected");
  }
  protected override propertyValue(m: FakeWorkbook, name: string): unknown {
    return name === "protected" ? m.structureProtected : super.propertyValue(m, name);
  }
}

export class FakeWorkbookProxy extends FakeObject<FakeWorkbook> implements WorkbookApi, Pick<Excel.Workbook, "readOnly"> {
  protected readonly kind = "Workbook";
  readonly application: FakeApplication;
  readonly names: FakeNamedItemCollection;
  readonly protection: FakeWorkbookProtection;
  readonly worksheets: FakeWorksheetCollection;

  constructor(context: FakeRequestContext, resolver: Resolver<FakeWorkbook>) {
    super(context, resolver, false);
    this.application = new FakeApplication(context, resolver, false);
    this.names = new FakeNamedItemCollection(context, resolver, false);
    this.protection = new FakeWorkbookProtection(context, resolver, false);
    this.worksheets = new FakeWorksheetCollection(context, resolver, false);
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }

  protected override propertyValue(m: FakeWorkbook, name: string): unknown {
    return name === "readOnly" ? m.readOnly : super.propertyValue(m, name);
  }

  protected override children(): Record<string, FakeObject<unknown>> {
    return { application: this.application as FakeObject<unknown>, protection: this.protection as FakeObject<unknown> };
  }
}
