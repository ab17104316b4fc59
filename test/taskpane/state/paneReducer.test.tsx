import { GatewayError } from "../../../src/app/gatewayError";
import { initialPaneState, paneReducer, toPaneError, type PaneState } from "../../../src/taskpane/state/paneReducer";
import { bundledAnalysis } from "../support/fixtures";

describe("paneReducer", () => {
  it("starts idle in Bahasa Indonesia on Ringkasan, every severity shown", () => {
    const s = initialPaneState();
    expect(s.locale).toBe("id");
    expect(s.tab).toBe("summary");
    expect(s.read.status).toBe("idle");
    expect(s.findingFilter).toEqual({ severities: ["error", "warning", "info"], area: "all" });
  });

  it("reads, then refreshes without hiding the analysis on screen", async () => {
    const analysis = await bundledAnalysis();
    let s = paneReducer(initialPaneState(), { type: "readStarted" });
    expect(s.read).toEqual({ status: "reading", refreshing: false });
    s = paneReducer(s, { type: "readSucceeded", analysis, at: 1000 });
    expect(s.read).toEqual({ status: "ready", refreshing: false, at: 1000 });
    s = paneReducer(s, { type: "readStarted" });
    expect(s.read.refreshing).toBe(true);
    expect(s.analysis).toBe(analysis);
    s = paneReducer(s, { type: "readFailed", error: { code: "cell-edit-mode" } });
    expect(s.read).toEqual({ status: "failed", refreshing: false, error: { code: "cell-edit-mode" }, at: 1000 });
  });

  it("keeps one what-if answer per cell, and drops those the sheet has come to hold", async () => {
    const analysis = await bundledAnalysis();
    let s: PaneState = { ...initialPaneState(), analysis };
    s = paneReducer(s, { type: "trialSet", change: { item: "A.I.3.v.a", value: "B" } });
    s = paneReducer(s, { type: "trialSet", change: { item: "A.I.3.v.a", value: "A" } });
    s = paneReducer(s, { type: "trialSet", change: { item: "A.II.1.i.a", countKey: "num", value: 19 } });
    expect(s.trial).toEqual([
      { item: "A.I.3.v.a", value: "A" },
      { item: "A.II.1.i.a", countKey: "num", value: 19 },
    ]);
    // The sheet now answers A.I.3.v.a with "A": that what-if is no longer one.
    const entries = new Map(analysis.entries);
    entries.set("A.I.3.v.a", { answer: { value: "a" } });
    s = paneReducer(s, { type: "readSucceeded", analysis: { ...analysis, entries }, at: 2 });
    expect(s.trial).toEqual([{ item: "A.II.1.i.a", countKey: "num", value: 19 }]);
    s = paneReducer(s, { type: "trialRemoved", item: "A.II.1.i.a", countKey: "num" });
    expect(s.trial).toEqual([]);
  });

  it("starts afresh when another file is opened", async () => {
    const analysis = await bundledAnalysis();
    let s: PaneState = { ...initialPaneState(), analysis, trial: [{ item: "A.I.3.v.a", value: "A" }], selected: { item: "A.I.3.v.a", source: "pane" } };
    s = paneReducer(s, { type: "fileOpened", file: "lain.xlsx" });
    expect(s.analysis).toBeUndefined();
    expect(s.selected).toBeUndefined();
    expect(s.trial).toEqual([]);
    expect(s.file).toBe("lain.xlsx");
    expect(s.read.status).toBe("reading");
  });

  it("opens Panduan on an item when asked to, and stays on the tab otherwise", () => {
    let s = paneReducer(initialPaneState(), { type: "itemSelected", item: "A.I.1.i.a", cell: "K8", source: "excel" });
    expect(s.tab).toBe("summary");
    expect(s.selected).toEqual({ item: "A.I.1.i.a", cell: "K8", source: "excel" });
    s = paneReducer(s, { type: "itemSelected", item: "A.I.1.i.b", source: "pane", tab: "guide" });
    expect(s.tab).toBe("guide");
  });

  it("turns what a gateway threw into a code and a detail", () => {
    expect(toPaneError(new GatewayError("sheet-protected", 'sheet "Rekap ZI"'))).toEqual({ code: "sheet-protected", detail: 'sheet "Rekap ZI"' });
    expect(toPaneError(new GatewayError("read-only"))).toEqual({ code: "read-only" });
    expect(toPaneError(new Error("boom"))).toEqual({ code: "unknown", detail: "boom" });
  });
});
