// The hot loops of the fast reader: one pass over the <row>/<c> elements of a worksheet's sheetData and one over
// the <si> elements of the shared strings. Written for speed: attributes are read in place through a few
// module-level registers (no objects per cell), text is sliced only where a value is kept, and each piece is
// searched once for "&" and CR, so that only the texts holding one are decoded. Every helper a hot loop calls
// per cell lives in this module.
import { GatewayError } from "../app/gatewayError";
import type { CellValue } from "../domain/grid/sheetGrid";
import { decodeEntities, decodePieces } from "./xmlScan";

/** More cells than any LKE has by two orders of magnitude; past it the file is refused, not parsed. */
export const MAX_CELLS = 2_000_000;
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

// Where the next "&" and CR of the piece being read are (-1: none left). Texts are read front to back, so each
// piece is searched for them once in all, not once per text; most pieces have neither.
let ampAt = -1;
let crAt = -1;
let lastText = 0;

function setPiece(s: string): void {
  ampAt = s.indexOf("&");
  // The CR of the XML declaration's line end is not character data.
  crAt = s.indexOf("\r", s.startsWith("<?xml") ? s.indexOf("?>") : 0);
  lastText = 0;
}

/** Character data s[a, b) as an XML parser delivers it: line ends normalised, entities resolved. */
function text(s: string, a: number, b: number): string {
  if (a < lastText) {
    // Out of order (never in practice): search again from here.
    ampAt = s.indexOf("&", a);
    crAt = s.indexOf("\r", a);
  }
  lastText = a;
  if (ampAt !== -1 && ampAt < a) ampAt = s.indexOf("&", a);
  if (crAt !== -1 && crAt < a) crAt = s.indexOf("\r", a);
  let t = s.slice(a, b);
  if (crAt !== -1 && crAt < b) t = t.replace(/\r\n?/g, "\n");
  if (ampAt !== -1 && ampAt < b) t = decodeEntities(t);
  return t;
}

/** OOXML's escape for characters XML cannot carry (_x000D_), decoded as exceljs does. */
function unescapeOoxml(t: string): string {
  return t.indexOf("_x") === -1 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** s[at...] is `r="` (the usual first attribute of <c> and <row>), read without a call into the runtime. */
const isRefAttr = (s: string, at: number) => s.charCodeAt(at) === 114 && s.charCodeAt(at + 1) === 61 && s.charCodeAt(at + 2) === 34;

/** The index of the next `"` from `from`, for the short values of <c> and <row> attributes. */
function quoteFrom(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n && s.charCodeAt(i) !== 34) i++;
  if (i >= n) throw new Error("unterminated attribute");
  return i;
}

const isWs = (ch: number) => ch === 32 || ch === 10 || ch === 9 || ch === 13;
const isNameEnd = (ch: number) => ch === 62 || ch === 47 || ch === 32 || ch === 10 || ch === 9 || ch === 13;

// Registers of the attribute parser.
let nameAt = 0;
let nameLength = 0;
let valueFrom = 0;
let valueTo = 0;
let tagEnd = 0;
let tagSelfClosing = false;

/**
 * Reads the attribute at or after s[i]: sets nameAt/nameLength/valueFrom/valueTo and returns the index after
 * it; at the end of the tag sets tagEnd (after ">") and tagSelfClosing, and returns -1.
 */
function nextAttr(s: string, i: number): number {
  let ch = s.charCodeAt(i);
  while (isWs(ch)) ch = s.charCodeAt(++i);
  if (ch === 62 /* > */) {
    tagEnd = i + 1;
    tagSelfClosing = false;
    return -1;
  }
  if (ch === 47 /* / */ && s.charCodeAt(i + 1) === 62) {
    tagEnd = i + 2;
    tagSelfClosing = true;
    return -1;
  }
  if (ch !== ch) throw new Error("unterminated tag"); // NaN: past the end of the piece
  const eq = s.indexOf("=", i);
  if (eq < 0) throw new Error("attribute without value");
  let end = eq;
  while (end > i && isWs(s.charCodeAt(end - 1))) end--;
  nameAt = i;
  nameLength = end - i;
  let q = eq + 1;
  let quote = s.charCodeAt(q);
  while (isWs(quote)) quote = s.charCodeAt(++q);
  if (quote !== 34 && quote !== 39) throw new Error("attribute not quoted");
  const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
  if (close < 0) throw new Error("unterminated attribute");
  valueFrom = q + 1;
  valueTo = close;
  return close + 1;
}

/** Skips a start tag whose name starts at s[i]; leaves tagEnd/tagSelfClosing set. */
function skipTag(s: string, i: number): void {
  while (!isNameEnd(s.charCodeAt(i)) && i < s.length) i++;
  while ((i = nextAttr(s, i)) !== -1);
}

function attrIs(s: string, name: string): boolean {
  return nameLength === name.length && s.startsWith(name, nameAt);
}

/** The index of `closeTag` ("</name>", a constant) at or after s[from]. */
function elementEnd(s: string, closeTag: string, from: number): number {
  const at = s.indexOf(closeTag, from);
  if (at < 0) throw new Error(`missing ${closeTag}`);
  return at;
}

/** The text of the <t> elements in s[from, to), leaving out phonetic runs (<rPh>). */
function runsText(s: string, from: number, to: number): string {
  let out = "";
  let p = from;
  for (;;) {
    const lt = s.indexOf("<", p);
    if (lt === -1 || lt >= to) return out;
    const ch = s.charCodeAt(lt + 1);
    if (ch === 116 /* t */ && isNameEnd(s.charCodeAt(lt + 2))) {
      skipTag(s, lt + 2);
      if (tagSelfClosing) {
        p = tagEnd;
        continue;
      }
      const close = s.indexOf("<", tagEnd);
      if (!s.startsWith("</t>", close)) throw new Error("markup inside <t>");
      out = out === "" ? text(s, tagEnd, close) : out + text(s, tagEnd, close);
      p = close + 4;
    } else if (ch === 114 /* r */ && s.startsWith("Ph", lt + 2) && isNameEnd(s.charCodeAt(lt + 4))) {
      skipTag(s, lt + 4);
      p = tagSelfClosing ? tagEnd : elementEnd(s, "</rPh>", tagEnd) + 6;
    } else {
      p = lt + 1;
    }
  }
}

/** s[lt...] is exactly "</t></si>". */
function isTextThenSiEnd(s: string, lt: number): boolean {
  return (
    s.charCodeAt(lt + 1) === 47 &&
    s.charCodeAt(lt + 2) === 116 &&
    s.charCodeAt(lt + 3) === 62 &&
    s.charCodeAt(lt + 4) === 60 &&
    s.charCodeAt(lt + 5) === 47 &&
    s.charCodeAt(lt + 6) === 115 &&
    s.charCodeAt(lt + 7) === 105 &&
    s.charCodeAt(lt + 8) === 62
  );
}

export function readSharedStrings(bytes: Uint8Array): string[] {
  // Read lazily, at a sheet's first shared-string cell: the search state of that sheet's piece must survive.
  const [amp, cr, last] = [ampAt, crAt, lastText];
  try {
    return sharedStringsOf(bytes);
  } finally {
    [ampAt, crAt, lastText] = [amp, cr, last];
  }
}

function sharedStringsOf(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const s of decodePieces(bytes, 0, bytes.length, "</si>")) {
    setPiece(s);
    // _xHHHH_ escapes, searched for once per piece as "&" and CR are.
    let escAt = s.indexOf("_x");
    const unescaped = (t: string, from: number, to: number) => {
      if (escAt !== -1 && escAt < from) escAt = s.indexOf("_x", from);
      return escAt !== -1 && escAt < to ? unescapeOoxml(t) : t;
    };
    let p = 0;
    for (;;) {
      const at = s.indexOf("<si", p);
      if (at === -1) break;
      // The common forms, <si><t>text</t></si> and <si><t xml:space="preserve">text</t></si>, without a walk.
      if (s.charCodeAt(at + 3) === 62 && s.charCodeAt(at + 4) === 60 && s.charCodeAt(at + 5) === 116) {
        const c6 = s.charCodeAt(at + 6);
        const from = c6 === 62 ? at + 7 : c6 === 32 && s.startsWith(' xml:space="preserve">', at + 6) ? at + 28 : -1;
        if (from !== -1) {
          const lt = s.indexOf("<", from);
          // </t></si>
          if (lt !== -1 && isTextThenSiEnd(s, lt)) {
            out.push(unescaped(text(s, from, lt), from, lt));
            p = lt + 9;
            continue;
          }
        }
      }
      if (!isNameEnd(s.charCodeAt(at + 3))) {
        p = at + 3;
        continue;
      }
      skipTag(s, at + 3);
      if (tagSelfClosing) {
        out.push("");
        p = tagEnd;
        continue;
      }
      const from = tagEnd;
      const close = elementEnd(s, "</si>", from);
      out.push(unescaped(runsText(s, from, close), from, close));
      p = close + 5;
    }
  }
  return out;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface HyperlinkRef {
  box: Box;
  target: string;
}

/** A cell's place and the string of its shared-formula group, for cells whose formula is the master's moved. */
export interface SharedFormulaUse {
  row: number;
  col: number;
  si: string;
}

/**
 * An empty row array whose elements kind is already the general one, so that every row takes the same single
 * transition (to holey) on its first sparse store, whatever kind of value comes first.
 */
export function newRow(): CellValue[] {
  const row: CellValue[] = [null];
  row.length = 0;
  return row;
}

/** What one worksheet's sheetData yields. */
export class SheetCells {
  readonly values: CellValue[][] = [];
  readonly formulas: (string | undefined)[][] = [];
  cells = 0;
  colCount = 0;
  rowCount = 0;
  readonly masters = new Map<string, { row: number; col: number; formula: string }>();
  readonly sharedUses: SharedFormulaUse[] = [];
  /** Cells that exist and carry a hyperlink (found while reading). */
  readonly linked: Array<{ row: number; col: number; target: string }> = [];
  private readonly linkAt = new Map<number, string>();
  private readonly linkRanges: HyperlinkRef[] = [];
  readonly hasLinks: boolean;
  /** 1 where some hyperlink covers the column: most cells need no lookup. */
  readonly linkCols = new Uint8Array(MAX_COL);

  constructor(
    links: HyperlinkRef[],
    private readonly sst: () => string[],
    initialCells: number,
  ) {
    this.cells = initialCells;
    for (const l of links) {
      const b = l.box;
      this.linkCols.fill(1, b.left, b.right + 1);
      if (b.top === b.bottom && b.left === b.right) this.linkAt.set(b.top * MAX_COL + b.left, l.target);
      else this.linkRanges.push(l);
    }
    this.hasLinks = links.length > 0;
  }

  linkFor(row: number, col: number): string | undefined {
    const single = this.linkAt.get(row * MAX_COL + col);
    if (single !== undefined) return single;
    for (const l of this.linkRanges) {
      const b = l.box;
      if (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right) return l.target;
    }
    return undefined;
  }

  sharedString(s: string, from: number, to: number): string {
    let index = 0;
    for (let i = from; i < to; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) {
        if (isWs(d + 48)) continue;
        throw new Error("shared string index is not a number");
      }
      index = index * 10 + d;
    }
    const v = this.sst()[index];
    if (v === undefined) throw new Error(`shared string ${index} does not exist`);
    return v;
  }

  set(row: number, col: number, value: CellValue): void {
    if (++this.cells > MAX_CELLS) throw new GatewayError("too-large", `more than ${MAX_CELLS} cells`);
    let r = this.values[row];
    if (r === undefined) r = this.values[row] = newRow();
    r[col] = value;
    if (col >= this.colCount) this.colCount = col + 1;
    if (row >= this.rowCount) this.rowCount = row + 1;
  }
}

// Cell types (the t attribute).
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_INLINE = 5;
const T_D = 6;
const T_OTHER = 7;

function cellType(s: string, from: number, to: number): number {
  const n = to - from;
  const c = s.charCodeAt(from);
  if (n === 1) return c === 115 ? T_S : c === 110 ? T_N : c === 98 ? T_B : c === 101 ? T_E : c === 100 ? T_D : T_OTHER;
  if (n === 3 && s.startsWith("str", from)) return T_STR;
  if (n === 9 && s.startsWith("inlineStr", from)) return T_INLINE;
  return T_OTHER;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function number(s: string, from: number, to: number): number {
  // Up to 15 significant digits, with an optional sign and decimal point and no exponent: the digits make an
  // exact integer m and the value is m / 10^k, one correctly rounded division of exact doubles — the very
  // double parseFloat gives (Clinger's fast path), without making a string. Anything else goes to parseFloat.
  if (to - from <= 16) {
    let i = from;
    const negative = s.charCodeAt(i) === 45; /* - */
    if (negative) i++;
    let m = 0;
    let digits = 0;
    let point = -1;
    for (; i < to; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) {
        m = m * 10 + d;
        digits++;
      } else if (d === -2 /* . */ && point < 0) {
        point = i;
      } else break;
    }
    if (i === to && digits > 0 && digits <= 15) {
      const v = point < 0 ? m : m / POW10[to - point - 1]!;
      return negative ? -v : v;
    }
  }
  return parseFloat(s.slice(from, to));
}

// Registers for the column a cell reference names (zero-based), or -1.
function columnOf(s: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i) & 0xdf;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (col === 0 || col > MAX_COL) return -1;
  if (s.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
  }
  return i === digits ? -1 : col - 1;
}

let cellEnd = 0;

/** Reads the <c> element at s[lt] (its start tag ends at s[gt]) in row `row`; returns its column, sets cellEnd. */
function readCell(s: string, lt: number, gt: number, row: number, prevCol: number, out: SheetCells): number {
  let col = prevCol + 1;
  let type = T_N;
  // Fast path for the form every writer uses, <c r="B7" s="3" t="s">: the attributes of <c> (r, s, t, cm, vm,
  // ph) never hold ">", and only t has a "t" in its name or value, so a tag without one has no type.
  let fast = false;
  if (gt !== -1 && s.charCodeAt(lt + 2) === 32 && isRefAttr(s, lt + 3)) {
    const q = quoteFrom(s, lt + 6);
    // Writers put t last: look there first.
    let open = -1;
    if (s.charCodeAt(gt - 1) === 34) {
      open = gt - 2; // (String#lastIndexOf is a slow runtime call in V8; values here are a few characters long)
      while (open > q && s.charCodeAt(open) !== 34) open--;
    }
    if (open > q && s.charCodeAt(open - 1) === 61 && s.charCodeAt(open - 2) === 116 && isWs(s.charCodeAt(open - 3))) {
      type = cellType(s, open + 1, gt - 1);
      fast = true;
    } else {
      let t = q + 1;
      while (t < gt && s.charCodeAt(t) !== 116 /* t */) t++;
      if (t >= gt) fast = true;
      else if (s.charCodeAt(t - 1) === 32 && s.charCodeAt(t + 1) === 61 && s.charCodeAt(t + 2) === 34) {
        const tq = s.indexOf('"', t + 3);
        if (tq < gt) {
          type = cellType(s, t + 3, tq);
          fast = true;
        }
      }
    }
    if (fast) {
      col = columnOf(s, lt + 6, q);
      if (col < 0) throw new Error(`bad cell reference ${s.slice(lt + 6, q)}`);
      tagSelfClosing = s.charCodeAt(gt - 1) === 47;
      tagEnd = gt + 1;
    }
  }
  if (!fast) {
    for (let i = lt + 2; (i = nextAttr(s, i)) !== -1; ) {
      if (nameLength !== 1) continue;
      const n = s.charCodeAt(nameAt);
      if (n === 114 /* r */) {
        col = columnOf(s, valueFrom, valueTo);
        if (col < 0) throw new Error(`bad cell reference ${s.slice(valueFrom, valueTo)}`);
      } else if (n === 116 /* t */) {
        type = cellType(s, valueFrom, valueTo);
      }
    }
  }
  if (col >= MAX_COL) throw new Error("column beyond XFD");
  if (tagSelfClosing) {
    cellEnd = tagEnd;
    if (out.hasLinks && out.linkCols[col] === 1) {
      const link = out.linkFor(row, col);
      if (link !== undefined) {
        out.set(row, col, null);
        out.linked.push({ row, col, target: link });
      }
    }
    return col;
  }
  let vFrom = -1;
  let vTo = -1;
  let formula: string | undefined;
  let fShared = false;
  let fOther = false;
  let fMaster = false;
  let fSi: string | undefined;
  let inline: string | undefined;
  let p = tagEnd;
  for (;;) {
    const at = s.charCodeAt(p) === 60 ? p : s.indexOf("<", p);
    if (at === -1) throw new Error("missing </c>");
    const ch = s.charCodeAt(at + 1);
    const after = s.charCodeAt(at + 2);
    if (ch === 47 /* / */) {
      if (after !== 99 || s.charCodeAt(at + 3) !== 62) throw new Error("missing </c>");
      p = at + 4;
      break;
    }
    if (ch === 118 /* v */ && isNameEnd(after)) {
      if (after === 62) {
        tagEnd = at + 3;
        tagSelfClosing = false;
      } else skipTag(s, at + 2);
      if (tagSelfClosing) {
        p = tagEnd;
        continue;
      }
      const e = s.indexOf("<", tagEnd);
      if (s.charCodeAt(e + 1) !== 47 || s.charCodeAt(e + 2) !== 118 || s.charCodeAt(e + 3) !== 62) throw new Error("markup inside <v>");
      vFrom = tagEnd;
      vTo = e;
      p = e + 4;
      // Usually the value closes the cell: <v>…</v></c>.
      if (s.charCodeAt(p) === 60 && s.charCodeAt(p + 1) === 47 && s.charCodeAt(p + 2) === 99 && s.charCodeAt(p + 3) === 62) {
        p += 4;
        break;
      }
    } else if (ch === 102 /* f */ && isNameEnd(after)) {
      for (let i = at + 2; (i = nextAttr(s, i)) !== -1; ) {
        if (nameLength === 1 && s.charCodeAt(nameAt) === 116) {
          if (valueTo - valueFrom === 6 && s.startsWith("shared", valueFrom)) fShared = true;
          else fOther = true;
        } else if (attrIs(s, "ref")) {
          fMaster = true;
        } else if (attrIs(s, "si")) {
          fSi = s.slice(valueFrom, valueTo);
        }
      }
      if (tagSelfClosing) {
        p = tagEnd;
      } else {
        const e = s.indexOf("<", tagEnd);
        if (!s.startsWith("</f>", e)) throw new Error("markup inside <f>");
        if (e > tagEnd) formula = text(s, tagEnd, e);
        p = e + 4;
      }
    } else if (ch === 105 /* i */ && after === 115 /* s */ && isNameEnd(s.charCodeAt(at + 3))) {
      skipTag(s, at + 3);
      if (tagSelfClosing) {
        p = tagEnd;
        continue;
      }
      const e = elementEnd(s, "</is>", tagEnd);
      inline = unescapeOoxml(runsText(s, tagEnd, e));
      p = e + 5;
    } else {
      // Any other child (extLst, …): skip it whole.
      skipTag(s, at + 1);
      if (tagSelfClosing) {
        p = tagEnd;
        continue;
      }
      let nameEnd = at + 1;
      while (!isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
      p = elementEnd(s, `</${s.slice(at + 1, nameEnd)}>`, tagEnd) + (nameEnd - at) + 2;
    }
  }
  cellEnd = p;

  const link = out.hasLinks && out.linkCols[col] === 1 ? out.linkFor(row, col) : undefined;
  if (link !== undefined) out.linked.push({ row, col, target: link });
  // As exceljs: a formula cell has formula text or a t="shared"/"array"/… marker; its value is the cached result.
  if (formula || fShared || fOther) {
    let result: CellValue = null;
    if (vTo > vFrom) {
      if (type === T_STR) result = text(s, vFrom, vTo);
      else if (type === T_B) result = parseInt(s.slice(vFrom, vTo), 10) !== 0;
      else if (type === T_E) result = { error: text(s, vFrom, vTo) };
      else if (type === T_S) result = out.sharedString(s, vFrom, vTo);
      else result = number(s, vFrom, vTo);
    }
    out.set(row, col, result);
    if (formula) {
      let r = out.formulas[row];
      if (r === undefined) r = out.formulas[row] = newRow() as (string | undefined)[];
      r[col] = formula;
      if (fShared && fMaster && fSi !== undefined) out.masters.set(fSi, { row, col, formula });
    } else if (fShared && fSi !== undefined) {
      out.sharedUses.push({ row, col, si: fSi });
    }
    return col;
  }
  let value: CellValue | undefined;
  if (type === T_INLINE && inline !== undefined) {
    value = inline;
  } else if (vTo > vFrom) {
    switch (type) {
      case T_S:
        value = out.sharedString(s, vFrom, vTo);
        break;
      case T_STR:
      case T_INLINE:
        value = text(s, vFrom, vTo);
        break;
      case T_B:
        value = parseInt(s.slice(vFrom, vTo), 10) !== 0;
        break;
      case T_E:
        value = { error: text(s, vFrom, vTo) };
        break;
      case T_D: {
        const v = text(s, vFrom, vTo);
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
        value = Number.isNaN(ms) ? v : (ms - EXCEL_EPOCH_MS) / 86_400_000;
        break;
      }
      default:
        value = number(s, vFrom, vTo);
    }
  }
  if (value !== undefined) out.set(row, col, value);
  else if (link !== undefined) out.set(row, col, null);
  return col;
}

/** Reads the <row>/<c> elements of bytes[from, to) (the sheetData element) into `out`. */
export function readSheetData(bytes: Uint8Array, from: number, to: number, out: SheetCells): void {
  let row = -1;
  let col = -1;
  for (const s of decodePieces(bytes, from, to, "</row>")) {
    setPiece(s);
    let p = 0;
    for (;;) {
      // Elements mostly follow each other without text between them.
      const lt = s.charCodeAt(p) === 60 ? p : s.indexOf("<", p);
      if (lt === -1) break;
      const ch = s.charCodeAt(lt + 1);
      if (ch === 99 /* c */ && isNameEnd(s.charCodeAt(lt + 2))) {
        if (row < 0) throw new Error("cell outside a row");
        // Half the cells of a template are empty and styled, <c r="C1" s="326"/> (no attribute of <c> holds a
        // ">"): only their column matters, and only to the next cell without r or to a hyperlink.
        const gt = s.indexOf(">", lt + 2);
        if (gt !== -1 && s.charCodeAt(gt - 1) === 47) {
          col = emptyCellColumn(s, lt, col);
          if (out.hasLinks && out.linkCols[col] === 1) {
            const link = out.linkFor(row, col);
            if (link !== undefined) {
              out.set(row, col, null);
              out.linked.push({ row, col, target: link });
            }
          }
          p = gt + 1;
          continue;
        }
        col = readCell(s, lt, gt, row, col, out);
        p = cellEnd;
      } else if (ch === 114 /* r */ && s.charCodeAt(lt + 2) === 111 && s.charCodeAt(lt + 3) === 119 && isNameEnd(s.charCodeAt(lt + 4))) {
        let r = row + 1;
        if (s.charCodeAt(lt + 4) === 32 && isRefAttr(s, lt + 5)) {
          // <row r="7" spans="1:17" ht="15.75">: no attribute of <row> holds a ">".
          const q = quoteFrom(s, lt + 8);
          r = number(s, lt + 8, q) - 1;
          p = s.indexOf(">", q) + 1;
          if (p === 0) throw new Error("unterminated <row>");
        } else {
          for (let i = lt + 4; (i = nextAttr(s, i)) !== -1; ) {
            if (nameLength === 1 && s.charCodeAt(nameAt) === 114) r = number(s, valueFrom, valueTo) - 1;
          }
          p = tagEnd;
        }
        if (!(r >= 0 && r < MAX_ROW && Number.isInteger(r))) throw new Error("bad row number");
        row = r;
        col = -1;
      } else {
        p = lt + 1;
      }
    }
  }
}

/** The column of the empty cell at s[lt] (from its r, or the one after the previous cell). */
function emptyCellColumn(s: string, lt: number, prevCol: number): number {
  let col = prevCol + 1;
  if (s.charCodeAt(lt + 2) === 32 && isRefAttr(s, lt + 3)) {
    const q = quoteFrom(s, lt + 6);
    col = columnOf(s, lt + 6, q);
    if (col < 0) throw new Error(`bad cell reference ${s.slice(lt + 6, q)}`);
  } else {
    for (let i = lt + 2; (i = nextAttr(s, i)) !== -1; ) {
      if (nameLength === 1 && s.charCodeAt(nameAt) === 114) {
        col = columnOf(s, valueFrom, valueTo);
        if (col < 0) throw new Error(`bad cell reference ${s.slice(valueFrom, valueTo)}`);
      }
    }
  }
  if (col >= MAX_COL) throw new Error("column beyond XFD");
  return col;
}
