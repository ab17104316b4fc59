// One read per burst of changes: every change (re)starts a quiet period; when it ends, one read runs. Changes
// that arrive while that read runs make exactly one more read after it. The pane stays responsive and Excel
// gets one round trip per burst, however many cells were typed or pasted.

export interface BurstScheduler {
  /** A change happened. */
  notify(): void;
  /** Stops: no further reads start (one already running finishes). */
  dispose(): void;
}

export interface BurstSchedulerOptions {
  /** The quiet period after the last change, in ms. */
  delayMs: number;
  read: () => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The pane's quiet period: long enough for a paste or fast typing, short enough to feel live. */
export const RESCORE_DELAY_MS = 400;

export function createBurstScheduler(options: BurstSchedulerOptions): BurstScheduler {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let reading = false;
  let changedWhileReading = false;
  let disposed = false;

  const run = async () => {
    timer = undefined;
    if (disposed) return;
    reading = true;
    changedWhileReading = false;
    try {
      await options.read();
    } finally {
      reading = false;
      if (changedWhileReading && !disposed) schedule();
    }
  };

  const schedule = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => void run(), options.delayMs);
  };

  return {
    notify() {
      if (disposed) return;
      if (reading) changedWhileReading = true;
      else schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
  };
}
