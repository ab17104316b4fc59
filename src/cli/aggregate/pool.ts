// Runs analyzeFile over many files on the machine's cores (worker threads), keeping results in input order.
// A file that brings its worker down (out of memory, a crash) is reported as such and the batch goes on.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { analyzeFile, type FileResult } from "./analyzeFile";

/** Heap of one worker: far above what an LKE needs, low enough that a hostile file cannot take the machine. */
const WORKER_HEAP_MB = 384;

let workerBundle: string | undefined;

/**
 * The worker's code as one JavaScript file, bundled once per run with esbuild (which the CLI already runs on):
 * each worker then starts in milliseconds instead of transpiling every module again.
 */
function bundleWorker(): string {
  if (!workerBundle) {
    const out = path.join(os.tmpdir(), `lke-zi-worker-${process.pid}.js`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a dev tool, loaded only when workers are used
    const esbuild = require("esbuild") as typeof import("esbuild");
    esbuild.buildSync({
      entryPoints: [path.join(__dirname, "worker.ts")],
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile: out,
      external: ["exceljs"],
      logLevel: "silent",
    });
    process.once("exit", () => fs.rmSync(out, { force: true }));
    workerBundle = out;
  }
  return workerBundle;
}

function startWorker(): Worker {
  return new Worker(bundleWorker(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

export async function analyzeAll(
  files: readonly string[],
  options: { threads?: number; onProgress?: (done: number) => void } = {},
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const threads = Math.min(files.length, options.threads ?? defaultThreads(), 8);
  let done = 0;
  const finish = (id: number, r: FileResult) => {
    results[id] = r;
    options.onProgress?.(++done);
  };
  if (threads <= 1) {
    for (let i = 0; i < files.length; i++) finish(i, await analyzeFile(files[i]!));
    return results;
  }
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let worker = startWorker();
      let current = -1;
      const feed = () => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ id: current, file: files[current] });
      };
      const attach = (w: Worker) => {
        w.on("message", (msg: { id: number; result: FileResult }) => {
          finish(msg.id, msg.result);
          current = -1;
          feed();
        });
        w.on("error", (e: Error) => {
          if (current >= 0) {
            const reason = /memory/i.test(e.message) ? "terlalu besar untuk diproses (batas memori)" : `tidak dapat diproses (${e.message})`;
            finish(current, { file: files[current]!, error: reason });
            current = -1;
          }
          worker = startWorker();
          attach(worker);
          feed();
        });
      };
      attach(worker);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}
