import { whatIf } from "../../../src/domain/gaps/whatIf";
import { toA1 } from "../../../src/domain/grid/address";
import {
  findingsView,
  gapView,
  guideView,
  itemAtAddress,
  recommendationChange,
  summaryView,
  trialView,
} from "../../../src/taskpane/state/paneSelectors";
import { bundledAnalysis } from "../support/fixtures";

describe("summaryView", () => {
  it("shows the core's scores against the regulation's maxima and area minimums", async () => {
    const a = await bundledAnalysis();
    const s = summaryView(a, false);
    expect(s.total).toBe(a.scores.total);
    expect(s.max).toEqual({ total: 100, pengungkit: 60, hasil: 40 });
    expect(s.marks).toEqual({ wbk: 0.6, wbbm: 0.75 });
    expect(s.areas.map((x) => x.max)).toEqual([8, 7, 10, 10, 15, 10]);
    expect(s.areas.reduce((sum, x) => sum + x.value, 0)).toBeCloseTo(a.scores.pengungkit, 9);
    expect(s.predicates.wbk.eligible).toBe(false);
    expect(s.answered.total).toBe(a.model.questions.length);
  });

  it("counts evidence by the rule of evidence.missing: the shortfall is exactly those findings", async () => {
    const a = await bundledAnalysis();
    const s = summaryView(a, false);
    const missing = a.findings.filter((f) => f.rule === "evidence.missing").length;
    expect(s.evidence.needed - s.evidence.present).toBe(missing);
    expect(s.evidence.needed).toBeGreaterThan(0);
  });

  it("needs the prior WBK predicate for WBBM only when the user confirms it", async () => {
    const a = await bundledAnalysis();
    const criteria = (prior: boolean) => summaryView(a, prior).predicates.wbbm.unmet.map((u) => u.criterion);
    expect(criteria(false)).toContain("priorPredicate");
    expect(criteria(true)).not.toContain("priorPredicate");
  });
});

describe("findingsView", () => {
  it("groups every finding by area, Hasil and general, errors first within a group", async () => {
    const a = await bundledAnalysis();
    const v = findingsView(a, { severities: ["error", "warning", "info"], area: "all" });
    expect(v.total).toBe(a.findings.length);
    expect(v.shown).toBe(a.findings.length);
    const keys = v.groups.map((g) => g.key);
    expect(keys).toEqual([...keys].sort((x, y) => (x === "hasil" ? 100 : x === "general" ? 101 : +x) - (y === "hasil" ? 100 : y === "general" ? 101 : +y)));
    for (const g of v.groups) {
      const order = g.rows.map((r) => ({ error: 0, warning: 1, info: 2 })[r.finding.severity]);
      expect(order).toEqual([...order].sort((p, q) => p - q));
      for (const r of g.rows) if (g.area) expect(a.model.parentOf.get(r.finding.item!)?.area ?? a.model.nodeByCode.get(r.finding.item!)?.area).toBe(g.area.no);
    }
  });

  it("keeps only the severities and the area asked for", async () => {
    const a = await bundledAnalysis();
    const errors = findingsView(a, { severities: ["error"], area: "all" });
    expect(errors.shown).toBe(a.findings.filter((f) => f.severity === "error").length);
    expect(errors.groups.flatMap((g) => g.rows).every((r) => r.finding.severity === "error")).toBe(true);
    const area5 = findingsView(a, { severities: ["error", "warning", "info"], area: "5" });
    expect(area5.groups.map((g) => g.key)).toEqual(["5"]);
    expect(errors.bySeverity.error + errors.bySeverity.warning + errors.bySeverity.info).toBe(a.findings.length);
  });
});

describe("itemAtAddress", () => {
  it("finds the item of a selected question row or count row, by its first row", async () => {
    const a = await bundledAnalysis();
    const row = a.layout.rows.questions.get("A.I.1.i.a")!;
    expect(itemAtAddress(a, `K${row + 1}`)).toEqual({ item: "A.I.1.i.a" });
    expect(itemAtAddress(a, `B${row + 1}:Q${row + 3}`)).toEqual({ item: "A.I.1.i.a" });
    const [key, countRow] = [...a.layout.rows.counts.entries()][0]!;
    const [item, countKey] = key.split("#");
    expect(itemAtAddress(a, toA1(countRow, 10))).toEqual({ item, countKey });
    expect(itemAtAddress(a, "A1")).toBeUndefined();
  });
});

describe("gapView and trialView", () => {
  it("lists what WBK lacks, and its recommended changes tried together meet every Pengungkit requirement", async () => {
    const a = await bundledAnalysis();
    const v = gapView(a, "wbk", false, []);
    expect(v.eligible).toBe(false);
    expect(v.unmet.map((u) => u.criterion.criterion)).toEqual(a.predicates.wbk.unmet.map((u) => u.criterion));
    expect(v.unmet.find((u) => u.criterion.criterion === "area")?.areaName).toBeTruthy();
    expect(v.recommendations.length).toBeGreaterThan(0);
    const changes = v.recommendations.map((r) => r.change);
    const after = whatIf(a, changes);
    const left = after.predicates.wbk.unmet.map((u) => u.criterion);
    expect(left.filter((c) => c === "pengungkit" || c === "area")).toEqual([]);
    // A `%` recommendation is a count: it comes with the count it changes.
    const percent = v.recommendations.find((r) => a.model.questionByCode.get(r.recommendation.item)?.percent);
    expect(percent?.change.countKey).toBeTruthy();
    expect(typeof percent?.change.value).toBe("number");

    const trial = trialView(a, changes, false)!;
    expect(trial.from).toBe(a.scores.total);
    expect(trial.to).toBeCloseTo(after.scores.total, 9);
    expect(gapView(a, "wbk", false, changes).recommendations.every((r) => r.tried)).toBe(true);
    expect(trialView(a, [], false)).toBeUndefined();
  });

  it("makes each recommendation the same change the core plans (cell, value)", async () => {
    const a = await bundledAnalysis();
    for (const r of a.paths.wbk.recommendations) {
      const change = recommendationChange(a, r);
      expect(change.item).toBe(r.item);
      expect(String(change.value)).toBe(r.to);
    }
  });
});

describe("guideView", () => {
  it("shows each option's effect on the total as the what-if computes it, and marks the current one", async () => {
    const a = await bundledAnalysis();
    const code = "A.I.3.v.a"; // answered D in the bundled example
    const g = guideView(a, code)!;
    expect(g.text).toBe(a.model.questionByCode.get(code)!.text);
    expect(g.options.map((o) => o.key)).toEqual(["A", "B", "C", "D"]);
    for (const o of g.options) expect(o.effect).toBeCloseTo(whatIf(a, [{ item: code, value: o.key }]).scores.total - a.scores.total, 9);
    expect(g.options.filter((o) => o.current).map((o) => o.key)).toEqual(["D"]);
    expect(g.options.find((o) => o.key === "D")!.effect).toBeCloseTo(0, 9);
    expect(g.options.find((o) => o.key === "A")!.effect).toBeGreaterThan(0);
    expect(g.cell).toBe(`K${a.layout.rows.questions.get(code)! + 1}`);
    expect(g.area?.no).toBe(3);
  });

  it("shows a `%` item's counts and what reaching 100% would add", async () => {
    const a = await bundledAnalysis();
    const g = guideView(a, "A.II.1.i.a")!;
    expect(g.options).toEqual([]);
    expect(g.counts.length).toBeGreaterThanOrEqual(2);
    expect(g.full).toBeDefined();
    expect(g.full!.effect).toBeCloseTo(whatIf(a, [{ item: "A.II.1.i.a", countKey: g.full!.countKey, value: g.full!.value }]).scores.total - a.scores.total, 9);
    expect(guideView(a, "no-such-item")).toBeUndefined();
  });
});
