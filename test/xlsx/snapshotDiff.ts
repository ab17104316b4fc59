// Compares the snapshot of the exceljs reader with that of the fast reader, cell by cell, and lists every
// difference. Only the documented deliberate differences (src/xlsx/readWorkbookXml.ts) are normalised:
// date-formatted numbers (exceljs rounds them to the millisecond through a Date), validation rules (exceljs
// keeps one per cell, with whole/decimal formulas turned into numbers) and defined names (exceljs keeps a
// subset). Everything else must be identical.
import ExcelJS from "exceljs";
import { parseRange } from "../../src/domain/grid/address";
import type { CellValue, SheetGrid, WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** What exceljs makes of a date-formatted serial: a Date rounded to the ms, then readXlsx's plainValue. */
function viaExcelJsDate(serial: number, date1904: boolean): number {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

function same(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function validationFormula(type: string, f: string): string {
  // exceljs parses these formulas into numbers (or Dates) and readXlsx prints them with String().
  if (type === "whole" || type === "textLength") return String(parseInt(f, 10));
  if (type === "decimal") return String(parseFloat(f));
  return f;
}

function validationsByCell(sheet: SheetGrid, perCellSqref: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of sheet.validations) {
    const formulae = v.formulae.map((f) => (perCellSqref ? f : validationFormula(v.type, f)));
    for (const part of v.sqref.split(/\s+/).filter(Boolean)) {
      const r = parseRange(part);
      for (let row = r.start.row; row <= r.end.row; row++) {
        for (let col = r.start.col; col <= r.end.col; col++) {
          out.set(`${row},${col}`, JSON.stringify({ type: v.type, formulae }));
        }
      }
    }
  }
  return out;
}

/** Cells exceljs turned into Dates (number format with y/m/d/h/s), by "row,col" per sheet name. */
export async function dateCells(bytes: Uint8Array): Promise<{ date1904: boolean; cells: Map<string, Set<string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const cells = new Map<string, Set<string>>();
  for (const ws of wb.worksheets) {
    const set = new Set<string>();
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value as unknown;
        const result = typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : undefined;
        if (v instanceof Date || result instanceof Date) set.add(`${r - 1},${c - 1}`);
      }),
    );
    cells.set(ws.name, set);
  }
  return { date1904: Boolean((wb.properties as { date1904?: boolean }).date1904), cells };
}

export function snapshotDifferences(
  excel: WorkbookSnapshot,
  fast: WorkbookSnapshot,
  dates: { date1904: boolean; cells: Map<string, Set<string>> } = { date1904: false, cells: new Map() },
): string[] {
  const out: string[] = [];
  const names = (s: WorkbookSnapshot) => s.sheets.map((x) => x.name).join(" | ");
  if (names(excel) !== names(fast)) return [`sheets: exceljs [${names(excel)}] fast [${names(fast)}]`];
  excel.sheets.forEach((e, i) => {
    const f = fast.sheets[i]!;
    const at = (what: string) => `${e.name}: ${what}`;
    if (e.visibility !== f.visibility) out.push(at(`visibility ${e.visibility} vs ${f.visibility}`));
    if (e.rowCount !== f.rowCount) out.push(at(`rowCount ${e.rowCount} vs ${f.rowCount}`));
    if (e.colCount !== f.colCount) out.push(at(`colCount ${e.colCount} vs ${f.colCount}`));
    const sheetDates = dates.cells.get(e.name) ?? new Set<string>();
    const rows = Math.max(e.rowCount, f.rowCount, e.values.length, f.values.length, e.formulas.length, f.formulas.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(e.values[r]?.length ?? 0, f.values[r]?.length ?? 0, e.formulas[r]?.length ?? 0, f.formulas[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const ev = e.values[r]?.[c];
        let fv = f.values[r]?.[c];
        if (typeof fv === "number" && sheetDates.has(`${r},${c}`)) fv = viaExcelJsDate(fv, dates.date1904);
        if (!same(ev, fv)) out.push(at(`value r${r + 1}c${c + 1} ${JSON.stringify(ev)} vs ${JSON.stringify(fv)}`));
        const ef = e.formulas[r]?.[c];
        const ff = f.formulas[r]?.[c];
        if ((ef ?? undefined) !== (ff ?? undefined)) out.push(at(`formula r${r + 1}c${c + 1} ${JSON.stringify(ef)} vs ${JSON.stringify(ff)}`));
      }
    }
    const eh = JSON.stringify(Object.entries(e.hyperlinks).sort());
    const fh = JSON.stringify(Object.entries(f.hyperlinks).sort());
    if (eh !== fh) out.push(at(`hyperlinks ${eh} vs ${fh}`));
    const em = [...e.merges].sort().join(" ");
    const fm = [...f.merges].sort().join(" ");
    if (em !== fm) out.push(at(`merges ${em} vs ${fm}`));
    const ev = validationsByCell(e, true);
    const fv = validationsByCell(f, false);
    if (JSON.stringify([...ev].sort()) !== JSON.stringify([...fv].sort())) {
      const diff = [...new Set([...ev.keys(), ...fv.keys()])].filter((k) => ev.get(k) !== fv.get(k)).slice(0, 5);
      out.push(at(`validations differ at ${diff.map((k) => `${k}: ${ev.get(k)} vs ${fv.get(k)}`).join("; ")}`));
    }
  });
  // exceljs keeps only plain-range names (and of same-named local names only one): each must be in ours.
  const fastNames = new Set(fast.definedNames.map((d) => d.name));
  for (const d of excel.definedNames) if (!fastNames.has(d.name)) out.push(`defined name ${d.name} missing`);
  return out;
}
