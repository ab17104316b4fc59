// The Rekap panel's text by locale, and the reason a file was not counted in the pane's language (the CLI's
// catalogue of input reasons, inputReasons.ts; duplicates from the panel's text).
import type { GatewayErrorCode } from "../app/gatewayError";
import type { RecapProblem } from "../domain/aggregate/recapTable";
import type { Locale } from "./formatNumber";
import { INPUT_REASONS, inputReason } from "./inputReasons";
import { rekapEn } from "./rekap.en";
import { rekapId, type RekapMessages } from "./rekap.id";

export type { RekapMessages } from "./rekap.id";

export function rekapMessages(locale: Locale): RekapMessages {
  return locale === "en" ? rekapEn : rekapId;
}

export function recapProblemText(problem: RecapProblem, locale: Locale): string {
  const reason = problem.reason;
  if (reason?.kind === "input" && reason.code in INPUT_REASONS) return inputReason(reason.code as GatewayErrorCode, locale);
  if (reason?.kind === "duplicate") return rekapMessages(locale).duplicate(reason.of, reason.unit);
  return problem.error;
}
