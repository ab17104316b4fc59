// Raw DEFLATE for zip entries, capped at the size the zip declares (a lying entry cannot expand past it).
// Under Node (the CLI) the built-in zlib is found at run time through process.getBuiltinModule, without an
// import, so bundles for the browser stay free of node:* modules; elsewhere fflate (pure JavaScript) does it.
import { Inflate } from "fflate";
import { GatewayError } from "../app/gatewayError";

export type InflateKind = "auto" | "js";

type NativeInflateRawSync = (data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }) => Uint8Array;

/** zlib's output chunk: the whole entry when it is of a usual size, so that zlib need not join chunks. */
export function zlibChunkSize(size: number): number {
  return Math.min(Math.max(size, 64), 8 * 1024 * 1024);
}

let native: NativeInflateRawSync | null | undefined;

function nativeInflate(): NativeInflateRawSync | null {
  if (native === undefined) {
    native = null;
    try {
      const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
      const zlib = proc?.getBuiltinModule?.("zlib") as { inflateRawSync?: NativeInflateRawSync } | undefined;
      if (typeof zlib?.inflateRawSync === "function") native = zlib.inflateRawSync;
    } catch {
      native = null;
    }
  }
  return native;
}

let preferred: InflateKind = "auto";

/** Tests and the bench use "js" to exercise the pure-JavaScript path under Node too. */
export function setInflateKind(kind: InflateKind): void {
  preferred = kind;
}

const CHUNK = 64 * 1024;

function inflateJs(data: Uint8Array, size: number, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > size) throw new GatewayError("corrupt", `${name} expands beyond its declared size`);
    out.set(chunk, length);
    length += chunk.length;
  });
  for (let i = 0; i < data.length || i === 0; i += CHUNK) {
    inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
  }
  if (length !== size) throw new GatewayError("corrupt", `${name}: size differs from the zip directory`);
  return out;
}

/** Inflates `data` to exactly `size` bytes, or throws GatewayError("corrupt"). */
export function inflateRaw(data: Uint8Array, size: number, name: string): Uint8Array {
  try {
    const zlib = preferred === "auto" ? nativeInflate() : null;
    if (!zlib) return inflateJs(data, size, name);
    const out = zlib(data, { maxOutputLength: Math.max(1, size), chunkSize: zlibChunkSize(size) });
    if (out.length !== size) throw new GatewayError("corrupt", `${name}: size differs from the zip directory`);
    return out;
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError("corrupt", `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
