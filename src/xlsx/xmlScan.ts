// Just enough XML for the package parts around the cells (workbook, relationships, merges, validations,
// hyperlinks; the cells themselves are read by sheetScan.ts). Text is decoded in pieces of at most ~64 KB cut at
// element boundaries: V8 allocates strings above 128 KB in a slow space, which made one decode of a 190 KB sheet
// cost as much as inflating it. Elements are then found with indexOf on those strings.

const utf8 = new TextDecoder("utf-8");

const PIECE = 64 * 1024;

/** Index of `pattern` (ASCII) in bytes[from, to), or -1. */
export function findBytes(bytes: Uint8Array, pattern: string, from: number, to: number = bytes.length): number {
  const first = pattern.charCodeAt(0);
  const n = pattern.length;
  for (let i = bytes.indexOf(first, from); i !== -1 && i + n <= to; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === pattern.charCodeAt(j)) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Index of the last `pattern` (ASCII) in bytes[from, end), or -1: for closing tags near the end of a part. */
export function findBytesLast(bytes: Uint8Array, pattern: string, from: number): number {
  const last = pattern.charCodeAt(pattern.length - 1);
  const n = pattern.length;
  for (let i = bytes.lastIndexOf(last); i !== -1 && i - n + 1 >= from; i = bytes.lastIndexOf(last, i - 1)) {
    let j = 1;
    while (j < n && bytes[i - j] === pattern.charCodeAt(n - 1 - j)) j++;
    if (j === n) return i - n + 1;
  }
  return -1;
}

/**
 * Decodes bytes[from, to) as UTF-8 in pieces, each cut just after an occurrence of `boundary` (a closing tag
 * such as "</row>") once it is PIECE bytes long, so that no element ending with `boundary` is split.
 */
export function decodePieces(bytes: Uint8Array, from: number, to: number, boundary: string): string[] {
  const out: string[] = [];
  let start = from;
  while (to - start > PIECE) {
    const hit = findBytes(bytes, boundary, start + PIECE, to);
    if (hit < 0) break;
    const end = hit + boundary.length;
    out.push(utf8.decode(bytes.subarray(start, end)));
    start = end;
  }
  if (start < to) out.push(utf8.decode(bytes.subarray(start, to)));
  return out;
}

export function decodeAll(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Resolves the five predefined entities and character references; others stay as written. */
export function decodeEntities(text: string): string {
  // String replacements, not a regular expression with a callback: exceljs writes every quote of a formula as
  // &quot;, and a generated LKE has hundreds of long formulas. &amp; goes last, so "&amp;lt;" stays "&lt;".
  let t = text;
  if (t.indexOf("&quot;") !== -1) t = t.replaceAll("&quot;", '"');
  if (t.indexOf("&lt;") !== -1) t = t.replaceAll("&lt;", "<");
  if (t.indexOf("&gt;") !== -1) t = t.replaceAll("&gt;", ">");
  if (t.indexOf("&apos;") !== -1) t = t.replaceAll("&apos;", "'");
  if (t.indexOf("&#") !== -1) {
    t = t.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (whole, body: string) => {
      const code = body.charCodeAt(0) === 120 /* x */ ? parseInt(body.slice(1), 16) : parseInt(body, 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (t.indexOf("&amp;") !== -1) t = t.replaceAll("&amp;", "&");
  return t;
}

/** XML character data as a parser delivers it: line ends normalised, then entities resolved. */
export function xmlText(s: string, from: number, to: number): string {
  let t = s.slice(from, to);
  if (t.indexOf("\r") !== -1) t = t.replace(/\r\n?/g, "\n");
  if (t.indexOf("&") !== -1) t = decodeEntities(t);
  return t;
}

export function isNameEnd(ch: number): boolean {
  // ">", "/", space, tab, CR, LF
  return ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** True when s has the element name `name` right after the "<" at `lt`. */
export function isTag(s: string, lt: number, name: string): boolean {
  return s.startsWith(name, lt + 1) && isNameEnd(s.charCodeAt(lt + 1 + name.length));
}

/** A start tag: where its attributes' names and values lie (decoded on demand), where it ends, whether `<x/>`. */
export interface StartTag {
  s: string;
  /** [nameFrom, nameTo, valueFrom, valueTo] for each attribute, flat. */
  spans: number[];
  count: number;
  /** Index just after ">". */
  end: number;
  selfClosing: boolean;
}

/** Reads the start tag whose name begins at s[lt + 1]; throws on a tag that never closes. */
export function readTag(s: string, lt: number, tag: StartTag): StartTag {
  tag.s = s;
  tag.count = 0;
  const spans = tag.spans;
  let i = lt + 1;
  const n = s.length;
  while (i < n && !isNameEnd(s.charCodeAt(i))) i++;
  for (;;) {
    let ch = s.charCodeAt(i);
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = s.charCodeAt(++i);
    if (ch === 62 /* > */) {
      tag.end = i + 1;
      tag.selfClosing = false;
      return tag;
    }
    if (ch === 47 /* / */ && s.charCodeAt(i + 1) === 62) {
      tag.end = i + 2;
      tag.selfClosing = true;
      return tag;
    }
    if (i >= n) throw new Error("unterminated tag");
    const nameStart = i;
    while (i < n && (ch = s.charCodeAt(i)) !== 61 /* = */ && ch !== 62 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) i++;
    const nameEnd = i;
    while (isNameEnd(s.charCodeAt(i)) && s.charCodeAt(i) !== 62 && s.charCodeAt(i) !== 47) i++;
    if (s.charCodeAt(i) !== 61) throw new Error("attribute without value");
    i++;
    while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new Error("attribute not quoted");
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) throw new Error("unterminated attribute");
    const k = tag.count++ * 4;
    spans[k] = nameStart;
    spans[k + 1] = nameEnd;
    spans[k + 2] = i + 1;
    spans[k + 3] = close;
    i = close + 1;
  }
}

export function newTag(): StartTag {
  return { s: "", spans: [], count: 0, end: 0, selfClosing: false };
}

/** The value of attribute `name` (matched exactly, or by local name after a prefix when `local` is set). */
export function attr(tag: StartTag, name: string, local = false): string | undefined {
  const { s, spans } = tag;
  for (let k = 0; k < tag.count * 4; k += 4) {
    const from = spans[k]!;
    const to = spans[k + 1]!;
    const len = to - from;
    const hit =
      (len === name.length && s.startsWith(name, from)) ||
      (local && len > name.length && s.charCodeAt(to - name.length - 1) === 58 /* : */ && s.startsWith(name, to - name.length));
    if (hit) return xmlText(s, spans[k + 2]!, spans[k + 3]!);
  }
  return undefined;
}

/** Index of the "<" of the end tag `</name>` from `from`, or throws. */
export function endTag(s: string, name: string, from: number): number {
  const at = s.indexOf(`</${name}>`, from);
  if (at < 0) throw new Error(`missing </${name}>`);
  return at;
}
