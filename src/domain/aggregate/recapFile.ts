// One file of a coordinator's batch as the recap sees it: the unit's summary, or why the file was not counted.
import type { UnitSummary } from "./summarizeUnit";

/** Why a file was not counted, as data: the sentence in each language comes from src/i18n. */
export type RecapReason =
  /** The workbook cannot be used: a gateway error code ("corrupt", "no-lke-sheet", "too-large" …). */
  | { kind: "input"; code: string }
  /** The same workbook, or another workbook of the same unit, came earlier in the batch. */
  | { kind: "duplicate"; of: string; unit: string };

export interface RecapFile {
  /** The path (CLI) or the name (task pane) the user gave. */
  file: string;
  /** SHA-256 of the bytes, hex: the same workbook submitted twice. */
  hash?: string;
  summary?: UnitSummary;
  /** Why the file was not counted, in Bahasa Indonesia (the CLI's sentence). */
  error?: string;
  reason?: RecapReason;
}
