// The `Catatan Evaluasi` sheet, ready to print for the evaluation report: the scores of the unit, the evaluator
// and the final score, then per area the answers that differ, the findings and the evaluator's notes. Plain
// values (a summary at the time it is written); the gateway writes it as it writes Rekap ZI.
import { cellText, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import { itemRows } from "../layout/readEntries";
import type { LoadedModel } from "../model/loadModel";
import { planText, type PlanValue, type SheetPlan, type WritePlan } from "../formulas/rekapPlan";
import type { Finding } from "../validation/finding";
import { ROLE_LABEL, type EvaluatorRole } from "./roleColumnsPlan";
import type { RoleReview } from "./reviewRoles";
import { toA1 } from "../grid/address";

export const CATATAN_SHEET = "Catatan Evaluasi";

/** What tells our Catatan Evaluasi from a sheet of the user's with the same name: only ours is ever rewritten. */
export const CATATAN_OWNER_MARK = {
  row: 0,
  col: 7,
  text: "Catatan Evaluasi ditulis oleh add-in LKE ZI; lembar ini ditulis ulang setiap kali catatan ditulis.",
} as const;

/** Whether `sheet` (a sheet named Catatan Evaluasi) is the add-in's own, to rewrite. */
export function isOwnCatatanSheet(sheet: SheetGrid): boolean {
  return cellText(sheet, CATATAN_OWNER_MARK.row, CATATAN_OWNER_MARK.col) === CATATAN_OWNER_MARK.text;
}

export interface CatatanInput {
  model: LoadedModel;
  sheet: SheetGrid;
  layout: LkeLayout;
  review: RoleReview;
  role: EvaluatorRole;
  findings: readonly Finding[];
  /** A finding in one sentence (src/i18n). */
  describe: (finding: Finding) => string;
  /** ISO 8601, shown in the title block. */
  time: string;
}

/** What a user typed or a workbook holds stays text, whatever it starts with. */
const asText = planText;

interface Group {
  key: string;
  title: string;
}

export function buildCatatanEvaluasiPlan(input: CatatanInput): WritePlan {
  const { model, sheet, layout, review, role } = input;
  const label = ROLE_LABEL[role];
  const rows: PlanValue[][] = [];
  const headings: string[] = [];
  const put = (values: PlanValue[], heading = false) => {
    rows.push(values);
    if (heading) headings.push(`A${rows.length}`);
  };

  put([`Catatan Evaluasi Zona Integritas — ${label}`, null, null, null, null, null, null, CATATAN_OWNER_MARK.text], true);
  put([`Lembar kerja: ${layout.sheet}`, "", "", `Disusun: ${input.time}`]);
  put([]);
  const unit = review.scores.unit;
  // The evaluator's answers over the unit's, as the pane shows them (the evaluator's own score once all is reviewed).
  const theirs = review.merged[role];
  put(["Nilai", "Unit", label, "Akhir"], true);
  if (unit && theirs) {
    put(["Total", unit.total, theirs.total, review.final.total]);
    put(["Pengungkit", unit.pengungkit, theirs.pengungkit, review.final.pengungkit]);
    put(["Hasil", unit.hasil, theirs.hasil, review.final.hasil]);
    for (const a of unit.areas) {
      const t = theirs.areas.find((x) => x.no === a.no);
      const f = review.final.areas.find((x) => x.no === a.no);
      put([`Area ${a.no} ${a.name}`, a.total, t?.total ?? 0, f?.total ?? 0]);
    }
  }

  const groupOf = (item: string | undefined): string => {
    if (!item) return "umum";
    const area = model.parentOf.get(item)?.area;
    return area === undefined ? "hasil" : String(area);
  };
  const groups: Group[] = [
    ...model.areas.map((a) => ({ key: String(a.no), title: `Area ${a.no} — ${a.name}` })),
    { key: "hasil", title: "Hasil" },
    { key: "umum", title: "Umum (di luar butir)" },
  ];
  const differences = review.differences[role] ?? [];
  const noteCol = layout.columns.roles[role]?.note;
  const notes: Array<{ item: string; cell: string; text: string }> = [];
  if (noteCol !== undefined) {
    for (const q of model.questions) {
      for (const r of itemRows(layout, q)) {
        const text = cellText(sheet, r, noteCol).trim();
        if (text) notes.push({ item: q.code, cell: toA1(r, noteCol), text });
      }
    }
  }

  for (const g of groups) {
    const diffs = differences.filter((d) => groupOf(d.item) === g.key);
    const found = input.findings.filter((f) => groupOf(f.item) === g.key);
    const said = notes.filter((n) => groupOf(n.item) === g.key);
    if (g.key === "umum" && found.length === 0) continue;
    put([]);
    put([g.title], true);
    put([`Perbedaan jawaban (${diffs.length})`, "Sel", "Jawaban unit", `Jawaban ${label}`, "Selisih nilai"], true);
    for (const d of diffs) put([d.item, d.cell, asText(d.unit), asText(d.evaluator), d.points]);
    put([`Temuan (${found.length})`, "Sel", "Uraian", "Tingkat"], true);
    for (const f of found) put([f.item ?? "", f.cell ?? "", asText(input.describe(f)), f.severity]);
    put([`Catatan ${label} (${said.length})`, "Sel", "Catatan"], true);
    for (const n of said) put([n.item, n.cell, asText(n.text)]);
  }

  const plan: SheetPlan = { name: CATATAN_SHEET, rows, headings, columnWidths: [16, 8, 60, 24, 14] };
  return { sheets: [plan], names: [] };
}
