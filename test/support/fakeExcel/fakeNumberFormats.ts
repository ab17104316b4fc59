// Number formats of the simulated host (Range.numberFormat, ExcelApi 1.1), kept beside each FakeSheet like the
// cell formats of fakeCellFormats.ts: "General" where nothing was set. A sheet's formats go with the sheet.
import { FakeOfficeError, MAX_COLS, type Box, type FakeSheet } from "./fakeWorkbook";

const formats = new WeakMap<FakeSheet, Map<number, string>>();

function formatsOf(sheet: FakeSheet): Map<number, string> {
  let f = formats.get(sheet);
  if (!f) formats.set(sheet, (f = new Map()));
  return f;
}

/** Assigns a 2-D array of formats the size of `box`, as Excel requires (null leaves a cell as it is). */
export function setNumberFormats(sheet: FakeSheet, box: Box, rows: unknown[][]): void {
  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  if (!Array.isArray(rows) || rows.length !== height || rows.some((r) => !Array.isArray(r) || r.length !== width)) {
    throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${height}×${width}).`);
  }
  const f = formatsOf(sheet);
  rows.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format === null) return;
      if (typeof format !== "string") throw new FakeOfficeError("InvalidArgument", `Not a number format: ${String(format)}`);
      f.set((box.top + r) * MAX_COLS + box.left + c, format);
    }),
  );
}

export function numberFormatAt(sheet: FakeSheet, row: number, col: number): string {
  return formats.get(sheet)?.get(row * MAX_COLS + col) ?? "General";
}
