// A worker thread of `lke-zi aggregate`: analyses the files it is sent, one at a time, and posts the summaries.
import { parentPort } from "node:worker_threads";
import { analyzeFile } from "./analyzeFile";

parentPort?.on("message", (msg: { id: number; file: string }) => {
  void analyzeFile(msg.file).then((result) => parentPort?.postMessage({ id: msg.id, result }));
});
