// The readable summary of `lke-zi report` (without --json): Bahasa Indonesia, scores with two decimals.
import type { ReportJson } from "../app/reportJson";
import type { UnmetCriterion } from "../domain/gaps/predicates";
import { formatNumber, formatScore } from "../i18n/formatNumber";

const KIND_LABEL: Record<string, string> = {
  "lampiran-iii": "Lampiran III PermenPAN-RB 90/2021",
  "portalrb-jawaban": "lembar Jawaban nasional",
  kesdm: "varian dengan kolom TPI",
  other: "tata letak lain",
};

const SEVERITY_LABEL: Record<string, string> = { error: "galat", warning: "peringatan", info: "info" };

const CRITERION_LABEL: Record<UnmetCriterion["criterion"], string> = {
  total: "Nilai total",
  pengungkit: "Nilai pengungkit",
  area: "Area",
  bersihAkuntabel: "Birokrasi bersih dan akuntabel",
  ipak: "Survei persepsi antikorupsi (IPAK)",
  capaianKinerja: "Capaian kinerja",
  pelayananPrima: "Pelayanan publik prima (IPKP)",
  priorPredicate: "Predikat Menuju WBK sebelumnya (konfirmasi dengan --prior-wbk)",
};

const s = (v: number) => formatScore(v);
const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));
const padLeft = (text: string, width: number) => (text.length >= width ? text : " ".repeat(width - text.length) + text);

function unmetLine(u: UnmetCriterion): string {
  const label = u.criterion === "area" ? `Area ${u.area}${u.half ? ` (${u.half})` : ""}` : CRITERION_LABEL[u.criterion];
  if (u.criterion === "priorPredicate") return `    - ${label}`;
  return `    - ${label}: ${s(u.actual)}, minimal ${s(u.required)} (kurang ${s(u.gap)})`;
}

const HASIL_LABEL: Record<string, (need: number) => string> = {
  ipak: (v) => `IPAK minimal ${formatNumber(v, "id", 2, 2)}`,
  pelayananPrima: (v) => `IPKP minimal ${formatNumber(v, "id", 2, 2)}`,
  capaianKinerja: (v) => `Capaian Kinerja minimal ${s(v)} poin`,
  bersihAkuntabel: (v) => `Birokrasi bersih dan akuntabel minimal ${s(v)} poin`,
};

function pathLines(r: ReportJson, target: "wbk" | "wbbm"): string[] {
  const path = r.paths[target];
  const out: string[] = [];
  if (!path.reachable) {
    out.push("    Syarat pengungkit tidak dapat dipenuhi hanya dengan memperbaiki jawaban (nilai Hasil terlalu rendah).");
  } else if (path.steps > 0) {
    out.push(`    Jalan termurah untuk syarat pengungkit: ${path.steps} langkah jawaban`);
    for (const rec of r.recommendations.filter((x) => x.target === target)) {
      const from = rec.from === "" ? "(kosong)" : rec.from;
      out.push(`      ${pad(rec.cell ?? "", 6)} ${pad(rec.item, 16)} ${from} → ${rec.to}   (+${s(rec.gain)})`);
    }
  }
  for (const need of path.hasilNeeds) {
    const now = need.current === null ? "belum diisi" : `sekarang ${formatNumber(need.current, "id", 2, 2)}`;
    out.push(`    Nilai Hasil yang diperlukan: ${HASIL_LABEL[need.criterion]!(need.required)} (${now})`);
  }
  return out;
}

export function formatReport(r: ReportJson): string {
  const sc = r.scores;
  const lines: string[] = [];
  lines.push(`LKE Zona Integritas — ${r.file}`);
  lines.push(
    `Lembar "${r.layout.sheet}" (${KIND_LABEL[r.layout.kind] ?? r.layout.kind}); butir dikenali ${r.layout.items.matched} dari ${r.layout.items.expected}; jawaban ${r.role}`,
  );
  lines.push("");
  lines.push("Nilai menurut PermenPAN-RB 90/2021");
  const cached = r.workbook?.total;
  lines.push(`  Nilai total      ${padLeft(s(sc.total), 6)} / 100${cached != null ? `   (tersimpan di workbook: ${s(cached)})` : ""}`);
  lines.push(`  Pengungkit       ${padLeft(s(sc.pengungkit), 6)} / 60    Pemenuhan ${s(sc.pemenuhan)} / 30   Reform ${s(sc.reform)} / 30`);
  lines.push(`  Hasil            ${padLeft(s(sc.hasil), 6)} / 40    IPAK ${s(sc.ipak)}   Capaian Kinerja ${s(sc.capaianKinerja)}   IPKP ${s(sc.ipkp)}`);
  if (Math.abs(r.strictScores.total - sc.total) > 1e-9) {
    lines.push(`  Bila pertanyaan kosong dihitung 0: ${s(r.strictScores.total)}`);
  }
  lines.push("");
  lines.push(`  ${pad("Area perubahan", 42)} Pemenuhan  Reform   Total   Maks`);
  for (const a of sc.areas) {
    lines.push(
      `  ${pad(`${a.no}. ${a.name}`, 42)} ${padLeft(s(a.pemenuhan), 9)} ${padLeft(s(a.reform), 7)} ${padLeft(s(a.total), 7)} ${padLeft(s(a.max), 6)}`,
    );
  }
  lines.push("");
  lines.push("Predikat");
  for (const [key, label] of [
    ["wbk", "WBK "],
    ["wbbm", "WBBM"],
  ] as const) {
    const p = r.predicates[key];
    lines.push(`  ${label}: ${p.eligible ? "memenuhi syarat" : "belum memenuhi syarat"}`);
    p.unmet.forEach((u) => lines.push(unmetLine(u)));
    if (!p.eligible) lines.push(...pathLines(r, key));
  }
  lines.push("");
  const count = (sev: string) => r.findings.filter((f) => f.severity === sev).length;
  lines.push(`Temuan: ${r.findings.length} (${count("error")} galat, ${count("warning")} peringatan)`);
  for (const f of r.findings.slice(0, 50)) {
    lines.push(`  ${pad(f.cell ?? f.item ?? "", 6)} [${SEVERITY_LABEL[f.severity]}] ${f.message}`);
  }
  if (r.findings.length > 50) lines.push(`  … dan ${r.findings.length - 50} temuan lain (lihat --json)`);
  return lines.join("\n") + "\n";
}
