// Writes a WritePlan into a copy of an .xlsx: our sheets become new (or replaced) worksheet parts, our names
// enter workbook.xml, and every other part of the file stays byte for byte what it was.
import { columnLetters } from "../domain/grid/address";
import type { SheetPlan, WritePlan } from "../domain/formulas/rekapPlan";
import { GatewayError } from "../app/gatewayError";
import { patchZip, readZipText, type ZipEdit } from "./patchZip";
import { calculateOnLoad, cellXml, escapeXml, parseSheets, partName, relTarget } from "./workbookParts";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export function sheetXml(plan: SheetPlan): string {
  const cols = plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const rows = plan.rows
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${columnLetters(c)}${r + 1}`, v)).join("");
      return cells ? `<row r="${r + 1}">${cells}</row>` : "";
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rows}</sheetData></worksheet>`;
}

/** Returns a new .xlsx with the plan written; the input bytes are not modified. */
export function writePlanToXlsx(bytes: Uint8Array, plan: WritePlan): Uint8Array {
  let workbook = readZipText(bytes, "xl/workbook.xml");
  let rels = readZipText(bytes, "xl/_rels/workbook.xml.rels");
  let types = readZipText(bytes, "[Content_Types].xml");
  if (!workbook || !rels || !types) throw new GatewayError("corrupt", "workbook parts missing");
  const edits: ZipEdit[] = [];
  const existing = parseSheets(workbook);
  let nextId = Math.max(0, ...existing.map((s) => s.sheetId)) + 1;
  let nextRel = Math.max(0, ...[...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const taken = new Set([...rels.matchAll(/\bTarget="([^"]*)"/g)].map((m) => partName(m[1]!).toLowerCase()));

  for (const sheet of plan.sheets) {
    const xml = new TextEncoder().encode(sheetXml(sheet));
    const present = existing.find((s) => s.name === sheet.name);
    if (present) {
      // Our own sheet from an earlier run: replace its part in place.
      const target = relTarget(rels, present.rid);
      if (!target) throw new GatewayError("corrupt", `sheet ${sheet.name} has no part`);
      edits.push({ name: partName(target), data: xml });
      continue;
    }
    let n = 1;
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    taken.add(part);
    const rid = `rId${nextRel++}`;
    rels = rels.replace("</Relationships>", `<Relationship Id="${rid}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`);
    const relPrefix: string = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbook)?.[1] ?? "r";
    workbook = workbook.replace("</sheets>", `<sheet name="${escapeXml(sheet.name)}" sheetId="${nextId++}" ${relPrefix}:id="${rid}"/></sheets>`);
    edits.push({ name: part, data: xml });
  }

  // Our names replace earlier ones of the same name; the workbook's other names stay as they are.
  const ours = new Set(plan.names.map((n) => n.name.toUpperCase()));
  const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const namesXml = plan.names.map((n) => `<definedName name="${n.name}">${escapeXml(`${quoted(n.sheet)}!${n.cell}`)}</definedName>`).join("");
  workbook = workbook.replace(/<definedName\b[^>]*\bname="([^"]*)"[^>]*>[\s\S]*?<\/definedName>/g, (all, name: string) =>
    ours.has(name.toUpperCase()) ? "" : all,
  );
  if (/<definedNames\s*\/>/.test(workbook)) workbook = workbook.replace(/<definedNames\s*\/>/, `<definedNames>${namesXml}</definedNames>`);
  else if (workbook.includes("</definedNames>")) workbook = workbook.replace("</definedNames>", `${namesXml}</definedNames>`);
  else workbook = workbook.replace("</sheets>", `</sheets><definedNames>${namesXml}</definedNames>`);
  workbook = calculateOnLoad(workbook);

  const enc = new TextEncoder();
  edits.push({ name: "xl/workbook.xml", data: enc.encode(workbook) }, { name: "xl/_rels/workbook.xml.rels", data: enc.encode(rels) }, { name: "[Content_Types].xml", data: enc.encode(types) });
  return patchZip(bytes, edits);
}
