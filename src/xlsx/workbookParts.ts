// The parts of an .xlsx the writers share: the workbook's sheet list and relationships, a cell as XML, and the
// request that the application recalculate when the file opens (new formulas carry no cached result).
import { GatewayError } from "../app/gatewayError";
import type { PlanValue } from "../domain/formulas/rekapPlan";
import { readZipText } from "./patchZip";

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// XML 1.0 cannot carry most control characters; drop them from text we write.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export function cellXml(ref: string, v: PlanValue): string {
  if (v === null || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v.text.replace(CONTROL, ""))}</t></is></c>`;
  if (v.startsWith("=")) return `<c r="${ref}"><f>${escapeXml(v.slice(1).replace(CONTROL, ""))}</f></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v.replace(CONTROL, ""))}</t></is></c>`;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
}

export function parseSheets(workbookXml: string): SheetEntry[] {
  const out: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1]!;
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
    const sheetId = Number(/\bsheetId="(\d+)"/.exec(attrs)?.[1]);
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(attrs)?.[1];
    if (name !== undefined && rid) out.push({ name: unescapeXml(name), sheetId, rid });
  }
  return out;
}

export const unescapeXml = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function relTarget(relsXml: string, rid: string): string | undefined {
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    if (new RegExp(`\\bId="${rid}"`).test(m[1]!)) return /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
  }
  return undefined;
}

export function partName(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/** workbook.xml asking for a full calculation on load (the formulas we add have no cached values). */
export function calculateOnLoad(workbook: string): string {
  if (/<calcPr\b/.test(workbook)) {
    return workbook.replace(/<calcPr\b([^>]*?)(\/?)>/, (_all, attrs: string, close: string) => {
      const kept = attrs.replace(/\sfullCalcOnLoad="[^"]*"/, "");
      return `<calcPr${kept} fullCalcOnLoad="1"${close}>`;
    });
  }
  if (workbook.includes("</definedNames>")) return workbook.replace(/(<\/definedNames>)/, `$1<calcPr fullCalcOnLoad="1"/>`);
  return workbook.replace(/(<\/sheets>)/, `$1<calcPr fullCalcOnLoad="1"/>`);
}

/** The part of a named sheet and its XML. */
export function sheetPart(bytes: Uint8Array, name: string): { workbook: string; part: string; xml: string } {
  const workbook = readZipText(bytes, "xl/workbook.xml");
  const rels = readZipText(bytes, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new GatewayError("corrupt", "workbook parts missing");
  const entry = parseSheets(workbook).find((s) => s.name === name);
  const target = entry && relTarget(rels, entry.rid);
  if (!target) throw new GatewayError("corrupt", `sheet "${name}" has no part`);
  const part = partName(target);
  const xml = readZipText(bytes, part);
  if (xml === undefined) throw new GatewayError("corrupt", `${part} missing`);
  return { workbook, part, xml };
}
