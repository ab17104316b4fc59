// The recap on the pane's own thread, one file after another, yielding to the browser between files so that
// the progress bar moves and Batal can be clicked. Used where Web Workers are missing (jsdom in the tests).
import type { RecapFile } from "../../domain/aggregate/recapFile";
import { analyzeRecapFile } from "./analyzeRecapFile";
import { abortError, type RecapRunner, type RecapRunOptions, type RecapSourceFile } from "./recapRunner";

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class InThreadRecapRunner implements RecapRunner {
  async run(files: readonly RecapSourceFile[], options: RecapRunOptions = {}): Promise<RecapFile[]> {
    const results: RecapFile[] = [];
    options.onProgress?.({ done: 0, total: files.length });
    for (const file of files) {
      await nextTask();
      if (options.signal?.aborted) throw abortError();
      results.push(await analyzeRecapFile(file));
      if (options.signal?.aborted) throw abortError();
      options.onProgress?.({ done: results.length, total: files.length });
    }
    return results;
  }
}
