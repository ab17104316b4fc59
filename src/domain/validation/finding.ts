// A finding: one thing wrong with the workbook, at one cell, with the facts a message needs.

export type Severity = "error" | "warning" | "info";

export type RuleId =
  | "answer.missing"
  | "answer.invalid"
  | "answer.noncanonical"
  | "answer.type-changed"
  | "answer.validation-list"
  | "count.invalid"
  | "count.inconsistent"
  | "count.zero-denominator"
  | "survey.out-of-range"
  | "evidence.missing"
  | "evidence.not-url"
  | "evidence.unsafe"
  | "evidence.duplicate"
  | "evidence.malformed"
  | "evidence.unreachable"
  | "formula.overwritten"
  | "formula.deviation"
  | "weight.changed"
  | "cache.mismatch"
  | "layout.unmatched";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell to look at; absent when the item is not in the sheet at all. */
  cell?: string;
  /** Model code of the item concerned. */
  item?: string;
  /** Facts for the message: the value found, what was expected, … (rendered by src/i18n). */
  params: Record<string, string | number>;
}
