import type { BackupRecord, CellState } from "../../../src/domain/actions/backup";
import {
  cellKey,
  flagTargets,
  planClearFlags,
  planFlags,
  planRepair,
  planRestoreAll,
  sameFormula,
  sameText,
  type CellChange,
  type ObservedCell,
} from "../../../src/domain/actions/cellChanges";
import { FLAG_COLORS, NOTE_SEPARATOR, type FlagPlan } from "../../../src/domain/actions/flagPlan";
import type { RepairPlan } from "../../../src/domain/actions/repairPlan";

const SHEET = "LKE ZI";
const STAMP = { actionId: "flag-1", timestamp: "2025-01-01T00:00:00.000Z" };
const LATER = { actionId: "flag-2", timestamp: "2025-02-01T00:00:00.000Z" };

const plain = (extra: Partial<ObservedCell> = {}): ObservedCell => ({
  content: { type: "text", text: "A" },
  hyperlink: null,
  fill: { pattern: "None" },
  fontColor: "#000000",
  bold: false,
  note: { kind: "none" },
  ...extra,
});

const cells = (entries: Array<[string, ObservedCell]>) => new Map(entries.map(([a1, c]) => [cellKey(SHEET, a1), c]));

const flagPlan = (...flags: Array<[string, "error" | "warning" | "info", string]>): FlagPlan => ({
  cells: flags.map(([cell, severity, note]) => ({ sheet: SHEET, cell, severity, note, rules: ["answer.missing"] })),
});

/** The cells as they are once a change's ops ran (as far as these tests look: fill, font, note, content). */
function apply(observed: Map<string, ObservedCell>, change: CellChange): Map<string, ObservedCell> {
  const out = new Map([...observed].map(([k, v]) => [k, structuredClone(v)]));
  const at = (sheet: string, a1: string) => out.get(cellKey(sheet, a1))!;
  for (const op of change.ops) {
    switch (op.op) {
      case "fill":
        for (const c of op.cells) at(op.sheet, c).fill = op.fill;
        break;
      case "fontColor":
        for (const c of op.cells) at(op.sheet, c).fontColor = op.color;
        break;
      case "content":
        at(op.sheet, op.cell).content = op.content;
        break;
      case "hyperlink":
        at(op.sheet, op.cell).hyperlink = op.hyperlink;
        break;
      case "addNote":
      case "setNote":
        at(op.sheet, op.cell).note = { kind: "note", text: op.text };
        break;
      case "deleteNote":
        at(op.sheet, op.cell).note = { kind: "none" };
        break;
      case "addComment":
        Object.assign(at(op.sheet, op.cell), { note: { kind: "comment", text: op.text }, commentId: `id-${op.cell}` });
        break;
      case "setComment":
      case "deleteComment":
        for (const c of out.values()) {
          if (c.commentId !== op.id) continue;
          if (op.op === "setComment") c.note = { kind: "comment", text: op.text };
          else {
            c.note = undefined;
            delete c.commentId;
          }
        }
        break;
    }
  }
  return out;
}

const stateOf = (c: ObservedCell): CellState => ({ content: c.content, hyperlink: c.hyperlink, fill: c.fill, fontColor: c.fontColor, bold: c.bold, note: c.note });

describe("flags", () => {
  it("backs up each planned cell and puts the severity's colours and the note on it", () => {
    const before = cells([["K8", plain()], ["K9", plain({ fill: { pattern: "Solid", color: "#FFFFFF" }, note: { kind: "note", text: "catatan pokja" } })]]);
    const change = planFlags([], flagPlan(["K8", "error", "Belum diisi."], ["K9", "warning", "Tanpa bukti."]), before, "notes", STAMP);
    expect(change.before.map((r) => [r.address, r.original])).toEqual([
      ["K8", stateOf(before.get(cellKey(SHEET, "K8"))!)],
      ["K9", stateOf(before.get(cellKey(SHEET, "K9"))!)],
    ]);
    expect(change.after).toEqual(change.before);
    const after = apply(before, change);
    expect(after.get(cellKey(SHEET, "K8"))).toMatchObject({ fill: { pattern: "Solid", color: FLAG_COLORS.error.fill }, fontColor: FLAG_COLORS.error.font, note: { kind: "note", text: "Belum diisi." } });
    expect(after.get(cellKey(SHEET, "K9"))!.note).toEqual({ kind: "note", text: `Tanpa bukti.${NOTE_SEPARATOR}catatan pokja` });
    expect(change.ops.filter((o) => o.op === "fill")).toHaveLength(2); // one RangeAreas per colour
  });

  it("keeps the FIRST backup when flagging again, and undoes flags that are no longer planned", () => {
    const original = cells([["K8", plain({ fill: { pattern: "Solid", color: "#00B050" } })], ["K9", plain()]]);
    const first = planFlags([], flagPlan(["K8", "warning", "satu"], ["K9", "error", "dua"]), original, "notes", STAMP);
    const flagged = apply(original, first);
    const second = planFlags(first.after, flagPlan(["K8", "error", "satu lagi"]), flagged, "notes", LATER);
    expect(second.after).toHaveLength(1);
    expect(second.after[0]).toMatchObject({ address: "K8", actionId: "flag-1", original: { fill: { pattern: "Solid", color: "#00B050" } } });
    const again = apply(flagged, second);
    expect(again.get(cellKey(SHEET, "K9"))).toEqual(original.get(cellKey(SHEET, "K9")));
    expect(again.get(cellKey(SHEET, "K8"))!.note).toEqual({ kind: "note", text: "satu lagi" });
    const cleared = apply(again, planClearFlags(second.after, again));
    expect(cleared).toEqual(original);
  });

  it("leaves a flagged cell the user changed since as the user left it, and says so", () => {
    const original = cells([["K8", plain()], ["K9", plain()]]);
    const change = planFlags([], flagPlan(["K8", "error", "x"], ["K9", "error", "y"]), original, "notes", STAMP);
    const flagged = apply(original, change);
    const k8 = flagged.get(cellKey(SHEET, "K8"))!;
    k8.fill = { pattern: "Solid", color: "#0070C0" };
    k8.note = { kind: "note", text: "x — sudah saya perbaiki" };
    const clear = planClearFlags(change.after, flagged);
    expect(clear.kept).toEqual([{ sheet: SHEET, address: "K8" }]);
    const after = apply(flagged, clear);
    expect(after.get(cellKey(SHEET, "K8"))).toMatchObject({ fill: { pattern: "Solid", color: "#0070C0" }, note: { kind: "note", text: "x — sudah saya perbaiki" }, fontColor: "#000000" });
    expect(after.get(cellKey(SHEET, "K9"))).toEqual(original.get(cellKey(SHEET, "K9")));
    expect(clear.after).toEqual([]);
  });

  it("never touches the user's threaded comment: the cell gets the highlight only", () => {
    for (const mode of ["notes", "comments"] as const) {
      // Without the notes API, a cell without a comment has a note nobody can see: unknown.
      const observed = cells([["K8", plain({ note: { kind: "comment", text: "Tolong cek" }, commentId: "c1" })], ["K9", plain(mode === "notes" ? {} : { note: undefined })]]);
      const change = planFlags([], flagPlan(["K8", "error", "x"], ["K9", "error", "y"]), observed, mode, STAMP);
      expect(change.notesSkipped).toEqual([{ sheet: SHEET, address: "K8" }]);
      expect(change.ops.some((o) => "id" in o && o.id === "c1")).toBe(false);
      const flagged = apply(observed, change);
      const restored = apply(flagged, planRestoreAll(change.after, flagged));
      expect(restored).toEqual(observed);
    }
  });

  it("changes no font colour of a cell of several colours (rich text), and adds no note without a notes API", () => {
    const observed = cells([["K8", plain({ fontColor: null, note: undefined })]]);
    const change = planFlags([], flagPlan(["K8", "error", "x"]), observed, "none", STAMP);
    expect(change.ops.map((o) => o.op)).toEqual(["fill"]);
    expect(change.after[0]!.applied).toEqual({ fill: { pattern: "Solid", color: FLAG_COLORS.error.fill } });
  });

  it("reads the planned cells and the cells flagged before", () => {
    const first = planFlags([], flagPlan(["K8", "error", "x"]), cells([["K8", plain()]]), "none", STAMP);
    expect(flagTargets(first.after, flagPlan(["k9", "error", "y"]))).toEqual([
      { sheet: SHEET, address: "K9" },
      { sheet: SHEET, address: "K8" },
    ]);
  });
});

describe("repair and Pulihkan", () => {
  const plan: RepairPlan = { cells: [{ sheet: SHEET, cell: "L175", formula: "=SUM(L176,L183)", rule: "formula.deviation" }], unrepairable: [] };

  it("writes the official formula once, keeping the first backup when repaired again", () => {
    const original = cells([["L175", plain({ content: { type: "formula", formula: "=AVERAGE(L176:L179)*H175" }, hyperlink: { address: "https://x.go.id" } })]]);
    const first = planRepair([], plan, original, STAMP);
    expect(first.ops).toEqual([{ op: "content", sheet: SHEET, cell: "L175", content: { type: "formula", formula: "=SUM(L176,L183)" } }]);
    const repaired = apply(original, first);
    const user = new Map(repaired);
    user.set(cellKey(SHEET, "L175"), { ...repaired.get(cellKey(SHEET, "L175"))!, content: { type: "number", number: 2 } });
    const second = planRepair(first.after, plan, user, LATER);
    expect(second.after).toHaveLength(1);
    expect(second.after[0]).toMatchObject({ actionId: "flag-1", original: { content: { type: "formula", formula: "=AVERAGE(L176:L179)*H175" } } });
    const restored = apply(apply(user, second), planRestoreAll(second.after, apply(user, second)));
    expect(restored).toEqual(original);
  });

  it("does nothing, and backs up nothing, where the official formula is already there", () => {
    const change = planRepair([], plan, cells([["L175", plain({ content: { type: "formula", formula: "=sum(L176, L183)" } })]]), STAMP);
    expect(change).toMatchObject({ ops: [], before: [], after: [], changed: [] });
  });

  it("gives back flags and repairs of the same cell together, and leaves a repaired cell the user retyped", () => {
    const original = cells([
      ["L175", plain({ content: { type: "formula", formula: "=AVERAGE(L176:L179)*H175" } })],
      ["L9", plain({ content: { type: "number", number: 0.5 } })],
    ]);
    const flags = planFlags([], flagPlan(["L175", "warning", "rumus"], ["L9", "error", "ketik"]), original, "notes", STAMP);
    const flagged = apply(original, flags);
    const repair = planRepair(flags.after, { cells: [...plan.cells, { sheet: SHEET, cell: "L9", formula: "=IF(J9=\"\",\"\",1)", rule: "formula.overwritten" }], unrepairable: [] }, flagged, LATER);
    const records: BackupRecord[] = repair.after;
    expect(records.map((r) => `${r.kind}:${r.address}`)).toEqual(["flag:L175", "flag:L9", "repair:L175", "repair:L9"]);
    expect(records.find((r) => r.kind === "repair" && r.address === "L175")!.original.fill).toEqual({ pattern: "None" }); // the user's, not the flag's
    const repaired = apply(flagged, repair);
    repaired.get(cellKey(SHEET, "L9"))!.content = { type: "number", number: 1 };
    const restore = planRestoreAll(records, repaired);
    expect(restore.kept).toEqual([{ sheet: SHEET, address: "L9" }]);
    const back = apply(repaired, restore);
    expect(back.get(cellKey(SHEET, "L175"))).toEqual(original.get(cellKey(SHEET, "L175")));
    expect(back.get(cellKey(SHEET, "L9"))).toEqual({ ...original.get(cellKey(SHEET, "L9"))!, content: { type: "number", number: 1 } });
    expect(restore.after).toEqual([]);
  });

  it("leaves cells whose sheet is gone in `kept`", () => {
    const flags = planFlags([], flagPlan(["K8", "error", "x"]), cells([["K8", plain()]]), "notes", STAMP);
    expect(planRestoreAll(flags.after, new Map()).kept).toEqual([{ sheet: SHEET, address: "K8" }]);
  });
});

describe("comparing what Excel gives back", () => {
  it("takes formulas equal whatever the case and spacing outside text", () => {
    expect(sameFormula("=SUM(L176, L183)", "sum(l176,l183)")).toBe(true);
    expect(sameFormula('=IF(K8="Ya",1,0)', '=IF(K8="ya",1,0)')).toBe(false);
    expect(sameText("a\r\nb  ", "a\nb")).toBe(true);
  });
});
