// An evaluator's work in a copy of an .xlsx: the columns (RoleColumnsPlan) into the LKE sheet's part, and a note;
// the answer lists as data validations, and a request to calculate on load; every other part stays byte for byte.
import type { AnswerRule, RoleColumnsPlan } from "../domain/review/roleColumnsPlan";
import { patchZip } from "./patchZip";
import { addValidations, putCells } from "./sheetXmlEdit";
import { calculateOnLoad, cellXml, escapeXml, sheetPart } from "./workbookParts";

function validationXml(sqref: string, rule: AnswerRule): string {
  const common = `allowBlank="1" showErrorMessage="1" sqref="${sqref}"`;
  if (rule.kind === "list") return `<dataValidation type="list" ${common}><formula1>${escapeXml(`"${rule.options.join(",")}"`)}</formula1></dataValidation>`;
  if (rule.max === undefined) return `<dataValidation type="decimal" operator="greaterThanOrEqual" ${common}><formula1>${rule.min}</formula1></dataValidation>`;
  return `<dataValidation type="decimal" ${common}><formula1>${rule.min}</formula1><formula2>${rule.max}</formula2></dataValidation>`;
}

/** One cell's text set (or cleared) in a copy: an evaluator's note; its style is kept. */
export function setCellTextInXlsx(bytes: Uint8Array, sheetName: string, cell: string, text: string): Uint8Array {
  const { part, xml } = sheetPart(bytes, sheetName);
  const content = text === "" ? `<c r="${cell}"/>` : cellXml(cell, { text });
  return patchZip(bytes, [{ name: part, data: new TextEncoder().encode(putCells(xml, [{ ref: cell, xml: content }], { replace: true })) }]);
}

export function addRoleColumnsToXlsx(bytes: Uint8Array, plan: RoleColumnsPlan): Uint8Array {
  const { workbook, part, xml: sheet } = sheetPart(bytes, plan.sheet);
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
