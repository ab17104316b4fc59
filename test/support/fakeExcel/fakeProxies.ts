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
// Cell formats (fill, font colour), notes, threaded comments and hyperlink details live beside each sheet
// (fakeCellFormats.ts); sheets can be hidden, very hidden and deleted as Excel allows (a very hidden sheet
// cannot be deleted; the last visible sheet cannot be hidden or deleted).
import type {
  ApplicationApi,
  CellPropertiesApi,
  ClientResultApi,
  CommentApi,
  CommentCollectionApi,
  NamedItemApi,
  NamedItemCollectionApi,
  NoteApi,
  NoteCollectionApi,
  RangeAreasApi,
  RangeApi,
  RangeFillApi,
  RangeFontApi,
  RangeFormatApi,
  RequestContextApi,
  WorkbookApi,
  WorkbookProtectionApi,
  WorksheetApi,
  WorksheetCollectionApi,
  WorksheetProtectionApi,
} from "../../../src/excel/excelApi";
import type { SheetChangedArgs, SheetSelectionArgs } from "../../../src/excel/paneApi";
import { toA1 } from "../../../src/domain/grid/address";
import { writtenFormulaValue } from "./fakeCalculation";
import type { FakeChartCollection } from "./fakeCharts";
import { setNumberFormats } from "./fakeNumberFormats";
import type { FakeTableCollection, FakeWorkbookTables } from "./fakeTables";
import { boxUnlocked, lockedState, protectionOf, setLocked } from "./fakeProtection";
import { cellIndex, DEFAULT_FONT_COLOR, extrasOf, formatAt, newCommentId, NO_FILL, updateFormat, type FakeCommentData } from "./fakeCellFormats";
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
  boxRef,
  parseBox,
  setCell,
  sheetAddress,
  typedEntry,
  usedBox,
  type Box,
  type FakeListener,
  type FakeName,
  type FakeSheet,
  type FakeWorkbook,
} from "./fakeWorkbook";

type Resolver<M> = () => M | null;

/**
 * Members simulated in files of their own, which fill this in when imported (fakeExcelHost.ts imports them):
 * a sheet's tables (fakeTables.ts) and charts (fakeCharts.ts), the workbook's tables.
 */
export const fakeMembers: {
  tables?: (context: FakeRequestContext, sheet: Resolver<FakeSheet>, nullable: boolean) => FakeTableCollection;
  charts?: (context: FakeRequestContext, sheet: Resolver<FakeSheet>, nullable: boolean) => FakeChartCollection;
  workbookTables?: (context: FakeRequestContext) => FakeWorkbookTables;
} = {};

function fakeMember<K extends keyof typeof fakeMembers>(name: K): NonNullable<(typeof fakeMembers)[K]> {
  const make = fakeMembers[name];
  if (!make) throw new Error(`fake Excel: ${name} live in their own file; import test/support/fakeExcel/fakeExcelHost`);
  return make;
}

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
  /** Runs a batch in this context again, as Excel.run(context, batch) does (to remove event handlers). */
  reopen(): void {
    this.closed = false;
  }

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

export abstract class FakeObject<M> {
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

/** A change to a protected sheet is refused, except to cells unlocked before it was protected (`box`). */
function assertWritable(sheet: FakeSheet, box?: Box): void {
  if (sheet.protected && !(box && boxUnlocked(sheet, box))) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.grid.name}").`);
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

  get color(): string {
    return this.read("color");
  }

  set color(value: string) {
    this.setProperty("color", value, (m) => {
      assertWritable(m.sheet);
      forEachCell(m, (r, c) => updateFormat(m.sheet, r, c, (f) => (f.fontColor = hexColor(value))));
      logFormat(this.context, m, "fontColor");
    });
  }
}

/** A 6-digit hex colour as Excel reports it ("#FFC7CE"); Excel also takes names, which the fake does not. */
function hexColor(value: string): string {
  const c = value.trim().toUpperCase();
  if (!/^#[0-9A-F]{6}$/.test(c)) throw new FakeOfficeError("InvalidArgument", `fake Excel: colour "${value}" (use #RRGGBB)`);
  return c;
}

const MAX_FORMAT_CELLS = 1_000_000;

/** Every cell of the areas (formats are kept per cell; whole columns are not simulated). */
function forEachCell(m: AreasModel, visit: (row: number, col: number) => void): void {
  for (const box of m.boxes) {
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_FORMAT_CELLS) throw new Error("fake Excel: formatting this many cells is not simulated");
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) visit(r, c);
  }
}

function logFormat(context: FakeRequestContext, m: AreasModel, property: "fill" | "fontColor" | "clearFill" | "pattern" | "patternColor"): void {
  for (const box of m.boxes) context.model.log.push({ kind: "format", sheet: m.sheet.grid.name, address: sheetAddress(m.sheet.grid.name, box), property });
}

type FillPattern = RangeFillApi["pattern"];

/** Range.format.fill: colour (a solid fill unless a pattern is set), pattern ("None": no fill), clear(). */
export class FakeRangeFill extends FakeObject<AreasModel> implements RangeFillApi {
  protected readonly kind = "RangeFill";

  get color(): string {
    return this.read("color");
  }
  set color(value: string) {
    this.setProperty("color", value, (m) => {
      assertWritable(m.sheet);
      const color = hexColor(value);
      forEachCell(m, (r, c) =>
        updateFormat(m.sheet, r, c, (f) => {
          const pattern = f.fill && f.fill.pattern !== "None" ? f.fill.pattern : "Solid";
          f.fill = { pattern, color, ...(f.fill?.patternColor !== undefined ? { patternColor: f.fill.patternColor } : {}) };
        }),
      );
      logFormat(this.context, m, "fill");
    });
  }

  get pattern(): FillPattern {
    return this.read("pattern");
  }
  set pattern(value: FillPattern) {
    this.setProperty("pattern", value, (m) => {
      assertWritable(m.sheet);
      forEachCell(m, (r, c) =>
        updateFormat(m.sheet, r, c, (f) => {
          if (value === "None") delete f.fill;
          else f.fill = { ...(f.fill ?? NO_FILL), pattern: value };
        }),
      );
      logFormat(this.context, m, "pattern");
    });
  }

  get patternColor(): string {
    return this.read("patternColor");
  }
  set patternColor(value: string) {
    this.setProperty("patternColor", value, (m) => {
      assertWritable(m.sheet);
      const color = hexColor(value);
      forEachCell(m, (r, c) =>
        updateFormat(m.sheet, r, c, (f) => {
          if (f.fill) f.fill = { ...f.fill, patternColor: color };
        }),
      );
      logFormat(this.context, m, "patternColor");
    });
  }

  clear(): void {
    this.context.assertOpen();
    this.command((m) => {
      assertWritable(m.sheet);
      forEachCell(m, (r, c) => updateFormat(m.sheet, r, c, (f) => delete f.fill));
      logFormat(this.context, m, "clearFill");
    });
  }
}

/** ExcelApi 1.2: whether cells stay locked when their sheet is protected (all are, in a new workbook). */
export class FakeFormatProtection extends FakeObject<AreasModel> implements Pick<Excel.FormatProtection, "locked"> {
  protected readonly kind = "FormatProtection";
  get locked(): boolean {
    return this.read("locked");
  }
  set locked(value: boolean) {
    this.setProperty("locked", value, (m) => {
      assertWritable(m.sheet);
      for (const box of m.boxes) setLocked(m.sheet, box, value);
      this.context.model.log.push({ kind: "locked", sheet: m.sheet.grid.name, address: m.boxes.map((b) => sheetAddress(m.sheet.grid.name, b)).join(", "), locked: value });
    });
  }
  protected override propertyValue(m: AreasModel, name: string): unknown {
    if (name !== "locked") return super.propertyValue(m, name);
    const states = new Set(m.boxes.map((b) => lockedState(m.sheet, b)));
    return states.size === 1 ? [...states][0] : null;
  }
}

export class FakeRangeFormat extends FakeObject<AreasModel> implements RangeFormatApi {
  protected readonly kind = "RangeFormat";
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly protection: FakeFormatProtection;

  constructor(context: FakeRequestContext, resolver: Resolver<AreasModel>, nullable: boolean) {
    super(context, resolver, nullable);
    this.font = new FakeRangeFont(context, resolver, nullable);
    this.fill = new FakeRangeFill(context, resolver, nullable);
    this.protection = new FakeFormatProtection(context, resolver, nullable);
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
  readonly format: { readonly font: FakeRangeFont; readonly fill: FakeRangeFill };

  constructor(context: FakeRequestContext, resolver: Resolver<AreasModel>, nullable: boolean) {
    super(context, resolver, nullable);
    this.format = { font: new FakeRangeFont(context, resolver, nullable), fill: new FakeRangeFill(context, resolver, nullable) };
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
  implements RangeApi, Pick<Excel.Range, "address" | "values" | "formulas" | "valueTypes" | "rowCount" | "columnCount" | "isNullObject" | "hyperlink">
{
  protected readonly kind = "Range";
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(context: FakeRequestContext, resolver: Resolver<RangeModel>, nullable: boolean) {
    super(context, resolver, nullable);
    const areas: Resolver<AreasModel> = () => {
      const m = resolver();
      return m && { sheet: m.sheet, boxes: [m.box] };
    };
    this.format = new FakeRangeFormat(context, areas, nullable);
    this.dataValidation = new FakeDataValidation(context, resolver, nullable);
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
  /** ExcelApi 1.1; the formats are kept by fakeNumberFormats.ts (numberFormatAt reads them). */
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: string[][]) {
    this.setProperty("numberFormat", rows, (m) => {
      assertWritable(m.sheet);
      setNumberFormats(m.sheet, m.box, rows);
    });
  }

  /** One cell's hyperlink (the top left cell's); setting it sets every cell's, as Excel does. */
  get hyperlink(): Excel.RangeHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    this.setProperty("hyperlink", link, (m) => {
      assertWritable(m.sheet);
      const g = m.sheet.grid;
      const extras = extrasOf(m.sheet).linkExtras;
      for (let r = m.box.top; r <= m.box.bottom; r++) {
        for (let c = m.box.left; c <= m.box.right; c++) {
          const a1 = toA1(r, c);
          if (link.address) g.hyperlinks[a1] = link.address;
          else delete g.hyperlinks[a1];
          const rest = { ...(link.documentReference ? { documentReference: link.documentReference } : {}), ...(link.screenTip ? { screenTip: link.screenTip } : {}) };
          if (Object.keys(rest).length > 0) extras.set(cellIndex(r, c), rest);
          else extras.delete(cellIndex(r, c));
          if (link.textToDisplay !== undefined) setCell(g, r, c, link.textToDisplay, undefined);
        }
      }
      m.sheet.dirty = true;
      this.context.model.log.push({ kind: "hyperlink", sheet: g.name, address: sheetAddress(g.name, m.box) });
    });
  }

  private assign(m: RangeModel, property: "values" | "formulas", rows: unknown[][]): void {
    assertWritable(m.sheet, m.box);
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
        const computed = formula === undefined ? undefined : writtenFormulaValue(this.context.model, m.sheet, formula);
        setCell(g, m.box.top + r, m.box.left + c, computed ?? value, formula);
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
      case "hyperlink":
        return linkAt(sheet, linksByCell(sheet.grid), box.top, box.left) ?? {};
      default:
        return super.propertyValue(m, name);
    }
  }

  /** Selects the range on its sheet and brings the sheet to the front; selection handlers hear of it. */
  select(): void {
    this.command((m) => {
      const model = this.context.model;
      const address = boxRef(m.box);
      model.activeSheet = m.sheet;
      model.selection = { sheet: m.sheet.grid.name, address };
      model.fire(m.sheet, "selectionChanged", address);
    }, false);
  }

  /**
   * Per cell, what `options` asks for among: hyperlink; format.fill.{color, pattern, patternColor};
   * format.font.{color, bold}. Anything else is not simulated and fails at once. No fill is reported as
   * Excel does: pattern "None" with a white colour.
   */
  getCellProperties(options: Excel.CellPropertiesLoadOptions): FakeClientResult<CellPropertiesApi[][]> {
    this.context.assertOpen();
    checkCellPropertyOptions(options);
    const result = new FakeClientResult<CellPropertiesApi[][]>();
    const fill = options.format?.fill;
    const font = options.format?.font;
    this.command((m) => {
      const links = options.hyperlink ? linksByCell(m.sheet.grid) : undefined;
      const out: CellPropertiesApi[][] = [];
      for (let r = m.box.top; r <= m.box.bottom; r++) {
        const row: CellPropertiesApi[] = [];
        for (let c = m.box.left; c <= m.box.right; c++) {
          const cell: CellPropertiesApi = {};
          const link = links ? linkAt(m.sheet, links, r, c) : undefined;
          if (link) cell.hyperlink = link;
          if (fill || font) {
            const f = formatAt(m.sheet, r, c);
            cell.format = {};
            if (fill) {
              const state = f.fill ?? NO_FILL;
              cell.format.fill = {
                ...(fill.color ? { color: state.color } : {}),
                ...(fill.pattern ? { pattern: state.pattern as FillPattern } : {}),
                ...(fill.patternColor ? { patternColor: state.patternColor ?? "#000000" } : {}),
              };
            }
            if (font) {
              const bold = f.bold ?? m.sheet.bold.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
              cell.format.font = { ...(font.color ? { color: f.fontColor ?? DEFAULT_FONT_COLOR } : {}), ...(font.bold ? { bold } : {}) };
            }
          }
          row.push(cell);
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
      if (applyTo !== "Contents") {
        m.sheet.bold = m.sheet.bold.filter((b) => !contains(m.box, b));
        const formats = extrasOf(m.sheet).formats;
        for (const key of [...formats.keys()]) {
          const [r, c] = [Math.floor(key / MAX_COLS), key % MAX_COLS];
          if (r >= m.box.top && r <= m.box.bottom && c >= m.box.left && c <= m.box.right) formats.delete(key);
        }
      }
      m.sheet.dirty = true;
      this.context.model.log.push({ kind: "clear", sheet: g.name, address: sheetAddress(g.name, m.box) });
    });
  }
}

/**
 * ExcelApi 1.8: a range's validation, kept in the grid's `validations` (as an .xlsx holds it). Excel refuses a
 * rule on a range that already has another; the add-in clears first. Only list and decimal rules are modelled.
 */
export class FakeDataValidation extends FakeObject<RangeModel> implements Pick<Excel.DataValidation, "rule" | "clear"> {
  protected readonly kind = "DataValidation";
  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.setProperty("rule", rule, (m) => {
      assertWritable(m.sheet);
      const sqref = sheetAddress(m.sheet.grid.name, m.box).replace(/^.*!/, "").replace(/\$/g, "");
      const overlaps = m.sheet.grid.validations.some((v) => v.sqref.split(/\s+/).some((r) => intersects(parseBox(r), m.box)));
      if (overlaps) throw new FakeOfficeError("InvalidOperation", "The range already has a data validation rule; clear it first.");
      if (rule.list) m.sheet.grid.validations.push({ sqref, type: "list", formulae: [`"${String(rule.list.source)}"`] });
      else if (rule.decimal) {
        const { formula1, formula2 } = rule.decimal;
        m.sheet.grid.validations.push({ sqref, type: "decimal", formulae: [String(formula1), ...(formula2 === undefined ? [] : [String(formula2)])] });
      } else throw new FakeOfficeError("InvalidArgument", "fake Excel: only list and decimal rules are modelled");
      m.sheet.dirty = true;
      this.context.model.log.push({ kind: "validation", sheet: m.sheet.grid.name, address: sqref });
    });
  }
  clear(): void {
    this.command((m) => {
      assertWritable(m.sheet);
      const before = m.sheet.grid.validations.length;
      m.sheet.grid.validations = m.sheet.grid.validations.filter((v) => !v.sqref.split(/\s+/).some((r) => intersects(parseBox(r), m.box)));
      if (m.sheet.grid.validations.length !== before) m.sheet.dirty = true;
    });
  }
}

export class FakeWorksheetProtection extends FakeObject<FakeSheet> implements WorksheetProtectionApi {
  protected readonly kind = "WorksheetProtection";
  get protected(): boolean {
    return this.read("protected");
  }
  protect(_options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.command((m) => {
      if (m.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
      m.protected = true;
      const state = protectionOf(m);
      if (password) state.password = password;
      else delete state.password;
      this.context.model.log.push({ kind: "protect", sheet: m.grid.name, protected: true });
    });
    this.loaded.set("protected", true);
  }
  unprotect(password?: string): void {
    this.command((m) => {
      const state = protectionOf(m);
      if (m.protected && state.password !== undefined && state.password !== password) throw new FakeOfficeError("InvalidPassword", "The password is incorrect.");
      m.protected = false;
      this.context.model.log.push({ kind: "protect", sheet: m.grid.name, protected: false });
    });
    this.loaded.set("protected", false);
  }
  protected override propertyValue(m: FakeSheet, name: string): unknown {
    return name === "protected" ? m.protected : super.propertyValue(m, name);
  }
}

export class FakeWorksheet extends FakeObject<FakeSheet> implements WorksheetApi, Pick<Excel.Worksheet, "name" | "visibility" | "isNullObject" | "delete"> {
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
  set visibility(value: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.setProperty("visibility", value, (m) => {
      const model = this.context.model;
      if (model.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      const next = ({ Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const)[value as "Visible" | "Hidden" | "VeryHidden"];
      if (!next) throw new FakeOfficeError("InvalidArgument", `visibility "${value}"`);
      if (next !== "visible" && !model.sheets.some((s) => s !== m && s.grid.visibility === "visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      m.grid.visibility = next;
      model.log.push({ kind: "visibility", sheet: m.grid.name, visibility: value });
    });
  }

  /** Deletes the sheet; as Excel, not a very hidden one (make it hidden first) nor the last visible one. */
  delete(): void {
    this.context.assertOpen();
    this.command((m) => {
      const model = this.context.model;
      if (model.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      if (m.grid.visibility === "veryHidden") throw new FakeOfficeError("InvalidOperation", "A very hidden worksheet cannot be deleted; make it hidden or visible first.");
      if (m.grid.visibility === "visible" && !model.sheets.some((s) => s !== m && s.grid.visibility === "visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      model.sheets.splice(model.sheets.indexOf(m), 1);
      if (model.activeSheet === m) model.activeSheet = model.sheets.find((s) => s.grid.visibility === "visible");
      model.log.push({ kind: "deleteSheet", sheet: m.grid.name });
    });
  }

  /** ExcelApi 1.18: the sheet's notes. */
  get notes(): FakeNoteCollection {
    this.context.assertOpen();
    return new FakeNoteCollection(this.context, this.resolver, this.nullable);
  }

  /** ExcelApi 1.1: the sheet's tables (fakeTables.ts). */
  get tables(): FakeTableCollection {
    this.context.assertOpen();
    return fakeMember("tables")(this.context, this.resolver, this.nullable);
  }

  /** ExcelApi 1.1: the sheet's charts (fakeCharts.ts). */
  get charts(): FakeChartCollection {
    this.context.assertOpen();
    return fakeMember("charts")(this.context, this.resolver, this.nullable);
  }

  /** ExcelApi 1.10: the sheet's threaded comments. */
  get comments(): FakeCommentCollection {
    this.context.assertOpen();
    return new FakeCommentCollection(
      this.context,
      () => {
        const s = this.resolver();
        return s && { workbook: this.context.model, sheet: s };
      },
      this.nullable,
    );
  }

  protected override propertyValue(m: FakeSheet, name: string): unknown {
    if (name === "name") return m.grid.name;
    if (name === "visibility") return { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }[m.grid.visibility];
    return super.propertyValue(m, name);
  }

  protected override children(): Record<string, FakeObject<unknown>> {
    return { protection: this.protection as FakeObject<unknown> };
  }

  /** Brings the sheet to the front. */
  activate(): void {
    this.command((m) => {
      this.context.model.activeSheet = m;
    }, false);
  }

  /** ExcelApi 1.7: edits of the sheet's cells. */
  get onChanged(): FakeEventHandlers<SheetChangedArgs> {
    return new FakeEventHandlers(this.context, this.resolver, (sheet, handler) => ({ sheet, event: "changed", handler }));
  }

  /** ExcelApi 1.7: the user selected another range of the sheet. */
  get onSelectionChanged(): FakeEventHandlers<SheetSelectionArgs> {
    return new FakeEventHandlers(this.context, this.resolver, (sheet, handler) => ({ sheet, event: "selectionChanged", handler }));
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

/**
 * A worksheet event: add() registers the handler at the next sync (a queued command, like any other); the
 * registration's remove() is a command too, to be synced in the context it was added in.
 */
export class FakeEventHandlers<Args> {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: Resolver<FakeSheet>,
    private readonly listen: (sheet: FakeSheet, handler: (args: Args) => Promise<unknown>) => FakeListener,
  ) {}

  add(handler: (args: Args) => Promise<unknown>): { context: FakeRequestContext; remove(): void } {
    const context = this.context;
    let listener: FakeListener | undefined;
    context.enqueue(() => {
      const sheet = this.sheet();
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (Worksheet).");
      listener = this.listen(sheet, handler);
      context.model.listeners.push(listener);
    }, true);
    return {
      context,
      remove: () => {
        context.enqueue(() => {
          context.model.listeners = context.model.listeners.filter((l) => l !== listener);
        }, true);
      },
    };
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
  /** ExcelApi 1.10: every threaded comment of the workbook. */
  readonly comments: FakeCommentCollection;

  constructor(context: FakeRequestContext, resolver: Resolver<FakeWorkbook>) {
    super(context, resolver, false);
    this.comments = new FakeCommentCollection(context, () => ({ workbook: context.model }), false);
    this.application = new FakeApplication(context, resolver, false);
    this.names = new FakeNamedItemCollection(context, resolver, false);
    this.protection = new FakeWorkbookProtection(context, resolver, false);
    this.worksheets = new FakeWorksheetCollection(context, resolver, false);
  }

  get readOnly(): boolean {
    return this.read("readOnly");
  }

  private tablesProxy: FakeWorkbookTables | undefined;
  /** ExcelApi 1.1: every table of the workbook (fakeTables.ts); the same proxy each time, as in Office.js. */
  get tables(): FakeWorkbookTables {
    this.context.assertOpen();
    return (this.tablesProxy ??= fakeMember("workbookTables")(this.context));
  }

  protected override propertyValue(m: FakeWorkbook, name: string): unknown {
    return name === "readOnly" ? m.readOnly : super.propertyValue(m, name);
  }

  protected override children(): Record<string, FakeObject<unknown>> {
    return { application: this.application as FakeObject<unknown>, protection: this.protection as FakeObject<unknown> };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Hyperlinks, notes and threaded comments

function linkAt(sheet: FakeSheet, links: Map<number, string>, row: number, col: number): Excel.RangeHyperlink | undefined {
  const address = links.get(row * MAX_COLS + col);
  const extra = extrasOf(sheet).linkExtras.get(cellIndex(row, col));
  if (!address && !extra) return undefined;
  return { ...(address ? { address } : {}), ...extra };
}

function checkCellPropertyOptions(options: Excel.CellPropertiesLoadOptions): void {
  const bad: string[] = [];
  for (const key of Object.keys(options)) if (key !== "hyperlink" && key !== "format") bad.push(key);
  const format = options.format ?? {};
  for (const key of Object.keys(format)) if (key !== "fill" && key !== "font") bad.push(`format.${key}`);
  for (const key of Object.keys(format.fill ?? {})) if (!["color", "pattern", "patternColor"].includes(key)) bad.push(`format.fill.${key}`);
  for (const key of Object.keys(format.font ?? {})) if (!["color", "bold"].includes(key)) bad.push(`format.font.${key}`);
  if (bad.length > 0) throw new Error(`fake Excel: getCellProperties(${bad.join(", ")}) is not simulated`);
}

/** A single cell of an address as NoteCollection.add and getItem take it ("K12", "'LKE ZI'!K12"). */
function singleCell(address: string): { row: number; col: number } {
  const box = parseBox(address);
  if (box.top !== box.bottom || box.left !== box.right) throw new FakeOfficeError("InvalidCellAddress", `"${address}" is not a single cell.`);
  return { row: box.top, col: box.left };
}

/** The sheet an address names, or the collection's own sheet. */
function sheetOfAddress(model: FakeWorkbook, own: FakeSheet | undefined, address: string): FakeSheet {
  if (own) return own;
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw new FakeOfficeError("InvalidArgument", `"${address}" needs a sheet name in a workbook's collection.`);
  const prefix = address.slice(0, bang);
  const name = prefix.startsWith("'") && prefix.endsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  const sheet = model.sheet(name);
  if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet "${name}"`);
  return sheet;
}

interface NoteModel {
  sheet: FakeSheet;
  key: number;
}

/** ExcelApi 1.18: a sheet's notes. A cell holds a note or a threaded comment, not both. */
export class FakeNoteCollection extends FakeObject<FakeSheet> implements NoteCollectionApi {
  protected readonly kind = "NoteCollection";

  add(cellAddress: string, content: string): FakeNote {
    this.context.assertOpen();
    const { row, col } = singleCell(cellAddress);
    let created: NoteModel | null = null;
    this.command((s) => {
      assertWritable(s);
      const e = extrasOf(s);
      const key = cellIndex(row, col);
      if (e.notes.has(key)) throw new FakeOfficeError("InvalidArgument", `${toA1(row, col)} already has a note.`);
      if (e.comments.has(key)) throw new FakeOfficeError("InvalidOperation", `${toA1(row, col)} has a threaded comment; a cell cannot hold both.`);
      e.notes.set(key, String(content));
      created = { sheet: s, key };
      this.context.model.log.push({ kind: "note", action: "add", sheet: s.grid.name, address: toA1(row, col) });
    });
    return new FakeNote(this.context, () => created, false);
  }

  private item(key: string, nullable: boolean): FakeNote {
    this.context.assertOpen();
    const { row, col } = singleCell(key);
    return new FakeNote(
      this.context,
      () => {
        const s = this.resolver();
        return s && extrasOf(s).notes.has(cellIndex(row, col)) ? { sheet: s, key: cellIndex(row, col) } : null;
      },
      nullable || this.nullable,
    );
  }

  getItem(key: string): FakeNote {
    return this.item(key, false);
  }

  getItemOrNullObject(key: string): FakeNote {
    return this.item(key, true);
  }
}

export class FakeNote extends FakeObject<NoteModel> implements NoteApi {
  protected readonly kind = "Note";

  get content(): string {
    return this.read("content");
  }
  set content(value: string) {
    this.setProperty("content", value, (m) => {
      assertWritable(m.sheet);
      extrasOf(m.sheet).notes.set(m.key, String(value));
      this.context.model.log.push({ kind: "note", action: "set", sheet: m.sheet.grid.name, address: toA1(Math.floor(m.key / MAX_COLS), m.key % MAX_COLS) });
    });
  }

  protected override propertyValue(m: NoteModel, name: string): unknown {
    return name === "content" ? extrasOf(m.sheet).notes.get(m.key) : super.propertyValue(m, name);
  }

  delete(): void {
    this.context.assertOpen();
    this.command((m) => {
      assertWritable(m.sheet);
      extrasOf(m.sheet).notes.delete(m.key);
      this.context.model.log.push({ kind: "note", action: "delete", sheet: m.sheet.grid.name, address: toA1(Math.floor(m.key / MAX_COLS), m.key % MAX_COLS) });
    });
  }
}

interface CommentsModel {
  workbook: FakeWorkbook;
  /** A sheet's collection; the workbook's has none. */
  sheet?: FakeSheet;
}

interface CommentModel {
  sheet: FakeSheet;
  key: number;
  comment: FakeCommentData;
}

function findComment(model: FakeWorkbook, id: string): CommentModel | null {
  for (const sheet of model.sheets) {
    for (const [key, comment] of extrasOf(sheet).comments) if (comment.id === id) return { sheet, key, comment };
  }
  return null;
}

/** ExcelApi 1.10: threaded comments, of the workbook or of one sheet. */
export class FakeCommentCollection extends FakeObject<CommentsModel> implements CommentCollectionApi {
  protected readonly kind = "CommentCollection";

  get items(): FakeComment[] {
    return this.read("items");
  }

  protected override loadPaths(m: CommentsModel, paths: string[]): void {
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    if (itemPaths.length !== paths.length) throw new FakeOfficeError("InvalidArgument", `load the collection's items ("items/id"): ${paths.join(",")}`);
    const sheets = m.sheet ? [m.sheet] : m.workbook.sheets;
    const ids = sheets.flatMap((s) => [...extrasOf(s).comments.values()].map((c) => c.id));
    const items = ids.map((id) => new FakeComment(this.context, () => findComment(this.context.model, id), false));
    for (const item of items) for (const p of itemPaths) item.loadNow(p);
    this.loaded.set("items", items);
  }

  add(cellAddress: string, content: string): FakeComment {
    this.context.assertOpen();
    const { row, col } = singleCell(cellAddress);
    let created: CommentModel | null = null;
    this.command((m) => {
      const sheet = sheetOfAddress(m.workbook, m.sheet, cellAddress);
      assertWritable(sheet);
      const e = extrasOf(sheet);
      const key = cellIndex(row, col);
      if (e.comments.has(key)) throw new FakeOfficeError("InvalidOperation", `${toA1(row, col)} already has a threaded comment.`);
      if (e.notes.has(key)) throw new FakeOfficeError("InvalidOperation", `${toA1(row, col)} has a note; a cell cannot hold both.`);
      const comment = { id: newCommentId(), content: String(content) };
      e.comments.set(key, comment);
      created = { sheet, key, comment };
      m.workbook.log.push({ kind: "comment", action: "add", sheet: sheet.grid.name, address: toA1(row, col) });
    });
    return new FakeComment(this.context, () => created, false);
  }

  getItem(commentId: string): FakeComment {
    this.context.assertOpen();
    return new FakeComment(this.context, () => findComment(this.context.model, commentId), false);
  }
}

export class FakeComment extends FakeObject<CommentModel> implements CommentApi {
  protected readonly kind = "Comment";

  get id(): string {
    return this.read("id");
  }
  get content(): string {
    return this.read("content");
  }
  set content(value: string) {
    this.setProperty("content", value, (m) => {
      assertWritable(m.sheet);
      m.comment.content = String(value);
      this.context.model.log.push({ kind: "comment", action: "set", sheet: m.sheet.grid.name, address: toA1(Math.floor(m.key / MAX_COLS), m.key % MAX_COLS) });
    });
  }

  protected override propertyValue(m: CommentModel, name: string): unknown {
    if (name === "id") return m.comment.id;
    if (name === "content") return m.comment.content;
    return super.propertyValue(m, name);
  }

  delete(): void {
    this.context.assertOpen();
    this.command((m) => {
      assertWritable(m.sheet);
      extrasOf(m.sheet).comments.delete(m.key);
      this.context.model.log.push({ kind: "comment", action: "delete", sheet: m.sheet.grid.name, address: toA1(Math.floor(m.key / MAX_COLS), m.key % MAX_COLS) });
    });
  }

  /** The comment's cell. */
  getLocation(): FakeRange {
    this.context.assertOpen();
    return new FakeRange(
      this.context,
      () => {
        const m = this.resolver();
        if (!m) return null;
        const [row, col] = [Math.floor(m.key / MAX_COLS), m.key % MAX_COLS];
        return { sheet: m.sheet, box: { top: row, bottom: row, left: col, right: col } };
      },
      false,
    );
  }
}
