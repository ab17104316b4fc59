// Charts of the simulated host (ExcelApi 1.1 and 1.7): a sheet's ChartCollection.add(type, range, seriesBy), a
// chart's name, title, legend, value axis bounds, position and series (add, getItemAt, setValues, setXAxisValues,
// chartType). The series of a new chart come from its source range as Excel makes them: by columns, a text cell
// on top of a column is the series name. Kept beside each FakeSheet (a deleted sheet takes its charts with it);
// registered into fakeProxies.ts's worksheet when this file is imported (fakeExcelHost.ts does).
import type { ChartApi, ChartCollectionApi, ChartSeriesApi, ChartSeriesCollectionApi } from "../../../src/excel/recapApi";
import { FakeObject, fakeMembers, type FakeRange, type FakeRequestContext } from "./fakeProxies";
import { FakeOfficeError, parseBox, type Box, type FakeSheet } from "./fakeWorkbook";

export interface FakeRangeRef {
  sheet: FakeSheet;
  box: Box;
}

export interface FakeSeriesModel {
  name: string;
  chartType: string;
  values?: FakeRangeRef;
  xValues?: FakeRangeRef;
}

export interface FakeChartModel {
  name: string;
  type: string;
  title: string;
  legendPosition: string;
  minimum?: number;
  maximum?: number;
  series: FakeSeriesModel[];
  position?: { from: string; to: string };
}

const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "BarClustered", "Line", "LineMarkers", "Pie", "XYScatter", "Area"]);
const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);

const charts = new WeakMap<FakeSheet, FakeChartModel[]>();

/** The charts on a sheet, as the add-in left them. */
export function chartsOf(sheet: FakeSheet): FakeChartModel[] {
  let c = charts.get(sheet);
  if (!c) charts.set(sheet, (c = []));
  return c;
}

/** A FakeRange's sheet and box at the sync (its resolver is the proxy's own: protected in FakeObject). */
function rangeRef(range: FakeRange): FakeRangeRef {
  const m = (range as unknown as { resolver: () => FakeRangeRef | null }).resolver();
  if (!m) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (Range).");
  return m;
}

function checkType(type: string): void {
  if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `fake Excel: chart type "${type}" is not simulated`);
}

export class FakeChartSeries extends FakeObject<FakeSeriesModel> implements ChartSeriesApi {
  protected readonly kind = "ChartSeries";
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setProperty("name", value, (m) => (m.name = value));
  }
  get chartType(): ChartSeriesApi["chartType"] {
    return this.read("chartType");
  }
  set chartType(value: ChartSeriesApi["chartType"]) {
    this.setProperty("chartType", value, (m) => {
      checkType(value);
      m.chartType = value;
    });
  }
  setValues(sourceData: FakeRange): void {
    this.command((m) => (m.values = rangeRef(sourceData)));
  }
  setXAxisValues(sourceData: FakeRange): void {
    this.command((m) => (m.xValues = rangeRef(sourceData)));
  }
  protected override propertyValue(m: FakeSeriesModel, name: string): unknown {
    if (name === "name") return m.name;
    if (name === "chartType") return m.chartType;
    return super.propertyValue(m, name);
  }
}

class FakeChartSeriesCollection extends FakeObject<FakeChartModel> implements ChartSeriesCollectionApi {
  protected readonly kind = "ChartSeriesCollection";
  add(name?: string, index?: number): FakeChartSeries {
    this.context.assertOpen();
    let created: FakeSeriesModel | null = null;
    this.command((m) => {
      created = { name: name ?? `Series${m.series.length + 1}`, chartType: m.type };
      m.series.splice(index ?? m.series.length, 0, created);
    });
    return new FakeChartSeries(this.context, () => created, false);
  }
  getItemAt(index: number): FakeChartSeries {
    this.context.assertOpen();
    return new FakeChartSeries(this.context, () => this.resolver()?.series[index] ?? null, false);
  }
}

/** A settable member of a chart part (title text, legend position, axis bounds). */
class FakeChartPart extends FakeObject<FakeChartModel> {
  protected readonly kind = "ChartPart";
  protected set(name: string, value: unknown, apply: (m: FakeChartModel) => void): void {
    this.setProperty(name, value, apply);
  }
  protected get<T>(name: string): T {
    return this.read(name);
  }
}

class FakeChartTitle extends FakeChartPart {
  get text(): string {
    return this.get("text");
  }
  set text(value: string) {
    this.set("text", value, (m) => (m.title = value));
  }
}

class FakeChartLegend extends FakeChartPart {
  get position(): ChartApi["legend"]["position"] {
    return this.get("position");
  }
  set position(value: ChartApi["legend"]["position"]) {
    this.set("position", value, (m) => {
      if (!LEGEND_POSITIONS.has(value)) throw new FakeOfficeError("InvalidArgument", `legend position "${value}"`);
      m.legendPosition = value;
    });
  }
}

class FakeChartAxis extends FakeChartPart {
  get minimum(): number {
    return this.get("minimum");
  }
  set minimum(value: number) {
    this.set("minimum", value, (m) => (m.minimum = value));
  }
  get maximum(): number {
    return this.get("maximum");
  }
  set maximum(value: number) {
    this.set("maximum", value, (m) => (m.maximum = value));
  }
}

export class FakeChart extends FakeObject<FakeChartModel> implements ChartApi {
  protected readonly kind = "Chart";
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly axes: { readonly valueAxis: FakeChartAxis };
  readonly series: FakeChartSeriesCollection;

  constructor(context: FakeRequestContext, resolver: () => FakeChartModel | null, nullable: boolean) {
    super(context, resolver, nullable);
    this.title = new FakeChartTitle(context, resolver, nullable);
    this.legend = new FakeChartLegend(context, resolver, nullable);
    this.axes = { valueAxis: new FakeChartAxis(context, resolver, nullable) };
    this.series = new FakeChartSeriesCollection(context, resolver, nullable);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.setProperty("name", value, (m) => (m.name = value));
  }

  setPosition(startCell: string, endCell?: string): void {
    this.command((m) => {
      parseBox(startCell);
      if (endCell) parseBox(endCell);
      m.position = { from: startCell, to: endCell ?? startCell };
    });
  }

  protected override propertyValue(m: FakeChartModel, name: string): unknown {
    return name === "name" ? m.name : super.propertyValue(m, name);
  }
}

export class FakeChartCollection extends FakeObject<FakeSheet> implements ChartCollectionApi {
  protected readonly kind = "ChartCollection";

  add(type: "ColumnClustered", sourceData: FakeRange, seriesBy: "Auto" | "Columns" | "Rows" = "Auto"): FakeChart {
    this.context.assertOpen();
    let created: FakeChartModel | null = null;
    this.command((own) => {
      checkType(type);
      if (own.protected) throw new FakeOfficeError("AccessDenied", `The sheet "${own.grid.name}" is protected.`);
      if (seriesBy === "Rows") throw new Error("fake Excel: series by rows is not simulated");
      const { sheet, box } = rangeRef(sourceData);
      const series: FakeSeriesModel[] = [];
      for (let c = box.left; c <= box.right; c++) {
        const top = sheet.grid.values[box.top]?.[c];
        const named = typeof top === "string" && box.bottom > box.top;
        series.push({
          name: named ? top : `Series${series.length + 1}`,
          chartType: type,
          values: { sheet, box: { top: named ? box.top + 1 : box.top, bottom: box.bottom, left: c, right: c } },
        });
      }
      created = { name: `Chart ${chartsOf(own).length + 1}`, type, title: "", legendPosition: "Right", series };
      chartsOf(own).push(created);
    });
    return new FakeChart(this.context, () => created, false);
  }
}

fakeMembers.charts = (context, sheet, nullable) => new FakeChartCollection(context, sheet, nullable);
