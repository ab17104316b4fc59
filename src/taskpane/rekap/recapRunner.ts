// Scoring many workbooks in the pane without freezing it: a RecapRunner takes the files the user chose and gives
// one RecapFile per file, in their order, reporting progress as files finish; an aborted signal stops it (the
// promise rejects with an AbortError and nothing of the batch is kept). Two runners share this interface:
// - workerRunner.ts: Web Workers (the real pane), each scoring one file at a time off the UI thread;
// - inThreadRunner.ts: the same work on this thread, yielding between files (where Worker is missing: jsdom).
// Both are loaded through import() on first use, so neither they nor the .xlsx reader enter the first screen.
import type { RecapFile } from "../../domain/aggregate/recapFile";

/** A file the user chose (a File in the browser). */
export interface RecapSourceFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface RecapProgress {
  done: number;
  total: number;
}

export interface RecapRunOptions {
  onProgress?: (progress: RecapProgress) => void;
  signal?: AbortSignal;
}

export interface RecapRunner {
  run(files: readonly RecapSourceFile[], options?: RecapRunOptions): Promise<RecapFile[]>;
}

/** Workers beside the UI thread: one core left to the pane, at most four. */
export function workerCount(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(1, (hardwareConcurrency ?? 2) - 1));
}

export function abortError(): DOMException {
  return new DOMException("the recap was cancelled", "AbortError");
}

export function isAbortError(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";
}

/** Web Workers where the browser has them, else the in-thread runner. */
export async function createRecapRunner(): Promise<RecapRunner> {
  if (typeof Worker !== "undefined" && typeof URL !== "undefined") {
    const { WorkerRecapRunner } = await import(/* webpackChunkName: "rekap-workers" */ "./workerRunner");
    return new WorkerRecapRunner(workerCount(typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency));
  }
  const { InThreadRecapRunner } = await import(/* webpackChunkName: "rekap-core" */ "./inThreadRunner");
  return new InThreadRecapRunner();
}
