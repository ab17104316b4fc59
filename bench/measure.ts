// Timing for the bench: warm-up, then rounds in which every task runs once (in alternating order), so that a
// burst of load from elsewhere on the machine lands on all tasks alike and their ratios stay meaningful.

export interface Task {
  name: string;
  run: () => unknown;
}

export interface Timing {
  /** Every measured run in round order (round i of every task ran back to back). */
  samples: number[];
  runs: number;
  median: number;
  p25: number;
  p75: number;
  min: number;
}

export interface MeasureOptions {
  /** At least this many warm-up runs of each task, and at least warmupMs of warm-up in all. */
  warmupRuns?: number;
  warmupMs?: number;
  /** At least this many measured runs of each task, and at least minMs of measuring in all, at most maxRuns. */
  minRuns?: number;
  minMs?: number;
  maxRuns?: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    runs: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0] ?? NaN,
  };
}

async function once(task: Task): Promise<number> {
  const start = performance.now();
  await task.run();
  return performance.now() - start;
}

/** Milliseconds per run of each task, measured in interleaved rounds. */
export async function measure(tasks: Task[], options: MeasureOptions = {}): Promise<Map<string, Timing>> {
  const { warmupRuns = 5, warmupMs = 300, minRuns = 30, minMs = 1500, maxRuns = 2000 } = options;
  const warmStart = performance.now();
  for (let i = 0; i < warmupRuns || performance.now() - warmStart < warmupMs; i++) {
    for (const t of tasks) await once(t);
    if (i >= maxRuns) break;
  }
  const samples = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const start = performance.now();
  for (let round = 0; round < maxRuns && (round < minRuns || performance.now() - start < minMs); round++) {
    const order = round % 2 === 0 ? tasks : [...tasks].reverse();
    for (const t of order) samples.get(t.name)!.push(await once(t));
  }
  return new Map([...samples].map(([name, s]) => [name, summarize(s)]));
}

/** The median over rounds of a/b: each round's two runs saw the same moment of the machine. */
export function pairedRatio(a: Timing, b: Timing): number {
  const ratios = a.samples.map((x, i) => x / b.samples[i]!).sort((x, y) => x - y);
  return quantileOf(ratios, 0.5);
}

function quantileOf(sorted: number[], q: number): number {
  return quantile(sorted, q);
}
