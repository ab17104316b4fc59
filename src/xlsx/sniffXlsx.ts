// Cheap checks on the raw bytes before a parser sees them: is this a zip at all, an encrypted or legacy
// Office file, or a zip that would expand beyond what an LKE can be (a zip bomb)?
import { GatewayError } from "../app/gatewayError";
import { openZip } from "./zipArchive";

/** An LKE workbook is well under a megabyte of XML; this leaves room for huge real files, not for bombs. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Throws a GatewayError when the bytes cannot be an .xlsx worth parsing. */
export function sniffXlsx(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new GatewayError("not-xlsx", "empty file");
  if (startsWith(bytes, CFB)) {
    // Encrypted OOXML is stored inside a compound file with an EncryptionInfo stream; otherwise it is a .xls.
    throw new GatewayError(containsUtf16(bytes, "EncryptionInfo") ? "encrypted" : "legacy-xls");
  }
  if (startsWith(bytes, ZIP_EMPTY)) throw new GatewayError("corrupt", "empty zip archive");
  if (!startsWith(bytes, ZIP_LOCAL)) throw new GatewayError("not-xlsx");
  checkZipDirectory(bytes);
}

/** Reads the zip's central directory and rejects archives that are truncated or expand too far. */
function checkZipDirectory(bytes: Uint8Array): void {
  const { entries } = openZip(bytes);
  if (entries.size > MAX_ENTRIES) throw new GatewayError("too-large", `${entries.size} zip entries`);
  let total = 0;
  for (const e of entries.values()) {
    total += e.uncompressedSize;
    if (total > MAX_UNCOMPRESSED_BYTES) throw new GatewayError("too-large", "expands beyond 200 MB");
  }
}
