// Evidence links, cell by cell: where a cell's link is (its hyperlink, a HYPERLINK() formula, a URL typed as
// text), what kind of link it is (an http(s) URL, a broken Google Drive link, a local path, an unsafe target, …)
// and its normal form, so that one document shared twice counts as one link.
// Pure: the domain compiles without DOM or Node types, so URLs are taken apart here, not by the URL class.
import { parseA1, toA1 } from "../grid/address";
import { cellFormula, cellText, type SheetGrid } from "../grid/sheetGrid";

export type LinkSource = "hyperlink" | "formula" | "text";

export type NotUrlReason =
  | "missing-scheme" // www.example.go.id, drive.google.com/file/d/…
  | "local-path" // C:\Users\…, D:/…, /home/…
  | "relative-path" // bukti/sk.pdf, ..\Bukti\a.pdf, sk.pdf
  | "other-scheme" // mailto:, ftp://
  | "internal" // #'Sheet'!A1: a place inside the workbook
  | "text"; // "terlampir", "ada"

export type MalformedReason =
  | "no-id" // a Drive/Docs page that names no file or folder (My Drive, Recent, …)
  | "short-id" // a file or folder id that is empty or too short to be real (cut off)
  | "whitespace" // a space or line break inside the link
  | "incomplete" // "https:/…", "https://" with no host
  | "host"; // a host name that cannot be right (spaces, one label, bad port)

export type LinkClass =
  | { kind: "url"; url: string; normalized: string }
  | { kind: "malformed"; reason: MalformedReason }
  /** scheme: javascript | vbscript | data | file | smb | unc */
  | { kind: "unsafe"; scheme: string }
  | { kind: "not-url"; reason: NotUrlReason; scheme?: string };

export interface CellLink {
  /** The link as found (trimmed): the hyperlink target, the formula's first argument, the typed text. */
  raw: string;
  source: LinkSource;
  class: LinkClass;
}

/**
 * links: an evidence column, whose text is meant to be the link (plain text there is judged as a link).
 * description: a column describing the evidence; only links in it are judged, never its prose.
 */
export type CellMode = "links" | "description";

export interface CellEvidence {
  /** The cell holds something: text other than a dash, a hyperlink or a formula. */
  filled: boolean;
  /** Every link found in the cell, each once, in the order found. */
  links: CellLink[];
  /** A HYPERLINK() formula whose target cannot be read here (another sheet, a computed name). */
  opaque: boolean;
}

/** Drive and Docs ids are 28 (old) to 44 characters; fewer than this is a link cut short. */
export const MIN_GOOGLE_ID = 25;
/** Longest link text carried into a finding's params. */
export const MAX_DISPLAY = 120;

const UNSAFE_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "smb"]);
const FILE_EXT = /\.(pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|odp|rtf|txt|csv|jpe?g|png|gif|bmp|tiff?|zip|rar|7z|mp4|mov|avi|mp3)$/i;
const GOOGLE_HOSTS = new Set(["drive.google.com", "docs.google.com"]);
const DOCS_KINDS = new Set(["document", "spreadsheets", "presentation", "forms", "drawings", "file"]);
/** Text meaning "nothing here". */
const EMPTY_TEXT = /^[\s\-–—.]*$/;

export function displayLink(raw: string): string {
  const s = raw.replace(/\s+/g, " ").trim();
  return s.length > MAX_DISPLAY ? `${s.slice(0, MAX_DISPLAY - 1)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------
// Classification of one link

/**
 * What kind of link `raw` is; an http(s) URL also gets its normal form. A hyperlink's or formula's target is
 * judged by its scheme alone, as a browser would follow it ("java\tscript:" is javascript:); typed text only by
 * patterns prose does not produce, so "Data: SK Tim" or "File: laporan.pdf" is text, not an unsafe link.
 */
export function classifyLink(raw: string, source: LinkSource = "hyperlink"): LinkClass {
  const s = stripWrapping(raw.trim());
  if (/^\\\\/.test(s) || /^\/\/\?\//.test(s)) return { kind: "unsafe", scheme: "unc" };
  const unsafe = source === "text" ? strictUnsafeScheme(s) : looseUnsafeScheme(s);
  if (unsafe) return { kind: "unsafe", scheme: unsafe };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme === "http" || scheme === "https") return classifyHttp(s);
  if (scheme && (OTHER_SCHEMES.has(scheme) || s.slice(scheme.length).startsWith("://"))) {
    return { kind: "not-url", reason: "other-scheme", scheme };
  }
  if (/^https?\/\//i.test(s)) return { kind: "malformed", reason: "incomplete" };
  if (/^[a-z]:([\\/]|$)/i.test(s) || /^(~[\\/]|\/(users|home|mnt|media|volumes|var|tmp)\b)/i.test(s)) {
    return { kind: "not-url", reason: "local-path" };
  }
  if (s.startsWith("#")) return { kind: "not-url", reason: "internal" };
  if (looksLikeHost(s)) return { kind: "not-url", reason: "missing-scheme" };
  if (/^\.{1,2}[\\/]/.test(s) || (!/\s/.test(s) && /[\\/]/.test(s)) || FILE_EXT.test(s)) {
    return { kind: "not-url", reason: "relative-path" };
  }
  return { kind: "not-url", reason: "text" };
}

/** Schemes that are links, though not http(s). */
const OTHER_SCHEMES = new Set(["mailto", "ftp", "ftps", "sftp", "tel", "news", "ssh", "onenote", "ms-word", "ms-excel", "ms-powerpoint", "webcal"]);

function looseUnsafeScheme(s: string): string | undefined {
  let compact = "";
  for (let i = 0; i < s.length && i < 64; i++) if (s.charCodeAt(i) > 0x20) compact += s[i];
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  return scheme && UNSAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

function strictUnsafeScheme(s: string): string | undefined {
  if (/^(javascript|vbscript):\S/i.test(s)) return s.slice(0, s.indexOf(":")).toLowerCase();
  if (/^data:([a-z]+\/[a-z0-9.+-]+)?[;,]/i.test(s)) return "data";
  if (/^file:[\\/]/i.test(s)) return "file";
  if (/^smb:\/\//i.test(s)) return "smb";
  return undefined;
}

function stripWrapping(s: string): string {
  const m = /^(<|"|'|\(|\[)(.*)(>|"|'|\)|\])$/s.exec(s);
  return m && "<\"'([".indexOf(m[1]!) === ">\"')]".indexOf(m[3]!) ? m[2]!.trim() : s;
}

/** "www.example.go.id", "drive.google.com/file/d/…", "bkn.go.id/" — a site without http(s)://. */
function looksLikeHost(s: string): boolean {
  if (/^www\.[^\s.]+\.\S/i.test(s)) return true;
  if (/^\/\/[a-z0-9-]+(\.[a-z0-9-]+)+/i.test(s)) return true; // protocol-relative
  const m = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]\S*)?$/i.exec(s);
  if (!m) return false;
  // "sk.pdf", "SK.Tim": a file name or prose, not a site; a site ends in a country code or a common TLD.
  const tld = m[1]!.split(".").pop()!.toLowerCase();
  return /^[a-z]{2}$/.test(tld) ? !FILE_EXT.test(m[1]!) || /[/?#]/.test(s.slice(m[1]!.length)) : TLDS.has(tld);
}

const TLDS = new Set(["com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "app", "dev", "site", "online", "web", "asia", "gle", "xyz"]);

interface ParsedUrl {
  scheme: string;
  host: string;
  port?: string;
  path: string;
  query: string; // without "?"
  fragment: string; // without "#"
}

function parseUrl(s: string): ParsedUrl | MalformedReason {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/is.exec(s);
  if (!m) return "incomplete";
  const authority = m[2]!.slice(m[2]!.lastIndexOf("@") + 1);
  if (authority === "") return "incomplete";
  let host: string;
  let port: string | undefined;
  const v6 = /^(\[[0-9a-f:.]+\])(?::(.*))?$/i.exec(authority);
  if (v6) {
    host = v6[1]!;
    port = v6[2];
  } else {
    const i = authority.lastIndexOf(":");
    host = i >= 0 ? authority.slice(0, i) : authority;
    port = i >= 0 ? authority.slice(i + 1) : undefined;
    if (!validHost(host)) return "host";
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return "host";
  return { scheme: m[1]!.toLowerCase(), host: host.toLowerCase().replace(/\.$/, ""), port, path: m[3]!, query: m[4] ?? "", fragment: m[5] ?? "" };
}

const LABEL = "[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_-]{0,61}[\\p{L}\\p{N}_])?";
const HOST = new RegExp(`^${LABEL}(?:\\.${LABEL})+\\.?$`, "u");

/** A public host: at least two labels, a last label that is not a number unless the whole is an IPv4 address. */
function validHost(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split(".").every((p) => Number(p) <= 255);
  if (host.length > 253 || !HOST.test(host)) return false;
  return !/^\d+$/.test(host.replace(/\.$/, "").split(".").pop()!);
}

function classifyHttp(s: string): LinkClass {
  if (/\s/.test(s)) return { kind: "malformed", reason: "whitespace" };
  const u = parseUrl(s);
  if (typeof u === "string") return { kind: "malformed", reason: u };
  if (GOOGLE_HOSTS.has(u.host)) {
    const g = googleTarget(u);
    if (typeof g === "string") return { kind: "malformed", reason: g };
    return { kind: "url", url: s, normalized: g.canonical };
  }
  return { kind: "url", url: s, normalized: normalizeParsed(u) };
}

function normalizeParsed(u: ParsedUrl): string {
  const defaultPort = u.scheme === "https" ? "443" : u.scheme === "http" ? "80" : undefined;
  const port = u.port && u.port !== defaultPort ? `:${u.port}` : "";
  const path = u.path.replace(/\/+$/, "");
  const query = GOOGLE_HOSTS.has(u.host) ? dropUsp(u.query) : u.query;
  return `${u.scheme}://${u.host}${port}${path}${query ? `?${query}` : ""}${u.fragment ? `#${u.fragment}` : ""}`;
}

function dropUsp(query: string): string {
  return query
    .split("&")
    .filter((p) => p !== "" && !/^usp=/i.test(p))
    .join("&");
}

function queryParam(query: string, name: string): string | undefined {
  for (const p of query.split("&")) {
    const [k, v] = p.split("=", 2) as [string, string | undefined];
    if (k.toLowerCase() === name) return v ?? "";
  }
  return undefined;
}

/**
 * The file or folder a Google Drive/Docs link opens, as one canonical link (so /view, /edit, ?usp=sharing and
 * open?id= of one file are one link), or why it opens nothing in particular.
 */
function googleTarget(u: ParsedUrl): { canonical: string } | MalformedReason {
  // Empty segments stay: "/file/d//view" has an empty id, not the id "view".
  let seg = u.path.replace(/^\/+|\/+$/g, "").split("/");
  if (seg[0] === "a" && seg.length >= 2) seg = seg.slice(2); // Google Workspace: /a/<domain>/…
  seg = seg.filter((p, i) => !(p === "u" && /^\d+$/.test(seg[i + 1] ?? "")) && !(/^\d+$/.test(p) && seg[i - 1] === "u"));
  // Files, folders and Docs share one id space, and drive.google.com/open?id=<id> opens any of them.
  const checkId = (id: string | undefined, canonical = (i: string) => `https://drive.google.com/open?id=${i}`) => {
    if (!id) return "no-id" as const;
    if (!/^[A-Za-z0-9_-]+$/.test(id) || id.length < MIN_GOOGLE_ID) return "short-id" as const;
    return { canonical: canonical(id) };
  };
  const byParam = () => {
    const id = queryParam(u.query, "id");
    return id === undefined ? ("no-id" as const) : checkId(id);
  };
  if (u.host === "drive.google.com") {
    if (seg[0] === "file") return seg[1] === "d" ? checkId(seg[2]) : "no-id";
    const folders = seg[0] === "drive" ? seg.indexOf("folders") : -1;
    if (folders > 0) return checkId(seg[folders + 1]);
    if (["open", "uc", "thumbnail", "folderview", "embeddedfolderview"].includes(seg[0] ?? "") && seg.length === 1) return byParam();
    return "no-id"; // /drive/my-drive, /drive/recent, /drive/u/0/home, /drive/shared-with-me, the root, …
  }
  // docs.google.com
  const kind = seg[0] ?? "";
  if (DOCS_KINDS.has(kind) && seg[1] === "d") {
    // A published form's /forms/d/e/<id> is not a Drive id.
    if (kind === "forms" && seg[2] === "e") return checkId(seg[3], (i) => `https://docs.google.com/forms/d/e/${i}`);
    return checkId(seg[2]);
  }
  if (kind === "open" && seg.length === 1) return byParam();
  return "no-id"; // /document/u/0/, /spreadsheets/, /document/d/ with nothing after it
}

// ---------------------------------------------------------------------------------------------------------
// HYPERLINK() formulas

/**
 * The target of the first HYPERLINK() in a formula (with or without "="): its first argument when that is a
 * string literal, a same-sheet cell reference (read with `readCell`) or a concatenation of those.
 * undefined: no HYPERLINK() at all; null: a HYPERLINK() whose target cannot be known from here.
 */
export function hyperlinkFormulaTarget(formula: string, readCell?: (a1: string) => string | undefined): string | null | undefined {
  const start = findCall(formula, "HYPERLINK");
  if (start < 0) return undefined;
  let i = start;
  const parts: string[] = [];
  const ws = () => {
    while (i < formula.length && /\s/.test(formula[i]!)) i++;
  };
  for (;;) {
    ws();
    if (formula[i] === '"') {
      let text = "";
      i++;
      for (;;) {
        if (i >= formula.length) return null;
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += formula[i++];
      }
      parts.push(text);
    } else {
      const ref = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w(!.:])/.exec(formula.slice(i));
      if (!ref || !readCell) return null; // a sheet-qualified reference, a name, a function call, …
      const value = readCell(`${ref[1]!.toUpperCase()}${ref[2]}`);
      if (value === undefined) return null;
      parts.push(value);
      i += ref[0].length;
    }
    ws();
    if (formula[i] === "&") {
      i++;
      continue;
    }
    break;
  }
  return i >= formula.length || /[,;)]/.test(formula[i]!) ? parts.join("") : null;
}

/** Index just after "NAME(" of the first call of NAME outside string literals, or -1. */
function findCall(formula: string, name: string): number {
  const re = new RegExp(`(^|[^A-Za-z0-9_.])(?:_xlfn\\.)?${name}\\s*\\(`, "iy");
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === '"') inString = !inString;
    if (inString) continue;
    re.lastIndex = i;
    const m = re.exec(formula);
    if (m) return i + m[0].length;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Links inside typed text

interface TextCandidate {
  raw: string;
}

/** Whitespace-separated tokens of a text with their positions. */
function tokens(text: string): Array<{ t: string; at: number }> {
  return [...text.matchAll(/\S+/g)].map((m) => ({ t: m[0], at: m.index }));
}

const TRAILING_PUNCT = /[.,;:!?'"»\]}>]+$/;

function trimTrailing(url: string): string {
  let u = url.replace(TRAILING_PUNCT, "");
  while (u.endsWith(")") && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1).replace(TRAILING_PUNCT, "");
  return u;
}

/** Does `next` continue a link that a space or line break cut in two? */
function continuesLink(url: string, next: string | undefined): boolean {
  if (next === undefined || /^https?:/i.test(next)) return false;
  if (/^[/?&=#%]/.test(next)) return true;
  if (/[=?&]$/.test(url) || /\/(d|folders|file)\/?$/i.test(url)) return /^[\w%-]/.test(next);
  return /^[\w-]*\/(view|edit|preview|open)\b/i.test(next) || /^[\w-]*\?usp=/i.test(next);
}

/**
 * Links in typed text. Every http(s) URL (several per cell are all found; one cut by a space is kept whole, to
 * be reported as broken); in links mode also the first non-http link-like token (a local or network path, an
 * unsafe scheme, a site without its scheme), taken to the end of its line.
 */
export function linksInText(text: string, mode: CellMode): TextCandidate[] {
  // Descriptions yield only http(s) links: most cells have none, and need no tokenizing at all.
  if (mode !== "links" && !/https?/i.test(text)) return [];
  const out: TextCandidate[] = [];
  const toks = tokens(text);
  let other: TextCandidate | undefined;
  for (let k = 0; k < toks.length; k++) {
    const { t, at } = toks[k]!;
    const starts = [...t.matchAll(/https?:\/\//gi)].map((m) => m.index);
    const broken = /^https?:(?!\/\/)/i.test(t) || /^https?\/\//i.test(t);
    if (starts.length === 0 && !broken) {
      if (mode === "links" && !other && linkLike(t)) other = { raw: text.slice(at).split(/\r?\n/)[0]!.trim() };
      continue;
    }
    if (broken) {
      out.push({ raw: trimTrailing(t) });
      continue;
    }
    starts.forEach((s, n) => {
      let url = trimTrailing(t.slice(s, starts[n + 1]).replace(/[,;|]+$/, ""));
      if (n === starts.length - 1) {
        // A link cut by a space: join the pieces so that it is reported as broken rather than read as two.
        while (continuesLink(url, toks[k + 1]?.t)) {
          const next = toks[++k]!;
          url = trimTrailing(text.slice(at + s, next.at + next.t.length));
        }
      }
      if (url.length > "https://".length - 1) out.push({ raw: url });
    });
  }
  if (out.length === 0 && other) out.push(other);
  return out;
}

/** A token that is meant as a link though it is not http(s): only patterns no Indonesian prose produces. */
function linkLike(t: string): boolean {
  return (
    /^\\\\[^\\]+/.test(t) ||
    /^[a-z]:[\\/]/i.test(t) ||
    /^(javascript|vbscript):\S/i.test(t) ||
    /^data:[a-z]+\/[a-z0-9.+-]+[;,]/i.test(t) ||
    /^file:[\\/]/i.test(t) ||
    /^[a-z][a-z0-9+.-]+:\/\/\S/i.test(t) ||
    /^www\.[^\s.]+\.\S/i.test(t) ||
    /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(go\.id|ac\.id|co\.id|or\.id|id|com|org|net)\/\S/i.test(t)
  );
}

// ---------------------------------------------------------------------------------------------------------
// One cell

/** Key under which two finds in one cell or item are the same link. */
export function linkKey(link: CellLink): string {
  return link.class.kind === "url" ? link.class.normalized : `${link.class.kind}:${link.raw.toLowerCase()}`;
}

/** Every link of one cell: its hyperlink, its HYPERLINK() formula's target and the links in its text. */
export function readCellEvidence(sheet: SheetGrid, row: number, col: number, mode: CellMode): CellEvidence {
  const found: CellLink[] = [];
  const seen = new Set<string>();
  const add = (raw: string, source: LinkSource) => {
    const r = raw.trim();
    // The shown text of a link cell usually repeats its target: the same link, judged once.
    if (r === "" || found.some((l) => l.raw === r)) return;
    const link: CellLink = { raw: r, source, class: classifyLink(r, source) };
    const key = linkKey(link);
    if (seen.has(key)) return;
    seen.add(key);
    found.push(link);
  };
  const hyperlink = sheet.hyperlinks[toA1(row, col)];
  if (hyperlink !== undefined) add(hyperlink, "hyperlink");
  const formula = cellFormula(sheet, row, col);
  let opaque = false;
  if (formula !== undefined) {
    const target = hyperlinkFormulaTarget(formula, (a1) => {
      const ref = parseA1(a1);
      return cellText(sheet, ref.row, ref.col);
    });
    if (target === null) opaque = true;
    else if (target !== undefined && target.trim() !== "") add(target, "formula");
    else if (target !== undefined) {
      // =HYPERLINK("") or a reference to an empty cell: a link to nothing.
      found.push({ raw: `=${formula.replace(/^=/, "")}`, source: "formula", class: { kind: "malformed", reason: "incomplete" } });
      seen.add("empty-formula");
    }
  }
  const text = cellText(sheet, row, col);
  const blank = EMPTY_TEXT.test(text);
  const hasTarget = found.length > 0 || opaque;
  for (const c of linksInText(text, mode)) {
    // The shown text of a link cell that repeats a non-http target adds nothing ("C:\a.pdf" linking to C:\a.pdf).
    if (hasTarget && !/^https?:/i.test(c.raw)) continue;
    add(c.raw, "text");
  }
  // An evidence cell with text and no link at all: the text itself is the (not-a-link) evidence.
  if (mode === "links" && found.length === 0 && !opaque && !blank) add(text, "text");
  // A formula showing nothing (=IF(…;"";…)) is no evidence; a HYPERLINK() is, whatever it shows.
  const linkFormula = formula !== undefined && (opaque || found.some((l) => l.source === "formula"));
  return { filled: !blank || hyperlink !== undefined || linkFormula, links: found, opaque };
}
