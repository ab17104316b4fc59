// The recap off the UI thread: a small pool of Web Workers (recapWorker.ts), each sent one file at a time with
// its bytes transferred. Results keep the files' order. A worker that dies on a file (out of memory, a crash)
// is replaced and the file is listed as too large; the batch goes on. Cancel terminates every worker at once.
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { MAX_WORKBOOK_BYTES, unusableFile } from "../../app/recapFiles";
import { abortError, type RecapRunner, type RecapRunOptions, type RecapSourceFile } from "./recapRunner";

export interface RecapWorkerRequest {
  id: number;
  name: string;
  bytes: ArrayBuffer;
}

export interface RecapWorkerResponse {
  id: number;
  result: RecapFile;
}

function startWorker(): Worker {
  return new Worker(new URL(/* webpackChunkName: "rekap-worker" */ "./recapWorker.ts", import.meta.url));
}

export class WorkerRecapRunner implements RecapRunner {
  constructor(private readonly workers: number) {}

  run(files: readonly RecapSourceFile[], options: RecapRunOptions = {}): Promise<RecapFile[]> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    const results: RecapFile[] = new Array<RecapFile>(files.length);
    const live = new Set<Worker>();
    let next = 0;
    let done = 0;
    onProgress?.({ done: 0, total: files.length });

    return new Promise<RecapFile[]>((resolve, reject) => {
      let settled = false;
      const stopAll = () => {
        for (const w of live) w.terminate();
        live.clear();
      };
      const onAbort = () => {
        if (settled) return;
        settled = true;
        stopAll();
        reject(abortError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const finish = (id: number, result: RecapFile) => {
        if (settled) return;
        results[id] = result;
        onProgress?.({ done: ++done, total: files.length });
        if (done === files.length) {
          settled = true;
          signal?.removeEventListener("abort", onAbort);
          stopAll();
          resolve(results);
        }
      };

      const lane = () => {
        let worker: Worker | undefined;
        let current = -1;
        const ensureWorker = (): Worker => {
          if (worker) return worker;
          const w = startWorker();
          live.add(w);
          w.onmessage = (e: MessageEvent<RecapWorkerResponse>) => {
            finish(e.data.id, e.data.result);
            current = -1;
            void feed();
          };
          w.onerror = (e: ErrorEvent) => {
            e.preventDefault();
            live.delete(w);
            w.terminate();
            worker = undefined;
            if (current >= 0) finish(current, unusableFile(files[current]!.name, "too-large"));
            current = -1;
            void feed();
          };
          worker = w;
          return w;
        };
        const feed = async (): Promise<void> => {
          while (!settled && next < files.length) {
            const id = next++;
            const file = files[id]!;
            if (file.size > MAX_WORKBOOK_BYTES) {
              finish(id, unusableFile(file.name, "too-large"));
              continue;
            }
            let bytes: ArrayBuffer;
            try {
              bytes = await file.arrayBuffer();
            } catch {
              finish(id, unusableFile(file.name, "unreadable"));
              continue;
            }
            if (settled) return;
            current = id;
            const request: RecapWorkerRequest = { id, name: file.name, bytes };
            ensureWorker().postMessage(request, [bytes]);
            return;
          }
          if (worker) {
            live.delete(worker);
            worker.terminate();
            worker = undefined;
          }
        };
        void feed();
      };

      if (files.length === 0) {
        settled = true;
        resolve(results);
        return;
      }
      for (let i = 0; i < Math.min(this.workers, files.length); i++) lane();
    });
  }
}
