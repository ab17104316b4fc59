// Items of the model the sheet does not have, and rows that look like questions but match nothing.
import { toA1 } from "../grid/address";
import type { LkeLayout } from "../layout/detectLayout";
import type { Finding } from "./finding";

export function checkLayout(layout: LkeLayout): Finding[] {
  const missing: Finding[] = layout.unmatched.map((u) => ({
    rule: "layout.unmatched",
    severity: "error",
    sheet: layout.sheet,
    item: u.code,
    params: { reason: u.reason },
  }));
  const strays: Finding[] = layout.unrecognized.map((r) => ({
    rule: "layout.unmatched",
    severity: "warning",
    sheet: layout.sheet,
    cell: toA1(r.row, layout.columns.text.from),
    params: { reason: "row-not-recognized", text: r.text.slice(0, 120) },
  }));
  return [...missing, ...strays];
}
