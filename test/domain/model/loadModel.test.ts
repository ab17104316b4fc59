import * as fs from "node:fs";
import { checkModel, indexModel, loadModel } from "../../../src/domain/model/loadModel";
import type { LkeModel } from "../../../src/domain/model/lkeModel";
import { sharedFile } from "../../support/sharedFiles";

const model = loadModel();

describe("the permenpanrb-90-2021 model", () => {
  it("has 87 Pemenuhan, 23 Reform and 3 Hasil items, 24 counts under 8 % items", () => {
    const under = (prefix: string) => model.questions.filter((q) => q.code.startsWith(prefix)).length;
    expect([under("A.I."), under("A.II."), under("B.")]).toEqual([87, 23, 3]);
    const pct = model.questions.filter((q) => q.percent);
    expect(pct).toHaveLength(8);
    expect(pct.reduce((n, q) => n + q.percent!.inputs.length, 0)).toBe(24);
  });

  it("passes its own load-time checks: 60/40, 30/30, areas 8/7/10/10/15/10", () => {
    expect(checkModel(model)).toEqual([]);
    expect(model.roots.map((r) => r.weight)).toEqual([60, 40]);
    expect(model.areas.map((a) => a.pemenuhan.weight + a.reform.weight)).toEqual([8, 7, 10, 10, 15, 10]);
  });

  it("rejects a model whose weights do not add up", () => {
    const broken = JSON.parse(JSON.stringify(model)) as LkeModel;
    broken.roots[0]!.children[0]!.children[0]!.children[0]!.weight = 0.75; // Penyusunan Tim Kerja 0.5 -> 0.75
    const problems = checkModel(indexModel(broken));
    expect(problems).toContain("A.I.1: children add up to 4.25, not 4");
  });

  it("rejects duplicate codes and Pemenuhan/Reform areas of different weight", () => {
    const broken = JSON.parse(JSON.stringify(model)) as LkeModel;
    broken.roots[0]!.children[1]!.children[0]!.weight = 5;
    broken.roots[0]!.children[0]!.children[0]!.children[0]!.questions[1]!.code = "A.I.1.i.a";
    const problems = checkModel(indexModel(broken));
    expect(problems).toEqual(expect.arrayContaining(["area 1: Pemenuhan 4 ≠ Reform 5", "duplicate code A.I.1.i.a"]));
  });

  it("keeps the official rounded values 0.67 and 0.33 for A/B/C/D", () => {
    expect(model.answerTypes.abcd.options!.map((o) => o.value)).toEqual([1, 0.67, 0.33, 0]);
  });
});

const research = sharedFile("lke-model.json");
const portal = sharedFile("portalrb-master-soal-2026.json");

(research ? describe : describe.skip)("agrees with the research model (../shared/domain/lke-model.json)", () => {
  it("has every item with the same code, answer type, option values and weight", () => {
    const raw = JSON.parse(fs.readFileSync(research!, "utf8"));
    const theirs = new Map<string, { answer_type: string; options?: Array<{ key: string; value: number }> }>();
    const walk = (n: { questions?: unknown[]; children?: unknown[]; sub_indikator?: unknown[]; code: string; answer_type?: string }) => {
      for (const q of (n.questions ?? []) as Array<{ code: string; answer_type: string }>) theirs.set(q.code, q);
      if (n.code.startsWith("B.") && n.answer_type) theirs.set(n.code, n as never);
      for (const c of [...((n.children ?? []) as never[]), ...((n.sub_indikator ?? []) as never[])]) walk(c);
    };
    raw.hierarchy.forEach(walk);
    expect([...theirs.keys()].sort()).toEqual(model.questions.map((q) => q.code).sort());
    for (const q of model.questions) {
      const t = theirs.get(q.code)!;
      expect([q.code, model.answerTypes[q.type].label]).toEqual([q.code, t.answer_type]);
      if (t.options) expect(q.options!.map((o) => [o.key, o.value])).toEqual(t.options.map((o) => [o.key, o.value]));
    }
  });
});

(portal ? describe : describe.skip)("agrees with the national master list (../shared/domain/portalrb-master-soal-2026.json)", () => {
  it("maps all 127 entries of the master list to a question or count of the model", () => {
    const raw = JSON.parse(fs.readFileSync(portal!, "utf8"));
    const rows = new Set<number>();
    for (const q of model.questions) {
      if (q.refs.portalrbRow) rows.add(q.refs.portalrbRow);
      for (const i of q.percent?.inputs ?? []) {
        if (i.portalrbRow) rows.add(i.portalrbRow);
      }
    }
    expect(rows.size).toBe(raw.total_soal);
  });
});
