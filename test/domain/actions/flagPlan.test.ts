import * as fs from "node:fs";
import { buildFlagPlan, FLAG_COLORS, type DescribeFinding } from "../../../src/domain/actions/flagPlan";
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke } from "../../../src/domain/report/analyzeLke";
import type { Finding } from "../../../src/domain/validation/finding";
import { describeFinding } from "../../../src/i18n/findingMessages";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { sharedFile } from "../../support/sharedFiles";

const id: DescribeFinding = (f) => describeFinding(f, "id");
const f = (rule: Finding["rule"], severity: Finding["severity"], cell: string | undefined, params: Finding["params"] = {}, sheet = "LKE ZI"): Finding => ({
  rule,
  severity,
  sheet,
  ...(cell ? { cell } : {}),
  params,
});

describe("buildFlagPlan", () => {
  it("gives each cell one flag: the message, a line break and the hint in Bahasa Indonesia", () => {
    const finding = f("answer.type-changed", "error", "J8", { found: "Ya", expected: "Ya/Tidak" });
    const plan = buildFlagPlan([finding], "LKE ZI", id);
    const { message, hint } = describeFinding(finding, "id");
    expect(plan.cells).toEqual([{ sheet: "LKE ZI", cell: "J8", severity: "error", note: `${message}\n${hint}`, rules: ["answer.type-changed"] }]);
    expect(message).toMatch(/seharusnya "Ya\/Tidak"/);
  });

  it("lists several findings of one cell in one note, the most severe first, which picks the colour", () => {
    const plan = buildFlagPlan(
      [f("evidence.missing", "warning", "K110", { answer: "A" }), f("answer.invalid", "error", "K110", { value: "X", options: "A/B/C" }), f("evidence.missing", "warning", "K110", { answer: "A" })],
      "LKE ZI",
      id,
    );
    expect(plan.cells).toHaveLength(1);
    const cell = plan.cells[0]!;
    expect(cell.severity).toBe("error");
    expect(cell.rules).toEqual(["answer.invalid", "evidence.missing"]);
    const blocks = cell.note.split("\n\n");
    expect(blocks).toHaveLength(2); // the repeated finding is said once
    expect(blocks[0]).toMatch(/^Jawaban "X" bukan salah satu pilihan/);
    expect(blocks[1]).toMatch(/tidak ada tautan bukti dukung/);
  });

  it("leaves out findings without a cell and findings of other sheets, and orders flags by row then column", () => {
    const plan = buildFlagPlan(
      [f("layout.unmatched", "warning", undefined, { reason: "question-not-found" }), f("answer.missing", "warning", "K20", { type: "ya-tidak" }), f("weight.changed", "error", "H9", { found: 3, expected: 2 }), f("answer.missing", "warning", "A1", {}, "Utama"), f("answer.missing", "warning", "J9", { type: "abc" })],
      "LKE ZI",
      id,
    );
    expect(plan.cells.map((c) => c.cell)).toEqual(["H9", "J9", "K20"]);
  });

  it("has a fill and a font colour for every severity", () => {
    for (const severity of ["error", "warning", "info"] as const) {
      expect(FLAG_COLORS[severity].fill).toMatch(/^#[0-9A-F]{6}$/);
      expect(FLAG_COLORS[severity].font).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it("flags the real example where its findings are: J8 and K185 as errors, L175 as a warning", async () => {
    const file = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
    if (!file) return;
    const a = analyzeLke(await readXlsx(new Uint8Array(fs.readFileSync(file))), loadModel());
    if (!("scores" in a)) throw new Error(a.kind);
    const plan = buildFlagPlan(a.findings, a.sheet.name, id);
    const at = (cell: string) => plan.cells.find((c) => c.cell === cell);
    expect([at("J8")?.severity, at("K185")?.severity, at("L175")?.severity]).toEqual(["error", "error", "warning"]);
    expect(at("L175")!.note).toMatch(/Rumus menghasilkan 1,7333, aturan resmi 1,8667\.\nGanti dengan rumus resmi/);
    expect(plan.cells).toHaveLength(new Set(a.findings.filter((x) => x.cell).map((x) => x.cell)).size);
  });
});
