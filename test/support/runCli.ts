// The CLI in-process, as the command tests run it: its exit code and what it printed.
import { run } from "../../src/cli/main";

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
