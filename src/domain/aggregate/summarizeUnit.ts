// One unit's line in a coordinator's recap: its name, scores, verdicts, error count and the gap that blocks it most.
import type { UnmetCriterion } from "../gaps/predicates";
import { cellText } from "../grid/sheetGrid";
import type { LkeAnalysis } from "../report/analyzeLke";
import type { LkeScores } from "../scoring/scoreLke";

export interface UnitSummary {
  unit: string;
  scores: Omit<LkeScores, "indicators">;
  predicates: { wbk: { eligible: boolean; unmet: UnmetCriterion[] }; wbbm: { eligible: boolean; unmet: UnmetCriterion[] } };
  errors: number;
  /** The unmet WBK criterion with the largest relative gap (WBBM's when WBK is met), if any. */
  biggestGap?: UnmetCriterion;
}

const UNIT_LABEL = /^\s*(nama\s+)?unit(\s+kerja)?\s*[:=]\s*(.+)$/im;

/**
 * The unit's name as the workbook states it: a "Unit kerja: …" line in the title rows, or a cell labelled
 * "Unit kerja"/"Nama unit" with the name beside it. Undefined when the workbook does not say.
 */
export function unitNameOf(a: LkeAnalysis): string | undefined {
  const sheet = a.sheet;
  const rows = Math.min(sheet.values.length, a.layout.headerRow + 1);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(sheet, r, c).trim();
      if (!text) continue;
      const inline = UNIT_LABEL.exec(text);
      if (inline) return inline[3]!.trim();
      if (/^(nama\s+)?unit(\s+kerja)?\s*:?$/i.test(text)) {
        const next = row.slice(c + 1).map((_, i) => cellText(sheet, r, c + 1 + i).trim()).find((t) => t !== "");
        if (next) return next;
      }
    }
  }
  return undefined;
}

function relativeGap(u: UnmetCriterion): number {
  return u.required > 0 ? u.gap / u.required : u.gap;
}

export function summarizeUnit(a: LkeAnalysis, fallbackName: string): UnitSummary {
  const { indicators: _omit, ...scores } = a.scores;
  void _omit;
  const blocking = (a.predicates.wbk.eligible ? a.predicates.wbbm.unmet : a.predicates.wbk.unmet).filter((u) => u.criterion !== "priorPredicate");
  const biggestGap = [...blocking].sort((x, y) => relativeGap(y) - relativeGap(x))[0];
  return {
    unit: unitNameOf(a) ?? fallbackName,
    scores,
    predicates: {
      wbk: { eligible: a.predicates.wbk.eligible, unmet: a.predicates.wbk.unmet },
      wbbm: { eligible: a.predicates.wbbm.eligible, unmet: a.predicates.wbbm.unmet },
    },
    errors: a.findings.filter((f) => f.severity === "error").length,
    ...(biggestGap ? { biggestGap } : {}),
  };
}
