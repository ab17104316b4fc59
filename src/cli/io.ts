// What a command needs from the outside world, so tests can run commands in-process.
import * as fs from "node:fs";
import * as path from "node:path";
import { GatewayError } from "../app/gatewayError";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

import { MAX_WORKBOOK_BYTES } from "../app/recapFiles";

/** Reads an input file, refusing what is not a regular file or is too large. Never writes. */
export function readInputFile(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new GatewayError("not-a-file");
  }
  if (!stat.isFile()) throw new GatewayError("not-a-file");
  if (stat.size > MAX_WORKBOOK_BYTES) throw new GatewayError("too-large");
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new GatewayError("unreadable", e instanceof Error ? e.message : String(e));
  }
}

/** Writes to a temporary name beside the target, then renames: an interrupted run leaves no half-written file. */
export function writeOutputFile(file: string, bytes: Uint8Array): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new GatewayError("unwritable", e instanceof Error ? e.message : String(e));
  }
}
