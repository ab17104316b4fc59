// lke-zi aggregate <file-or-folder>... -o <rekap.xlsx> [--json] [--threads N]
import * as fs from "node:fs";
import * as path from "node:path";
import { writeRecapWorkbook, type RecapRow } from "../../xlsx/writeRecapWorkbook";
import { analyzeAll } from "../aggregate/pool";
import type { FileResult } from "../aggregate/analyzeFile";
import { parseArgs, UsageError } from "../args";
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

/** The same workbook twice, or two workbooks of the same unit: the later ones are listed, not counted. */
export function markDuplicates(results: FileResult[]): FileResult[] {
  const seenHash = new Map<string, string>();
  const seenUnit = new Map<string, string>();
  return results.map((r) => {
    if (!r.summary) return r;
    const unitKey = r.summary.unit.trim().toLowerCase();
    const first = (r.hash && seenHash.get(r.hash)) ?? seenUnit.get(unitKey);
    if (first) return { file: r.file, error: `duplikat dari ${first} (unit "${r.summary.unit}")` };
    if (r.hash) seenHash.set(r.hash, r.file);
    seenUnit.set(unitKey, r.file);
    return r;
  });
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
  const results: FileResult[] = [...analysed, ...missing.map((file) => ({ file, error: "tidak ada atau bukan berkas" }))];
  const rows: RecapRow[] = results.map((r) => ({ file: r.file, ...(r.summary ? { summary: r.summary } : { error: r.error ?? "" }) }));
  if (out) writeOutputFile(out, await writeRecapWorkbook(rows));

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
