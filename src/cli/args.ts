// Command-line parsing: positional arguments and --flags, with the allowed values of each flag.

export class UsageError extends Error {}

export interface FlagSpec {
  /** Allowed values; an empty list means a flag without a value. */
  values?: readonly string[];
  /** Any value is allowed (a path). */
  free?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("-") || a === "-") {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.replace(/^--?/, "").split("=", 2) as [string, string | undefined];
    const s = spec[name];
    if (!s) throw new UsageError(`opsi tidak dikenal: ${a} / unknown option: ${a}`);
    if (!s.values && !s.free) {
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`opsi ${a} memerlukan nilai / option ${a} needs a value`);
    if (s.values && !s.values.includes(value)) {
      throw new UsageError(`nilai "${value}" untuk ${a} tidak dikenal (pilihan: ${s.values.join(", ")})`);
    }
    flags.set(name, value);
  }
  return { positional, flags };
}
