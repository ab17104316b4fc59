// The evaluator's review on the simulated Excel host, over generated workbooks of every layout: the role's
// columns are added beside the unit's (never pre-filled), the evaluator's answers are scored by the same
// engine, the comparison lists exactly the questions that differ, protection leaves only the evaluator's cells
// open, Catatan Evaluasi and the review log are written — and the unit's cells never change.
import { analyzeWorkbook } from "../../src/app/analyzeWorkbook";
import { loggedState, logReviewChanges, protectUnitColumns, reviewState, startReview, writeCatatanEvaluasi } from "../../src/app/reviewWorkbook";
import { parseA1, toA1 } from "../../src/domain/grid/address";
import type { SheetGrid, WorkbookSnapshot } from "../../src/domain/grid/sheetGrid";
import { loadModel } from "../../src/domain/model/loadModel";
import type { LkeAnalysis } from "../../src/domain/report/analyzeLke";
import { CATATAN_SHEET } from "../../src/domain/review/catatanEvaluasiPlan";
import { decodeReviewLog, diffReviewedCells, REVIEW_LOG_SHEET } from "../../src/domain/review/reviewLog";
import { roleHeaders, type EvaluatorRole } from "../../src/domain/review/roleColumnsPlan";
import { scoreItems } from "../../src/domain/scoring/scoreLke";
import { OfficeGateway } from "../../src/excel/officeGateway";
import { readXlsx } from "../../src/xlsx/readXlsx";
import { FakeExcelHost } from "../support/fakeExcel/fakeExcelHost";
import { generateWorkbook, type GeneratedLayout } from "../support/generator/generateWorkbook";
import { seededRandom, type Random } from "../support/generator/random";
import { consistentAnswers, type AnswerSet } from "../support/generator/randomAnswers";

const model = loadModel();

interface Opened {
  host: FakeExcelHost;
  gateway: OfficeGateway;
  original: WorkbookSnapshot;
}

async function open(layout: GeneratedLayout, answers: AnswerSet, options: { protectedSheets?: string[] } = {}): Promise<Opened> {
  const { bytes } = await generateWorkbook(model, { layout, answers });
  const original = await readXlsx(bytes);
  const host = FakeExcelHost.fromSnapshot(original, { excelApi: "1.18", ...options });
  return { host, gateway: new OfficeGateway(host.run, host.gatewayOptions), original };
}

/** Every cell of the LKE sheet left of `firstNew`: what the unit owns. */
function unitCells(sheet: SheetGrid, firstNew: number) {
  const cut = <T,>(rows: ReadonlyArray<ReadonlyArray<T> | undefined>) => Array.from(rows, (r) => (r ?? []).slice(0, firstNew));
  const trim = <T,>(rows: T[][]) => {
    const out = rows.map((r) => {
      const x = [...r];
      while (x.length > 0 && (x[x.length - 1] === null || x[x.length - 1] === undefined)) x.pop();
      return x;
    });
    while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
    return out;
  };
  const hyperlinks = Object.fromEntries(Object.entries(sheet.hyperlinks).filter(([a1]) => parseA1(a1).col < firstNew));
  const validations = sheet.validations.filter((v) => v.sqref.split(/\s+/).every((r) => parseA1(r.split(":")[0]!).col < firstNew));
  return { values: trim(cut(sheet.values)), formulas: trim(cut(sheet.formulas)), hyperlinks, merges: sheet.merges, validations };
}

function lkeSheet(snapshot: WorkbookSnapshot, name: string): SheetGrid {
  return snapshot.sheets.find((s) => s.name === name)!;
}

/** The evaluator types `answers` into the role's answer column (blanks left blank, computed cells left alone). */
function typeAnswers(host: FakeExcelHost, a: LkeAnalysis, role: EvaluatorRole, answers: AnswerSet): void {
  const col = a.layout.columns.roles[role]!.answer;
  for (const [key, value] of answers) {
    if (value === null || value === "" || typeof value === "object") continue;
    const row = key.includes("#") ? a.layout.rows.counts.get(key) : a.layout.rows.questions.get(key);
    if (row === undefined || a.sheet.formulas[row]?.[col] !== undefined) continue;
    host.userEdit(a.sheet.name, toA1(row, col), value);
  }
}

/** A few answers of `base` changed to another valid option: the questions an evaluator disagrees on. */
function disagree(base: AnswerSet, rnd: Random, n: number): { answers: AnswerSet; changed: Set<string> } {
  const answers = new Map(base);
  const changed = new Set<string>();
  const candidates = model.questions.filter((q) => !q.percent && q.type !== "survey" && q.weight === undefined);
  while (changed.size < n) {
    const q = rnd.pick(candidates);
    const options = (q.options ?? model.answerTypes[q.type].options)!;
    const current = options.find((o) => o.key === base.get(q.code));
    const other = options.filter((o) => o.value !== current?.value);
    if (other.length === 0) continue;
    answers.set(q.code, rnd.pick(other).key);
    changed.add(q.code);
  }
  return { answers, changed };
}

describe("evaluator review on the simulated Excel host", () => {
  it.each<[GeneratedLayout, EvaluatorRole]>([
    ["lampiran-iii", "tpi"],
    ["portalrb-jawaban", "tpn"],
    ["kesdm", "tpn"],
  ])("%s: adds the %s columns beside the unit's in two syncs, empty, with the answer lists", async (layout, role) => {
    const { host, gateway, original } = await open(layout, consistentAnswers(model, seededRandom(7)));
    const before = await analyzeWorkbook(gateway);
    expect(before.layout.columns.roles[role]).toBeUndefined();

    const { result, syncs } = await host.countSyncs(() => startReview(gateway, before, role));
    expect(result).toBe("added");
    expect(syncs).toBe(2);

    const after = await analyzeWorkbook(gateway);
    const cols = after.layout.columns.roles[role]!;
    const firstNew = Math.max(...Array.from(original.sheets.find((s) => s.name === before.sheet.name)!.values, (r) => r?.length ?? 0));
    expect(cols).toMatchObject({ answer: firstNew, score: firstNew + 1, note: firstNew + 2 });
    const headers = roleHeaders(role);
    expect([cols.answer, cols.score!, cols.note!].map((c) => after.sheet.values[after.layout.headerRow]?.[c])).toEqual([headers.answer, headers.score, headers.note]);
    // Never pre-filled: no typed answer, no note; the role has answered nothing and differs nowhere.
    for (const row of after.layout.rows.questions.values()) {
      if (after.sheet.formulas[row]?.[cols.answer] === undefined) expect(after.sheet.values[row]?.[cols.answer] ?? null).toBeNull();
      expect(after.sheet.values[row]?.[cols.note!] ?? null).toBeNull();
    }
    expect(after.review!.answered[role]).toBe(0);
    expect(after.review!.differences[role]).toEqual([]);
    // Answer lists on the answer column only.
    const lists = lkeSheet(host.toSnapshot(), before.sheet.name).validations.filter((v) => parseA1(v.sqref.split(":")[0]!).col === cols.answer);
    expect(lists.some((v) => v.type === "list" && v.formulae[0] === '"Ya,Tidak"')).toBe(true);
    expect(lists.some((v) => v.type === "list" && v.formulae[0] === '"A,B,C,D,E"')).toBe(true);
    // The unit's cells exactly as they were.
    expect(unitCells(lkeSheet(host.toSnapshot(), before.sheet.name), firstNew)).toEqual(unitCells(lkeSheet(original, before.sheet.name), firstNew));
    // Found, not added, the second time.
    await expect(startReview(gateway, after, role)).resolves.toBe("found");
  });

  it("scores the evaluator's answers as the unit's would be, lists exactly the questions that differ, and the final score takes TPI's", async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const rnd = seededRandom(100 + seed);
      const unit = consistentAnswers(model, rnd);
      const { answers: tpi, changed } = disagree(unit, rnd, 3 + seed);
      const { host, gateway } = await open(seed % 2 ? "lampiran-iii" : "portalrb-jawaban", unit);
      await startReview(gateway, await analyzeWorkbook(gateway), "tpi");
      typeAnswers(host, await analyzeWorkbook(gateway), "tpi", tpi);
      const a = await analyzeWorkbook(gateway);

      // The same answers typed as a unit's, in a workbook of their own.
      const asUnit = await analyzeWorkbook((await open("lampiran-iii", tpi)).gateway);
      expect(a.review!.scores.tpi!.total).toBeCloseTo(asUnit.scores.total, 12);
      expect(a.review!.scores.tpi!.areas.map((x) => x.total)).toEqual(asUnit.scores.areas.map((x) => x.total));

      const differing = a.review!.differences.tpi!;
      expect(new Set(differing.map((d) => d.item))).toEqual(changed);
      const points = differing.map((d) => Math.abs(d.points));
      expect(points).toEqual([...points].sort((x, y) => y - x));
      // Final: TPI answered everything, so the final score is TPI's.
      expect(a.review!.final.total).toBeCloseTo(a.review!.scores.tpi!.total, 12);
      // Engine cross-check of the items: the evaluator's items equal the unit-scoring of the same answers.
      const items = scoreItems(model, new Map([...asUnit.entries]));
      for (const code of changed) expect(items.get(code)!.value).not.toBe(a.items.get(code)!.value);
    }
  });

  it("protects the unit's columns, leaving the evaluator's cells open; leaves a sheet someone else protected alone", async () => {
    const { host, gateway, original } = await open("lampiran-iii", consistentAnswers(model, seededRandom(3)));
    await startReview(gateway, await analyzeWorkbook(gateway), "tpi");
    const a = await analyzeWorkbook(gateway);
    const { result, syncs } = await host.countSyncs(() => protectUnitColumns(gateway, a, "tpi", true));
    expect(result).toBe("protected");
    expect(syncs).toBe(2);
    expect(host.workbook.sheet(a.sheet.name)!.protected).toBe(true);

    // The API can write an evaluator's answer, not a unit's cell.
    const tpiCell = toA1(a.layout.rows.questions.get("A.I.1.i.a")!, a.layout.columns.roles.tpi!.answer);
    const unitCell = toA1(a.layout.rows.questions.get("A.I.1.i.a")!, a.layout.columns.roles.unit!.answer);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(a.sheet.name).getRange(tpiCell).values = [["Tidak"]];
      await context.sync();
    });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem(a.sheet.name).getRange(unitCell).values = [["Tidak"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });

    await expect(protectUnitColumns(gateway, a, "tpi", true)).resolves.toBe("already-protected");
    await expect(protectUnitColumns(gateway, a, "tpi", false)).resolves.toBe("unprotected");
    expect(host.workbook.sheet(a.sheet.name)!.protected).toBe(false);

    const other = await open("lampiran-iii", consistentAnswers(model, seededRandom(3)), { protectedSheets: [lkeSheet(original, a.sheet.name).name] });
    const b = await analyzeWorkbook(other.gateway);
    await expect(protectUnitColumns(other.gateway, { ...b, layout: a.layout }, "tpi", true)).resolves.toBe("already-protected");
  });

  it("writes Catatan Evaluasi per area with the differences, findings and the evaluator's notes", async () => {
    const rnd = seededRandom(11);
    const unit = consistentAnswers(model, rnd);
    const { answers: tpi, changed } = disagree(unit, rnd, 4);
    const { host, gateway } = await open("portalrb-jawaban", unit);
    await startReview(gateway, await analyzeWorkbook(gateway), "tpi");
    const opened = await analyzeWorkbook(gateway);
    typeAnswers(host, opened, "tpi", tpi);
    const noted = [...changed][0]!;
    host.userEdit(opened.sheet.name, toA1(opened.layout.rows.questions.get(noted)!, opened.layout.columns.roles.tpi!.note!), "Bukti SK tidak ditandatangani");
    const a = await analyzeWorkbook(gateway);
    await writeCatatanEvaluasi(gateway, a, "tpi", { time: "2026-11-28T10:00:00.000Z" });

    const sheet = lkeSheet(host.toSnapshot(), CATATAN_SHEET);
    const text = sheet.values.map((r) => (r ?? []).map((v) => String(v ?? "")).join("|"));
    for (const code of changed) expect(text.some((line) => line.startsWith(`${code}|`))).toBe(true);
    expect(text.some((line) => line.includes("Bukti SK tidak ditandatangani"))).toBe(true);
    expect(text.filter((line) => /^Area \d — /.test(line))).toHaveLength(6);
    const [label, ...totals] = text[4]!.split("|");
    expect(label).toBe("Total");
    expect(totals.slice(0, 3).map(Number)).toEqual([a.review!.scores.unit!.total, a.review!.merged.tpi!.total, a.review!.final.total]);
    expect(a.review!.scores.tpi!.total).not.toBeCloseTo(a.review!.scores.unit!.total, 6);

    // Ours is rewritten; a sheet of the user's with that name is never touched.
    await writeCatatanEvaluasi(gateway, a, "tpi", { time: "2026-11-28T11:00:00.000Z" });
    expect(lkeSheet(host.toSnapshot(), CATATAN_SHEET).values[1]?.[3]).toBe("Disusun: 2026-11-28T11:00:00.000Z");
    const theirs = await open("portalrb-jawaban", unit);
    await theirs.host.run(async (context) => {
      context.workbook.worksheets.add(CATATAN_SHEET).getRange("A1").values = [["catatan saya sendiri"]];
      await context.sync();
    });
    const before = theirs.host.toSnapshot();
    const b = await analyzeWorkbook(theirs.gateway);
    await expect(writeCatatanEvaluasi(theirs.gateway, b, "tpi", { time: "t" })).rejects.toMatchObject({ code: "sheet-name-taken" });
    expect(theirs.host.toSnapshot()).toEqual(before);
  });

  it("logs who changed which answer into a very hidden sheet that round-trips", async () => {
    const { host, gateway } = await open("lampiran-iii", consistentAnswers(model, seededRandom(5)));
    await startReview(gateway, await analyzeWorkbook(gateway), "tpi");
    const first = await analyzeWorkbook(gateway);
    const tpiCell = toA1(first.layout.rows.questions.get("A.I.1.i.a")!, first.layout.columns.roles.tpi!.answer);
    const noteCell = toA1(first.layout.rows.questions.get("A.I.1.i.a")!, first.layout.columns.roles.tpi!.note!);
    host.userEdit(first.sheet.name, tpiCell, "Tidak");
    host.userEdit(first.sheet.name, noteCell, "tidak ada SK");
    const second = await analyzeWorkbook(gateway);
    const { result: logged, syncs } = await host.countSyncs(() => logReviewChanges(gateway, reviewState(first), reviewState(second), "2026-11-28T10:00:00.000Z"));
    expect(syncs).toBe(2);
    expect(logged).toEqual([
      { time: "2026-11-28T10:00:00.000Z", role: "tpi", item: "A.I.1.i.a", cell: tpiCell, kind: "answer", from: "", to: "Tidak" },
      expect.objectContaining({ role: "tpi", item: "A.I.1.i.a", cell: noteCell, kind: "note", from: "", to: "tidak ada SK" }),
    ]);
    host.userEdit(first.sheet.name, tpiCell, "Ya");
    const third = await analyzeWorkbook(gateway);
    const more = await host.countSyncs(() => logReviewChanges(gateway, reviewState(second), reviewState(third), "2026-11-28T10:05:00.000Z"));
    expect(more.syncs).toBe(3);
    expect(await logReviewChanges(gateway, reviewState(third), reviewState(third), "x")).toEqual([]);

    // Whatever was typed is logged as text, never as a formula.
    const odd = { time: "t", role: "unit" as const, item: "A.I.1.i.b", cell: "K1", kind: "answer" as const, from: "=1+1", to: "-A" };
    await gateway.appendReviewLog([odd]);

    const log = lkeSheet(host.toSnapshot(), REVIEW_LOG_SHEET);
    expect(log.visibility).toBe("veryHidden");
    expect(log.formulas.flat().filter((f) => f !== undefined)).toEqual([]);
    expect(decodeReviewLog(log.values)).toEqual([...logged, ...more.result, odd]);
    expect(more.result).toEqual([expect.objectContaining({ from: "Tidak", to: "Ya", role: "tpi" })]);

    // The pane closed, the workbook saved; someone changes answers; the next pane catches up from the log alone.
    const otherTpi = toA1(first.layout.rows.questions.get("A.I.1.i.b")!, first.layout.columns.roles.tpi!.answer);
    const unitCell = toA1(first.layout.rows.questions.get("A.I.1.ii.a")!, first.layout.columns.roles.unit!.answer);
    host.userEdit(first.sheet.name, tpiCell, "Tidak");
    host.userEdit(first.sheet.name, otherTpi, "B");
    host.userEdit(first.sheet.name, unitCell, "C");
    const reopened = await analyzeWorkbook(gateway);
    expect(reopened.reviewLog).toHaveLength(4);
    const caughtUp = diffReviewedCells(loggedState(reopened), reviewState(reopened), "later");
    // The unit's answer was never logged: taken as it is (its answers came before the review), not as a change.
    expect(caughtUp.map((e) => [e.cell, e.from, e.to])).toEqual([
      [tpiCell, "Ya", "Tidak"],
      [otherTpi, "", "B"],
    ].sort((x, y) => (parseA1(x[0]!).row - parseA1(y[0]!).row)));
  });

  it("property: after every evaluator action the unit's cells are exactly as before", async () => {
    const layouts: GeneratedLayout[] = ["lampiran-iii", "portalrb-jawaban", "kesdm"];
    for (let seed = 0; seed < 9; seed++) {
      const rnd = seededRandom(500 + seed);
      const layout = layouts[seed % 3]!;
      const role: EvaluatorRole = layout === "kesdm" ? "tpn" : rnd.pick(["tpi", "tpn"] as const);
      const { host, gateway, original } = await open(layout, consistentAnswers(model, rnd));
      const name = (await analyzeWorkbook(gateway)).sheet.name;
      const firstNew = Math.max(...Array.from(lkeSheet(original, name).values, (r) => r?.length ?? 0));
      const unitBefore = unitCells(lkeSheet(original, name), firstNew);
      const check = () => expect(unitCells(lkeSheet(host.toSnapshot(), name), firstNew)).toEqual(unitBefore);

      const a0 = await analyzeWorkbook(gateway);
      await startReview(gateway, a0, role);
      check();
      const a1 = await analyzeWorkbook(gateway);
      await protectUnitColumns(gateway, a1, role, true);
      check();
      typeAnswers(host, a1, role, disagree(consistentAnswers(model, rnd), rnd, 5).answers);
      const a2 = await analyzeWorkbook(gateway);
      await logReviewChanges(gateway, reviewState(a1), reviewState(a2), new Date(0).toISOString());
      check();
      await writeCatatanEvaluasi(gateway, a2, role, { time: new Date(0).toISOString() });
      check();
      await protectUnitColumns(gateway, a2, role, false);
      check();
      // The other sheets too: only the add-in's own sheets are new.
      const now = host.toSnapshot();
      for (const s of original.sheets.filter((x) => x.name !== name)) expect(lkeSheet(now, s.name)).toEqual(s);
      expect(now.sheets.map((s) => s.name).filter((n) => !original.sheets.some((s) => s.name === n)).sort()).toEqual([CATATAN_SHEET, REVIEW_LOG_SHEET].sort());
    }
  });
});
