// An evaluator's columns (RoleColumnsPlan) written into a copy of an .xlsx: the cells into the LKE sheet's part,
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

export function addRoleColumnsToXlsx(bytes: Uint8Array, plan: RoleColumnsPlan): Uint8Array {
  const workbook = readZipText(bytes, "xl/workbook.xml");
  const rels = readZipText(bytes, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new GatewayError("corrupt", "workbook parts missing");
  const entry = parseSheets(workbook).find((s) => s.name === plan.sheet);
  const target = entry && relTarget(rels, entry.rid);
  if (!target) throw new GatewayError("corrupt", `sheet "${plan.sheet}" has no part`);
  const part = partName(target);
  const sheet = readZipText(bytes, part);
  if (sheet === undefined) throw new GatewayError("corrupt", `${part} missing`);
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
