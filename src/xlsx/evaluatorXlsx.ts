// An evaluator's work in a copy of an .xlsx: the columns (RoleColumnsPlan) into the LKE sheet's part, and a note;
// the answer lists as data validations, and a request to calculate on load; every other part stays byte for byte.
import { GatewayError } from "../app/gatewayError";
import type { AnswerRule, RoleColumnsPlan } from "../domain/review/roleColumnsPlan";
import { patchZip, readZipText } from "./patchZip";
import { addValidations, putCells } from "./sheetXmlEdit";
import { calculateOnLoad, cellXml, escapeXml, parseSheets, partName, relTarget } from "./workbookParts";

function validationXml(sqref: string, rule: AnswerRule): string {
  const common = `allowBlank="1" showErrorMessage="1" sqref="${sqref}"`;
  if (rule.kind === "list") return `<dataValidation type="list" ${common}><formula1>${escapeXml(`"${rule.options.join(",")}"`)}</formula1></dataValidation>`;
  if (rule.max === undefined) return `<dataValidation type="decimal" operator="greaterThanOrEqual" ${common}><formula1>${rule.min}</formula1></dataValidation>`;
  return `<dataValidation type="decimal" ${common}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
}

/** The part of a named sheet and its XML. */
function sheetPartOf(bytes: Uint8Array, name: string): { workbook: string; part: string; xml: string } {
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

/** One cell's text set (or cleared) in a copy: an evaluator's note; its style is kept. */
export function setCellTextInXlsx(bytes: Uint8Array, sheetName: string, cell: string, text: string): Uint8Array {
  const { part, xml } = sheetPartOf(bytes, sheetName);
  const content = text === "" ? `<c r="${cell}"/>` : cellXml(cell, { text });
  return patchZip(bytes, [{ name: part, data: new TextEncoder().encode(putCells(xml, [{ ref: cell, xml: content }], { replace: true })) }]);
}

export function addRoleColumnsToXlsx(bytes: Uint8Array, plan: RoleColumnsPlan): Uint8Array {
  const { workbook, part, xml: sheet } = sheetPartOf(bytes, plan.sheet);
  let xml = putCells(
    sheet,
    plan.cells.map((c) => ({ ref: c.cell, xml: cellXml(c.cell, c.value) })),
  );
  xml = addValidations(
    xml,
    plan.validations.map((v) => validationXml(v.range, v.rule)),
  );
  const enc = new TextEncoder();
  return patchZip(bytes, [
    { name: part, data: enc.encode(xml) },
    { name: "xl/workbook.xml", data: enc.encode(calculateOnLoad(workbook)) },
  ]);
}
