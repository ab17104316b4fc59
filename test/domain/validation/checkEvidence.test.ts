// Evidence findings on generated workbooks with defects planted at known cells, on clean ones, and on the real
// example workbook.
import * as fs from "node:fs";
import { columnIndex } from "../../../src/domain/grid/address";
import type { SheetGrid, WorkbookSnapshot } from "../../../src/domain/grid/sheetGrid";
import { loadModel } from "../../../src/domain/model/loadModel";
import { analyzeLke, type LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import { collectEvidence } from "../../../src/domain/validation/checkEvidence";
import type { Finding } from "../../../src/domain/validation/finding";
import { describeFinding } from "../../../src/i18n/findingMessages";
import { readXlsx } from "../../../src/xlsx/readXlsx";
import { generateWorkbook, type Evidence, type GeneratedLayout, type GeneratedSheet } from "../../support/generator/generateWorkbook";
import { seededRandom } from "../../support/generator/random";
import { CLEAN, randomAnswers, type AnswerSet } from "../../support/generator/randomAnswers";
import { sharedFile } from "../../support/sharedFiles";

const model = loadModel();
const baseAnswers = randomAnswers(model, seededRandom(7), CLEAN);
const codes = model.questions.map((q) => q.code);

/** A distinct, well-formed Drive file id per item (33 characters, as Drive gives today). */
const driveId = (n: number) => `1Zu${n.toString(36).padStart(4, "0")}e_vh46AKarvxKlJ3RqrRToPQ-O5w`;
const validLink = (code: string) => `https://drive.google.com/file/d/${driveId(codes.indexOf(code))}/view?usp=sharing`;

interface Generated {
  analysis: LkeAnalysis;
  gen: GeneratedSheet;
  evidence: Finding[];
}

async function analyse(
  layout: GeneratedLayout,
  evidence: (code: string) => Evidence | undefined,
  answers: AnswerSet = baseAnswers,
  edit?: (sheet: SheetGrid, gen: GeneratedSheet) => void,
): Promise<Generated> {
  const { bytes, sheet: gen } = await generateWorkbook(model, { layout, answers, evidence });
  const snapshot: WorkbookSnapshot = await readXlsx(bytes);
  edit?.(snapshot.sheets.find((s) => s.name === gen.sheetName)!, gen);
  const analysis = analyzeLke(snapshot, model);
  if (!("scores" in analysis)) throw new Error(`not analysed: ${analysis.kind}`);
  return { analysis, gen, evidence: analysis.findings.filter((f) => f.rule.startsWith("evidence.")) };
}

const cellOf = (gen: GeneratedSheet, column: "answer" | "evidence" | "evidenceText", code: string) =>
  `${gen.columns.get(`${column}:unit`)}${gen.rows.get(code)}`;

describe("evidence on a clean workbook", () => {
  it.each(["lampiran-iii", "kesdm", "portalrb-jawaban"] as const)(
    "%s: every item with its own valid Drive link (cell hyperlinks and HYPERLINK formulas) gives no evidence finding",
    async (layout) => {
      const { analysis, evidence } = await analyse(layout, (code) => ({
        link: validLink(code),
        asFormula: codes.indexOf(code) % 3 === 0,
        text: "Notulen rapat, daftar hadir dan laporan kegiatan (lihat folder ZI)",
      }));
      // Not vacuous: the link column is found and every item's link is read and judged a usable URL.
      const collected = collectEvidence(model, analysis.sheet, analysis.layout, analysis.layout.columns.roles.unit!);
      expect(collected).toHaveLength(113);
      expect(collected.filter((e) => e.links.length === 1 && e.links[0]!.link.class.kind === "url")).toHaveLength(113);
      expect(evidence).toEqual([]);
    },
  );

  // A labelled link column ("Tautan Bukti Dukung"): Lampiran III's link column has no label and is found only
  // by its links, so a Lampiran III sheet without links has no link column to report on.
  it("without any link, flags exactly the items whose answer is worth something, at their answer cells", async () => {
    const { analysis, gen, evidence } = await analyse("kesdm", (code) => (code === codes[0] ? { link: validLink(code) } : undefined));
    const worth = codes.filter((c) => c !== codes[0] && analysis.items.get(c)!.status === "answered" && analysis.items.get(c)!.value! > 0);
    expect(worth.length).toBeGreaterThan(80);
    expect(evidence.every((f) => f.rule === "evidence.missing" && f.severity === "warning")).toBe(true);
    expect(evidence.map((f) => [f.item, f.cell])).toEqual(worth.map((c) => [c, cellOf(gen, "answer", c)]));
  });
});

interface Plant {
  ev?: Evidence;
  /** Keep only the text of the link cell (a link typed, not a hyperlink). */
  plain?: boolean;
  answer?: "zero" | "blank";
  expect: Array<{ rule: Finding["rule"]; at: "answer" | "evidence" | "evidenceText"; params?: Finding["params"] }>;
}

describe.each(["lampiran-iii", "kesdm"] as const)("evidence defects planted in a %s workbook", (layout) => {
  const plants = new Map<string, Plant>();
  let clean: LkeAnalysis;
  let result: Generated;

  beforeAll(async () => {
    clean = (await analyse(layout, (code) => ({ link: validLink(code) }))).analysis;
    const worth = model.questions.filter((q) => {
      const it = clean.items.get(q.code)!;
      return it.status === "answered" && it.value! > 0;
    });
    const pool = worth.filter((q) => !q.percent && q.type !== "survey").map((q) => q.code);
    const indicatorOf = (code: string) => model.parentOf.get(code)!.code;
    const take = (pred: (code: string) => boolean = () => true): string => {
      const i = pool.findIndex(pred);
      if (i < 0) throw new Error("not enough items to plant defects in");
      return pool.splice(i, 1)[0]!;
    };
    const plant = (p: Plant, code = take()) => plants.set(code, p);
    const W = (rule: Finding["rule"], params?: Finding["params"]) => [{ rule, at: "evidence" as const, ...(params ? { params } : {}) }];

    // Missing evidence, for an option item and for a `%` item (at its question row's answer cell).
    plant({ expect: [{ rule: "evidence.missing", at: "answer" }] });
    plant({ expect: [{ rule: "evidence.missing", at: "answer" }] }, worth.find((q) => q.percent)!.code);
    plant({ ev: { text: "Notulen rapat dan daftar hadir" }, expect: [{ rule: "evidence.missing", at: "answer" }] });
    // Not missing: worth 0, unanswered, or a link in the description column.
    plant({ answer: "zero", expect: [] });
    plant({ answer: "blank", expect: [] });
    plant({ ev: { text: `Lihat ${validLink(codes[1]!).replace("1Zu", "1Zx")}` }, expect: [] });
    // Not links.
    plant({ ev: { link: "terlampir" }, expect: W("evidence.not-url", { reason: "text" }) });
    plant({ ev: { link: "ada" }, plain: true, expect: W("evidence.not-url", { reason: "text" }) });
    plant({ ev: { link: "C:\\Users\\budi\\Bukti ZI\\SK Tim.pdf" }, expect: W("evidence.not-url", { reason: "local-path" }) });
    plant({ ev: { link: "D:/bukti/sk.pdf" }, plain: true, expect: W("evidence.not-url", { reason: "local-path" }) });
    plant({ ev: { link: "bukti/SK-Tim.pdf" }, plain: true, expect: W("evidence.not-url", { reason: "relative-path" }) });
    plant({ ev: { link: "www.example.go.id" }, plain: true, expect: W("evidence.not-url", { reason: "missing-scheme" }) });
    plant({ ev: { link: "drive.google.com/file/d/abc" }, plain: true, expect: W("evidence.not-url", { reason: "missing-scheme" }) });
    // Unsafe targets.
    plant({ ev: { link: "\\\\srv\\bukti\\a.pdf" }, expect: W("evidence.unsafe", { scheme: "unc" }) });
    plant({ ev: { link: "JavaScript:alert(1)" }, expect: W("evidence.unsafe", { scheme: "javascript" }) });
    plant({ ev: { link: "javascript:alert(document.cookie)" }, plain: true, expect: W("evidence.unsafe", { scheme: "javascript" }) });
    plant({ ev: { link: "data:text/html;base64,PHNjcmlwdD4=", asFormula: true }, expect: W("evidence.unsafe", { scheme: "data" }) });
    plant({ ev: { link: "file:///C:/bukti/a.pdf" }, expect: W("evidence.unsafe", { scheme: "file" }) });
    // =HYPERLINK(<cell>,"bukti") whose cell holds a vbscript: target (formula rewritten below).
    plant({ ev: { link: "https://placeholder.example.go.id/x", asFormula: true, text: "vbscript:msgbox(1)" }, expect: W("evidence.unsafe", { scheme: "vbscript" }) });
    // Broken Drive/Docs links.
    plant({ ev: { link: "https://drive.google.com/drive/my-drive" }, expect: W("evidence.malformed", { reason: "no-id" }) });
    plant({ ev: { link: "https://drive.google.com/drive/u/0/home", asFormula: true }, expect: W("evidence.malformed", { reason: "no-id" }) });
    plant({ ev: { link: "https://drive.google.com/file/d/abc/view" }, plain: true, expect: W("evidence.malformed", { reason: "short-id" }) });
    plant({ ev: { link: "https://docs.google.com/document/u/0/" }, expect: W("evidence.malformed", { reason: "no-id" }) });
    plant({
      ev: { link: "https://drive.google.com/file/d/1Zu-e_vh46 AKarvxKlJ3RqrRToPQ-O5wn/view?usp=sharing" },
      plain: true,
      expect: W("evidence.malformed", { reason: "whitespace" }),
    });
    plant({ ev: { link: `${validLink(codes[2]!).replace("1Zu", "1Zy")}\nhttps://drive.google.com/drive/my-drive` }, plain: true, expect: W("evidence.malformed", { reason: "no-id" }) });
    // A valid link, and a broken one in the description column.
    const described = take();
    plant(
      { ev: { link: validLink(described), text: "Folder: https://drive.google.com/drive/recent" }, expect: [{ rule: "evidence.malformed", at: "evidenceText", params: { reason: "no-id" } }] },
      described,
    );

    // One Drive file as evidence of three indicators, shared three ways.
    const dupId = driveId(900);
    const forms = [
      { link: `https://drive.google.com/file/d/${dupId}/view?usp=sharing` },
      { link: `https://drive.google.com/file/d/${dupId}/view?usp=drive_link`, asFormula: true },
      { link: `https://drive.google.com/open?id=${dupId}` },
    ];
    const group: string[] = [];
    while (group.length < forms.length) group.push(take((c) => !group.some((g) => indicatorOf(g) === indicatorOf(c))));
    group.forEach((code, i) =>
      plants.set(code, { ev: forms[i], expect: W("evidence.duplicate", { others: group.filter((g) => g !== code).join(", "), count: 2 }) }),
    );
    // One link for two questions of one indicator: normal, not flagged.
    const first = take((c) => pool.some((o) => o !== c && indicatorOf(o) === indicatorOf(c)));
    const second = take((c) => indicatorOf(c) === indicatorOf(first));
    for (const code of [first, second]) plants.set(code, { ev: { link: `https://drive.google.com/drive/folders/${driveId(901)}` }, expect: [] });
    // One link for seven indicators: the list of others is capped.
    const seven: string[] = [];
    for (let i = 0; i < 7; i++) seven.push(take((c) => !seven.some((g) => indicatorOf(g) === indicatorOf(c))));
    for (const code of seven) {
      const others = seven.filter((g) => g !== code);
      plants.set(code, { ev: { link: "https://ppid.example.go.id/dokumen/zi-2024/" }, expect: W("evidence.duplicate", { others: `${others.slice(0, 5).join(", ")}, …`, count: 6 }) });
    }

    const answers = new Map(baseAnswers);
    for (const [code, p] of plants) {
      if (p.answer === "blank") answers.set(code, null);
      if (p.answer === "zero") {
        const q = model.questionByCode.get(code)!;
        const options = q.options ?? model.answerTypes[q.type].options!;
        answers.set(code, options.find((o) => o.value === 0)!.key);
      }
    }
    result = await analyse(
      layout,
      // Descriptions on the other rows, as units write them (Lampiran III finds its description column by them).
      (code) => (plants.has(code) ? plants.get(code)!.ev : { link: validLink(code), text: "Laporan kegiatan dan dokumentasi" }),
      answers,
      (sheet, gen) => {
        for (const [code, p] of plants) {
          const row = gen.rows.get(code)! - 1;
          const evidenceCell = cellOf(gen, "evidence", code);
          if (p.plain) delete sheet.hyperlinks[evidenceCell];
          if (p.ev?.text?.startsWith("vbscript:")) {
            sheet.formulas[row]![columnIndex(gen.columns.get("evidence:unit")!)] = `HYPERLINK(${cellOf(gen, "evidenceText", code)},"bukti")`;
          }
        }
      },
    );
  });

  const key = (f: { rule: string; cell?: string; item?: string }) => `${f.rule} ${f.cell} ${f.item}`;

  it("finds every planted defect at its cell, and nothing else", () => {
    const expected = [...plants].flatMap(([code, p]) => p.expect.map((e) => key({ rule: e.rule, cell: cellOf(result.gen, e.at, code), item: code })));
    expect(expected.length).toBeGreaterThan(30);
    expect(result.evidence.map(key).sort()).toEqual(expected.sort());
  });

  it("gives each finding the severity of its rule and the params its message needs", () => {
    const severity = { "evidence.unsafe": "error" } as Record<string, string>;
    for (const f of result.evidence) expect([f.rule, f.severity]).toEqual([f.rule, severity[f.rule] ?? "warning"]);
    for (const [code, p] of plants) {
      for (const e of p.expect) {
        if (!e.params) continue;
        const f = result.evidence.find((x) => x.item === code && x.rule === e.rule)!;
        expect([code, f.params]).toEqual([code, expect.objectContaining(e.params)]);
      }
    }
  });

  it("renders every finding in Bahasa Indonesia and English with its value", () => {
    for (const f of result.evidence) {
      const id = describeFinding(f, "id");
      const en = describeFinding(f, "en");
      expect(id.message).not.toMatch(/undefined/);
      expect(en.message).not.toMatch(/undefined/);
      if (f.params.value !== undefined) {
        expect(id.message).toContain(String(f.params.value));
        expect(en.message).toContain(String(f.params.value));
      }
    }
    const scheme = result.evidence.find((f) => f.params.reason === "missing-scheme")!;
    expect(describeFinding(scheme, "id").message).toMatch(/https:\/\//);
    expect(describeFinding(scheme, "en").message).toMatch(/scheme is missing/);
  });
});

const example = sharedFile("lke-zi-lampiran-iii-contoh.xlsx");
(example ? describe : describe.skip)("evidence in the real Lampiran III example", () => {
  let evidence: Finding[];
  beforeAll(async () => {
    const a = analyzeLke(await readXlsx(fs.readFileSync(example!)), model);
    if (!("scores" in a)) throw new Error(a.kind);
    evidence = a.findings.filter((f) => f.rule.startsWith("evidence."));
  });

  it("flags no link of its Drive links, cell hyperlinks or typed, and nothing at error level", () => {
    expect(evidence.filter((f) => f.severity === "error")).toEqual([]);
    expect(evidence.filter((f) => f.rule !== "evidence.missing")).toEqual([]);
  });

  it("flags the scoring answers without a link: K110 and the Reform and Hasil items, which have no links at all", () => {
    const cells = evidence.map((f) => f.cell!);
    expect(cells).toHaveLength(27);
    expect(cells[0]).toBe("K110");
    expect(cells.slice(1).every((c) => Number(c.slice(1)) >= 128)).toBe(true);
    expect(evidence.find((f) => f.cell === "K110")!.item).toBe("A.I.6.ii.d");
  });
});
