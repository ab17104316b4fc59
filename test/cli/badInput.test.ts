// `lke-zi report` on inputs it cannot use, run as users run it: the real CLI in a child process. Each must end
// within a time bound with exit code 2 and one clear sentence on stderr, in Bahasa Indonesia with the English
// beneath, naming the file, with no stack trace, and must leave the input file exactly as it was.
// Usage errors end with 1; `--fail-on error` ends with 3 on an error-level finding and 0 on a clean LKE.
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import { generateWorkbook } from "../support/generator/generateWorkbook";

const BIN = path.resolve(__dirname, "../../bin/lke-zi.js");
const TIME_LIMIT_MS = 20_000;
const model = loadModel();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

function cli(args: string[], cwd: string): Promise<Run> {
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, encoding: "utf8", timeout: TIME_LIMIT_MS, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LKE_ZI_DEBUG: "" } },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
        resolve({
          status: e ? (typeof e.code === "number" ? e.code : null) : 0,
          stdout,
          stderr,
          ms: Date.now() - start,
          timedOut: Boolean(e?.killed || e?.signal === "SIGKILL"),
        });
      },
    );
  });
}

/** Runs the command lines, a few at a time (each is a whole Node process). */
async function cliAll(runs: Array<{ key: string; args: string[] }>, cwd: string): Promise<Map<string, Run>> {
  const out = new Map<string, Run>();
  const queue = [...runs];
  const workers = Array.from({ length: Math.max(2, Math.min(4, os.cpus().length)) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) out.set(next.key, await cli(next.args, cwd));
  });
  await Promise.all(workers);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

/** Every question answered with its first option, counts consistent, surveys at 4, a Drive link for each. */
function cleanAnswers(): Map<string, CellValue> {
  const answers = new Map<string, CellValue>();
  for (const q of model.questions) {
    if (q.percent) {
      for (const i of q.percent.inputs) {
        if (i.sumOfParts !== "computed") answers.set(`${q.code}#${i.key}`, i.role === "prev" || i.role === "now" || i.role === "aux" ? 0 : 5);
      }
      const parts = q.percent.inputs.filter((i) => i.role === "part");
      const total = q.percent.inputs.find((i) => i.sumOfParts === "typed");
      if (total) answers.set(`${q.code}#${total.key}`, parts.length * 5);
    } else if (q.type === "survey") answers.set(q.code, 4);
    else answers.set(q.code, (q.options ?? model.answerTypes[q.type].options)![0]!.key);
  }
  return answers;
}

async function lkeWorkbook(answers: Map<string, CellValue>): Promise<Uint8Array> {
  const codes = model.questions.map((q) => q.code);
  const { bytes } = await generateWorkbook(model, {
    layout: "lampiran-iii",
    answers,
    evidence: (code) => ({ link: `https://drive.google.com/file/d/1Zu${codes.indexOf(code).toString(36).padStart(4, "0")}e_vh46AKarvxKlJ3RqrRToPQ-O5w/view` }),
  });
  return bytes;
}

async function exceljsWorkbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Sheet1"));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** `count` rows of a junk table (a number, a text, a date-like text and a formula), from row `from` on. */
function junkRows(from: number, count: number): string {
  const out: string[] = [];
  for (let r = from; r < from + count; r++) {
    out.push(
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>barang ${r % 97}</t></is></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>2024-0${(r % 9) + 1}-1${r % 10}</t></is></c><c r="D${r}"><f>A${r}*2</f><v>${r * 2}</v></c></row>`,
    );
  }
  return out.join("");
}

/** Appends `count` junk rows after the last row of the first worksheet of an .xlsx. */
function withJunkRows(xlsx: Uint8Array, count: number): Uint8Array {
  const files = unzipSync(xlsx);
  const name = Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const xml = strFromU8(files[name]!);
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  files[name] = strToU8(xml.replace("</sheetData>", `${junkRows(last + 1, count)}</sheetData>`));
  return zipSync(files);
}

/** An .xlsx whose only sheet is a table of `count` junk rows, written directly (exceljs would take long). */
function junkTable(count: number): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (body: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(rels(rel("rId1", "officeDocument", "xl/workbook.xml"))),
    "xl/workbook.xml": strToU8(`<workbook ${ns}><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(rels(rel("rId1", "worksheet", "worksheets/sheet1.xml"))),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet ${ns}><sheetData>${junkRows(1, count)}</sheetData></worksheet>`),
  });
}

/** Where each entry's record sits in the central directory, to lie about sizes. */
function centralRecords(bytes: Uint8Array): Array<{ name: string; at: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const out: Array<{ name: string; at: number }> = [];
  let p = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(p + 28, true);
    out.push({ name: strFromU8(bytes.subarray(p + 46, p + 46 + nameLength)), at: p });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** The bytes of a zip entry's compressed data. */
function entryData(bytes: Uint8Array, name: string): { from: number; to: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rec = centralRecords(bytes).find((r) => r.name === name)!;
  const local = view.getUint32(rec.at + 42, true);
  const from = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  return { from, to: from + view.getUint32(rec.at + 20, true) };
}

/**
 * A minimal OLE compound file (the container of encrypted OOXML and of .xls): a 512-byte header, one FAT sector
 * and one directory sector holding a root entry and empty streams with the given names (UTF-16LE).
 */
function compoundFile(streams: string[]): Uint8Array {
  const SECTOR = 512;
  const out = new Uint8Array(SECTOR * 3);
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  v.setUint16(24, 0x003e, true); // minor version
  v.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  v.setUint16(28, 0xfffe, true); // byte order
  v.setUint16(30, 9, true); // sector shift
  v.setUint16(32, 6, true); // mini sector shift
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 0x1000, true); // mini stream cutoff
  v.setUint32(60, 0xfffffffe, true); // no mini FAT
  v.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true); // FAT in sector 0
  const fat = SECTOR; // sector 0
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true); // sector 0: FAT
  v.setUint32(fat + 4, 0xfffffffe, true); // sector 1: the directory, one sector long
  const dir = SECTOR * 2; // sector 1
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const at = dir + i * 128;
    for (let k = 0; k < name.length; k++) v.setUint16(at + k * 2, name.charCodeAt(k), true);
    v.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    v.setUint32(at + 68, 0xffffffff, true);
    v.setUint32(at + 72, right, true);
    v.setUint32(at + 76, child, true);
    v.setUint32(at + 116, 0xfffffffe, true); // empty stream
  };
  entry(0, "Root Entry", 5, streams.length ? 1 : 0xffffffff, 0xffffffff);
  streams.forEach((name, i) => entry(i + 1, name, 2, 0xffffffff, i + 2 <= streams.length ? i + 2 : 0xffffffff));
  return out;
}

// ---------------------------------------------------------------------------------------------------------

let dir: string;
const inputs: Record<string, string> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-cli-"));
  const put = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    inputs[name] = file;
  };
  const clean = cleanAnswers();
  const lke = await lkeWorkbook(clean);
  put("clean.xlsx", lke);
  const blank = new Map(clean);
  blank.set(model.questions.find((q) => !q.percent && q.type !== "survey")!.code, null);
  put("blank-answer.xlsx", await lkeWorkbook(blank));

  put("teks.xlsx", "Ini bukan workbook, hanya teks biasa yang diganti namanya.\n");
  put("terpotong.xlsx", lke.subarray(0, Math.floor(lke.length / 2)));
  const garbled = lke.slice();
  const sheet = entryData(garbled, "xl/worksheets/sheet1.xml");
  const mid = Math.floor((sheet.from + sheet.to) / 2);
  for (let i = mid; i < mid + 256; i++) garbled[i] = (i * 7919) & 0xff;
  put("sampah-di-tengah.xlsx", garbled);
  // sniffXlsx sees the compound-file signature and "EncryptionInfo" in UTF-16LE among the directory's names.
  put("terenkripsi.xlsx", compoundFile(["EncryptionInfo", "EncryptedPackage"]));
  put("lama.xls.xlsx", compoundFile(["Workbook", "\u0005SummaryInformation"]));
  put(
    "tabel-lain.xlsx",
    await exceljsWorkbook((ws) => {
      ws.addRow(["No", "Nama Barang", "Jumlah", "Harga"]);
      for (let i = 1; i <= 40; i++) ws.addRow([i, `Barang ${i}`, i * 3, i * 1500]);
    }),
  );
  put("kosong.xlsx", await exceljsWorkbook(() => undefined));
  put("lke-50rb-baris.xlsx", withJunkRows(lke, 50_000));
  put("tabel-50rb-baris.xlsx", junkTable(50_000));
  // A zip bomb by its directory: one entry claims 4 GB.
  const bomb = lke.slice();
  const rec = centralRecords(bomb).find((r) => r.name === "xl/worksheets/sheet1.xml")!;
  new DataView(bomb.buffer).setUint32(rec.at + 24, 0xfffffff0, true);
  put("bom-zip.xlsx", bomb);
  // A zip bomb that lies the other way: an entry that claims 1 KB and inflates to 64 MB.
  const liar = zipSync({ "xl/workbook.xml": [new Uint8Array(64 * 1024 * 1024), { level: 1 }] });
  const liarRec = centralRecords(liar)[0]!;
  new DataView(liar.buffer).setUint32(liarRec.at + 24, 1024, true);
  put("bom-zip-berbohong.xlsx", liar);
  fs.mkdirSync(path.join(dir, "sebuah-folder.xlsx"));
  inputs["sebuah-folder.xlsx"] = path.join(dir, "sebuah-folder.xlsx");
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** What must not change: existence, modification time, size and content (as a SHA-256). */
function snapshotOf(file: string): { exists: boolean; mtimeMs?: number; size?: number; sha256?: string } {
  if (!fs.existsSync(file)) return { exists: false };
  const stat = fs.statSync(file);
  const sha256 = stat.isFile() ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : undefined;
  return { exists: true, mtimeMs: stat.mtimeMs, size: stat.size, sha256 };
}

const NOT_XLSX = { id: /bukan workbook \.xlsx/, en: /is not an \.xlsx workbook/ };
const CORRUPT = { id: /rusak/, en: /is damaged/ };
const ENCRYPTED = { id: /dilindungi kata sandi/, en: /password-protected/ };
const LEGACY = { id: /\.xls lama/, en: /old \.xls file/ };
const NO_LKE = { id: /tidak memuat lembar LKE/, en: /no recognisable LKE/ };
const TOO_LARGE = { id: /terlalu besar/, en: /too large/ };
const NOT_A_FILE = { id: /tidak ada atau bukan berkas/, en: /does not exist or is not a file/ };
type Reason = typeof NOT_XLSX;

/** The unusable inputs: what each is, the file, extra arguments, and the reason the message must give. */
const REFUSED: Array<[what: string, file: string, extra: string[], reason: Reason]> = [
  ["a text file renamed .xlsx", "teks.xlsx", [], NOT_XLSX],
  ["a real .xlsx cut in half (its zip directory is gone)", "terpotong.xlsx", [], CORRUPT],
  ["a real .xlsx with garbage in the middle of its sheet", "sampah-di-tengah.xlsx", [], CORRUPT],
  ["an encrypted workbook (an OLE compound file with an EncryptionInfo stream)", "terenkripsi.xlsx", [], ENCRYPTED],
  ["a legacy .xls-like compound file without EncryptionInfo", "lama.xls.xlsx", [], LEGACY],
  ["a valid .xlsx holding an unrelated table", "tabel-lain.xlsx", [], NO_LKE],
  ["a valid .xlsx with one empty sheet", "kosong.xlsx", [], NO_LKE],
  ["a 50,000-row junk table", "tabel-50rb-baris.xlsx", [], NO_LKE],
  ["a zip whose central directory claims a 4 GB entry", "bom-zip.xlsx", [], TOO_LARGE],
  ["a zip with an entry that inflates far beyond the size it declares", "bom-zip-berbohong.xlsx", [], CORRUPT],
  ["a directory", "sebuah-folder.xlsx", [], NOT_A_FILE],
  ["a file that does not exist", "tidak-ada.xlsx", [], NOT_A_FILE],
  ["a missing file after flags with values (the message names the file, not a flag's value)", "tidak-ada.xlsx", ["--role", "tpi", "--lang", "en"], NOT_A_FILE],
  ["a text file with --json (the error goes to stderr, nothing to stdout)", "teks.xlsx", ["--json"], NOT_XLSX],
];

const USAGE: Array<[what: string, args: string[]]> = [
  ["an unknown command", ["laporan", "x.xlsx"]],
  ["an unknown flag", ["report", "x.xlsx", "--frobnicate"]],
  ["a missing file argument", ["report"]],
  ["two file arguments", ["report", "a.xlsx", "b.xlsx"]],
  ["a bad --role value", ["report", "x.xlsx", "--role", "kepala"]],
  ["--role without a value", ["report", "x.xlsx", "--role"]],
  ["a bad --fail-on value", ["report", "x.xlsx", "--fail-on", "info"]],
  ["no command at all", []],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let runs: Map<string, Run>;
const before = new Map<string, ReturnType<typeof snapshotOf>>();

beforeAll(async () => {
  const all: Array<{ key: string; args: string[] }> = [
    ...REFUSED.map(([what, file, extra]) => ({ key: what, args: ["report", ...extra, file] })),
    ...USAGE.map(([what, args]) => ({ key: `usage: ${what}`, args })),
    { key: "50k", args: ["report", "lke-50rb-baris.xlsx", "--json"] },
    { key: "blank", args: ["report", "blank-answer.xlsx", "--fail-on", "error", "--json"] },
    { key: "clean json", args: ["report", "clean.xlsx", "--fail-on", "error", "--json"] },
    { key: "clean text", args: ["report", "clean.xlsx", "--fail-on", "error"] },
  ];
  for (const name of [...Object.keys(inputs), "tidak-ada.xlsx"]) before.set(name, snapshotOf(path.join(dir, name)));
  runs = await cliAll(all, dir);
}, 300_000);

describe("lke-zi report refuses unusable input with exit code 2 and one sentence, Indonesian then English", () => {
  it.each(REFUSED)("%s", (what, name, _extra, reason) => {
    const run = runs.get(what)!;
    expect(run.timedOut).toBe(false);
    expect(run.ms).toBeLessThan(TIME_LIMIT_MS);
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^lke-zi: berkas "${escape(name)}" `));
    expect(lines[0]).toMatch(reason.id);
    expect(lines[1]).toMatch(new RegExp(`^lke-zi: file "${escape(name)}" `));
    expect(lines[1]).toMatch(reason.en);
    expect(run.stderr).not.toMatch(/^\s+at |Error:|internal error/m);
    // The input is exactly as it was: same bytes, same modification time (or still absent).
    expect(snapshotOf(path.join(dir, name))).toEqual(before.get(name));
  });
});

describe("lke-zi report on a readable LKE with 50,000 junk rows after it", () => {
  it("reads the LKE in time and reports it (exit 0), leaving the file as it was", () => {
    const run = runs.get("50k")!;
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { layout: { items: { matched: number; expected: number } }; scores: { total: number } };
    expect(report.layout.items).toEqual({ matched: 113, expected: 113 });
    expect(report.scores.total).toBeGreaterThan(90);
    expect(snapshotOf(inputs["lke-50rb-baris.xlsx"]!)).toEqual(before.get("lke-50rb-baris.xlsx"));
  });
});

describe("usage errors end with exit code 1 and the usage on stderr", () => {
  it.each(USAGE)("%s", (what) => {
    const run = runs.get(`usage: ${what}`)!;
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/Penggunaan \/ usage:/);
    expect(run.stderr).not.toMatch(/^\s+at |Error:/m);
  });
});

describe("--fail-on error", () => {
  it("ends with 3 when an answer is blank (answer.missing is an error)", () => {
    const run = runs.get("blank")!;
    expect(run.status).toBe(3);
    const report = JSON.parse(run.stdout) as { findings: Array<{ rule: string; severity: string }> };
    expect(report.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["answer.missing"]);
  });

  it("ends with 0 on a clean LKE, and so does the readable summary", () => {
    const json = runs.get("clean json")!;
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { findings: unknown[] }).findings).toEqual([]);
    const text = runs.get("clean text")!;
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^LKE Zona Integritas — clean\.xlsx/);
    expect(text.stderr).toBe("");
  });
});
