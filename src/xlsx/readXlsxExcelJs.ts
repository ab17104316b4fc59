// The first reader: .xlsx bytes into the neutral workbook snapshot through exceljs. No longer the production
// path (readXlsx uses the faster readWorkbookXml, which yields the same snapshot); kept as the reference that
// test/xlsx/readerEquivalence.test.ts compares the fast reader with, and for the bench's comparison line.
// Beware: exceljs materialises every cell of a merge, a data-validation range and a defined name, so a small
// file naming a whole sheet takes it minutes or all memory. Bytes in, data out: no file system here.
import ExcelJS from "exceljs";
import { GatewayError } from "../app/gatewayError";
import type { CellValue, SheetGrid, ValidationRule, WorkbookSnapshot } from "../domain/grid/sheetGrid";
import { sniffXlsx } from "./sniffXlsx";

import { MAX_CELLS } from "./sheetScan";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof v === "object") {
    if ("error" in v) return { error: String(v.error) };
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v) return plainValue(v.text as ExcelJS.CellValue);
    if ("result" in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
    if ("sharedFormula" in v) return null;
  }
  return String(v);
}

function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const hyperlinks: Record<string, string> = {};
  let cells = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const vals: CellValue[] = (values[r] = []);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (++cells > MAX_CELLS) throw new GatewayError("too-large", `more than ${MAX_CELLS} cells`);
      const c = colNumber - 1;
      colCount = Math.max(colCount, colNumber);
      if (cell.type === ExcelJS.ValueType.Merge) return; // Excel shows merged cells' value only at the top left
      if (cell.type === ExcelJS.ValueType.Formula) {
        (formulas[r] ??= [])[c] = cell.formula;
        vals[c] = plainValue((cell.result ?? null) as ExcelJS.CellValue);
        return;
      }
      if (cell.type === ExcelJS.ValueType.Hyperlink) {
        const link = (cell.value as ExcelJS.CellHyperlinkValue).hyperlink;
        if (link) hyperlinks[cell.address] = link;
      }
      vals[c] = plainValue(cell.value);
    });
  });
  const dv = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> } })
    .dataValidations?.model;
  const validations: ValidationRule[] = Object.entries(dv ?? {}).flatMap(([sqref, rule]) =>
    rule ? [{ sqref, type: rule.type, formulae: (rule.formulae ?? []).map(String) }] : [],
  );
  const mergeMap = (ws as unknown as { _merges?: Record<string, { range: string }> })._merges ?? {};
  return {
    name: ws.name,
    visibility: ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible",
    values,
    formulas,
    hyperlinks,
    validations,
    merges: Object.values(mergeMap).map((m) => m.range),
    rowCount: values.length,
    colCount,
  };
}

export async function readXlsxWithExcelJs(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  sniffXlsx(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new GatewayError("corrupt", e instanceof Error ? e.message : String(e));
  }
  const sheets = wb.worksheets.map(readSheet);
  const definedNames = (wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((d) => ({
    name: d.name,
    ref: d.ranges.join(","),
  }));
  return { sheets, definedNames };
}
