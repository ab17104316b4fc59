// Runs `lke-zi aggregate` in this process on the given folder and prints its wall time and peak memory
// (the workers are threads of this process, so its peak RSS covers them).
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../src/cli/main";

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const out = path.join(os.tmpdir(), `lke-zi-bench-rekap-${process.pid}.xlsx`);
  const started = performance.now();
  const code = await run(["aggregate", dir, "-o", out], { stdout: () => undefined, stderr: (t) => process.stderr.write(t) });
  const ms = performance.now() - started;
  process.stdout.write(JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
}

void main();
