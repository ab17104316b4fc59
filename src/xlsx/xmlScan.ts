// Just enough XML for SpreadsheetML parts, written for speed: text is decoded in pieces of at most ~64 KB cut
// at element boundaries (V8 allocates strings above 128 KB in a slow space, which made one decode of a
// 190 KB sheet cost as much as inflating it), and elements are found with indexOf on those strings.

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

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code = body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** XML character data as a parser delivers it: line ends normalised, then entities resolved. */
export function xmlText(s: string, from: number, to: number): string {
  let t = s.slice(from, to);
  if (t.indexOf("\r") !== -1) t = t.replace(/\r\n?/g, "\n");
  if (t.indexOf("&") !== -1) t = decodeEntities(t);
  return t;
}

/** OOXML's escape for characters XML cannot carry (_x000D_ is a carriage return), as exceljs decodes it. */
export function ooxmlUnescape(t: string): string {
  return t.indexOf("_x") === -1 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function isNameEnd(ch: number): boolean {
  // ">", "/", space, tab, CR, LF
  return ch === 62 || ch === 47 || ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** True when s has the element name `name` right after the "<" at `lt`. */
export function isTag(s: string, lt: number, name: string): boolean {
  return s.startsWith(name, lt + 1) && isNameEnd(s.charCodeAt(lt + 1 + name.length));
}

/** A start tag: its attributes (raw names, decoded values), where it ends, and whether it is `<x/>`. */
export interface StartTag {
  names: string[];
  values: string[];
  /** Index just after ">". */
  end: number;
  selfClosing: boolean;
}

/** Reads the start tag whose name begins at s[lt + 1]; throws on a tag that never closes. */
export function readTag(s: string, lt: number, tag: StartTag): StartTag {
  tag.names.length = 0;
  tag.values.length = 0;
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
    while (i < n && (ch = s.charCodeAt(i)) !== 61 /* = */ && ch !== 62 && ch !== 32) i++;
    const name = s.slice(nameStart, i);
    while (s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) !== 61) throw new Error(`attribute ${name} without value`);
    i++;
    while (s.charCodeAt(i) === 32) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new Error(`attribute ${name} not quoted`);
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) throw new Error("unterminated attribute");
    tag.names.push(name);
    tag.values.push(xmlText(s, i + 1, close));
    i = close + 1;
  }
}

export function newTag(): StartTag {
  return { names: [], values: [], end: 0, selfClosing: false };
}

/** The value of attribute `name` (matched exactly, or by local name after a prefix when `local` is set). */
export function attr(tag: StartTag, name: string, local = false): string | undefined {
  const { names } = tag;
  for (let k = 0; k < names.length; k++) {
    const a = names[k]!;
    if (a === name || (local && a.endsWith(`:${name}`))) return tag.values[k];
  }
  return undefined;
}

/** Index of the "<" of the end tag `</name>` from `from`, or throws. */
export function endTag(s: string, name: string, from: number): number {
  const at = s.indexOf(`</${name}>`, from);
  if (at < 0) throw new Error(`missing </${name}>`);
  return at;
}
