// lke-zi report <file.xlsx> [--json] [--role unit|tpi|tpn] [--fail-on error|warning] [--lang id|en] [--prior-wbk] [--check-links]
import { analyzeWorkbook } from "../../app/analyzeWorkbook";
import { toReportJson } from "../../app/reportJson";
import type { Role } from "../../domain/layout/findHeader";
import type { Locale } from "../../i18n/formatNumber";
import { XlsxGateway } from "../../xlsx/xlsxGateway";
import { parseArgs, UsageError } from "../args";
import { checkEvidenceLinks } from "../checkLinks";
import { EXIT } from "../exitCodes";
import { formatReport } from "../formatReport";
import { readInputFile, type CliIo } from "../io";

export const REPORT_FLAGS = {
  json: {},
  role: { values: ["unit", "tpi", "tpn"] },
  "fail-on": { values: ["error", "warning"] },
  lang: { values: ["id", "en"] },
  "prior-wbk": {},
  "check-links": {},
} as const;

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { positional, flags } = parseArgs(argv, REPORT_FLAGS);
  if (positional.length !== 1) throw new UsageError("report memerlukan tepat satu berkas .xlsx / report needs exactly one .xlsx file");
  const file = positional[0]!;
  const analysis = await analyzeWorkbook(new XlsxGateway(readInputFile(file)), {
    role: (flags.get("role") as Role | undefined) ?? "unit",
    priorWbk: flags.has("prior-wbk"),
  });
  // Off by default: the only network access of the tool, and only when asked for.
  if (flags.has("check-links")) analysis.findings.push(...(await checkEvidenceLinks(analysis)));
  const report = toReportJson(analysis, file, (flags.get("lang") as Locale | undefined) ?? "id");
  io.stdout(flags.has("json") ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
  const failOn = flags.get("fail-on");
  const failing = report.findings.some((f) => f.severity === "error" || (failOn === "warning" && f.severity === "warning"));
  return failOn && failing ? EXIT.findings : EXIT.ok;
}
