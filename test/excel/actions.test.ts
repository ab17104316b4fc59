// Flags, repair and Pulihkan through the Office.js gateway on the simulated Excel host, on the real example and
// on generated workbooks with messy answers and planted formula defects, whose cells already carry the user's
// own fills, font colours, bold, notes, comments and hyperlinks:
// - after annotate, flag and repair, every cell the user owns is as it was in value, formula, hyperlink and
//   style, except exactly the flags (highlight and note) and the repaired cells (the official formula);
// - clearing the flags gives every style back; Pulihkan gives the whole workbook back;
// - three syncs per action, for 230 rows and 20,000 alike; refusals write nothing.
// The fake computes the value of a formula the add-in writes (fakeCalculation.ts), as Excel recalculates it;
// the cells that depend on it keep their cached values. So Pulihkan must give back even the cached 1.733 of
// the real example's L175.
import * as fs from "node:fs";
import { analyzeWorkbook } from "../../src/app/analyzeWorkbook";
import { annotateWorkbook } from "../../src/app/annotateWorkbook";
import { GatewayError } from "../../src/app/gatewayError";
import type { WorkbookGateway } from "../../src/app/workbookGateway";
import { BACKUP_SHEET, decodeBackup, type BackupRecord } from "../../src/domain/actions/backup";
import { buildFlagPlan, FLAG_COLORS, NOTE_SEPARATOR, type FlagPlan } from "../../src/domain/actions/flagPlan";
import { buildRepairPlan, type RepairPlan } from "../../src/domain/actions/repairPlan";
import { evaluateFormula } from "../../src/domain/formulas/evaluateFormula";
import { parseFormula } from "../../src/domain/formulas/parseFormula";
import { REKAP_SHEET } from "../../src/domain/formulas/rekapPlan";
import { parseA1, toA1 } from "../../src/domain/grid/address";
import { cellFormula, cellValue, type CellValue, type SheetGrid, type WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { describeFinding } from "../../src/i18n/findingMessages";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { calculateWrittenFormulas } from "../support/fakeExcel/fakeCalculation";
import { setCellStyle, setUserComment, setUserHyperlink, setUserNote, styleSnapshot, type FakeFill } from "../support/fakeExcel/fakeCellFormats";
import { FakeExcelHost, type FakeExcelOptions } from "../support/fakeExcel/fakeExcelHost";
import { FakeWorksheet } from "../support/fakeExcel/fakeProxies";
import { withExtraRows } from "../support/fakeExcel/withExtraRows";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { withDefects } from "../support/generator/plantDefects";
import { seededRandom, type Random } from "../support/generator/random";
import { MESSY, randomAnswers } from "../support/generator/randomAnswers";
import { sharedFile } from "../support/sharedFiles";

const model = loadModel();
const LAYOUTS: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
const LONG_ROWS = 20_000;
type Mode = "notes" | "comments" | "none";
/** The highest API set of a host with notes, with comments only, and with neither. */
const API: Record<Mode, string> = { notes: "1.18", comments: "1.17", none: "1.9" };
const inIndonesian = (f: Parameters<typeof describeFinding>[0]) => describeFinding(f, "id");

interface Input {
  name: string;
  snapshot: WorkbookSnapshot;
}

let inputs: Input[] = [];

beforeAll(async () => {
  const real = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
  const list: Input[] = real ? [{ name: "real example", snapshot: await readXlsx(new Uint8Array(fs.readFileSync(real))) }] : [];
  for (const [i, layout] of LAYOUTS.entries()) {
    const rnd = seededRandom(900 + i);
    const generated = await generateWorkbook(model, {
      layout,
      answers: randomAnswers(model, rnd, MESSY),
      extraColumns: i !== 1,
      insertRowsAt: i === 2 ? [4, 70, 140] : undefined,
      evidence: (code) => (rnd.chance(0.5) ? { link: `https://drive.example.go.id/bukti/${code}`, asFormula: rnd.chance(0.3) } : undefined),
    });
    const overwritten = await withDefects(generated.bytes, generated.sheet, model, "formula.overwritten", 2, rnd);
    const deviating = await withDefects(overwritten.bytes, generated.sheet, model, "formula.deviation", 2, rnd);
    list.push({ name: `generated ${layout}`, snapshot: await readXlsx(deviating.bytes) });
  }
  inputs = list;
});

function hostFor(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): { host: FakeExcelHost; gateway: OfficeGateway } {
  const host = FakeExcelHost.fromSnapshot(snapshot, { excelApi: API.notes, ...options });
  calculateWrittenFormulas(host.workbook);
  let second = 0;
  const gateway = new OfficeGateway(host.run, { ...host.gatewayOptions, now: () => new Date(Date.UTC(2025, 0, 2, 3, 4, second++)) });
  return { host, gateway };
}

function analyse(snapshot: WorkbookSnapshot): LkeAnalysis {
  const a = analyzeLke(snapshot, model);
  if (!("scores" in a)) throw new Error(a.kind);
  return a;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing workbooks

/** A grid as content: every cell's value and formula (only the formula where the fake cannot compute it). */
function contentOf(grid: SheetGrid, formulaOnly: ReadonlySet<string> = new Set()) {
  const cells: Record<string, { v?: unknown; f?: string }> = {};
  const at = (r: number, c: number) => (cells[toA1(r, c)] ??= {});
  grid.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && !formulaOnly.has(toA1(r, c)) && (at(r, c).v = v)));
  grid.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && (at(r, c).f = f)));
  for (const a1 of Object.keys(cells)) if (Object.keys(cells[a1]!).length === 0) delete cells[a1];
  const links = Object.fromEntries(Object.entries(grid.hyperlinks).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { name: grid.name, visibility: grid.visibility, cells, links, merges: [...grid.merges].sort(), validations: grid.validations };
}

interface Saved {
  snapshot: WorkbookSnapshot;
  styles: ReturnType<typeof styleSnapshot>;
}

const save = (host: FakeExcelHost): Saved => ({ snapshot: host.toSnapshot(), styles: styleSnapshot(host.workbook) });

/** The whole workbook: sheets (in order), names, and every cell's style; `formulaOnly` by sheet. */
function whole(saved: Saved, formulaOnly: ReadonlyMap<string, ReadonlySet<string>> = new Map()) {
  return {
    sheets: saved.snapshot.sheets.map((g) => contentOf(g, formulaOnly.get(g.name))),
    names: saved.snapshot.definedNames,
    styles: saved.styles,
  };
}

/** Formula cells without a cached value, by sheet. */
function uncachedFormulas(saved: Saved): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const g of saved.snapshot.sheets) {
    const cells = new Set<string>();
    g.formulas.forEach((row, r) => row?.forEach((f, c) => f !== undefined && cellValue(g, r, c) === null && cells.add(toA1(r, c))));
    out.set(g.name, cells);
  }
  return out;
}

function backupRecords(host: FakeExcelHost): BackupRecord[] {
  const grid = host.toSnapshot().sheets.find((s) => s.name === BACKUP_SHEET);
  if (!grid) return [];
  const width = Math.max(0, ...grid.values.map((r) => r?.length ?? 0));
  return decodeBackup(Array.from({ length: grid.values.length }, (_, r) => Array.from({ length: width }, (_c, c) => cellValue(grid, r, c) ?? "")));
}

// ---------------------------------------------------------------------------------------------------------
// The user's own formatting, on cells that will be flagged or repaired and on others

const FILLS: FakeFill[] = [
  { pattern: "Solid", color: "#FFFFFF" }, // white: not the same as no fill
  { pattern: "Solid", color: "#00B050" },
  { pattern: "Solid", color: FLAG_COLORS.error.fill }, // the flag's own colour, already there
  { pattern: "Gray50", color: "#FFFF00", patternColor: "#0000FF" },
];

function decorate(host: FakeExcelHost, analysis: LkeAnalysis, rnd: Random, mode: Mode): void {
  const sheet = analysis.sheet.name;
  const findingCells = [...new Set(analysis.findings.filter((f) => f.sheet === sheet && f.cell).map((f) => f.cell!))];
  const otherCells = Array.from({ length: 25 }, () => toA1(rnd.int(0, analysis.sheet.rowCount - 1), rnd.int(0, analysis.sheet.colCount - 1)));
  for (const a1 of [...findingCells.filter(() => rnd.chance(0.6)), ...otherCells]) {
    setCellStyle(host.workbook, sheet, a1, {
      ...(rnd.chance(0.6) ? { fill: rnd.pick(FILLS) } : {}),
      ...(rnd.chance(0.4) ? { fontColor: rnd.pick(["#FF0000", "#1F4E78", FLAG_COLORS.warning.font]) } : {}),
      ...(rnd.chance(0.3) ? { bold: true } : {}),
    });
    const noteKind = rnd.next();
    // Without the notes API the add-in cannot see a note; a cell that must take a comment has none (see below).
    if (noteKind < 0.3 && mode !== "comments") setUserNote(host.workbook, sheet, a1, `Catatan pokja untuk ${a1}\nbaris kedua`);
    else if (noteKind < 0.45) setUserComment(host.workbook, sheet, a1, `Sudah dicek TPI (${a1})`);
    // Internal links and screen tips: kept beside the grid, so the analysis does not change.
    if (rnd.chance(0.2)) setUserHyperlink(host.workbook, sheet, a1, { documentReference: "'LKE ZI'!A1", screenTip: "ke atas" });
  }
  // Repaired cells with links of their own.
  for (const c of buildRepairPlan(analysis).cells) if (rnd.chance(0.5)) setUserHyperlink(host.workbook, sheet, c.cell, { address: `https://drive.example.go.id/nilai/${c.cell}` });
}

/** The styles the flags must leave: the user's, with each flagged cell's highlight and note. */
function expectedStyles(original: Saved["styles"], plan: FlagPlan, mode: Mode): Saved["styles"] {
  const out = structuredClone(original);
  for (const flag of plan.cells) {
    const cells = (out[flag.sheet] ??= {});
    const was = cells[flag.cell] ?? {};
    const now = { ...was, fill: `Solid ${FLAG_COLORS[flag.severity].fill}`, fontColor: FLAG_COLORS[flag.severity].font };
    if (mode === "notes" && was.comment === undefined) now.note = was.note !== undefined ? `${flag.note}${NOTE_SEPARATOR}${was.note}` : flag.note;
    if (mode === "comments" && was.comment === undefined) now.comment = flag.note;
    cells[flag.cell] = now;
  }
  for (const sheet of Object.keys(out)) out[sheet] = Object.fromEntries(Object.entries(out[sheet]!).sort(([a], [b]) => (a < b ? -1 : 1)));
  return out;
}

function evaluateCell(grid: SheetGrid, a1: string): CellValue {
  const memo = new Map<number, CellValue>();
  const visit = (r: number, c: number, depth: number): CellValue => {
    const f = cellFormula(grid, r, c);
    if (f === undefined) return cellValue(grid, r, c);
    const key = r * 16384 + c;
    if (memo.has(key)) return memo.get(key)!;
    if (depth > 100) throw new Error(`circular at ${toA1(r, c)}`);
    const v = evaluateFormula(parseFormula(f), { cell: (sheet, rr, cc) => (sheet !== undefined && sheet !== grid.name ? null : visit(rr, cc, depth + 1)) });
    memo.set(key, v);
    return v;
  };
  const { row, col } = parseA1(a1);
  return visit(row, col, 0);
}

// ---------------------------------------------------------------------------------------------------------

describe("flag, repair and Pulihkan (property)", () => {
  const cases: Array<[Mode, number]> = [
    ["notes", 1],
    ["notes", 2],
    ["notes", 3],
    ["comments", 4],
    ["none", 5],
  ];

  it.each(cases)("leaves every cell the user owns as it was, except the flags and the repairs, and Pulihkan gives everything back (%s, seed %i)", async (mode, seed) => {
    for (const input of inputs) {
      const rnd = seededRandom(seed * 31 + input.name.length);
      const { host, gateway } = hostFor(input.snapshot, { excelApi: API[mode] });
      decorate(host, analyse(input.snapshot), rnd, mode);
      const original = save(host);

      await annotateWorkbook(gateway);
      const annotated = save(host);
      const analysis = await analyzeWorkbook(gateway);
      const plan = buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian);
      expect(plan.cells.length).toBeGreaterThan(0);
      let firstIds = new Map<string, string>();
      if (seed % 2 === 0) {
        // An earlier run that flagged a third of the cells differently: its backups are the ones kept.
        await gateway.applyFlags({ cells: plan.cells.filter((_c, i) => i % 3 === 0).map((c) => ({ ...c, severity: "info" as const, note: "sementara" })) });
        firstIds = new Map(backupRecords(host).map((r) => [r.address, r.actionId]));
      }
      const flagged = await gateway.applyFlags(plan);
      expect(flagged.notes).toBe(mode);
      expect(flagged.changed.length).toBeGreaterThanOrEqual(plan.cells.length);
      const withComment = new Set(Object.entries(original.styles[analysis.sheet.name] ?? {}).filter(([, s]) => s.comment !== undefined).map(([a1]) => a1));
      expect(flagged.notesSkipped.map((c) => c.address).sort()).toEqual(mode === "none" ? [] : plan.cells.map((c) => c.cell).filter((a1) => withComment.has(a1)).sort());

      // The user's own formatting is really there on flagged cells, so "gives it back exactly" means something.
      const own = original.styles[analysis.sheet.name] ?? {};
      const decorated = plan.cells.map((c) => own[c.cell]).filter((st) => st !== undefined);
      expect(decorated.filter((st) => st.fill !== undefined).length).toBeGreaterThan(0);
      expect(decorated.filter((st) => (mode === "comments" ? st.comment : st.note) !== undefined).length).toBeGreaterThan(0);

      const allRepairs = buildRepairPlan(analysis);
      const asked = allRepairs.cells.map((c) => c.cell).filter((_c, i) => i === 0 || rnd.chance(0.6));
      const repairPlan: RepairPlan = buildRepairPlan(analysis, asked);
      expect(repairPlan.cells.length).toBeGreaterThan(0);
      const repaired = await gateway.repair(repairPlan);
      expect(repaired).toEqual({ changed: repairPlan.cells.map((c) => ({ sheet: c.sheet, address: c.cell })), kept: [] });

      // Every cell the user owns: the same value, formula and link, except the repaired cells' formula…
      const after = save(host);
      const lke = analysis.sheet.name;
      const fixed = new Map([[lke, new Set(repairPlan.cells.map((c) => c.cell))]]);
      expect(after.snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
        ...original.snapshot.sheets.map((s) => [s.name, s.visibility]),
        [REKAP_SHEET, "visible"],
        [BACKUP_SHEET, "veryHidden"],
      ]);
      for (const c of repairPlan.cells) expect(cellFormula(after.snapshot.sheets.find((s) => s.name === lke)!, parseA1(c.cell).row, parseA1(c.cell).col)).toBe(c.formula.slice(1));
      const userSheets = (s: Saved) => ({ ...s, snapshot: { ...s.snapshot, sheets: s.snapshot.sheets.filter((g) => original.snapshot.sheets.some((o) => o.name === g.name)) } });
      const withoutRepairs = (s: Saved) => {
        const view = whole(userSheets(s), fixed);
        for (const sheet of view.sheets) if (sheet.name === lke) for (const a1 of fixed.get(lke)!) delete sheet.cells[a1];
        return view.sheets;
      };
      expect([input.name, withoutRepairs(after)]).toEqual([input.name, withoutRepairs(original)]);
      expect(after.snapshot.definedNames.filter((n) => !n.name.startsWith("ZI_"))).toEqual(original.snapshot.definedNames);
      // … and the same style, except the flags.
      expect([input.name, after.styles]).toEqual([input.name, expectedStyles(original.styles, plan, mode)]);

      // The backup: one record per flagged and per repaired cell; the first run's backups kept.
      const records = backupRecords(host);
      expect(records.filter((r) => r.kind === "flag").map((r) => r.address)).toEqual(expect.arrayContaining(plan.cells.map((c) => c.cell)));
      expect(records.filter((r) => r.kind === "flag")).toHaveLength(plan.cells.length);
      expect(records.filter((r) => r.kind === "repair").map((r) => r.address)).toEqual(repairPlan.cells.map((c) => c.cell));
      for (const r of records) if (r.kind === "flag" && firstIds.has(r.address)) expect(r.actionId).toBe(firstIds.get(r.address));

      if (seed % 2 === 1) {
        // Flags cleared: every style as the user had it; the repairs and the Rekap stay.
        const cleared = await gateway.clearFlags();
        expect(cleared.kept).toEqual([]);
        const now = save(host);
        expect([input.name, now.styles]).toEqual([input.name, original.styles]);
        const notBackup = (x: Saved) => whole(x, fixed).sheets.filter((g) => g.name !== BACKUP_SHEET);
        expect(notBackup(now)).toEqual(notBackup(after));
        expect(backupRecords(host).every((r) => r.kind === "repair")).toBe(true);
      }

      // Pulihkan: the whole workbook as it was before the add-in, the Rekap ZI sheet and ZI_* names gone too.
      const restored = await gateway.restoreAll();
      expect(restored.kept).toEqual([]);
      expect(restored.removedSheets.sort()).toEqual([BACKUP_SHEET, REKAP_SHEET].sort());
      expect(restored.removedNames).toHaveLength(annotated.snapshot.definedNames.length - original.snapshot.definedNames.length);
      // A formula the original holds without a cached result (a generated workbook) has no value to compare.
      expect([input.name, whole(save(host), uncachedFormulas(original))]).toEqual([input.name, whole(original, uncachedFormulas(original))]);
    }
  });
});

describe("repair", () => {
  it("makes the formula findings go away on re-analysis, and the repaired cells compute what the engine does", async () => {
    for (const input of inputs) {
      const { host, gateway } = hostFor(input.snapshot);
      const analysis = await analyzeWorkbook(gateway);
      const plan = buildRepairPlan(analysis);
      expect(plan.cells.length).toBeGreaterThan(0);
      expect(plan.unrepairable).toEqual([]);
      await gateway.repair(plan);
      const again = await analyzeWorkbook(gateway);
      expect([input.name, again.findings.filter((f) => f.rule.startsWith("formula."))]).toEqual([input.name, []]);
      for (const c of plan.cells) {
        const got = evaluateCell(again.sheet, c.cell);
        const want = again.template.get(c.item!) ?? again.items.get(c.item!)?.excel;
        expect(typeof got === "number" && typeof want === "number" ? Math.abs(got - want) < 1e-9 : got === want).toBe(true);
      }
      if (input.name === "real example") {
        expect(plan.cells.map((c) => [c.cell, c.formula])).toEqual([["L175", "=SUM(L176,L183)"]]);
        expect(evaluateCell(again.sheet, "L175")).toBeCloseTo(1.8666667, 6);
        expect(host.log.filter((e) => e.kind === "write" && e.sheet === "LKE ZI").map((e) => (e.kind === "write" ? e.address : ""))).toEqual(["'LKE ZI'!L175"]);
      }
    }
  });
});

describe("clearing flags", () => {
  it("removes only the add-in's flags, and leaves cells the user changed since as the user left them", async () => {
    const input = inputs[0]!;
    const { host, gateway } = hostFor(input.snapshot);
    const analysis = await analyzeWorkbook(gateway);
    const lke = analysis.sheet.name;
    const plan = buildFlagPlan(analysis.findings, lke, inIndonesian);
    const [x, y] = [plan.cells[0]!.cell, plan.cells[1]!.cell];
    setUserNote(host.workbook, lke, "A1", "catatan lain");
    const original = save(host);
    await gateway.applyFlags(plan);
    await gateway.repair(buildRepairPlan(analysis));

    setCellStyle(host.workbook, lke, x, { fill: { pattern: "Solid", color: "#0070C0" } }); // the user recoloured a flagged cell
    setUserNote(host.workbook, lke, y, "sudah diperbaiki, tunggu verifikasi"); // and wrote over a flag's note
    setUserNote(host.workbook, lke, "B2", "baru"); // and wrote a note elsewhere
    const cleared = await gateway.clearFlags();
    expect(cleared.kept.map((c) => c.address)).toEqual([x, y]);
    expect(cleared.changed).toHaveLength(plan.cells.length);

    const styles = styleSnapshot(host.workbook)[lke]!;
    const expected = structuredClone(original.styles[lke] ?? {});
    expected[x] = { ...expected[x], fill: "Solid #0070C0" };
    expected[y] = { ...expected[y], note: "sudah diperbaiki, tunggu verifikasi" };
    expected.B2 = { note: "baru" };
    expect(styles).toEqual(Object.fromEntries(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(backupRecords(host).map((r) => r.kind)).toEqual(["repair"]);
  });

  it("does nothing, in one sync, where nothing is flagged", async () => {
    const { host, gateway } = hostFor(inputs[0]!.snapshot);
    const before = save(host);
    const { result, syncs } = await host.countSyncs(() => gateway.clearFlags());
    expect({ result, syncs }).toEqual({ result: { changed: [], kept: [] }, syncs: 1 });
    expect(save(host)).toEqual(before);
    await gateway.repair(buildRepairPlan(await analyzeWorkbook(gateway)));
    const repaired = save(host);
    expect((await host.countSyncs(() => gateway.clearFlags())).syncs).toBe(1);
    expect(save(host)).toEqual(repaired);
  });
});

describe("notes", () => {
  it("are Excel notes with ExcelApi 1.18, threaded comments with 1.10, and left out below (the highlight stays)", async () => {
    const input = inputs[0]!;
    for (const mode of ["notes", "comments", "none"] as const) {
      const { host, gateway } = hostFor(input.snapshot, { excelApi: API[mode] });
      const analysis = await analyzeWorkbook(gateway);
      const plan = buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian);
      const result = await gateway.applyFlags(plan);
      expect(result.notes).toBe(mode);
      const styles = styleSnapshot(host.workbook)[analysis.sheet.name]!;
      const first = styles[plan.cells[0]!.cell]!;
      expect(first.fill).toBe(`Solid ${FLAG_COLORS[plan.cells[0]!.severity].fill}`);
      expect([first.note, first.comment]).toEqual(mode === "notes" ? [plan.cells[0]!.note, undefined] : mode === "comments" ? [undefined, plan.cells[0]!.note] : [undefined, undefined]);
    }
  });

  it("leaves a consistent, restorable workbook when Excel refuses a comment on a cell with a note it could not see", async () => {
    const input = inputs[0]!;
    const { host, gateway } = hostFor(input.snapshot, { excelApi: API.comments });
    const analysis = await analyzeWorkbook(gateway);
    const plan = buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian);
    setUserNote(host.workbook, analysis.sheet.name, plan.cells[1]!.cell, "catatan lama"); // invisible below ExcelApi 1.18
    const original = save(host);
    await expect(gateway.applyFlags(plan)).rejects.toMatchObject({ code: "unwritable" });
    expect(backupRecords(host)).toHaveLength(plan.cells.length); // the backup came first
    await gateway.restoreAll();
    expect(whole(save(host))).toEqual(whole(original));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Sync counts

type Step = [string, (gateway: WorkbookGateway, analysis: LkeAnalysis) => Promise<unknown>];

const STEPS: Step[] = [
  ["applyFlags", (g, a) => g.applyFlags!(buildFlagPlan(a.findings, a.sheet.name, inIndonesian))],
  ["repair", (g, a) => g.repair!(buildRepairPlan(a))],
  ["applyFlags again", (g, a) => g.applyFlags!(buildFlagPlan(a.findings.slice(0, 5), a.sheet.name, inIndonesian))],
  ["clearFlags", (g) => g.clearFlags!()],
  ["applyFlags after clearing", (g, a) => g.applyFlags!(buildFlagPlan(a.findings, a.sheet.name, inIndonesian))],
  ["restoreAll", (g) => g.restoreAll!()],
];

async function syncsPerStep(snapshot: WorkbookSnapshot, mode: Mode): Promise<Record<string, number>> {
  const { host, gateway } = hostFor(snapshot, { excelApi: API[mode] });
  await annotateWorkbook(gateway);
  const analysis = await analyzeWorkbook(gateway);
  const out: Record<string, number> = {};
  for (const [name, step] of STEPS) out[name] = (await host.countSyncs(() => step(gateway, analysis))).syncs;
  return out;
}

describe("sync counts", () => {
  it("are 3 per action whatever the number of cells: ~230 rows and 20,000 alike, notes or comments", async () => {
    const input = inputs[0]!;
    const sheet = input.snapshot.sheets.find((s) => s.name === "LKE ZI" || s.name === "Jawaban")!.name;
    const long = withExtraRows(input.snapshot, sheet, LONG_ROWS);
    const three = Object.fromEntries(STEPS.map(([name]) => [name, 3]));
    for (const mode of ["notes", "comments"] as const) {
      expect({ mode, short: await syncsPerStep(input.snapshot, mode), long: await syncsPerStep(long, mode) }).toEqual({ mode, short: three, long: three });
    }
  });

  it("colour the flags through one RangeAreas per colour, read the cells in column spans, and write the backup once", async () => {
    const input = inputs[0]!;
    const { host, gateway } = hostFor(input.snapshot);
    const analysis = await analyzeWorkbook(gateway);
    const plan = buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian);
    const getRanges = jest.spyOn(FakeWorksheet.prototype, "getRanges");
    const getRange = jest.spyOn(FakeWorksheet.prototype, "getRange");
    const logged = host.log.length;
    try {
      await gateway.applyFlags(plan);
      const bySeverity = new Map<string, number>();
      for (const c of plan.cells) bySeverity.set(c.severity, (bySeverity.get(c.severity) ?? 0) + 1);
      const groups = [...bySeverity.values()].reduce((n, count) => n + Math.ceil(count / 100), 0);
      expect(getRanges).toHaveBeenCalledTimes(2 * groups); // fill and font colour, per colour
      const columns = new Set(plan.cells.map((c) => c.cell.replace(/\d+/g, ""))).size;
      expect(getRange.mock.calls.length).toBeLessThanOrEqual(columns * 4 + 1); // spans of each column, and the backup
      expect(host.log.slice(logged).filter((e) => e.kind === "format" && e.property === "fill")).toHaveLength(plan.cells.length);
      expect(host.log.slice(logged).filter((e) => e.kind === "write")).toEqual([expect.objectContaining({ sheet: BACKUP_SHEET, rows: plan.cells.length + 2 })]);
    } finally {
      getRanges.mockRestore();
      getRange.mockRestore();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Refusals: a clear message, nothing written.

type Action = "applyFlags" | "repair" | "clearFlags" | "restoreAll";
const ACTIONS: Action[] = ["applyFlags", "repair", "clearFlags", "restoreAll"];

describe("refusals", () => {
  /** A workbook annotated, flagged and repaired (so that every action has something to do), then `refuse` applied. */
  async function prepared(refuse: (host: FakeExcelHost) => void) {
    const { host, gateway } = hostFor(inputs[0]!.snapshot);
    await annotateWorkbook(gateway);
    const analysis = await analyzeWorkbook(gateway);
    const flags = buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian);
    const repairs = buildRepairPlan(analysis);
    await gateway.applyFlags({ cells: flags.cells.slice(0, 3) });
    await gateway.repair({ cells: repairs.cells.slice(1), unrepairable: [] });
    refuse(host);
    const run: Record<Action, () => Promise<unknown>> = {
      applyFlags: () => gateway.applyFlags(flags),
      repair: () => gateway.repair(repairs),
      clearFlags: () => gateway.clearFlags(),
      restoreAll: () => gateway.restoreAll(),
    };
    return { host, run };
  }

  async function expectRefused(host: FakeExcelHost, action: () => Promise<unknown>, code: string) {
    const before = save(host);
    const logged = host.log.length;
    const { result, syncs } = await host.countSyncs(() => action().then(() => undefined, (e: unknown) => e));
    expect(result).toBeInstanceOf(GatewayError);
    expect((result as GatewayError).code).toBe(code);
    expect(syncs).toBe(1); // refused after the first batch, before anything was queued
    expect(save(host)).toEqual(before);
    expect(host.log.slice(logged)).toEqual([]);
  }

  it.each(ACTIONS)("%s refuses a read-only workbook, manual calculation, and a protected LKE or backup sheet", async (action) => {
    const cases: Array<[(h: FakeExcelHost) => void, string]> = [
      [(h) => (h.workbook.readOnly = true), "read-only"],
      [(h) => (h.workbook.calculationMode = "Manual"), "manual-calculation"],
      [(h) => (h.workbook.sheet("LKE ZI")!.protected = true), "sheet-protected"],
      [(h) => (h.workbook.sheet(BACKUP_SHEET)!.protected = true), "sheet-protected"],
    ];
    for (const [refuse, code] of cases) {
      const { host, run } = await prepared(refuse);
      await expectRefused(host, run[action], code);
    }
  });

  it("refuses to add the backup sheet, or to remove the add-in's sheets, in a workbook whose structure is protected", async () => {
    const { host, gateway } = hostFor(inputs[0]!.snapshot, { structureProtected: true });
    const analysis = await analyzeWorkbook(gateway);
    await expectRefused(host, () => gateway.applyFlags(buildFlagPlan(analysis.findings, analysis.sheet.name, inIndonesian)), "workbook-protected");
    await expectRefused(host, () => gateway.repair(buildRepairPlan(analysis)), "workbook-protected");
    const flagged = await prepared((h) => (h.workbook.structureProtected = true));
    await expectRefused(flagged.host, flagged.run.restoreAll, "workbook-protected");
  });

  it("still clears flags in a protected structure, keeping the (hidden) backup sheet", async () => {
    const { host, run } = await prepared((h) => (h.workbook.structureProtected = true));
    await run.clearFlags();
    expect(host.toSnapshot().sheets.find((s) => s.name === BACKUP_SHEET)?.visibility).toBe("veryHidden");
    expect(backupRecords(host).every((r) => r.kind === "repair")).toBe(true);
  });

  it("refuses a plan for a sheet that is not there, and a backup it cannot read", async () => {
    const { host, gateway } = hostFor(inputs[0]!.snapshot);
    await expectRefused(host, () => gateway.applyFlags({ cells: [{ sheet: "Tidak Ada", cell: "A1", severity: "error", note: "x", rules: [] }] }), "no-lke-sheet");
    const { host: damaged, run } = await prepared((h) => {
      h.workbook.sheet(BACKUP_SHEET)!.grid.values[2]![3] = "angka";
    });
    await expectRefused(damaged, run.restoreAll, "unreadable");
  });

  it("refuses an Excel without ExcelApi 1.9 before any batch", async () => {
    const { host, gateway } = hostFor(inputs[0]!.snapshot, { excelApi: "1.8" });
    await expect(gateway.clearFlags()).rejects.toMatchObject({ code: "requirement-missing" });
    expect(host.runs).toBe(0);
  });
});
