// lke-zi aggregate <file-or-folder>... -o <rekap.xlsx> [--json] [--threads N]
import * as fs from "node:fs";
import * as path from "node:path";
import { markDuplicates } from "../../domain/aggregate/markDuplicates";
import { writeRecapWorkbook } from "../../xlsx/writeRecapWorkbook";
import { analyzeAll } from "../aggregate/pool";
import type { FileResult } from "../aggregate/analyzeFile";
import { parseArgs, UsageError } from "../args";
import { unusableFile } from "../../app/recapFiles";
import { EXIT } from "../exitCodes";
import { writeOutputFile, type CliIo } from "../io";

export const AGGREGATE_FLAGS = {
  o: { free: true },
  output: { free: true },
  json: {},
  threads: { free: true },
} as const;

/** Every .xlsx under the given files and folders (Excel's "~$" lock files left out), in a stable order. */
export function collectFiles(inputs: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const child = path.join(p, name);
        if (fs.statSync(child).isDirectory()) walk(child);
        else if (/\.xlsx$/i.test(name) && !name.startsWith("~$")) files.push(child);
      }
    } else files.push(p);
  };
  inputs.forEach(walk);
  return { files: [...new Set(files)], missing };
}

export async function aggregateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, AGGREGATE_FLAGS);
  const out = (flags.get("o") ?? flags.get("output")) as string | undefined;
  if (positional.length === 0 || (!out && !flags.has("json"))) {
    throw new UsageError("aggregate memerlukan berkas atau folder dan -o <rekap.xlsx> / aggregate needs files or folders and -o <rekap.xlsx>");
  }
  const threadsFlag = flags.get("threads");
  const threads = typeof threadsFlag === "string" ? Number(threadsFlag) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new UsageError("--threads memerlukan bilangan bulat ≥ 1");

  const { files, missing } = collectFiles(positional);
  const inputs = new Set(files.map((f) => path.resolve(f)));
  if (out && inputs.has(path.resolve(out))) throw new UsageError("berkas keluaran tidak boleh salah satu masukan / the output must not be one of the inputs");
  const analysed = markDuplicates(await analyzeAll(files, threads ? { threads } : {}));
  const notFiles = missing.map((file): FileResult => unusableFile(file, "not-a-file"));
  const results: FileResult[] = [...analysed, ...notFiles];
  if (out) writeOutputFile(out, await writeRecapWorkbook(results));

  const ok = results.filter((r) => r.summary);
  if (flags.has("json")) {
    const json = {
      schema: "lke-zi/aggregate@1",
      units: results.map((r) => ({
        file: r.file,
        unit: r.summary?.unit ?? null,
        scores: r.summary?.scores ?? null,
        predicates: r.summary?.predicates ?? null,
        errors: r.summary?.errors ?? null,
        biggestGap: r.summary?.biggestGap ?? null,
        error: r.error ?? null,
      })),
      summary: {
        files: results.length,
        scored: ok.length,
        failed: results.length - ok.length,
        wbk: ok.filter((r) => r.summary!.predicates.wbk.eligible).length,
        wbbm: ok.filter((r) => r.summary!.predicates.wbbm.eligible).length,
        ...(out ? { output: out } : {}),
      },
    };
    io.stdout(JSON.stringify(json, null, 2) + "\n");
  } else {
    io.stdout(
      `Rekap ${ok.length} unit dari ${results.length} berkas${out ? ` ditulis ke ${out}` : ""}; ` +
        `memenuhi syarat WBK: ${ok.filter((r) => r.summary!.predicates.wbk.eligible).length}, ` +
        `WBBM: ${ok.filter((r) => r.summary!.predicates.wbbm.eligible).length}.\n`,
    );
    for (const r of results.filter((x) => x.error)) io.stdout(`  tidak dinilai: ${r.file} — ${r.error}\n`);
  }
  return EXIT.ok;
}
