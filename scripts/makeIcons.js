#!/usr/bin/env node
// Draws the add-in icons into assets/: a teal rounded square with a white check mark, at the sizes the
// manifest and the template use. The PNG is written by hand (signature, IHDR, IDAT, IEND) with
// node:zlib for the deflate stream, so nothing beyond Node is needed. The output is deterministic:
// running it again gives the same bytes.
//
//   node scripts/makeIcons.js [outDir]      (default: assets/ next to this script's parent)
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const ICONS = [
  { file: "icon-16.png", size: 16 },
  { file: "icon-32.png", size: 32 },
  { file: "icon-64.png", size: 64 },
  { file: "icon-80.png", size: 80 },
  { file: "icon-128.png", size: 128 },
  { file: "logo-filled.png", size: 300 },
];

const TEAL = [0x00, 0x79, 0x6b]; // white on it: contrast 5.3:1
const WHITE = [0xff, 0xff, 0xff];
const CORNER_RADIUS = 0.16; // of the side
const CHECK = [
  [0.26, 0.53],
  [0.43, 0.7],
  [0.75, 0.33],
]; // polyline, in units of the side
const CHECK_WIDTH = 0.12; // stroke width, in units of the side
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= r;
}

function onCheck(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= CHECK_WIDTH / 2) return true;
  }
  return false;
}

/** RGBA pixels, row by row, each row prefixed by PNG filter byte 0 (None). */
function drawIcon(size) {
  const stride = 1 + size * 4;
  const raw = Buffer.alloc(stride * size);
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    raw[py * stride] = 0;
    for (let px = 0; px < size; px++) {
      let shape = 0;
      let check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            shape++;
            if (onCheck(x, y)) check++;
          }
        }
      }
      const alpha = shape / total;
      const white = shape === 0 ? 0 : check / shape;
      const o = py * stride + 1 + px * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(TEAL[c] + (WHITE[c] - TEAL[c]) * white);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  return raw;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const { file, size } of ICONS) {
    const png = encodePng(size, drawIcon(size));
    fs.writeFileSync(path.join(outDir, file), png);
    process.stdout.write(`${path.relative(process.cwd(), path.join(outDir, file))} ${size}x${size} ${png.length} bytes\n`);
  }
}

main();
