// aggregate.files_per_s and aggregate.peak_rss_mb: `lke-zi aggregate` over generated workbooks of the three
// layouts, in a child process (as a coordinator runs it), for 100 and 200 files to show memory stays flat.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadModel } from "../src/domain/model/loadModel";
import { generateWorkbook, type GeneratedLayout } from "../test/support/generator/generateWorkbook";
import { seededRandom } from "../test/support/generator/random";
import { MESSY, randomAnswers } from "../test/support/generator/randomAnswers";

const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];

/** A folder of `count` generated workbooks, made once and kept in the temp folder between runs. */
async function corpus(count: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `lke-zi-bench-corpus-v1-${count}`);
  if (fs.existsSync(path.join(dir, "done"))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const model = loadModel();
  for (let i = 0; i < count; i++) {
    const { bytes } = await generateWorkbook(model, {
      layout: LAYOUTS[i % LAYOUTS.length]!,
      answers: randomAnswers(model, seededRandom(50_000 + i), MESSY),
      unitName: `Unit ${i + 1}`,
    });
    fs.writeFileSync(path.join(dir, `unit-${String(i + 1).padStart(3, "0")}.xlsx`), bytes);
  }
  fs.writeFileSync(path.join(dir, "done"), "");
  return dir;
}

function runAggregate(dir: string): { ms: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, [path.join(__dirname, "../bin/run-ts.js"), path.join(__dirname, "aggregateChild.ts"), dir], {
    encoding: "utf8",
    timeout: 10 * 60_000,
  });
  if (r.status !== 0) throw new Error(`aggregate failed: ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(last) as { ms: number; maxRssMb: number };
}

export async function measureAggregate(): Promise<{ filesPerS: number; peakRssMb: number; peakRssMb100: number; files: number }> {
  const [small, large] = [await corpus(100), await corpus(200)];
  const s = runAggregate(small);
  const l = runAggregate(large);
  return { filesPerS: 200 / (l.ms / 1000), peakRssMb: l.maxRssMb, peakRssMb100: s.maxRssMb, files: 200 };
}
