// Builds what the e2e suite serves: the pane exactly as `npm run build` makes it (webpack, production mode, into
// test-output/e2e/dist), plus the simulated Excel host page (esbuild bundle of test/e2e/page/e2eHost.ts) and
// taskpane-e2e.html: the built taskpane.html with one script tag added after office.js.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, "../../..");
export const OUTPUT = path.join(ROOT, "test-output", "e2e");
export const DIST = path.join(OUTPUT, "dist");
/** webpack's stats of that build: every module of every chunk. */
export const STATS = path.join(OUTPUT, "webpack-stats.json");

export async function buildPane(): Promise<{ dist: string; webpackMs: number }> {
  const started = Date.now();
  fs.rmSync(DIST, { recursive: true, force: true });
  const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  await run(process.execPath, [webpackCli, "--mode", "production", "--output-path", DIST, `--json=${STATS}`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const webpackMs = Date.now() - started;

  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [path.join(ROOT, "test", "e2e", "page", "e2eHost.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    outfile: path.join(DIST, "e2e-host.js"),
    logLevel: "silent",
  });

  const page = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const tag = /<script[^>]*src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"[^>]*><\/script>/;
  if (!tag.test(page)) throw new Error("taskpane.html no longer loads office.js from the CDN");
  fs.writeFileSync(path.join(DIST, "taskpane-e2e.html"), page.replace(tag, (m) => `${m}<script src="e2e-host.js"></script>`));
  return { dist: DIST, webpackMs };
}
