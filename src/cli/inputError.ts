// One clear sentence for an input that cannot be used: Bahasa Indonesia, then English beneath. The sentences are
// src/i18n/inputReasons.ts, which the task pane's Rekap panel shows too.
import type { GatewayErrorCode } from "../app/gatewayError";
import { INPUT_REASONS as REASONS } from "../i18n/inputReasons";

export function inputErrorMessage(file: string, code: GatewayErrorCode): string {
  const [id, en] = REASONS[code];
  return `lke-zi: berkas "${file}" ${id}.\nlke-zi: file "${file}" ${en}.\n`;
}

