import {
  BACKUP_COLUMNS,
  BACKUP_FORMAT,
  BackupFormatError,
  decodeBackup,
  decodeFill,
  encodeBackup,
  encodeFill,
  sameFill,
  type BackupRecord,
  type CellContent,
  type CellState,
  type Fill,
  type Note,
} from "../../../src/domain/actions/backup";
import { seededRandom, type Random } from "../../support/generator/random";

const PLAIN: CellState = {
  content: { type: "empty" },
  hyperlink: null,
  fill: { pattern: "None" },
  fontColor: "#000000",
  bold: false,
  note: { kind: "none" },
};

function record(original: Partial<CellState>, extra: Partial<BackupRecord> = {}): BackupRecord {
  return {
    kind: "flag",
    sheet: "LKE ZI",
    address: "K12",
    original: { ...PLAIN, ...original },
    applied: { fill: { pattern: "Solid", color: "#FFC7CE" }, fontColor: "#9C0006", note: { kind: "note", text: "Jawaban belum diisi.\nIsi sel ini." } },
    actionId: "flag-2025-01-02T03:04:05.000Z",
    timestamp: "2025-01-02T03:04:05.000Z",
    ...extra,
  };
}

/** The table as Excel gives it back: Range.values of text cells, "" for empty ones. */
function throughExcel(rows: string[][]): unknown[][] {
  return rows.map((r) => r.map((v) => v));
}

const roundTrip = (records: BackupRecord[]) => decodeBackup(throughExcel(encodeBackup(records)));

describe("the backup table", () => {
  it("starts with its format and column names, one row per record, text only", () => {
    const rows = encodeBackup([record({})]);
    expect(rows[0]![0]).toBe(BACKUP_FORMAT);
    expect(rows[1]).toEqual([...BACKUP_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === BACKUP_COLUMNS.length && r.every((v) => typeof v === "string"))).toBe(true);
  });

  it("keeps no fill apart from a white fill", () => {
    const none = roundTrip([record({ fill: { pattern: "None" } })])[0]!.original.fill;
    const white = roundTrip([record({ fill: { pattern: "Solid", color: "#FFFFFF" } })])[0]!.original.fill;
    expect(none).toEqual({ pattern: "None" });
    expect(white).toEqual({ pattern: "Solid", color: "#FFFFFF" });
    expect(sameFill(none, white)).toBe(false);
    expect(roundTrip([record({ fill: { pattern: "Gray50", color: "#FFFF00", patternColor: "#000000" } })])[0]!.original.fill).toEqual({
      pattern: "Gray50",
      color: "#FFFF00",
      patternColor: "#000000",
    });
  });

  it("keeps an empty cell apart from empty text, a formula apart from text that looks like one, and numbers exact", () => {
    const contents: CellContent[] = [
      { type: "empty" },
      { type: "text", text: "" },
      { type: "formula", formula: "=AVERAGE(L176:L179)*H175" },
      { type: "text", text: "=AVERAGE(L176:L179)*H175" },
      { type: "text", text: "'kutip" },
      { type: "text", text: "12" },
      { type: "number", number: 12 },
      { type: "number", number: 0.1 + 0.2 },
      { type: "number", number: 1.7333333333333334 },
      { type: "number", number: -0 },
      { type: "number", number: 1e-300 },
      { type: "boolean", value: true },
      { type: "text", text: "TRUE" },
      { type: "error", error: "#DIV/0!" },
      { type: "text", text: "#DIV/0!" },
      { type: "text", text: "baris satu\nbaris dua\r\n\ttab" },
    ];
    const back = roundTrip(contents.map((content) => record({ content })));
    expect(back.map((r) => r.original.content)).toEqual(contents);
    expect(Object.is((back[9]!.original.content as { number: number }).number, -0)).toBe(true);
  });

  it("keeps notes, comments, unknown notes, hyperlinks, mixed fonts and what the add-in put", () => {
    const notes: Array<Note | undefined> = [{ kind: "none" }, { kind: "note", text: "" }, { kind: "note", text: "Catatan\npokja" }, { kind: "comment", text: "Sudah dicek" }, undefined];
    const back = roundTrip(notes.map((note) => record({ note })));
    expect(back.map((r) => r.original.note)).toEqual(notes);

    const rich = record(
      { hyperlink: { address: "https://drive.example.go.id/a?x=1&y=\"2\"", screenTip: "bukti" }, fontColor: null, bold: null },
      { kind: "repair", address: "L175", applied: { formula: "=SUM(L176,L183)" } },
    );
    expect(roundTrip([rich])).toEqual([rich]);
    const internal = record({ hyperlink: { documentReference: "'Ctt Eval'!A1" } });
    expect(roundTrip([internal])).toEqual([internal]);
  });

  it("round-trips random records exactly", () => {
    const rnd = seededRandom(42);
    for (let n = 0; n < 50; n++) {
      const records = Array.from({ length: rnd.int(0, 12) }, () => randomRecord(rnd));
      expect(roundTrip(records)).toEqual(records);
    }
  });

  it("reads no sheet, or an empty one, as no records", () => {
    expect(decodeBackup(undefined)).toEqual([]);
    expect(decodeBackup([])).toEqual([]);
    expect(decodeBackup([[""]])).toEqual([]);
    expect(decodeBackup(encodeBackup([]))).toEqual([]);
  });

  it("skips blank rows (left by a shorter table written over a longer one)", () => {
    const rows = encodeBackup([record({}), record({}, { address: "K13" })]);
    rows.splice(3, 0, new Array<string>(BACKUP_COLUMNS.length).fill(""));
    rows.push(new Array<string>(BACKUP_COLUMNS.length).fill(""));
    expect(decodeBackup(rows).map((r) => r.address)).toEqual(["K12", "K13"]);
  });

  it("refuses a table of another format, or a damaged row, naming the row", () => {
    expect(() => decodeBackup([["something else"]])).toThrow(BackupFormatError);
    const header = encodeBackup([]);
    expect(() => decodeBackup([header[0]!, ["kind", "sheet"]])).toThrow(/column names/);
    const rows = encodeBackup([record({})]);
    rows[2]![3] = "number";
    rows[2]![4] = "dua belas";
    expect(() => decodeBackup(rows)).toThrow(/row 3: number "dua belas"/);
    const bad = encodeBackup([record({})]);
    bad[2]![2] = "K0";
    expect(() => decodeBackup(bad)).toThrow(/row 3: address/);
  });

  it("encodes fills as short text", () => {
    const fills: Fill[] = [{ pattern: "None" }, { pattern: "Solid", color: "#FFC7CE" }, { pattern: "Gray25", color: "#FFFFFF", patternColor: "#FF0000" }];
    expect(fills.map(encodeFill)).toEqual(["None", "Solid #FFC7CE", "Gray25 #FFFFFF #FF0000"]);
    expect(fills.map((f) => decodeFill(encodeFill(f)))).toEqual(fills);
    expect(() => decodeFill("Solid")).toThrow(BackupFormatError);
  });
});

function randomText(rnd: Random): string {
  const alphabet = ["a", "Z", " ", "\n", "'", '"', "=", "#", "0", "é", "|", ",", "\t", "-"];
  return Array.from({ length: rnd.int(0, 12) }, () => rnd.pick(alphabet)).join("");
}

function randomRecord(rnd: Random): BackupRecord {
  const contents: CellContent[] = [
    { type: "empty" },
    { type: "text", text: randomText(rnd) },
    { type: "number", number: rnd.chance(0.5) ? rnd.int(-1000, 1000) : rnd.next() * 10 ** rnd.int(-5, 8) },
    { type: "boolean", value: rnd.chance(0.5) },
    { type: "formula", formula: `=SUM(L${rnd.int(1, 300)},${randomText(rnd).replace(/"/g, "")}1)` },
    { type: "error", error: rnd.pick(["#N/A", "#DIV/0!", "#VALUE!"]) },
  ];
  const fills: Fill[] = [{ pattern: "None" }, { pattern: "Solid", color: rnd.pick(["#FFFFFF", "#FFC7CE", "#00B050"]) }, { pattern: "Gray50", color: "#FFFF00", patternColor: "#0000FF" }];
  const notes: Array<Note | undefined> = [undefined, { kind: "none" }, { kind: "note", text: randomText(rnd) }, { kind: "comment", text: randomText(rnd) }];
  const kind = rnd.chance(0.5) ? "flag" : "repair";
  return {
    kind,
    sheet: rnd.pick(["LKE ZI", "It's", "Jawaban"]),
    address: `${rnd.pick(["J", "K", "L", "AB"])}${rnd.int(1, 20000)}`,
    original: {
      content: rnd.pick(contents),
      hyperlink: rnd.chance(0.3) ? { address: `https://drive.example.go.id/${randomText(rnd)}` } : null,
      fill: rnd.pick(fills),
      fontColor: rnd.chance(0.2) ? null : rnd.pick(["#000000", "#FF0000"]),
      bold: rnd.pick([true, false, null]),
      note: rnd.pick(notes),
    },
    applied:
      kind === "repair"
        ? { formula: "=AVERAGE(L8:L9)*H7" }
        : { fill: { pattern: "Solid", color: "#FFEB9C" }, fontColor: "#9C5700", ...(rnd.chance(0.7) ? { note: { kind: "note" as const, text: randomText(rnd) } } : {}) },
    actionId: `${kind}-2025-01-02T03:04:05.000Z`,
    timestamp: "2025-01-02T03:04:05.000Z",
  };
}
