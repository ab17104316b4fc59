// npm run build && node bin/run-ts.js bench/taskpane.ts [dist] [--json]
//
// The task pane's weight and speed, from a production build:
//   taskpane.initial_js_gzip_kb   the JavaScript taskpane.html loads before the pane can render (its <script>
//                                 tags: the entry and its split vendor file), gzip -9, in KB (1024 bytes). The
//                                 chunks fetched later through import() (the analysis core, the panels behind
//                                 the other tabs, the .xlsx reader/writer) are listed but not counted. Budget: 150.
//   taskpane.first_render_ms      headless Chromium (/usr/bin/chromium), office.js served locally: from navigation
//                                 start to the pane's first render (its heading), outside Office (the standalone
//                                 screen). Printed only where Chromium is installed; median of 5 loads.
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM, launchChromium } from "../test/e2e/support/chromium";
import { startStaticServer } from "../test/e2e/support/staticServer";

export interface TaskpaneBundle {
  initialJsGzipKb: number;
  initial: Array<{ file: string; bytes: number; gzipBytes: number }>;
  lazy: Array<{ file: string; bytes: number; gzipBytes: number }>;
}

const DEFAULT_DIST = path.resolve(__dirname, "..", "dist");

function sizes(dist: string, file: string) {
  const body = fs.readFileSync(path.join(dist, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Reads dist/ after `npm run build`. */
export function measureTaskpaneBundle(dist: string = DEFAULT_DIST): TaskpaneBundle {
  const page = path.join(dist, "taskpane.html");
  if (!fs.existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` first`);
  const html = fs.readFileSync(page, "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!).filter((src) => !/^[a-z]+:\/\//i.test(src));
  const initial = scripts.map((src) => sizes(dist, src.replace(/^\.?\//, "")));
  const lazy = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".chunk.js"))
    .map((f) => sizes(dist, f));
  const total = initial.reduce((s, f) => s + f.gzipBytes, 0);
  return { initialJsGzipKb: Math.round((total / 1024) * 10) / 10, initial, lazy };
}

/** Median time to the pane's first render in headless Chromium, or undefined without Chromium. */
export async function measureFirstRender(dist: string = DEFAULT_DIST, loads = 5): Promise<number | undefined> {
  if (!fs.existsSync(CHROMIUM)) return undefined;
  const server = await startStaticServer(dist);
  const chromium = await launchChromium(server.origin);
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await chromium.context.newPage();
      await page.goto(`${server.origin}/taskpane.html`);
      await page.locator("#root h1").waitFor({ timeout: 30_000 });
      times.push(
        await page.evaluate(() => {
          const paint = performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint");
          return paint ? paint.startTime : performance.now();
        }),
      );
      await page.close();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]!);
  } finally {
    await chromium.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const dist = args.find((a) => !a.startsWith("--")) ?? DEFAULT_DIST;
  const bundle = measureTaskpaneBundle(dist);
  const metrics: Array<Record<string, unknown>> = [
    {
      name: "taskpane.initial_js_gzip_kb",
      value: bundle.initialJsGzipKb,
      unit: "KB",
      budget: 150,
      files: bundle.initial.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)}`),
      lazy: bundle.lazy.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)}`),
    },
  ];
  const firstRender = await measureFirstRender(dist);
  if (firstRender !== undefined) metrics.push({ name: "taskpane.first_render_ms", value: firstRender, unit: "ms", page: "taskpane.html (outside Office)" });
  for (const m of metrics) {
    if (json) console.log(JSON.stringify(m));
    else console.log(`${String(m.name).padEnd(30)} ${m.value} ${m.unit}`);
  }
}

// Run directly (node bin/run-ts.js bench/taskpane.ts), not when imported by another bench.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === __filename) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
