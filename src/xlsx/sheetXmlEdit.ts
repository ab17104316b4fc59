// Edits of one existing worksheet part, as text: cells put into their rows in column order (a row that is not
// there is added in row order), data validations added in their place in the schema's element order, and the
// dimension widened. Every other byte of the part stays as it was. Worksheets whose elements carry a namespace
// prefix (<x:row>) are refused, as the reader refuses them.
import { columnIndex, columnLetters, parseA1 } from "../domain/grid/address";
import { GatewayError } from "../app/gatewayError";

export interface NewCell {
  /** "R8" */
  ref: string;
  /** The cell's XML without its style (cellXml in workbookParts.ts); an existing empty cell's style is kept. */
  xml: string;
}

/** Elements that follow <dataValidations> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_VALIDATIONS = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function refuse(detail: string): never {
  throw new GatewayError("unwritable", detail);
}

/** A row element of <sheetData>: where it is in the text, its number, and its cells' columns and places. */
interface RowSpan {
  start: number;
  end: number;
  r: number;
  xml: string;
}

function rowsOf(xml: string, from: number, to: number): RowSpan[] {
  const out: RowSpan[] = [];
  const re = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const r = Number(/\br="(\d+)"/.exec(m[0])?.[1]);
    if (!Number.isFinite(r)) refuse("a row without its number");
    out.push({ start: m.index, end: m.index + m[0].length, r, xml: m[0] });
  }
  return out;
}

/**
 * The row with the new cells in column order; an empty cell already at a new cell's place gives it its style.
 * A cell with content there is refused, unless `replace` (the one cell a user asked to change).
 */
function withCells(row: string, cells: NewCell[], replace = false): string {
  const selfClosing = row.endsWith("/>");
  const open = (selfClosing ? row.slice(0, -2) : row.slice(0, row.indexOf(">"))).replace(/\sspans="[^"]*"/, "");
  let body = selfClosing ? "" : row.slice(row.indexOf(">") + 1, row.length - "</row>".length);
  for (const cell of [...cells].sort((a, b) => parseA1(a.ref).col - parseA1(b.ref).col)) {
    const col = parseA1(cell.ref).col;
    const existing = [...body.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
    const same = existing.find((m) => columnIndex(m[1]!) === col);
    if (same) {
      if (!same[0].endsWith("/>") && !replace) refuse(`${cell.ref} is not empty`);
      const style = /^<c\b[^>]*?\ss="(\d+)"/.exec(same[0])?.[1];
      const xml = style ? cell.xml.replace(/^<c\b/, `<c s="${style}"`) : cell.xml;
      body = body.slice(0, same.index) + xml + body.slice(same.index! + same[0].length);
      continue;
    }
    const after = existing.find((m) => columnIndex(m[1]!) > col);
    const at = after ? after.index! : body.length;
    body = body.slice(0, at) + cell.xml + body.slice(at);
  }
  return `${open}>${body}</row>`;
}

/** The worksheet with `cells` in their rows; rows not in the sheet are added in order. */
export function putCells(xml: string, cells: readonly NewCell[], options: { replace?: boolean } = {}): string {
  if (/<\w+:sheetData\b/.test(xml)) refuse("a worksheet with prefixed elements");
  const byRow = new Map<number, NewCell[]>();
  for (const c of cells) {
    const r = parseA1(c.ref).row + 1;
    byRow.set(r, [...(byRow.get(r) ?? []), c]);
  }
  let sheetData = /<sheetData\b[^>]*?(\/>|>)/.exec(xml) ?? refuse("no sheetData");
  if (sheetData[1] === "/>") {
    xml = xml.slice(0, sheetData.index) + "<sheetData></sheetData>" + xml.slice(sheetData.index + sheetData[0].length);
    sheetData = /<sheetData\b[^>]*?>/.exec(xml)!;
  }
  const bodyStart = sheetData.index + sheetData[0].length;
  const bodyEnd = xml.indexOf("</sheetData>", bodyStart);
  if (bodyEnd < 0) refuse("sheetData not closed");
  const rows = rowsOf(xml, bodyStart, bodyEnd);
  // Rebuild only the rows' sequence: untouched rows are copied as they are.
  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  let out = "";
  let cursor = bodyStart;
  let w = 0;
  for (const row of rows) {
    while (w < wanted.length && wanted[w]! < row.r) {
      out += xml.slice(cursor, row.start) + withCells(`<row r="${wanted[w]}"/>`, byRow.get(wanted[w]!)!);
      cursor = row.start;
      w++;
    }
    out += xml.slice(cursor, row.start);
    if (w < wanted.length && wanted[w] === row.r) {
      out += withCells(row.xml, byRow.get(row.r)!, options.replace);
      w++;
    } else out += row.xml;
    cursor = row.end;
  }
  out += xml.slice(cursor, bodyEnd);
  for (; w < wanted.length; w++) out += withCells(`<row r="${wanted[w]}"/>`, byRow.get(wanted[w]!)!);
  return widenDimension(xml.slice(0, bodyStart) + out + xml.slice(bodyEnd), cells);
}

/** <dimension ref="A1:Q222"/> grown to take the new cells in. */
function widenDimension(xml: string, cells: readonly NewCell[]): string {
  return xml.replace(/<dimension\b([^>]*?)\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/, (_all, pre: string, c1: string, r1: string, c2?: string, r2?: string) => {
    let right = columnIndex(c2 ?? c1);
    let bottom = Number(r2 ?? r1);
    for (const c of cells) {
      const { row, col } = parseA1(c.ref);
      right = Math.max(right, col);
      bottom = Math.max(bottom, row + 1);
    }
    return `<dimension${pre}ref="${c1}${r1}:${columnLetters(right)}${bottom}"`;
  });
}

/** The worksheet with `validations` (<dataValidation> elements) added to its list, or a new list in its place. */
export function addValidations(xml: string, validations: readonly string[]): string {
  if (validations.length === 0) return xml;
  const list = /<dataValidations\b([^>]*?)(\/>|>)/.exec(xml);
  if (list) {
    const count = Number(/\bcount="(\d+)"/.exec(list[1]!)?.[1] ?? 0) + validations.length;
    const attrs = /\bcount="/.test(list[1]!) ? list[1]!.replace(/\bcount="\d+"/, `count="${count}"`) : `${list[1]} count="${count}"`;
    if (list[2] === "/>") return xml.slice(0, list.index) + `<dataValidations${attrs}>${validations.join("")}</dataValidations>` + xml.slice(list.index + list[0].length);
    const close = xml.indexOf("</dataValidations>", list.index);
    return xml.slice(0, list.index) + `<dataValidations${attrs}>` + xml.slice(list.index + list[0].length, close) + validations.join("") + xml.slice(close);
  }
  const element = `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`;
  const next = AFTER_VALIDATIONS.map((name) => new RegExp(`<${name}\\b`).exec(xml)?.index).filter((i): i is number => i !== undefined);
  const at = next.length > 0 ? Math.min(...next) : xml.lastIndexOf("</worksheet>");
  if (at < 0) refuse("no worksheet end");
  return xml.slice(0, at) + element + xml.slice(at);
}
