// The coordinator's recap workbook: "Rekap Unit" as an Excel table sorted by total, a bar chart of totals against
// the 75 (WBK) and 85 (WBBM) lines, and "Berkas Bermasalah" for the files that could not be used. Every cell
// comes from the domain's recap table (src/domain/aggregate/recapTable.ts), which the task pane writes into
// the open workbook too. It is a new file we own entirely; exceljs writes the cells and the table, and the
// chart parts are added to its zip.
import ExcelJS from "exceljs";
import type { RecapFile } from "../domain/aggregate/recapFile";
import {
  buildRecapTable,
  PROBLEM_HEADERS,
  PROBLEM_SHEET,
  RECAP_CHART_TITLE,
  RECAP_COLUMN_WIDTHS,
  RECAP_HEADERS,
  RECAP_LINES,
  RECAP_OWNER_MARK,
  RECAP_SCORE_COLUMNS,
  RECAP_SHEET,
  RECAP_TABLE,
  RECAP_TABLE_STYLE,
  type RecapTable,
} from "../domain/aggregate/recapTable";
import { columnLetters } from "../domain/grid/address";
import { patchZip, readZipText } from "./patchZip";

export { PROBLEM_SHEET, RECAP_SHEET };

/** A file of the batch: its summary, or why it could not be used (Bahasa Indonesia). */
export type RecapRow = RecapFile;

export async function writeRecapWorkbook(rows: readonly RecapRow[]): Promise<Uint8Array> {
  return writeRecapTableWorkbook(buildRecapTable(rows));
}

export async function writeRecapTableWorkbook(table: RecapTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "lke-zi aggregate";
  const ws = wb.addWorksheet(RECAP_SHEET);
  ws.addTable({
    name: RECAP_TABLE,
    ref: "A1",
    headerRow: true,
    style: { theme: RECAP_TABLE_STYLE as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: RECAP_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: table.rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "object" ? v.text : v))),
  });
  ws.columns.forEach((c, i) => {
    c.width = RECAP_COLUMN_WIDTHS[i] ?? 12;
    if (i >= RECAP_SCORE_COLUMNS.first && i <= RECAP_SCORE_COLUMNS.last) c.numFmt = RECAP_SCORE_COLUMNS.format;
  });
  // Summary below the table: counts as live formulas over it.
  table.summary.forEach((s, i) => {
    ws.getCell(`A${table.summaryRow + i}`).value = s.label;
    ws.getCell(`C${table.summaryRow + i}`).value = { formula: s.formula } as ExcelJS.CellFormulaValue;
  });
  // The chart's two threshold lines read these columns.
  for (const line of RECAP_LINES) {
    const col = columnLetters(line.column);
    ws.getCell(`${col}1`).value = line.header;
    for (let r = 2; r <= table.lastRow; r++) ws.getCell(`${col}${r}`).value = line.value;
  }

  // The mark the pane looks for: a recap made here and opened in Excel is the add-in's, to be rewritten there.
  ws.getCell(RECAP_OWNER_MARK.cell).value = RECAP_OWNER_MARK.text;

  const problems = wb.addWorksheet(PROBLEM_SHEET);
  problems.addRow([...PROBLEM_HEADERS]);
  problems.getRow(1).font = { bold: true };
  for (const p of table.problems) problems.addRow([p.file, p.error]);
  problems.getColumn(1).width = 40;
  problems.getColumn(2).width = 80;

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return table.units.length > 0 ? addTotalsChart(bytes, table.lastRow) : bytes;
}

/** A column chart of column C (totals) by column A (units), with lines at 75 and 85, beside the table. */
function addTotalsChart(bytes: Uint8Array, lastRow: number): Uint8Array {
  const sheetRels = readZipText(bytes, "xl/worksheets/_rels/sheet1.xml.rels");
  const sheet = readZipText(bytes, "xl/worksheets/sheet1.xml")!;
  const types = readZipText(bytes, "[Content_Types].xml")!;
  const ref = (col: string) => `'${RECAP_SHEET}'!$${col}$2:$${col}$${lastRow}`;
  const series = (idx: number, col: string, name: string) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:strRef><c:f>'${RECAP_SHEET}'!$${col}$1</c:f></c:strRef></c:tx>` +
    `<c:cat><c:strRef><c:f>${ref("A")}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${ref(col)}</c:f></c:numRef></c:val>` +
    (name === "bar" ? "" : `<c:marker><c:symbol val="none"/></c:marker><c:smooth val="0"/>`) +
    `</c:ser>`;
  const chart =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${RECAP_CHART_TITLE}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(0, "C", "bar")}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(1, columnLetters(RECAP_LINES[0].column), "line")}${series(2, columnLetters(RECAP_LINES[1].column), "line")}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  const drawing =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from><xdr:col>21</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>31</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${Math.max(22, lastRow + 4)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik Nilai Total"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  const drawingRels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`;
  const drawingRel = `<Relationship Id="rIdLkeChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>`;
  const rels = sheetRels
    ? sheetRels.replace("</Relationships>", `${drawingRel}</Relationships>`)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRel}</Relationships>`;
  // <drawing> goes after the page setup elements and before <tableParts> in the worksheet's element order.
  const drawingEl = `<drawing r:id="rIdLkeChart"/>`;
  const withNs = sheet.includes('xmlns:r="') ? sheet : sheet.replace("<worksheet ", `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `);
  const sheetXml = withNs.includes("<tableParts") ? withNs.replace("<tableParts", `${drawingEl}<tableParts`) : withNs.replace("</worksheet>", `${drawingEl}</worksheet>`);
  const contentTypes = types.replace(
    "</Types>",
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  const enc = new TextEncoder();
  return patchZip(bytes, [
    { name: "xl/worksheets/sheet1.xml", data: enc.encode(sheetXml) },
    { name: "xl/worksheets/_rels/sheet1.xml.rels", data: enc.encode(rels) },
    { name: "xl/drawings/drawing1.xml", data: enc.encode(drawing) },
    { name: "xl/drawings/_rels/drawing1.xml.rels", data: enc.encode(drawingRels) },
    { name: "xl/charts/chart1.xml", data: enc.encode(chart) },
    { name: "[Content_Types].xml", data: enc.encode(contentTypes) },
  ]);
}
