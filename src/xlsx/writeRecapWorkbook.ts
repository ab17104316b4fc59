// The coordinator's recap workbook: "Rekap Unit" as an Excel table sorted by total, a bar chart of totals against
// the 75 (WBK) and 85 (WBBM) lines, and "Berkas Bermasalah" for the files that could not be used. It is a new
// file we own entirely; exceljs writes the cells and the table, and the chart parts are added to its zip.
import ExcelJS from "exceljs";
import type { UnitSummary } from "../domain/aggregate/summarizeUnit";
import type { UnmetCriterion } from "../domain/gaps/predicates";
import { patchZip, readZipText } from "./patchZip";

export interface RecapRow {
  file: string;
  summary?: UnitSummary;
  /** Why the file could not be used (Bahasa Indonesia). */
  error?: string;
}

export const RECAP_SHEET = "Rekap Unit";
export const PROBLEM_SHEET = "Berkas Bermasalah";

const CRITERION_ID: Record<UnmetCriterion["criterion"], string> = {
  total: "Nilai total",
  pengungkit: "Pengungkit",
  area: "Area",
  bersihAkuntabel: "Birokrasi bersih",
  ipak: "IPAK",
  capaianKinerja: "Capaian kinerja",
  pelayananPrima: "Pelayanan prima",
  priorPredicate: "Predikat WBK",
};

function gapText(u: UnmetCriterion | undefined): string {
  if (!u) return "";
  const label = u.criterion === "area" ? `Area ${u.area}` : CRITERION_ID[u.criterion];
  return `${label}: kurang ${u.gap.toFixed(2).replace(".", ",")}`;
}

const HEADERS = [
  "Unit",
  "Berkas",
  "Nilai total",
  "Pengungkit",
  "Pemenuhan",
  "Reform",
  "Hasil",
  "Area 1",
  "Area 2",
  "Area 3",
  "Area 4",
  "Area 5",
  "Area 6",
  "WBK",
  "WBBM",
  "Galat",
  "Kesenjangan terbesar",
];

export async function writeRecapWorkbook(rows: readonly RecapRow[]): Promise<Uint8Array> {
  const ok = rows.filter((r) => r.summary).sort((a, b) => b.summary!.scores.total - a.summary!.scores.total);
  const bad = rows.filter((r) => !r.summary);
  const wb = new ExcelJS.Workbook();
  wb.creator = "lke-zi aggregate";
  const ws = wb.addWorksheet(RECAP_SHEET);
  ws.addTable({
    name: "RekapUnit",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: HEADERS.map((name) => ({ name, filterButton: true })),
    rows:
      ok.length > 0
        ? ok.map((r) => {
            const s = r.summary!;
            return [
              s.unit,
              r.file,
              s.scores.total,
              s.scores.pengungkit,
              s.scores.pemenuhan,
              s.scores.reform,
              s.scores.hasil,
              ...s.scores.areas.map((a) => a.total),
              s.predicates.wbk.eligible ? "Ya" : "Tidak",
              s.predicates.wbbm.eligible ? "Ya" : "Tidak",
              s.errors,
              gapText(s.biggestGap),
            ];
          })
        : [HEADERS.map(() => "")],
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 36 : i === 1 ? 30 : i === 16 ? 28 : 12;
    if (i >= 2 && i <= 12) c.numFmt = "0.00";
  });
  // Summary below the table: counts as live formulas over it.
  const last = ok.length + 1;
  const summaryRow = last + 3;
  ws.getCell(`A${summaryRow}`).value = "Jumlah unit dinilai";
  ws.getCell(`C${summaryRow}`).value = { formula: `COUNT(C2:C${Math.max(2, last)})` } as ExcelJS.CellFormulaValue;
  ws.getCell(`A${summaryRow + 1}`).value = "Memenuhi syarat WBK";
  ws.getCell(`C${summaryRow + 1}`).value = { formula: `COUNTIF(N2:N${Math.max(2, last)},"Ya")` } as ExcelJS.CellFormulaValue;
  ws.getCell(`A${summaryRow + 2}`).value = "Memenuhi syarat WBBM";
  ws.getCell(`C${summaryRow + 2}`).value = { formula: `COUNTIF(O2:O${Math.max(2, last)},"Ya")` } as ExcelJS.CellFormulaValue;
  ws.getCell(`A${summaryRow + 3}`).value = "Rata-rata nilai total";
  ws.getCell(`C${summaryRow + 3}`).value = { formula: `IFERROR(AVERAGE(C2:C${Math.max(2, last)}),0)` } as ExcelJS.CellFormulaValue;
  // The chart's two threshold lines read these columns.
  ws.getCell("S1").value = "Batas WBK";
  ws.getCell("T1").value = "Batas WBBM";
  for (let r = 2; r <= Math.max(2, last); r++) {
    ws.getCell(`S${r}`).value = 75;
    ws.getCell(`T${r}`).value = 85;
  }

  const problems = wb.addWorksheet(PROBLEM_SHEET);
  problems.addRow(["Berkas", "Alasan"]);
  problems.getRow(1).font = { bold: true };
  for (const r of bad) problems.addRow([r.file, r.error ?? ""]);
  problems.getColumn(1).width = 40;
  problems.getColumn(2).width = 80;

  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return ok.length > 0 ? addTotalsChart(bytes, Math.max(2, last)) : bytes;
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
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Nilai total per unit (batas WBK 75, WBBM 85)</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series(0, "C", "bar")}<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series(1, "S", "line")}${series(2, "T", "line")}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>` +
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
