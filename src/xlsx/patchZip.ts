// Rewrites a zip with some entries replaced, added or removed, copying every other entry's bytes exactly as they
// were (local record and central record alike): what we do not own we do not re-encode.
import { deflateSync, inflateSync } from "fflate";
import { GatewayError } from "../app/gatewayError";

export interface ZipEdit {
  name: string;
  /** New contents; null removes the entry. */
  data: Uint8Array | null;
}

interface CentralRecord {
  name: string;
  /** The record's bytes in the central directory, to copy with a new local-header offset. */
  record: Uint8Array;
  localOffset: number;
  method: number;
  compressedSize: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A copy that owns its memory (a Node Buffer's slice() would share it). */
function copy(bytes: Uint8Array, from: number, to: number): Uint8Array {
  return new Uint8Array(bytes.subarray(from, to));
}

function readCentral(bytes: Uint8Array): { records: CentralRecord[]; dirOffset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GatewayError("corrupt", "zip directory missing");
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  const records: CentralRecord[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new GatewayError("corrupt", "zip directory damaged");
    const nameLen = view.getUint16(p + 28, true);
    const len = 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    records.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      record: copy(bytes, p, p + len),
      localOffset: view.getUint32(p + 42, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
    });
    p += len;
  }
  return { records, dirOffset };
}

/** The uncompressed contents of one entry (stored or deflated). */
export function readZipText(bytes: Uint8Array, name: string): string | undefined {
  const { records } = readCentral(bytes);
  const r = records.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!r) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = r.localOffset + 30 + view.getUint16(r.localOffset + 26, true) + view.getUint16(r.localOffset + 28, true);
  const raw = bytes.subarray(start, start + r.compressedSize);
  return new TextDecoder().decode(r.method === 0 ? raw : inflateSync(raw));
}

export function zipEntryNames(bytes: Uint8Array): string[] {
  return readCentral(bytes).records.map((r) => r.name);
}

function u16(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

/** Local and central records of a new deflated entry. */
function newEntry(name: string, data: Uint8Array, offset: number): { local: Uint8Array; central: Uint8Array } {
  const nameBytes = new TextEncoder().encode(name);
  const compressed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  // 1980-01-01 00:00: the date Excel and most writers use for package parts.
  const common = [...u16(20), ...u16(0x0800), ...u16(8), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(compressed.length), ...u32(data.length), ...u16(nameBytes.length), ...u16(0)];
  const local = new Uint8Array([...u32(0x04034b50), ...common, ...nameBytes, ...compressed]);
  const central = new Uint8Array([
    ...u32(0x02014b50),
    ...u16(20),
    ...common,
    ...u16(0),
    ...u16(0),
    ...u16(0),
    ...u32(0),
    ...u32(offset),
    ...nameBytes,
  ]);
  return { local, central };
}

export function patchZip(bytes: Uint8Array, edits: readonly ZipEdit[]): Uint8Array {
  const { records, dirOffset } = readCentral(bytes);
  const byName = new Map(edits.map((e) => [e.name.toLowerCase(), e]));
  // Where each untouched entry's local record ends: the next local record, or the central directory.
  const starts = [...records.map((r) => r.localOffset), dirOffset].sort((a, b) => a - b);
  const endOf = (offset: number) => starts.find((s) => s > offset) ?? dirOffset;

  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const r of records) {
    const edit = byName.get(r.name.toLowerCase());
    if (edit) continue;
    const local = bytes.subarray(r.localOffset, endOf(r.localOffset));
    const central = copy(r.record, 0, r.record.length);
    new DataView(central.buffer, central.byteOffset, central.byteLength).setUint32(42, offset, true);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  for (const e of edits) {
    if (!e.data) continue;
    const { local, central } = newEntry(e.name, e.data, offset);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(centrals.length),
    ...u16(centrals.length),
    ...u32(dirSize),
    ...u32(offset),
    ...u16(0),
  ]);
  const out = new Uint8Array(offset + dirSize + eocd.length);
  let p = 0;
  for (const part of [...locals, ...centrals, eocd]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
