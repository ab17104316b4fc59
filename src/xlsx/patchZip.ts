// Rewrites a zip with some entries replaced, added or removed, copying every other entry's bytes exactly as they
// were (local record and central record alike): what we do not own we do not re-encode.
import { deflateSync } from "fflate";
import { findEntry, openZip, readEntry } from "./zipArchive";

export interface ZipEdit {
  name: string;
  /** New contents; null removes the entry. */
  data: Uint8Array | null;
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

/** The uncompressed contents of one entry as text, if the archive has it. */
export function readZipText(bytes: Uint8Array, name: string): string | undefined {
  const zip = openZip(bytes);
  const entry = findEntry(zip, name);
  return entry ? new TextDecoder().decode(readEntry(zip, entry)) : undefined;
}

export function zipEntryNames(bytes: Uint8Array): string[] {
  return [...openZip(bytes).entries.values()].map((e) => e.name);
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
  const zip = openZip(bytes);
  const records = [...zip.entries.values()];
  const dirOffset = zip.directoryOffset;
  const byName = new Map(edits.map((e) => [e.name.toLowerCase(), e]));
  // Where each untouched entry's local record ends: the next local record, or the central directory.
  const starts = [...records.map((r) => r.localHeaderOffset), dirOffset].sort((a, b) => a - b);
  const endOf = (offset: number) => starts.find((s) => s > offset) ?? dirOffset;

  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const r of records) {
    if (byName.has(r.name.toLowerCase())) continue;
    const local = bytes.subarray(r.localHeaderOffset, endOf(r.localHeaderOffset));
    // A copy that owns its memory (a Node Buffer's slice() would share it), with the entry's new place.
    const central = new Uint8Array(bytes.subarray(r.centralOffset, r.centralOffset + r.centralLength));
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
