// Evaluator review: the scores of each answer set (unit, TPI, TPN) by the same engine, the final score as the
// regulation takes it (per question TPN over TPI over the unit, where present), and the differences between the
// unit and an evaluator, largest first, each at its cell.
import { toA1 } from "../grid/address";
import { cellText, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout } from "../layout/detectLayout";
import type { Role } from "../layout/findHeader";
import { readEntries } from "../layout/readEntries";
import type { LoadedModel } from "../model/loadModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { scoreItems, scoreLeaf, scoreLke, type LkeScores } from "../scoring/scoreLke";

export interface RoleDifference {
  item: string;
  /** The evaluator's answer cell. */
  cell: string;
  unit: string;
  evaluator: string;
  /** Points of the total the evaluator's answer moves (negative: the evaluator scores it lower). */
  points: number;
}

export interface RoleReview {
  roles: Role[];
  scores: Partial<Record<Role, LkeScores>>;
  /** Per question the highest role that answered it: TPN, else TPI, else the unit. */
  final: LkeScores;
  /** Which role's answer the final score took, per question. */
  finalSource: Map<string, Role>;
  differences: Partial<Record<Exclude<Role, "unit">, RoleDifference[]>>;
  /** Questions each role has answered (an answer, or any count typed). */
  answered: Partial<Record<Role, number>>;
  /**
   * Each evaluator's answers over the unit's: per question the evaluator's where given, else the unit's. What the
   * review so far makes of the unit's score; the evaluator's own score once every question is reviewed.
   */
  merged: Partial<Record<Exclude<Role, "unit">, LkeScores>>;
}

/** An entry with something in it: an answer, or any count. */
function answered(e: ItemEntry | undefined): boolean {
  if (!e) return false;
  if (e.answer) return e.answer.value !== null && e.answer.value !== "";
  return Object.values(e.counts ?? {}).some((c) => c && !c.isFormula && c.value !== null && c.value !== "");
}

/** What the evaluator's answer to one question moves the total by, the unit's other answers kept. */
function pointsMoved(model: LoadedModel, unit: ReadonlyMap<string, ItemScore>, theirs: ItemScore | undefined, code: string): number {
  const q = model.questionByCode.get(code)!;
  if (q.weight !== undefined) return ((theirs?.value ?? 0) - (unit.get(code)?.value ?? 0)) * q.weight;
  const leaf = model.parentOf.get(code)!;
  const swapped = new Map(unit);
  if (theirs) swapped.set(code, theirs);
  else swapped.delete(code);
  return scoreLeaf(leaf, swapped, "regulation") - scoreLeaf(leaf, unit, "regulation");
}

export function reviewRoles(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout): RoleReview {
  const order: Role[] = ["unit", "tpi", "tpn"];
  const roles = order.filter((r) => layout.columns.roles[r]);
  const entries = new Map(roles.map((r) => [r, readEntries(sheet, layout, model, r)]));
  const items = new Map(roles.map((r) => [r, scoreItems(model, entries.get(r)!)]));
  const scores: RoleReview["scores"] = {};
  for (const r of roles) scores[r] = scoreLke(model, items.get(r)!, "regulation");

  const finalEntries = new Map<string, ItemEntry>();
  const finalSource = new Map<string, Role>();
  for (const q of model.questions) {
    const source = [...roles].reverse().find((r) => answered(entries.get(r)!.get(q.code))) ?? "unit";
    finalSource.set(q.code, source);
    const e = entries.get(source)?.get(q.code);
    if (e) finalEntries.set(q.code, e);
  }
  const final = scoreLke(model, scoreItems(model, finalEntries), "regulation");

  const merged: RoleReview["merged"] = {};
  for (const r of roles) {
    if (r === "unit") continue;
    const over = new Map<string, ItemEntry>();
    for (const q of model.questions) {
      const e = answered(entries.get(r)!.get(q.code)) ? entries.get(r)!.get(q.code) : entries.get("unit")?.get(q.code);
      if (e) over.set(q.code, e);
    }
    merged[r] = scoreLke(model, scoreItems(model, over), "regulation");
  }

  const differences: RoleReview["differences"] = {};
  const unitItems = items.get("unit");
  for (const r of roles) {
    if (r === "unit" || !unitItems) continue;
    const col = layout.columns.roles[r]!.answer;
    const unitCol = layout.columns.roles.unit!.answer;
    const theirs = items.get(r)!;
    const list: RoleDifference[] = [];
    for (const q of model.questions) {
      if (!answered(entries.get(r)!.get(q.code))) continue; // not reviewed yet
      const a = unitItems.get(q.code);
      const b = theirs.get(q.code);
      if (a?.status === b?.status && a?.value === b?.value) continue;
      const row = q.percent
        ? layout.rows.counts.get(`${q.code}#${q.percent.inputs.find((i) => i.role === "num" || i.role === "now")!.key}`)
        : layout.rows.questions.get(q.code);
      if (row === undefined) continue;
      list.push({
        item: q.code,
        cell: toA1(row, col),
        unit: cellText(sheet, row, unitCol),
        evaluator: cellText(sheet, row, col),
        points: pointsMoved(model, unitItems, theirs.get(q.code), q.code),
      });
    }
    differences[r as Exclude<Role, "unit">] = list.sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
  }
  const answeredBy: RoleReview["answered"] = {};
  for (const r of roles) answeredBy[r] = model.questions.filter((q) => answered(entries.get(r)!.get(q.code))).length;
  return { roles, scores, final, finalSource, differences, answered: answeredBy, merged };
}
