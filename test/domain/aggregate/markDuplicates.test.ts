import { markDuplicates } from "../../../src/domain/aggregate/markDuplicates";
import type { RecapFile } from "../../../src/domain/aggregate/recapFile";
import { seededRandom } from "../../support/generator/random";
import { randomSummary } from "../../support/unitSummaries";

describe("markDuplicates", () => {
  const random = seededRandom(42);
  const a = randomSummary(random, "Kantor A");
  const b = randomSummary(random, "Kantor B");

  it("keeps the first of the same bytes and lists the later ones with the first's name", () => {
    const out = markDuplicates([
      { file: "a.xlsx", hash: "h1", summary: a },
      { file: "b.xlsx", hash: "h2", summary: b },
      { file: "a-copy.xlsx", hash: "h1", summary: { ...a, unit: "Nama lain" } },
    ]);
    expect(out.map((r) => !!r.summary)).toEqual([true, true, false]);
    expect(out[2]).toEqual({
      file: "a-copy.xlsx",
      error: 'duplikat dari a.xlsx (unit "Nama lain")',
      reason: { kind: "duplicate", of: "a.xlsx", unit: "Nama lain" },
    });
  });

  it("finds the same unit in different workbooks, whatever the case and spaces of its name", () => {
    const out = markDuplicates([
      { file: "x.xlsx", hash: "h1", summary: a },
      { file: "y.xlsx", hash: "h9", summary: { ...b, unit: "  kantor a " } },
    ]);
    expect(out[1]!.reason).toEqual({ kind: "duplicate", of: "x.xlsx", unit: "  kantor a " });
  });

  it("leaves files that could not be used as they are, and never counts them as the first", () => {
    const bad: RecapFile = { file: "bad.xlsx", error: "rusak", reason: { kind: "input", code: "corrupt" } };
    const out = markDuplicates([bad, { file: "a.xlsx", summary: a }]);
    expect(out).toEqual([bad, { file: "a.xlsx", summary: a }]);
  });
});
