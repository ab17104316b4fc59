import {
  blockAddress,
  refersToSheet,
  toCellContent,
  toCellSpans,
  toFill,
  toFormulaEntry,
  toHyperlink,
  toObservedCell,
  toTextBlock,
} from "../../src/excel/toCellState";

describe("toCellSpans", () => {
  it("reads each column's targets in short spans, never a range that grows with the sheet", () => {
    const spans = toCellSpans([
      { sheet: "LKE ZI", address: "K8" },
      { sheet: "LKE ZI", address: "K20" },
      { sheet: "LKE ZI", address: "K9" },
      { sheet: "LKE ZI", address: "K19999" },
      { sheet: "LKE ZI", address: "L175" },
      { sheet: "Jawaban", address: "K8" },
      { sheet: "LKE ZI", address: "K8" },
    ]);
    expect(spans.map((s) => [s.sheet, s.address, s.rows])).toEqual([
      ["LKE ZI", "K8:K20", [7, 8, 19]],
      ["LKE ZI", "K19999", [19998]],
      ["LKE ZI", "L175", [174]],
      ["Jawaban", "K8", [7]],
    ]);
    const dense = Array.from({ length: 2500 }, (_, i) => ({ sheet: "LKE ZI", address: `K${i + 1}` }));
    expect(toCellSpans(dense, 16, 1000).map((s) => s.address)).toEqual(["K1:K1000", "K1001:K2000", "K2001:K2500"]);
  });
});

describe("a cell as read", () => {
  it("tells formulas, constants of each type and empty cells apart", () => {
    expect(toCellContent("=SUM(A1)", "Double")).toEqual({ type: "formula", formula: "=SUM(A1)" });
    expect(toCellContent("", "Empty")).toEqual({ type: "empty" });
    expect(toCellContent("", "String")).toEqual({ type: "text", text: "" });
    expect(toCellContent(12, "Double")).toEqual({ type: "number", number: 12 });
    expect(toCellContent("12", "String")).toEqual({ type: "text", text: "12" });
    expect(toCellContent(true, "Boolean")).toEqual({ type: "boolean", value: true });
    expect(toCellContent("#N/A", "Error")).toEqual({ type: "error", error: "#N/A" });
    expect(toCellContent("=", "String")).toEqual({ type: "text", text: "=" });
  });

  it("reads pattern None as no fill whatever colour Excel reports with it, and a white fill as a fill", () => {
    expect(toFill({ color: "#FFFFFF", pattern: "None", patternColor: "#000000" })).toEqual({ pattern: "None" });
    expect(toFill({ color: "#ffffff", pattern: "Solid", patternColor: "#000000" })).toEqual({ pattern: "Solid", color: "#FFFFFF" });
    expect(toFill({ color: "#FFFF00", pattern: "Gray50", patternColor: "#0000ff" })).toEqual({ pattern: "Gray50", color: "#FFFF00", patternColor: "#0000FF" });
    expect(toFill(undefined)).toEqual({ pattern: "None" });
  });

  it("keeps a hyperlink's address, document reference and screen tip, and nothing for none", () => {
    expect(toHyperlink({ address: "https://x.go.id", screenTip: "", textToDisplay: "x" } as never)).toEqual({ address: "https://x.go.id" });
    expect(toHyperlink({ documentReference: "'Ctt Eval'!A1" })).toEqual({ documentReference: "'Ctt Eval'!A1" });
    expect(toHyperlink({})).toBeNull();
    expect(toHyperlink(undefined)).toBeNull();
  });

  it("knows a note only where notes were read; a comment wins where there is one", () => {
    const base = { formula: "A", valueType: "String", properties: { format: { fill: { color: "#FFFFFF", pattern: "None" }, font: { color: "#000000", bold: false } } } };
    expect(toObservedCell({ ...base, note: null, comment: undefined }, "notes").note).toEqual({ kind: "none" });
    expect(toObservedCell({ ...base, note: "hai", comment: undefined }, "notes").note).toEqual({ kind: "note", text: "hai" });
    expect(toObservedCell({ ...base, note: undefined, comment: undefined }, "comments").note).toBeUndefined();
    expect(toObservedCell({ ...base, note: undefined, comment: { id: "c", content: "cek" } }, "comments")).toMatchObject({ note: { kind: "comment", text: "cek" }, commentId: "c" });
    expect(toObservedCell({ ...base, properties: { format: { font: { color: "", bold: null } } }, note: undefined, comment: undefined }, "none")).toMatchObject({ fontColor: null, bold: null });
  });
});

describe("what is written back", () => {
  it("writes text behind an apostrophe so it stays text, and an empty cell as empty", () => {
    expect(toFormulaEntry({ type: "text", text: "12" })).toBe("'12");
    expect(toFormulaEntry({ type: "text", text: "" })).toBe("'");
    expect(toFormulaEntry({ type: "empty" })).toBe("");
    expect(toFormulaEntry({ type: "formula", formula: "=A1" })).toBe("=A1");
    expect(toFormulaEntry({ type: "number", number: 0.5 })).toBe(0.5);
    expect(toFormulaEntry({ type: "error", error: "#N/A" })).toBe("#N/A");
  });

  it("writes the backup table as text padded over the table it replaces", () => {
    expect(toTextBlock([["a", ""], ["=x"]], 3, 2)).toEqual([["'a", ""], ["'=x", ""], ["", ""]]);
    expect(blockAddress(3, 18)).toBe("A1:R3");
  });

  it("finds the names that refer to the add-in's sheets", () => {
    expect(refersToSheet("='Rekap ZI'!$B$5", ["Rekap ZI"])).toBe(true);
    expect(refersToSheet("=_lkezi_cadangan!$A$1", ["_lkezi_cadangan"])).toBe(true);
    expect(refersToSheet("='LKE ZI'!$A$3:$O$208", ["Rekap ZI", "_lkezi_cadangan"])).toBe(false);
    expect(refersToSheet("=x_lkezi_cadangan!$A$1", ["_lkezi_cadangan"])).toBe(false);
  });
});
