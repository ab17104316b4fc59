// lke-zi review <in.xlsx> --role tpi|tpn [-o <out.xlsx>] [--catatan] [--json]
// An evaluator's copy prepared in batch, through the pane's own use cases: the role's columns found or added
// beside the unit's (never pre-filled), the comparison with the unit, and with --catatan the Catatan Evaluasi
// sheet. The input file is never modified.
import * as path from "node:path";
import { analyzeWorkbook } from "../../app/analyzeWorkbook";
import { startReview, writeCatatanEvaluasi } from "../../app/reviewWorkbook";
import { ROLE_LABEL, roleColumnsSpan, type EvaluatorRole } from "../../domain/review/roleColumnsPlan";
import { formatScore } from "../../i18n/formatNumber";
import { XlsxGateway } from "../../xlsx/xlsxGateway";
import { parseArgs, UsageError } from "../args";
import { EXIT } from "../exitCodes";
import { readInputFile, writeOutputFile, type CliIo } from "../io";

export const REVIEW_FLAGS = {
  o: { free: true },
  output: { free: true },
  role: { values: ["tpi", "tpn"] },
  catatan: {},
  json: {},
} as const;

export async function reviewCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, REVIEW_FLAGS);
  const out = (flags.get("o") ?? flags.get("output")) as string | undefined;
  const role = flags.get("role") as EvaluatorRole | undefined;
  if (positional.length !== 1 || !role || (!out && !flags.has("json"))) {
    throw new UsageError("review memerlukan <masuk.xlsx> --role tpi|tpn dan -o <keluar.xlsx> / review needs <in.xlsx> --role tpi|tpn and -o <out.xlsx>");
  }
  const input = positional[0]!;
  if (out && path.resolve(out) === path.resolve(input)) throw new UsageError("berkas keluaran harus berbeda dari berkas masukan / the output file must differ from the input file");
  if (flags.has("catatan") && !out) throw new UsageError("--catatan memerlukan -o <keluar.xlsx> / --catatan needs -o <out.xlsx>");

  const gateway = new XlsxGateway(readInputFile(input));
  const found = await startReview(gateway, await analyzeWorkbook(gateway), role);
  const analysis = await analyzeWorkbook(gateway);
  if (flags.has("catatan")) await writeCatatanEvaluasi(gateway, analysis, role, { time: new Date().toISOString() });
  if (out) writeOutputFile(out, gateway.result());

  const cols = analysis.layout.columns.roles[role]!;
  const columns = roleColumnsSpan(cols);
  const review = analysis.review!;
  const differences = review.differences[role] ?? [];
  const totals = {
    unit: review.scores.unit?.total ?? null,
    /** The evaluator's own answers only. */
    evaluator: review.scores[role]?.total ?? null,
    /** The evaluator's answers over the unit's (questions not reviewed keep the unit's answer). */
    merged: review.merged[role]?.total ?? null,
    final: review.final.total,
  };
  if (flags.has("json")) {
    const json = {
      schema: "lke-zi/review@1",
      file: input,
      role,
      columns,
      added: found === "added",
      answered: review.answered[role] ?? 0,
      totals,
      differences,
      ...(out ? { output: out } : {}),
    };
    io.stdout(JSON.stringify(json, null, 2) + "\n");
    return EXIT.ok;
  }
  const label = ROLE_LABEL[role];
  const score = (v: number | null) => (v === null ? "-" : formatScore(v, "id"));
  io.stdout(
    `${found === "added" ? `Kolom ${label} ditambahkan di ${columns} (jawaban kosong)` : `Kolom ${label} ada di ${columns}`}; ` +
      `${review.answered[role] ?? 0} butir dijawab ${label}, ${differences.length} berbeda dari unit. ` +
      `Nilai unit ${score(totals.unit)} · ${label} atas jawaban unit ${score(totals.merged)} · akhir ${score(totals.final)}.` +
      `${flags.has("catatan") ? " Lembar Catatan Evaluasi ditulis." : ""}${out ? ` Disimpan ke ${out}.` : ""}\n`,
  );
  for (const d of differences.slice(0, 10)) io.stdout(`  ${d.item} ${d.cell}: unit "${d.unit}" → ${label} "${d.evaluator}" (${d.points >= 0 ? "+" : ""}${formatScore(d.points, "id")})\n`);
  return EXIT.ok;
}
