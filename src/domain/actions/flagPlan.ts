// Findings shown where the user works: the plan of the flags on the LKE sheet, one per cell, each a highlight
// coloured by the most severe finding at that cell and a note saying what is wrong and how to fix it. The text
// comes from the caller (src/i18n's describeFinding in Bahasa Indonesia): the domain holds no UI text.
import { parseA1 } from "../grid/address";
import type { Finding, RuleId, Severity } from "../validation/finding";

/** Highlight colours per severity: fill and font, as Excel's "Light Red Fill with Dark Red Text" and its kin. */
export const FLAG_COLORS: Readonly<Record<Severity, { readonly fill: string; readonly font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Between the flag's text and a note the user had on the cell before (kept below it). */
export const NOTE_SEPARATOR = "\n\n----\n";

export interface FlagCell {
  sheet: string;
  /** "K12" */
  cell: string;
  /** The most severe finding's: it picks the colours. */
  severity: Severity;
  /** One block per finding, most severe first: its message, a line break, its hint. */
  note: string;
  rules: RuleId[];
}

export interface FlagPlan {
  cells: FlagCell[];
}

export type DescribeFinding = (finding: Finding) => { message: string; hint: string };

/**
 * One flag per cell of `sheet` that has findings (findings without a cell, or on other sheets, have nowhere to
 * be shown), in sheet order (by row, then column).
 */
export function buildFlagPlan(findings: readonly Finding[], sheet: string, describe: DescribeFinding): FlagPlan {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet || !f.cell) continue;
    const list = byCell.get(f.cell);
    if (list) list.push(f);
    else byCell.set(f.cell, [f]);
  }
  const cells: FlagCell[] = [];
  for (const [cell, list] of byCell) {
    const ordered = list.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map((x) => x.f);
    const blocks: string[] = [];
    for (const f of ordered) {
      const { message, hint } = describe(f);
      const block = hint ? `${message}\n${hint}` : message;
      if (!blocks.includes(block)) blocks.push(block);
    }
    cells.push({ sheet, cell, severity: ordered[0]!.severity, note: blocks.join("\n\n"), rules: [...new Set(ordered.map((f) => f.rule))] });
  }
  const position = (a1: string) => parseA1(a1);
  cells.sort((a, b) => {
    const [p, q] = [position(a.cell), position(b.cell)];
    return p.row - q.row || p.col - q.col;
  });
  return { cells };
}
