import type { RecapFile } from "../../../src/domain/aggregate/recapFile";
import { buildRecapTable, gapText, PROBLEM_HEADERS, PROBLEM_SHEET, RECAP_HEADERS, recapSheetRows, recapTableAddress, RECAP_LINES } from "../../../src/domain/aggregate/recapTable";
import { seededRandom } from "../../support/generator/random";
import { randomSummary } from "../../support/unitSummaries";

function batch(seed: number, units: number, bad: number): RecapFile[] {
  const random = seededRandom(seed);
  const files: RecapFile[] = Array.from({ length: units }, (_, i) => ({ file: `unit-${i}.xlsx`, summary: randomSummary(random, `Unit ${i}`) }));
  for (let i = 0; i < bad; i++) files.splice(random.int(0, files.length), 0, { file: `bad-${i}.xlsx`, error: `alasan ${i}`, reason: { kind: "input", code: "corrupt" } });
  return files;
}

describe("buildRecapTable", () => {
  it("sorts the counted units by total, highest first, and keeps every column of the sheet", () => {
    for (const seed of [1, 2, 3]) {
      const files = batch(seed, 25, 4);
      const table = buildRecapTable(files);
      const totals = table.rows.map((r) => r[2] as number);
      expect(totals).toEqual(files.filter((f) => f.summary).map((f) => f.summary!.scores.total).sort((a, b) => b - a));
      for (const row of table.rows) {
        expect(row).toHaveLength(RECAP_HEADERS.length);
        const file = files.find((f) => f.file === (row[1] as { text: string }).text)!;
        const s = file.summary!;
        expect(row[0]).toEqual({ text: s.unit });
        expect(row.slice(3, 7)).toEqual([s.scores.pengungkit, s.scores.pemenuhan, s.scores.reform, s.scores.hasil]);
        expect(row.slice(7, 13)).toEqual(s.scores.areas.map((a) => a.total));
        expect(row.slice(13, 15)).toEqual([s.predicates.wbk.eligible ? "Ya" : "Tidak", s.predicates.wbbm.eligible ? "Ya" : "Tidak"]);
        expect(row[15]).toBe(s.errors);
        expect(row[16]).toBe(gapText(s.biggestGap));
      }
    }
  });

  it("keeps the batch's order among equal totals", () => {
    const random = seededRandom(7);
    const a = randomSummary(random, "A");
    const b = { ...randomSummary(random, "B"), scores: a.scores };
    const table = buildRecapTable([{ file: "b.xlsx", summary: b }, { file: "a.xlsx", summary: a }]);
    expect(table.units.map((u) => u.file)).toEqual(["b.xlsx", "a.xlsx"]);
  });

  it("lists the files not counted, in the batch's order, with their reason", () => {
    const files = batch(11, 6, 5);
    const table = buildRecapTable(files);
    expect(table.problems.map((p) => p.file)).toEqual(files.filter((f) => !f.summary).map((f) => f.file));
    expect(table.problems.map((p) => p.error)).toEqual(files.filter((f) => !f.summary).map((f) => f.error));
    expect(table.problems.every((p) => p.reason?.kind === "input")).toBe(true);
  });

  it("says the biggest gap in Bahasa Indonesia with a decimal comma", () => {
    expect(gapText({ criterion: "area", area: 3, required: 5, actual: 3.745, gap: 1.255 })).toBe("Area 3: kurang 1,25");
    expect(gapText({ criterion: "total", required: 75, actual: 70.5, gap: 4.5 })).toBe("Nilai total: kurang 4,50");
    expect(gapText({ criterion: "ipak", required: 12.5, actual: 12, gap: 0.5 })).toBe("IPAK: kurang 0,50");
    expect(gapText(undefined)).toBe("");
  });

  it("lays the sheet out from A1: header, units, threshold columns to the last row, summary three rows below", () => {
    for (const units of [0, 1, 3, 40]) {
      const table = buildRecapTable(batch(units + 100, units, 2));
      const rows = recapSheetRows(table);
      const last = Math.max(2, units + 1);
      expect(rows[0]!.slice(0, RECAP_HEADERS.length)).toEqual([...RECAP_HEADERS]);
      expect(recapTableAddress(table)).toBe(`A1:Q${Math.max(1, units) + 1}`);
      for (const line of RECAP_LINES) {
        expect(rows[0]![line.column]).toBe(line.header);
        expect(rows.slice(1, last).map((r) => r[line.column])).toEqual(new Array(last - 1).fill(line.value));
        expect(rows[last]?.[line.column] ?? null).toBeNull();
      }
      const summaryAt = units + 4;
      expect(rows[summaryAt - 1]![0]).toBe("Jumlah unit dinilai");
      expect(rows[summaryAt - 1]![2]).toBe(`=COUNT(C2:C${last})`);
      expect(rows[summaryAt + 1]![2]).toBe(`=COUNTIF(O2:O${last},"Ya")`);
      // Then the two files that could not be scored, under a title and headings, as text.
      const problemsAt = summaryAt + 4;
      expect(rows[problemsAt]![0]).toBe(`${PROBLEM_SHEET} (2)`);
      expect(rows[problemsAt + 1]!.slice(0, 2)).toEqual([...PROBLEM_HEADERS]);
      expect(rows.slice(problemsAt + 2).map((r) => r.slice(0, 2))).toEqual(table.problems.map((p) => [{ text: p.file }, { text: p.error }]));
      expect(rows).toHaveLength(problemsAt + 4);
      if (units === 0) expect(table.rows).toEqual([RECAP_HEADERS.map(() => "")]);
    }
  });
});
