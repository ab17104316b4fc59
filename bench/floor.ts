// The floor of reading a workbook: the work no reader can skip. It is, exactly:
//   1. read the zip's end-of-central-directory record and walk the central directory to the two entries needed,
//   2. inflate the LKE sheet's XML and the shared strings (xl/sharedStrings.xml) with node:zlib (native code),
//      into one buffer each (chunkSize = the entry's size, the same setting the reader uses),
//   3. walk each inflated buffer once, byte by byte via indexOf("<"), counting <c and <si elements.
// It decodes no text, builds no value, and leaves out the workbook part, the relationships and the other
// sheets, which a reader must also read: a reader can approach this floor but not reach it.
import * as zlib from "node:zlib";

export interface FloorParts {
  sheet: string;
  sharedStrings: string | undefined;
}

export function floorScan(bytes: Uint8Array, parts: FloorParts): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const wanted = [parts.sheet, parts.sharedStrings].filter((x): x is string => x !== undefined);
  let elements = 0;
  for (let n = 0; n < count; n++) {
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    let name = "";
    for (let i = 0; i < nameLength; i++) name += String.fromCharCode(bytes[p + 46 + i]!);
    if (wanted.includes(name)) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      const xml = view.getUint16(p + 10, true) === 0 ? data : zlib.inflateRawSync(data, { chunkSize: Math.min(Math.max(size, 64), 8 << 20) });
      for (let i = xml.indexOf(60); i !== -1; i = xml.indexOf(60, i + 1)) {
        const next = xml[i + 1];
        if (next === 99 /* c */ || next === 115 /* s */) elements++;
      }
    }
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return elements;
}
