// The zip container of an .xlsx: its central directory and the bytes of one entry. Bytes in, bytes out; no
// file system and no node:* module, so the same code runs in the CLI and in a browser.
import { GatewayError } from "../app/gatewayError";
import { inflateRaw } from "./inflate";

export interface ZipEntry {
  /** The entry's name as stored, without a leading "/". */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's record sits in the central directory, to copy it unchanged. */
  centralOffset: number;
  centralLength: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  entries: Map<string, ZipEntry>;
  /** Where the central directory starts (the end of the last local record). */
  directoryOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function corrupt(detail: string): never {
  throw new GatewayError("corrupt", detail);
}

const latin1 = (bytes: Uint8Array, from: number, to: number): string => {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** Reads the central directory. Sizes are checked against the archive; the total size is sniffXlsx's job. */
export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt("zip directory missing (truncated file?)");
  const count = view.getUint16(eocd + 10, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  let p = directoryOffset;
  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) corrupt("zip directory damaged");
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const end = p + 46 + nameLength;
    if (end > bytes.length) corrupt("zip directory damaged");
    // Bit 11: the name is UTF-8; otherwise CP437, which for OOXML part names is ASCII.
    let name = flags & 0x800 ? utf8.decode(bytes.subarray(p + 46, end)) : latin1(bytes, p + 46, end);
    if (name.startsWith("/")) name = name.slice(1);
    const entry: ZipEntry = {
      name,
      method: view.getUint16(p + 10, true),
      flags,
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      centralOffset: p,
      centralLength: end + view.getUint16(p + 30, true) + view.getUint16(p + 32, true) - p,
    };
    entries.set(name.toLowerCase(), entry);
    p += entry.centralLength;
  }
  return { bytes, entries, directoryOffset };
}

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.entries.get(name.replace(/^\//, "").toLowerCase());
}

/** The entry's uncompressed bytes; never more than the size its directory record declares. */
export function readEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const { bytes } = zip;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) corrupt(`local header of ${entry.name} damaged`);
  if (entry.flags & 0x1) throw new GatewayError("encrypted", `zip entry ${entry.name} is encrypted`);
  if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) {
    throw new GatewayError("too-large", "zip64 entry");
  }
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) corrupt(`${entry.name} is cut short (truncated file?)`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) corrupt(`${entry.name}: stored sizes differ`);
    return data;
  }
  if (entry.method !== 8) corrupt(`${entry.name}: unsupported compression method ${entry.method}`);
  return inflateRaw(data, entry.uncompressedSize, entry.name);
}
