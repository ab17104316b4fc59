// lke-zi: the command line over the same core as the add-in (contracts/cli.md).
import { GatewayError } from "../app/gatewayError";
import { parseArgs, UsageError, type FlagSpec } from "./args";
import { AGGREGATE_FLAGS, aggregateCommand } from "./commands/aggregate";
import { ANNOTATE_FLAGS, annotateCommand } from "./commands/annotate";
import { REPORT_FLAGS, reportCommand } from "./commands/report";
import { REVIEW_FLAGS, reviewCommand } from "./commands/review";
import { EXIT } from "./exitCodes";
import { inputErrorMessage } from "./inputError";
import type { CliIo } from "./io";

const USAGE = `Penggunaan / usage:
  lke-zi report <berkas.xlsx> [--json] [--role unit|tpi|tpn] [--fail-on error|warning] [--lang id|en] [--prior-wbk] [--check-links]
  lke-zi annotate <masuk.xlsx> -o <keluar.xlsx> [--role unit|tpi]
  lke-zi aggregate <berkas-atau-folder>... -o <rekap.xlsx> [--json] [--threads N]
  lke-zi review <masuk.xlsx> --role tpi|tpn -o <keluar.xlsx> [--catatan] [--json]
`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = {
  report: reportCommand,
  annotate: annotateCommand,
  aggregate: aggregateCommand,
  review: reviewCommand,
};

/** The flags of each command, to tell its file argument from the values of its flags ("--role tpi x.xlsx"). */
const COMMAND_FLAGS: Record<string, Record<string, FlagSpec>> = {
  report: REPORT_FLAGS,
  annotate: ANNOTATE_FLAGS,
  aggregate: AGGREGATE_FLAGS,
  review: REVIEW_FLAGS,
};

function inputFileOf(name: string, argv: readonly string[]): string {
  try {
    const spec = COMMAND_FLAGS[name];
    if (spec) return parseArgs(argv, spec).positional[0] ?? "";
  } catch {
    // fall through to the plain guess
  }
  return argv.find((a) => !a.startsWith("-")) ?? "";
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`lke-zi: perintah tidak dikenal "${name}" / unknown command "${name}"\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`lke-zi: ${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof GatewayError) {
      io.stderr(inputErrorMessage(inputFileOf(name, rest), e.code));
      return EXIT.badInput;
    }
    throw e;
  }
}

export function runFromProcess(): void {
  const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A defect of ours, not of the input: say so plainly, without a stack trace for the user.
      process.stderr.write(`lke-zi: kesalahan internal / internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      if (process.env.LKE_ZI_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
      process.exitCode = 70;
    },
  );
}
