// A Web Worker of the pane's recap (workerRunner.ts starts it): scores the workbooks it is sent, one at a time,
// and posts each summary back. The bytes arrive transferred (not copied) and only the small summary returns.
import { analyzeRecapBytes } from "./analyzeRecapFile";
import type { RecapWorkerRequest, RecapWorkerResponse } from "./workerRunner";

const scope = self as unknown as {
  addEventListener(type: "message", handler: (e: MessageEvent<RecapWorkerRequest>) => void): void;
  postMessage(message: RecapWorkerResponse): void;
};

scope.addEventListener("message", (e) => {
  const { id, name, bytes } = e.data;
  void analyzeRecapBytes(name, new Uint8Array(bytes)).then((result) => scope.postMessage({ id, result }));
});
