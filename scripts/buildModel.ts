// Builds src/domain/model/permenpanrb-90-2021.json from the research files in ../shared/domain:
// the hierarchy, texts, options and values of lke-model.json, the `%` rules restated with input roles,
// and the national master list (portalrb) for alternative texts and its Jawaban cell map.
// Run: node bin/run-ts.js scripts/buildModel.ts [sharedDomainDir]
import * as fs from "node:fs";
import * as path from "node:path";
import type {
  AnswerTypeId,
  CountInput,
  CountRole,
  LkeModel,
  ModelNode,
  NodeKind,
  PercentSpec,
  Question,
} from "../src/domain/model/lkeModel";

/* eslint-disable @typescript-eslint/no-explicit-any -- the research JSON is untyped input */

const sharedDir = process.argv[2] ?? path.resolve(__dirname, "../../shared/domain");
const research = JSON.parse(fs.readFileSync(path.join(sharedDir, "lke-model.json"), "utf8"));
const portal = JSON.parse(fs.readFileSync(path.join(sharedDir, "portalrb-master-soal-2026.json"), "utf8"));

const TYPE_BY_LABEL: Record<string, AnswerTypeId> = {
  "Ya/Tidak": "ya-tidak",
  "A/B/C": "abc",
  "A/B/C/D": "abcd",
  "A/B/C/D/E": "abcde",
  "%": "percent",
  "Nilai (0-4)": "survey",
};

/** Roles of each `%` rule's Jumlah rows, in sheet order, with the template's "all filled" test. */
const PERCENT_RULES: Record<string, { rule: PercentSpec["rule"]; roles: CountRole[]; requires: string[] }> = {
  pct_agen_perubahan: { rule: "ratio", roles: ["den", "num"], requires: ["den", "num"] },
  pct_integrasi_perubahan: { rule: "ratio", roles: ["den", "num"], requires: ["den", "num"] },
  pct_penurunan_pelanggaran: { rule: "decline", roles: ["prev", "now", "aux"], requires: ["prev", "now", "aux"] },
  pct_sasaran_tercapai: { rule: "ratio", roles: ["den", "num"], requires: ["den", "num"] },
  pct_pengaduan: { rule: "ratio", roles: ["den", "aux", "num"], requires: ["den", "num", "aux"] },
  pct_lhkpn: { rule: "ratio", roles: ["den", "part", "part", "part", "num"], requires: ["den", "num"] },
  pct_lhkasn: { rule: "ratio", roles: ["den", "part", "part", "part", "num"], requires: ["den", "num"] },
  pct_perizinan_dipermudah: { rule: "ratio", roles: ["den", "num"], requires: ["den", "num"] },
};

const KIND_BY_DEPTH: NodeKind[] = ["komponen", "subKomponen", "area", "indikator"];

function stripNumbering(name: string): string {
  return name.replace(/^\s*([A-Z]{1,2}|[IVX]+|[ivx]+|\d+|[a-h])\.\s+/, "").trim();
}

function percentSpec(q: any): PercentSpec {
  const spec = PERCENT_RULES[q.pct_rule];
  if (!spec) throw new Error(`unknown % rule ${q.pct_rule} at ${q.code}`);
  if (spec.roles.length !== q.inputs.length) throw new Error(`input count differs at ${q.code}`);
  let part = 0;
  const inputs: CountInput[] = q.inputs.map((inp: any, i: number) => {
    const role = spec.roles[i]!;
    const key = role === "part" ? `part${++part}` : role;
    const input: CountInput = { key, role, label: inp.label.trim(), aliases: [] };
    if (role === "den" && spec.roles.includes("part")) {
      input.sumOfParts = inp.excel_formula_K ? "computed" : "typed";
    }
    return input;
  });
  return { rule: spec.rule, inputs, requires: spec.requires };
}

function question(q: any): Question {
  const type = TYPE_BY_LABEL[q.answer_type];
  if (!type) throw new Error(`unknown answer type ${q.answer_type} at ${q.code}`);
  const out: Question = {
    code: q.code,
    letter: q.letter ?? q.code.split(".").pop(),
    text: (q.text ?? q.name).trim(),
    aliases: [],
    type,
    criteria: (q.penjelasan ?? "").trim(),
    refs: { bpsId: q.bps_ezi_id, kesdmId: q.kesdm_sheet_id, lampiranRow: q.s2_row },
  };
  if (q.options) out.options = q.options.map((o: any) => ({ key: o.key, value: o.value, text: o.text.trim() }));
  if (type === "percent") out.percent = percentSpec(q);
  return out;
}

function node(n: any, depth: number, area?: number): ModelNode {
  const kind = KIND_BY_DEPTH[depth]!;
  const areaNo = kind === "area" ? Number(n.code.split(".")[2]) : area;
  const out: ModelNode = {
    code: n.code,
    kind,
    name: n.name.trim(),
    aliases: [],
    weight: n.bobot,
    ...(areaNo !== undefined ? { area: areaNo } : {}),
    children: [],
    questions: [],
    refs: {},
  };
  if (n.code.startsWith("B.")) {
    // Hasil items are scored entries directly under their sub-komponen.
    out.questions = (n.children ?? []).map((item: any) => ({ ...question(item), weight: item.bobot }));
    return out;
  }
  if (kind === "indikator") {
    out.questions = (n.questions ?? []).map(question);
    out.children = (n.sub_indikator ?? []).map((s: any) => ({
      code: s.code,
      kind: "subIndikator" as const,
      name: s.name.trim(),
      aliases: [],
      weight: s.bobot,
      area: areaNo,
      children: [],
      questions: s.questions.map(question),
      refs: {},
    }));
    return out;
  }
  out.children = (n.children ?? []).map((c: any) => node(c, depth + 1, areaNo));
  return out;
}

const roots: ModelNode[] = research.hierarchy.map((n: any) => node(n, 0));

// --- Cross-walk with the national master list: alternative texts and the Jawaban cell map. ---
function addAlias(list: string[], primary: string, candidate: string): void {
  const c = candidate.trim();
  if (c && c.toLowerCase() !== primary.toLowerCase() && !list.includes(c)) list.push(c);
}

/** Sheet-order entries of one of our indicators, as the master list enumerates them. */
function portalEntries(n: ModelNode): Array<{ q: Question; input?: CountInput }> {
  const out: Array<{ q: Question; input?: CountInput }> = [];
  for (const q of n.questions) {
    if (!q.percent) {
      out.push({ q });
      continue;
    }
    for (const input of q.percent.inputs) {
      // The master list has no row for a denominator that is the sum of its parts.
      if (input.role === "den" && input.sumOfParts) continue;
      out.push({ q, input });
    }
  }
  return out;
}

function crossWalk(ours: ModelNode, theirs: any): void {
  addAlias(ours.aliases, ours.name, stripNumbering(theirs.nama));
  const soals: any[] = theirs.soals ?? [];
  if (soals.length > 0) {
    const entries = portalEntries(ours);
    if (entries.length !== soals.length) {
      throw new Error(`${ours.code}: ${entries.length} entries here, ${soals.length} in the master list`);
    }
    entries.forEach((e, i) => {
      const s = soals[i];
      const isCount = String(s.jenis_jawaban).toLowerCase() === "jumlah";
      if (isCount !== Boolean(e.input)) throw new Error(`${ours.code}: entry ${i} kind differs`);
      if (e.input) {
        addAlias(e.input.aliases, e.input.label, s.teks_pertanyaan);
        e.input.portalrbRow = s.excel_baris;
      } else {
        addAlias(e.q.aliases, e.q.text, s.teks_pertanyaan);
        e.q.refs.portalrbId = s.id;
        e.q.refs.portalrbRow = s.excel_baris;
      }
    });
  }
  const kids: any[] = theirs.children ?? [];
  if (kids.length !== ours.children.length) throw new Error(`${ours.code}: child count differs`);
  ours.children.forEach((c, i) => crossWalk(c, kids[i]));
}
portal.data.forEach((n: any, i: number) => crossWalk(roots[i]!, n));

const t = research.thresholds["PermenPAN-RB 90/2021"];
const thresholds = (x: any) => ({
  total: x.nilai_total_min,
  pengungkit: x.pengungkit_min,
  areaPct: x.per_area_min_pct,
  bersihAkuntabel: x.hasil_birokrasi_bersih_akuntabel_min,
  ipak: x.ipak_nilai_min,
  capaianKinerja: x.capaian_kinerja_min,
  pelayananPrima: x.hasil_pelayanan_prima_min,
  priorPredicate: Boolean(x.prior_predicate),
});

const model: LkeModel = {
  id: "permenpanrb-90-2021",
  title: "LKE Zona Integritas — PermenPAN-RB No. 90 Tahun 2021, Lampiran III",
  answerTypes: {
    "ya-tidak": { id: "ya-tidak", label: "Ya/Tidak", options: [{ key: "Ya", value: 1 }, { key: "Tidak", value: 0 }] },
    abc: { id: "abc", label: "A/B/C", options: abc([1, 0.5, 0]) },
    abcd: { id: "abcd", label: "A/B/C/D", options: abc([1, 0.67, 0.33, 0]) },
    abcde: { id: "abcde", label: "A/B/C/D/E", options: abc([1, 0.75, 0.5, 0.25, 0]) },
    percent: { id: "percent", label: "%" },
    survey: { id: "survey", label: "Nilai (0-4)", range: { min: 0, max: 4 } },
  },
  roots,
  thresholds: { wbk: thresholds(t.WBK), wbbm: thresholds(t.WBBM) },
};

function abc(values: number[]): Array<{ key: string; value: number }> {
  return values.map((value, i) => ({ key: String.fromCharCode(65 + i), value }));
}

const outFile = path.resolve(__dirname, "../src/domain/model/permenpanrb-90-2021.json");
fs.writeFileSync(outFile, JSON.stringify(model, null, 1) + "\n");
process.stdout.write(`wrote ${path.relative(process.cwd(), outFile)}\n`);
