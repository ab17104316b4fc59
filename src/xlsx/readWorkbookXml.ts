// Reads .xlsx bytes straight into the neutral WorkbookSnapshot: the zip's parts, then one pass over each
// worksheet's XML (sheetScan.ts). Browser-safe: no node:* module (inflate.ts finds Node's zlib at run time and
// falls back to fflate). It yields what the exceljs-based reader yields (test/xlsx/readerEquivalence.test.ts
// holds them equal on the real example, generated workbooks of every layout and LibreOffice's output) in a
// small fraction of its time, and without exceljs's unbounded expansions: exceljs materialises every cell of a
// merge, a data-validation range and a defined name, so a 2 KB file naming A1:XFD1048576 never finishes.
//
// Guards: sniffXlsx runs first (in readXlsx); every entry inflates to at most the size the zip declares; more
// than MAX_CELLS cells (merged cells count, as exceljs made one object each) is "too-large"; markup that does
// not parse, a missing shared string, a bad cell reference or row number is "corrupt"; a zip without a
// workbook part (a .docx renamed) is "not-xlsx".
//
// Deliberate differences from exceljs, each where exceljs loses or garbles what the file says:
// - shared formulas move with the reference rules of Excel: text inside string literals stays as it is
//   (exceljs shifts "A1" inside "…"), whole columns and rows shift, a reference moved off the sheet is #REF!;
// - a number in a date-formatted cell stays the stored serial number (exceljs makes a Date rounded to the
//   millisecond and, in 1904-based workbooks, moves it by 1462 days); Office.js gives the stored number too;
// - a cell that has both a formula and a hyperlink keeps its formula (exceljs drops it);
// - validations keep the sqref and formula text as written (exceljs keeps one rule per cell, and turns
//   formulas of whole/decimal/date rules into numbers or Dates);
// - defined names are listed as written, one entry per <definedName> (exceljs merges same-named local names,
//   keeps only names that are plain ranges, and drops print areas and print titles);
// - a hyperlink whose ref is a range applies to every existing cell in it (exceljs ignores it); like exceljs,
//   links to a place in the workbook (location only) are not read;
// - sheets and shared strings are found through the package relationships, and part names are matched
//   case-insensitively as OPC requires (exceljs expects the default names xl/worksheets/sheetN.xml);
// - text is entity-decoded once (exceljs decodes t="str" text twice); _xHHHH_ escapes are decoded in inline
//   strings as in shared strings; an empty <si/> is "" (exceljs: "[object Object]"); a t="s" formula result is
//   its shared string; t="d" (ISO date) cells become serials; overlapping merges are read (exceljs: corrupt);
// - parts the snapshot does not need (styles, themes, drawings, comments) are not read, so damage confined to
//   them does not make the workbook unreadable.
import { toA1 } from "../domain/grid/address";
import { GatewayError } from "../app/gatewayError";
import type { SheetGrid, ValidationRule, WorkbookSnapshot } from "../domain/grid/sheetGrid";
import { setInflateKind, type InflateKind } from "./inflate";
import { applyOffset, compileFormula, type CompiledFormula } from "./sharedFormula";
import { MAX_CELLS, MAX_COL, MAX_ROW, newRow, readSharedStrings, readSheetData, SheetCells, type Box, type HyperlinkRef } from "./sheetScan";
import { attr, decodeAll, decodePieces, endTag, findBytes, findBytesLast, isNameEnd, isTag, newTag, readTag, xmlText } from "./xmlScan";
import { findEntry, openZip, readEntry, type ZipArchive } from "./zipArchive";

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Package parts

function dirOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** A relationship target resolved against the directory of its source part ("/xl/x.xml" is absolute). */
function resolvePart(fromDir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : fromDir + target;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function partText(zip: ZipArchive, path: string): string | undefined {
  const entry = findEntry(zip, path);
  return entry ? decodeAll(readEntry(zip, entry)) : undefined;
}

function readRels(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const s = partText(zip, relsPathOf(part));
  if (s === undefined) return rels;
  const tag = newTag();
  for (let p = s.indexOf("<Relationship"); p !== -1; p = s.indexOf("<Relationship", p + 1)) {
    if (!isTag(s, p, "Relationship")) continue;
    readTag(s, p, tag);
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id === undefined || target === undefined) continue;
    rels.set(id, { type: attr(tag, "Type") ?? "", target, external: attr(tag, "TargetMode") === "External" });
  }
  return rels;
}

function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Workbook and shared strings

interface SheetEntry {
  name: string;
  state: string | undefined;
  rid: string | undefined;
}

function readWorkbookPart(s: string): { sheets: SheetEntry[]; definedNames: Array<{ name: string; ref: string }> } {
  const tag = newTag();
  const sheets: SheetEntry[] = [];
  const definedNames: Array<{ name: string; ref: string }> = [];
  for (let p = s.indexOf("<sheet"); p !== -1; p = s.indexOf("<sheet", p + 1)) {
    if (!isTag(s, p, "sheet")) continue;
    readTag(s, p, tag);
    sheets.push({ name: attr(tag, "name") ?? "", state: attr(tag, "state"), rid: attr(tag, "id", true) });
  }
  for (let p = s.indexOf("<definedName"); p !== -1; p = s.indexOf("<definedName", p + 1)) {
    if (!isTag(s, p, "definedName")) continue;
    readTag(s, p, tag);
    const name = attr(tag, "name");
    if (name === undefined) continue;
    const ref = tag.selfClosing ? "" : xmlText(s, tag.end, endTag(s, "definedName", tag.end));
    definedNames.push({ name, ref });
  }
  return { sheets, definedNames };
}

// ---------------------------------------------------------------------------------------------------------
// Worksheets

/** Zero-based column of the letters at s[from...], and where they end; -1 when there are none. */
function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i) & 0xdf;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (col === 0 || col > MAX_COL) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + (ch - 48);
  }
  if (i === digits || row < 1 || row > MAX_ROW) return undefined;
  return { row: row - 1, col: col - 1 };
}

function parseBox(ref: string): Box | undefined {
  const colon = ref.indexOf(":");
  const a = parseCellRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = colon < 0 ? a : parseCellRef(ref.slice(colon + 1));
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const a1 = toA1;

interface Section {
  from: number;
  to: number;
}

/** The bytes of the element `<name>...</name>` after `from`, or undefined. */
function section(bytes: Uint8Array, name: string, from: number, closeNearEnd = false): Section | undefined {
  let at = from;
  for (;;) {
    at = findBytes(bytes, `<${name}`, at);
    if (at < 0) return undefined;
    if (isNameEnd(bytes[at + name.length + 1]!)) break;
    at += name.length + 1;
  }
  const gt = bytes.indexOf(62, at);
  if (gt < 0) throw new Error(`<${name}> never ends`);
  if (bytes[gt - 1] === 47) return { from: at, to: gt + 1 };
  const closeTag = `</${name}>`;
  const close = closeNearEnd ? findBytesLast(bytes, closeTag, gt) : findBytes(bytes, closeTag, gt);
  if (close < 0) throw new Error(`<${name}> never ends`);
  return { from: at, to: close + closeTag.length };
}

function readMerges(bytes: Uint8Array, sec: Section | undefined): Box[] {
  const out: Box[] = [];
  if (!sec) return out;
  const tag = newTag();
  for (const s of decodePieces(bytes, sec.from, sec.to, "/>")) {
    for (let p = s.indexOf("<mergeCell"); p !== -1; p = s.indexOf("<mergeCell", p + 1)) {
      if (!isTag(s, p, "mergeCell")) continue;
      readTag(s, p, tag);
      const box = parseBox(attr(tag, "ref") ?? "");
      if (box) out.push(box);
    }
  }
  return out;
}

function readValidations(bytes: Uint8Array, sec: Section | undefined): ValidationRule[] {
  const out: ValidationRule[] = [];
  if (!sec) return out;
  const tag = newTag();
  for (const s of decodePieces(bytes, sec.from, sec.to, "</dataValidation>")) {
    for (let p = s.indexOf("<dataValidation"); p !== -1; p = s.indexOf("<dataValidation", p + 1)) {
      if (!isTag(s, p, "dataValidation")) continue;
      readTag(s, p, tag);
      const sqref = (attr(tag, "sqref") ?? "").trim().split(/\s+/).filter(Boolean).join(" ");
      const rule: ValidationRule = { sqref, type: attr(tag, "type") ?? "any", formulae: [] };
      out.push(rule);
      if (tag.selfClosing) continue;
      const close = endTag(s, "dataValidation", tag.end);
      for (const name of ["formula1", "formula2"]) {
        const at = s.indexOf(`<${name}`, tag.end);
        if (at < 0 || at > close) continue;
        const gt = s.indexOf(">", at);
        rule.formulae.push(s.charCodeAt(gt - 1) === 47 ? "" : xmlText(s, gt + 1, endTag(s, name, gt)));
      }
      p = close;
    }
  }
  return out;
}

function readHyperlinks(bytes: Uint8Array, sec: Section | undefined, rels: () => Map<string, Relationship>): HyperlinkRef[] {
  const out: HyperlinkRef[] = [];
  if (!sec) return out;
  const tag = newTag();
  for (const s of decodePieces(bytes, sec.from, sec.to, "/>")) {
    for (let p = s.indexOf("<hyperlink"); p !== -1; p = s.indexOf("<hyperlink", p + 1)) {
      if (!isTag(s, p, "hyperlink")) continue;
      readTag(s, p, tag);
      // Only links to a target outside the sheet (a relationship), as exceljs: "#Sheet!A1" locations are not evidence.
      const rid = attr(tag, "id", true);
      const box = parseBox(attr(tag, "ref") ?? "");
      const rel = rid === undefined ? undefined : rels().get(rid);
      if (box && rel) out.push({ box, target: rel.target });
    }
  }
  return out;
}

function readSheet(zip: ZipArchive, path: string, name: string, state: string | undefined, sst: () => string[]): SheetGrid {
  const bytes = readEntry(zip, findEntry(zip, path)!);
  const data = section(bytes, "sheetData", 0, true);
  const tail = data ? data.to : 0;
  let rels: Map<string, Relationship> | undefined;
  const links = readHyperlinks(bytes, section(bytes, "hyperlinks", tail), () => (rels ??= readRels(zip, path)));
  const merges = readMerges(bytes, section(bytes, "mergeCells", tail));
  const validations = readValidations(bytes, section(bytes, "dataValidations", tail));

  // Merged cells other than the top left count as cells, as in exceljs (which makes one object per cell).
  let mergeCells = 0;
  for (const m of merges) mergeCells += (m.bottom - m.top + 1) * (m.right - m.left + 1) - 1;
  if (mergeCells > MAX_CELLS) throw new GatewayError("too-large", `merged ranges cover more than ${MAX_CELLS} cells`);
  const out = new SheetCells(links, sst, mergeCells);
  if (data) readSheetData(bytes, data.from, data.to, out);

  // Shared formulas: each dependent cell gets the master's formula moved by its offset.
  const compiled = new Map<string, CompiledFormula>();
  for (const d of out.sharedUses) {
    const m = out.masters.get(d.si);
    if (!m) continue;
    let c = compiled.get(d.si);
    if (!c) compiled.set(d.si, (c = compileFormula(m.formula)));
    (out.formulas[d.row] ??= newRow() as (string | undefined)[])[d.col] = applyOffset(c, d.row - m.row, d.col - m.col);
  }
  // Excel shows a merged range's content at its top left only: the other cells' contents are not read.
  const real = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  // Only merges over a linked column can hide a hyperlink (links sit in evidence columns, merges in text ones).
  const overLinks = real.filter((m) => out.linkCols.subarray(m.left, m.right + 1).includes(1));
  const inMerge = (r: number, c: number) => {
    for (const m of overLinks) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return true;
    return false;
  };
  for (const m of real) {
    for (let r = m.top; r <= m.bottom; r++) {
      const vals = out.values[r];
      const fs = out.formulas[r];
      if (!vals && !fs) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right; c++) {
        if (vals && vals[c] !== undefined) delete vals[c];
        if (fs && fs[c] !== undefined) delete fs[c];
      }
    }
    if (m.bottom >= out.rowCount) out.rowCount = m.bottom + 1;
    if (m.right >= out.colCount) out.colCount = m.right + 1;
  }
  const hyperlinks: Record<string, string> = {};
  for (const l of out.linked) if (!inMerge(l.row, l.col)) hyperlinks[a1(l.row, l.col)] = l.target;
  if (out.values.length < out.rowCount) out.values.length = out.rowCount;

  return {
    name,
    visibility: state === "veryHidden" ? "veryHidden" : state === "hidden" ? "hidden" : "visible",
    values: out.values,
    formulas: out.formulas,
    hyperlinks,
    validations,
    merges: merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
    rowCount: out.rowCount,
    colCount: out.colCount,
  };
}

export interface ReadOptions {
  /** "js" forces the pure-JavaScript inflater (tests and the bench); "auto" uses Node's zlib when present. */
  inflate?: InflateKind;
}

/** Parses the workbook. Throws GatewayError: "not-xlsx" without a workbook part, "corrupt", "too-large". */
export function readWorkbookXml(bytes: Uint8Array, options: ReadOptions = {}): WorkbookSnapshot {
  setInflateKind(options.inflate ?? "auto");
  try {
    const zip = openZip(bytes);
    // The workbook is where every writer puts it; the package relationships are read only when it is not.
    let workbookPath = "xl/workbook.xml";
    if (!findEntry(zip, workbookPath)) {
      const officeDoc = relOfType(readRels(zip, ""), "/officeDocument");
      if (officeDoc) workbookPath = resolvePart("", officeDoc.target);
    }
    const workbookText = partText(zip, workbookPath);
    // A .docx or .pptx renamed has an office document too, but not a workbook.
    if (workbookText === undefined || !/<(\w+:)?workbook[\s>]/.test(workbookText)) throw new GatewayError("not-xlsx", "no workbook part");
    const { sheets, definedNames } = readWorkbookPart(workbookText);
    const rels = readRels(zip, workbookPath);
    const dir = dirOf(workbookPath);

    let sst: string[] | undefined;
    const sharedStrings = () => {
      if (!sst) {
        const rel = relOfType(rels, "/sharedStrings");
        const entry = findEntry(zip, rel ? resolvePart(dir, rel.target) : `${dir}sharedStrings.xml`);
        sst = entry ? readSharedStrings(readEntry(zip, entry)) : [];
      }
      return sst;
    };

    const grids: SheetGrid[] = [];
    for (const sheet of sheets) {
      const rel = sheet.rid === undefined ? undefined : rels.get(sheet.rid);
      if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets, dialog and macro sheets
      const path = resolvePart(dir, rel.target);
      if (!findEntry(zip, path)) continue;
      grids.push(readSheet(zip, path, sheet.name, sheet.state, sharedStrings));
    }
    return { sheets: grids, definedNames };
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError("corrupt", e instanceof Error ? e.message : String(e));
  } finally {
    setInflateKind("auto");
  }
}
