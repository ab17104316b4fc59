// The fast reader on hand-written package parts: the forms of SpreadsheetML that exceljs-made files never use,
// and inputs that must be refused quickly (the exceljs reader takes minutes or all memory on some of them).
import { strToU8, zipSync } from "fflate";
import { GatewayError } from "../../src/app/gatewayError";
import { readWorkbookXml } from "../../src/xlsx/readWorkbookXml";
import { readXlsx } from "../../src/xlsx/readXlsx";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Sheet {
  name: string;
  xml: string;
  state?: string;
  rels?: string;
  path?: string;
  type?: string;
}

function rels(items: Array<[id: string, type: string, target: string, external?: boolean]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`)
    .join("")}</Relationships>`;
}

function sheetXml(body: string, tail = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${NS}><dimension ref="A1"/><sheetData>${body}</sheetData>${tail}</worksheet>`;
}

function workbook(sheets: Sheet[], options: { sst?: string; names?: string; workbookPath?: string; extra?: Record<string, string> } = {}): Uint8Array {
  const wbPath = options.workbookPath ?? "xl/workbook.xml";
  const dir = wbPath.slice(0, wbPath.lastIndexOf("/") + 1);
  const files: Record<string, Uint8Array> = {
    "_rels/.rels": strToU8(rels([["rId1", "officeDocument", wbPath]])),
    [wbPath]: strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook ${NS}><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
        .join("")}</sheets>${options.names ? `<definedNames>${options.names}</definedNames>` : ""}</workbook>`,
    ),
    [`${dir}_rels/${wbPath.slice(dir.length)}.rels`]: strToU8(
      rels([
        ...sheets.map((s, i): [string, string, string] => [`rId${i + 1}`, s.type ?? "worksheet", s.path ?? `worksheets/sheet${i + 1}.xml`]),
        ["rIdS", "sharedStrings", "sharedStrings.xml"],
      ]),
    ),
  };
  sheets.forEach((s, i) => {
    const p = `${dir}${s.path ?? `worksheets/sheet${i + 1}.xml`}`;
    files[p] = strToU8(s.xml);
    if (s.rels) files[`${p.slice(0, p.lastIndexOf("/"))}/_rels/${p.slice(p.lastIndexOf("/") + 1)}.rels`] = strToU8(s.rels);
  });
  if (options.sst) files[`${dir}sharedStrings.xml`] = strToU8(`<?xml version="1.0"?>\r\n<sst ${NS}>${options.sst}</sst>`);
  for (const [name, text] of Object.entries(options.extra ?? {})) files[name] = strToU8(text);
  return zipSync(files);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof GatewayError) return e.code;
    throw e;
  }
  return undefined;
}

function timed<T>(f: () => T): { result: T | undefined; error?: string; ms: number } {
  const start = performance.now();
  let result: T | undefined;
  let error: string | undefined;
  try {
    result = f();
  } catch (e) {
    error = e instanceof GatewayError ? e.code : String(e);
  }
  return { result, error, ms: performance.now() - start };
}

describe("readWorkbookXml on hand-written parts", () => {
  it("reads every kind of cell value as SpreadsheetML writes it", () => {
    const sst = [
      "<si><t>biasa</t></si>",
      '<si><r><rPr><b/></rPr><t xml:space="preserve">tebal </t></r><r><t>dan biasa</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>',
      "<si><t>CR_x000D_LF &amp; &#x41;&#66; &lt;tag&gt;</t></si>",
      "<si><t/></si>",
      "<si/>",
      "<si><t>baris\r\nkedua</t></si>",
    ].join("");
    const body =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
      '<row r="2"><c r="A2"><v>3.25</v></c><c r="B2" t="n"><v>-1E-3</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" t="str"><v>a &amp; b</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>sebaris</t></is></c><c r="B3" t="inlineStr"><is><r><t>dua </t></r><r><t>potong</t></r></is></c><c r="C3" t="d"><v>2024-01-31T12:00:00</v></c><c r="D3" s="4"/><c r="E3"><v></v></c></row>' +
      '<row r="4"><c r="A4"><f>SUM(A2,B2)</f><v>3.249</v></c><c r="B4" t="str"><f>A3&amp;"x"</f><v>sebarisx</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D4" t="b"><f>A2&gt;1</f><v>1</v></c><c r="E4"><f>NOW()</f></c></row>';
    const snap = readWorkbookXml(workbook([{ name: "S", xml: sheetXml(body) }], { sst }));
    const s = snap.sheets[0]!;
    expect(s.values[0]).toEqual(["biasa", "tebal dan biasa", "CR\rLF & AB <tag>", "", "", "baris\nkedua"]);
    expect(s.values[1]).toEqual([3.25, -0.001, true, false, { error: "#DIV/0!" }, "a & b"]);
    expect(s.values[2]![0]).toBe("sebaris");
    expect(s.values[2]![1]).toBe("dua potong");
    expect(s.values[2]![2]).toBeCloseTo(45322.5, 9);
    expect(s.values[2]).toHaveLength(3); // D3 (styled, empty) and E3 (empty <v>) are no values
    expect(s.values[3]).toEqual([3.249, "sebarisx", { error: "#DIV/0!" }, true, null]);
    expect(s.formulas[3]).toEqual(["SUM(A2,B2)", 'A3&"x"', "1/0", "A2>1", "NOW()"]);
    expect([s.rowCount, s.colCount]).toEqual([4, 6]);
  });

  it("places rows and cells that omit their r attribute after the previous ones", () => {
    const body = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>';
    const s = readWorkbookXml(workbook([{ name: "S", xml: sheetXml(body) }])).sheets[0]!;
    expect(s.values[0]).toEqual([1, 2]);
    expect(s.values[4]).toEqual([undefined, undefined, 3, 4]);
    expect(s.values[5]).toEqual([5]);
  });

  it("moves shared formulas to each cell of their group, whatever the order of the cells", () => {
    const body =
      '<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$C$1+"A1"</f><v>1</v></c></row>' +
      '<row r="2"><c r="B2"><f t="shared" si="0"/><v>2</v></c><c r="C2"><f t="shared" ref="C2:D2" si="1">B2+1</f></c><c r="D2"><f t="shared" si="1"/></c></row>' +
      '<row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c><c r="E3"><f t="shared" si="9"/><v>7</v></c></row>';
    const s = readWorkbookXml(workbook([{ name: "S", xml: sheetXml(body) }])).sheets[0]!;
    expect([s.formulas[1]![1], s.formulas[2]![1], s.formulas[1]![3]]).toEqual(['A2*$C$1+"A1"', 'A3*$C$1+"A1"', "C2+1"]);
    expect(s.formulas[2]![4]).toBeUndefined(); // a group without a master: no formula text, the cached value stays
    expect(s.values[2]![4]).toBe(7);
  });

  it("takes hyperlinks from the sheet's relationships, keeps the formula of a linked formula cell, skips in-workbook places", () => {
    const body =
      '<row r="1"><c r="A1" t="str"><f>HYPERLINK("https://a.go.id","a")</f><v>a</v></c><c r="B1" s="3"/><c r="C1"><v>1</v></c><c r="D1"><v>2</v></c></row>' +
      '<row r="2"><c r="C2"><v>3</v></c></row>';
    const tail =
      '<hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId2"/><hyperlink ref="C1:C2" r:id="rId3"/><hyperlink ref="D1" location="\'S\'!A1"/><hyperlink ref="Z9" r:id="rId1"/></hyperlinks>';
    const sheetRels = rels([
      ["rId1", "hyperlink", "https://drive.google.com/x?a=1&amp;b=2", true],
      ["rId2", "hyperlink", "file:///C:/bukti.pdf", true],
      ["rId3", "hyperlink", "http://r.go.id", true],
    ]);
    const s = readWorkbookXml(workbook([{ name: "S", xml: sheetXml(body, tail), rels: sheetRels }])).sheets[0]!;
    expect(s.hyperlinks).toEqual({ A1: "https://drive.google.com/x?a=1&b=2", B1: "file:///C:/bukti.pdf", C1: "http://r.go.id", C2: "http://r.go.id" });
    expect(s.formulas[0]![0]).toBe('HYPERLINK("https://a.go.id","a")');
    expect(s.values[0]![1]).toBeNull(); // the linked empty cell exists, as in exceljs
  });

  it("reads validations and merges as written, and hides what merged cells cover", () => {
    const body = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>';
    const tail =
      '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C3:D4"/></mergeCells>' +
      '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="K8  K9:K12\nK20"><formula1>"Ya,Tidak"</formula1></dataValidation>' +
      '<dataValidation type="decimal" operator="between" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>4</formula2></dataValidation>' +
      '<dataValidation sqref="B2"/></dataValidations>' +
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lain!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>K30</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const s = readWorkbookXml(workbook([{ name: "S", xml: sheetXml(body, tail) }])).sheets[0]!;
    expect(s.validations).toEqual([
      { sqref: "K8 K9:K12 K20", type: "list", formulae: ['"Ya,Tidak"'] },
      { sqref: "A1:XFD1048576", type: "decimal", formulae: ["0", "4"] },
      { sqref: "B2", type: "any", formulae: [] },
    ]);
    expect(s.merges).toEqual(["A1:B1", "C3:D4"]);
    expect(s.values[0]).toEqual([1]); // B1 lies under the merge of A1:B1
    expect([s.rowCount, s.colCount]).toEqual([4, 4]);
  });

  it("finds parts through the relationships, case-insensitively, and skips chart sheets; keeps defined names as written", () => {
    const snap = readWorkbookXml(
      workbook(
        [
          { name: "LKE &amp; Data", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), path: "Lembar/LKE.XML", state: "veryHidden" },
          { name: "Grafik", xml: "<chartsheet/>", path: "chartsheets/sheet1.xml", type: "chartsheet" },
        ],
        {
          workbookPath: "xl/buku.xml",
          names: `<definedName name="_xlnm.Print_Titles" localSheetId="0">'LKE &amp; Data'!$2:$2</definedName><definedName name="Semua">'LKE &amp; Data'!$A:$XFD</definedName>`,
        },
      ).slice(),
    );
    expect(snap.sheets.map((s) => [s.name, s.visibility, s.values[0]?.[0]])).toEqual([["LKE & Data", "veryHidden", 1]]);
    expect(snap.definedNames).toEqual([
      { name: "_xlnm.Print_Titles", ref: "'LKE & Data'!$2:$2" },
      { name: "Semua", ref: "'LKE & Data'!$A:$XFD" },
    ]);
  });

  it("refuses at once a merge over a whole sheet (too large) and reads a whole-sheet validation in no time", () => {
    const merge = timed(() => readWorkbookXml(workbook([{ name: "S", xml: sheetXml("", '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') }])));
    expect(merge.error).toBe("too-large");
    expect(merge.ms).toBeLessThan(1000);
    const dv = timed(() =>
      readWorkbookXml(workbook([{ name: "S", xml: sheetXml("", '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>') }])),
    );
    expect(dv.error).toBeUndefined();
    expect(dv.ms).toBeLessThan(1000);
  });

  it("says corrupt for broken XML, a missing shared string, bad references and an entry larger than its zip record", () => {
    const ok = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    expect(codeOf(() => readWorkbookXml(workbook([{ name: "S", xml: ok.slice(0, ok.indexOf("<v>") + 4) }])))).toBe("corrupt");
    expect(codeOf(() => readWorkbookXml(workbook([{ name: "S", xml: sheetXml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') }], { sst: "<si><t>a</t></si>" })))).toBe("corrupt");
    expect(codeOf(() => readWorkbookXml(workbook([{ name: "S", xml: sheetXml('<row r="1"><c r="1A"><v>1</v></c></row>') }])))).toBe("corrupt");
    expect(codeOf(() => readWorkbookXml(workbook([{ name: "S", xml: sheetXml('<row r="1048577"><c><v>1</v></c></row>') }])))).toBe("corrupt");
    // The central directory says the sheet is 10 bytes long: it inflates to more, and the reader stops there.
    const bytes = workbook([{ name: "S", xml: ok }]);
    const view = new DataView(bytes.buffer);
    let eocd = bytes.length - 22;
    while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
    let p = view.getUint32(eocd + 16, true);
    for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
      const nameLength = view.getUint16(p + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
      if (name.endsWith("sheet1.xml")) view.setUint32(p + 24, 10, true);
      p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    expect(codeOf(() => readWorkbookXml(bytes))).toBe("corrupt");
    expect(codeOf(() => readWorkbookXml(bytes, { inflate: "js" }))).toBe("corrupt");
  });

  it("says not-xlsx for a zip without a workbook part (a .docx renamed, say)", async () => {
    const docx = zipSync({ "word/document.xml": strToU8("<w:document/>"), "_rels/.rels": strToU8(rels([["rId1", "officeDocument", "word/document.xml"]])) });
    await expect(readXlsx(docx)).rejects.toMatchObject({ code: "not-xlsx" });
  });

  it("reads an empty sheet and a workbook without shared strings", () => {
    const snap = readWorkbookXml(workbook([{ name: "Kosong", xml: `<worksheet ${NS}><sheetData/></worksheet>` }, { name: "S", xml: sheetXml('<row r="2"><c r="B2"><v>7</v></c></row>') }]));
    expect(snap.sheets[0]).toMatchObject({ name: "Kosong", values: [], rowCount: 0, colCount: 0 });
    expect(snap.sheets[1]!.values[1]).toEqual([undefined, 7]);
  });
});
