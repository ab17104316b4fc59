// npm run bench [-- --json] [-- --file some.xlsx]
//
// Prints the contract's bench metrics (contracts/cli.md) that exist so far, one JSON object per line with
// --json, else a table:
//   engine.report_ms   the pure core on an already-parsed snapshot: analyzeLke(snapshot, loadModel()) + toReportJson
//   xlsx.parse_ms      readXlsx(bytes): sniff + the fast reader, the path of `lke-zi report`
//   xlsx.floor_ms      the irreducible work of reading the LKE sheet (bench/floor.ts says exactly what it is)
//   xlsx.parse_floor_ratio               parse_ms / floor_ms (the target is at most 3)
// and, for comparison, the same read through the exceljs-based reader that readXlsx used before
// (xlsx.parse_exceljs_ms) and through the fast reader with its pure-JavaScript inflater, the browser's path
// (xlsx.parse_purejs_ms). Medians of interleaved rounds after warm-up; every line says on which file.
// office.*, aggregate.* and taskpane.* metrics come with their features; none is printed before it exists.
import { toReportJson } from "../src/app/reportJson";
import { loadModel } from "../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../src/domain/report/analyzeLke";
import { readWorkbookXml } from "../src/xlsx/readWorkbookXml";
import { readXlsx } from "../src/xlsx/readXlsx";
import { readXlsxWithExcelJs } from "../src/xlsx/readXlsxExcelJs";
import * as fs from "node:fs";
import { pathToTarget } from "../src/domain/gaps/pathToPredicate";
import { whatIf } from "../src/domain/gaps/whatIf";
import { measureAggregate } from "./aggregate";
import { floorScan } from "./floor";
import { measureOfficeSyncs } from "./office";
import { measureFirstRender, measureTaskpaneBundle } from "./taskpane";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { benchInput, floorParts, type BenchInput } from "./input";
import { measure, pairedRatio, type Timing } from "./measure";

interface Metric {
  name: string;
  value: number;
  unit: "ms" | "count" | "ratio" | "files/s" | "MB" | "KB";
  [extra: string]: unknown;
}

function timingMetric(name: string, t: Timing, file: string, extra: Record<string, unknown> = {}): Metric {
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { name, value: round(t.median), unit: "ms", runs: t.runs, p25: round(t.p25), p75: round(t.p75), min: round(t.min), file, ...extra };
}

function ratioMetric(name: string, num: Timing, den: Timing, file: string, of: string, paired = false): Metric {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    value: r2(num.median / den.median),
    unit: "ratio",
    of,
    // With a busy machine the ratio of medians drifts; the median of per-round ratios (both runs of a round
    // back to back) is steadier. Both are given; value is the plain ratio of the two medians.
    ...(paired ? { paired_median: r2(pairedRatio(num, den)), of_mins: r2(num.min / den.min) } : {}),
    file,
  };
}

function parseArgs(argv: string[]): { json: boolean; file?: string; skipAggregate?: boolean } {
  const out: { json: boolean; file?: string; skipAggregate?: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") out.json = true;
    else if (a === "--no-aggregate") out.skipAggregate = true;
    else if (a === "--file") out.file = argv[++i];
    else if (a.startsWith("--file=")) out.file = a.slice("--file=".length);
    else throw new Error(`unknown argument ${a} (use --json, --file <workbook.xlsx>)`);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const input: BenchInput = args.file ? { file: args.file, bytes: new Uint8Array(fs.readFileSync(args.file)) } : await benchInput();
  const { file, bytes } = input;
  const metrics: Metric[] = [];
  const emit = (m: Metric) => {
    metrics.push(m);
    if (args.json) process.stdout.write(`${JSON.stringify(m)}\n`);
  };

  // The core on a parsed snapshot.
  const model = loadModel();
  const snapshot = await readXlsx(bytes);
  const first = analyzeLke(snapshot, model);
  if (!("scores" in first)) throw new Error(`${file}: no LKE found (${first.kind}); the bench needs an LKE workbook`);
  const engine = await measure([{ name: "report", run: () => toReportJson(analyzeLke(snapshot, loadModel()) as LkeAnalysis, file) }]);
  emit(timingMetric("engine.report_ms", engine.get("report")!, file));

  // Gaps: one changed answer → new scores and verdicts; the cheapest path to both predicates.
  const question = first.model.questions.find((q) => !q.percent && q.type !== "survey")!;
  const other = (question.options ?? first.model.answerTypes[question.type].options)!.at(-1)!.key;
  const gaps = await measure([
    { name: "whatif", run: () => whatIf(first, [{ item: question.code, value: other }]) },
    { name: "recommend", run: () => [pathToTarget(first, "wbk"), pathToTarget(first, "wbbm")] },
  ]);
  emit(timingMetric("engine.whatif_ms", gaps.get("whatif")!, file, { change: `${question.code} → ${other}` }));
  emit(timingMetric("engine.recommend_ms", gaps.get("recommend")!, file, { targets: ["wbk", "wbbm"] }));

  // The Office.js gateway on the simulated Excel host: context.sync() calls per operation.
  const office = await measureOfficeSyncs();
  emit({ name: "office.read_syncs", value: office.readSyncs, unit: "count", file: office.file ?? file });
  emit({ name: "office.write_syncs", value: office.writeSyncs, unit: "count", file: office.file ?? file });

  // Reading: the production reader, the floor and the pure-JS variant, interleaved round by round.
  const parts = floorParts(bytes, first.layout.sheet);
  const reads = await measure([
    { name: "parse", run: () => readXlsx(bytes) },
    { name: "floor", run: () => floorScan(bytes, parts) },
    { name: "purejs", run: () => readWorkbookXml(bytes, { inflate: "js" }) },
  ]);
  const parse = reads.get("parse")!;
  const floor = reads.get("floor")!;
  emit(timingMetric("xlsx.parse_ms", parse, file, { reader: "readWorkbookXml" }));
  emit(timingMetric("xlsx.floor_ms", floor, file, { parts: [parts.sheet, parts.sharedStrings].filter(Boolean) }));
  emit(ratioMetric("xlsx.parse_floor_ratio", parse, floor, file, "xlsx.parse_ms / xlsx.floor_ms", true));
  emit(timingMetric("xlsx.parse_purejs_ms", reads.get("purejs")!, file, { reader: "readWorkbookXml with fflate" }));

  // The exceljs reader, slower by far: fewer rounds.
  const exceljs = await measure([{ name: "exceljs", run: () => readXlsxWithExcelJs(bytes) }], { minMs: 0, warmupMs: 0 });
  emit(timingMetric("xlsx.parse_exceljs_ms", exceljs.get("exceljs")!, file, { reader: "exceljs 4.4.0" }));
  emit(ratioMetric("xlsx.parse_exceljs_floor_ratio", exceljs.get("exceljs")!, floor, file, "xlsx.parse_exceljs_ms / xlsx.floor_ms"));

  // The task pane: first-screen JavaScript and first render of a production build made now from the sources
  // (its own output folder: an older dist/ is never what is measured).
  const dist = path.resolve(__dirname, "..", "test-output", "bench", "dist");
  fs.rmSync(dist, { recursive: true, force: true });
  spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", dist], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "ignore",
  });
  if (fs.existsSync(path.join(dist, "taskpane.html"))) {
    const bundle = measureTaskpaneBundle(dist);
    emit({ name: "taskpane.initial_js_gzip_kb", value: bundle.initialJsGzipKb, unit: "KB", files: bundle.initial.map((f) => f.file) });
    const firstRender = await measureFirstRender(dist);
    if (firstRender !== undefined) emit({ name: "taskpane.first_render_ms", value: Math.round(firstRender), unit: "ms" });
  }

  // Coordinators: 200 generated workbooks through `lke-zi aggregate` in a child process.
  if (!args.skipAggregate) {
    const agg = await measureAggregate();
    emit({ name: "aggregate.files_per_s", value: Math.round(agg.filesPerS * 10) / 10, unit: "files/s", files: agg.files });
    emit({ name: "aggregate.peak_rss_mb", value: Math.round(agg.peakRssMb), unit: "MB", files: agg.files, peak_rss_mb_100_files: Math.round(agg.peakRssMb100) });
  }

  if (!args.json) {
    process.stdout.write(`lke-zi bench — ${file}\n\n`);
    const rows = metrics.map((m) => [
      m.name,
      m.unit === "ratio" ? `${m.value.toFixed(2)}×` : `${m.value.toFixed(3)} ${m.unit}`,
      m.unit === "ms" ? `${(m.p25 as number).toFixed(3)}–${(m.p75 as number).toFixed(3)}` : "",
      m.unit === "ms" ? String(m.runs) : "",
    ]);
    const header = ["metric", "median", "p25–p75", "runs"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ");
    process.stdout.write(`${line(header)}\n${widths.map((w) => "-".repeat(w)).join("   ")}\n`);
    for (const r of rows) process.stdout.write(`${line(r)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
