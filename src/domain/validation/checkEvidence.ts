// Findings on the evidence (bukti dukung) of each question: a scoring answer without a link, evidence that is
// no http(s) link, unsafe targets, Google Drive links nobody else can open, and one link used as evidence for
// unrelated indicators. Only what the sheet shows is judged; whether a link answers is the CLI's --check-links.
import { toA1 } from "../grid/address";
import { cellText, cellValue, type SheetGrid } from "../grid/sheetGrid";
import type { LkeLayout, RoleColumns } from "../layout/detectLayout";
import { itemRows } from "../layout/readEntries";
import type { LoadedModel } from "../model/loadModel";
import type { ItemScore } from "../scoring/scoreItem";
import { displayLink, linkKey, readCellEvidence, type CellLink, type CellMode } from "./evidenceLinks";
import type { Finding } from "./finding";

/** One link found as evidence of one item. */
export interface EvidenceLink {
  item: string;
  /** The node whose score the item feeds (its indicator or sub-indicator). */
  indicator: string;
  row: number;
  col: number;
  cell: string;
  link: CellLink;
}

/** Everything the sheet holds as evidence of one item. */
export interface ItemEvidence {
  item: string;
  /** The item's question row and, for `%` items, its count rows. */
  rows: number[];
  /** Something is in the evidence column on the item's rows (text, a hyperlink or a formula). */
  filled: boolean;
  /** A HYPERLINK() whose target cannot be read from here: evidence is there, only not judged. */
  opaque: boolean;
  /** Each link once per item (the first cell where it appears). */
  links: EvidenceLink[];
}

/** Longest list of other items named in an evidence.duplicate finding. */
export const MAX_OTHERS = 5;

/**
 * The evidence columns to read: the role's own, else the unit's (evidence is the unit's even when an evaluator's
 * answers are scored). The link column is judged as links; a description column ("Bukti Dukung") only for links.
 */
function evidenceColumns(layout: LkeLayout, columns: RoleColumns): Array<{ col: number; mode: CellMode }> {
  const own = columns.evidence !== undefined || columns.evidenceText !== undefined ? columns : (layout.columns.roles.unit ?? columns);
  const out: Array<{ col: number; mode: CellMode }> = [];
  if (own.evidence !== undefined) out.push({ col: own.evidence, mode: "links" });
  if (own.evidenceText !== undefined && own.evidenceText !== own.evidence) out.push({ col: own.evidenceText, mode: "description" });
  return out;
}

/** The evidence of every item found in the sheet, in sheet order. */
export function collectEvidence(model: LoadedModel, sheet: SheetGrid, layout: LkeLayout, columns: RoleColumns): ItemEvidence[] {
  const cols = evidenceColumns(layout, columns);
  if (cols.length === 0) return [];
  const out: ItemEvidence[] = [];
  for (const q of model.questions) {
    const row = layout.rows.questions.get(q.code);
    if (row === undefined) continue;
    const rows = itemRows(layout, q);
    const indicator = model.parentOf.get(q.code)?.code ?? q.code;
    const ev: ItemEvidence = { item: q.code, rows, filled: false, opaque: false, links: [] };
    const seen = new Set<string>();
    for (const r of rows) {
      for (const { col, mode } of cols) {
        const cell = readCellEvidence(sheet, r, col, mode);
        if (mode === "links") ev.filled ||= cell.filled;
        ev.opaque ||= cell.opaque;
        for (const link of cell.links) {
          const key = linkKey(link);
          if (seen.has(key)) continue;
          seen.add(key);
          ev.links.push({ item: q.code, indicator, row: r, col, cell: toA1(r, col), link });
        }
      }
    }
    out.push(ev);
  }
  return out;
}

export function checkEvidence(
  model: LoadedModel,
  sheet: SheetGrid,
  layout: LkeLayout,
  columns: RoleColumns,
  items: ReadonlyMap<string, ItemScore>,
): Finding[] {
  const evidence = collectEvidence(model, sheet, layout, columns);
  const found: Array<Finding & { at: [number, number] }> = [];
  const base = { sheet: sheet.name };

  for (const ev of evidence) {
    const item = items.get(ev.item);
    const row = ev.rows[0]!;
    if (item?.status === "answered" && (item.value ?? 0) > 0 && !ev.filled && !ev.opaque && ev.links.length === 0) {
      found.push({
        ...base,
        rule: "evidence.missing",
        severity: "warning",
        cell: toA1(row, columns.answer),
        item: ev.item,
        params: answerParams(model, sheet, ev.item, row, columns.answer),
        at: [row, columns.answer],
      });
    }
    for (const e of ev.links) {
      const c = e.link.class;
      const common = { ...base, cell: e.cell, item: e.item, at: [e.row, e.col] as [number, number] };
      const value = displayLink(e.link.raw);
      const source = e.link.source;
      if (c.kind === "unsafe") {
        found.push({ ...common, rule: "evidence.unsafe", severity: "error", params: { value, scheme: c.scheme, source } });
      } else if (c.kind === "malformed") {
        found.push({ ...common, rule: "evidence.malformed", severity: "warning", params: { value, reason: c.reason, source } });
      } else if (c.kind === "not-url") {
        const params: Finding["params"] = { value, reason: c.reason, source };
        if (c.scheme) params.scheme = c.scheme;
        found.push({ ...common, rule: "evidence.not-url", severity: "warning", params });
      }
    }
  }
  found.push(...duplicates(evidence, sheet.name));
  found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
  return found.map(({ rule, severity, sheet: name, cell, item, params }) => ({ rule, severity, sheet: name, cell, item, params }));
}

/** The answer, for the message; none for `%` items, whose question row holds a computed fraction. */
function answerParams(model: LoadedModel, sheet: SheetGrid, code: string, row: number, col: number): Finding["params"] {
  if (model.questionByCode.get(code)?.percent) return {};
  const v = cellValue(sheet, row, col);
  return { answer: typeof v === "number" ? v : cellText(sheet, row, col).trim() };
}

/** One link as evidence of items of two or more indicators: every cell involved, once, naming the others. */
function duplicates(evidence: readonly ItemEvidence[], sheet: string): Array<Finding & { at: [number, number] }> {
  const groups = new Map<string, EvidenceLink[]>();
  for (const ev of evidence) {
    for (const e of ev.links) {
      if (e.link.class.kind !== "url") continue;
      const key = e.link.class.normalized;
      const g = groups.get(key);
      if (g) g.push(e);
      else groups.set(key, [e]);
    }
  }
  const out: Array<Finding & { at: [number, number] }> = [];
  for (const group of groups.values()) {
    if (new Set(group.map((e) => e.indicator)).size < 2) continue; // reuse within one indicator is normal
    for (const e of group) {
      const others = group.filter((o) => o.item !== e.item).map((o) => o.item);
      const listed = others.slice(0, MAX_OTHERS).join(", ") + (others.length > MAX_OTHERS ? ", …" : "");
      out.push({
        rule: "evidence.duplicate",
        severity: "warning",
        sheet,
        cell: e.cell,
        item: e.item,
        params: { value: displayLink(e.link.raw), others: listed, count: others.length },
        at: [e.row, e.col],
      });
    }
  }
  return out;
}
