// What each panel shows, computed from the analysis: pure functions of plain data, tested without React
// (test/taskpane/state/paneSelectors.test.ts). Text is not made here: the components take it from src/i18n.
import { parseA1, toA1 } from "../../domain/grid/address";
import { cellText } from "../../domain/grid/sheetGrid";
import { improvementChoices } from "../../domain/gaps/improvementChoices";
import type { HasilNeed, Recommendation } from "../../domain/gaps/pathToPredicate";
import { evaluatePredicates, type Predicate, type Target, type UnmetCriterion } from "../../domain/gaps/predicates";
import { whatIf, type AnswerChange } from "../../domain/gaps/whatIf";
import type { AnswerTypeId, CountInput } from "../../domain/model/lkeModel";
import type { LkeAnalysis } from "../../domain/report/analyzeLke";
import type { ItemStatus } from "../../domain/scoring/scoreItem";
import { collectEvidence, type ItemEvidence } from "../../domain/validation/checkEvidence";
import { displayLink } from "../../domain/validation/evidenceLinks";
import type { Finding, Severity } from "../../domain/validation/finding";
import type { FindingArea, FindingFilter } from "./paneReducer";

const EPS = 1e-9;

// ---------------------------------------------------------------------------------------------------------
// Ringkasan

export interface AreaBar {
  no: number;
  name: string;
  value: number;
  max: number;
  /** value / max, 0..1. */
  ratio: number;
}

export interface SummaryView {
  total: number;
  pengungkit: number;
  hasil: number;
  max: { total: number; pengungkit: number; hasil: number };
  areas: AreaBar[];
  /** The per-area minimum of each predicate, as a share of the area's maximum (0.6, 0.75). */
  marks: Record<Target, number>;
  predicates: Record<Target, Predicate>;
  answered: { done: number; total: number };
  evidence: { present: number; needed: number };
  /** The total the workbook itself shows (its cached formula result), where it has one. */
  workbookTotal: number | null;
}

const evidenceCache = new WeakMap<LkeAnalysis, Map<string, ItemEvidence>>();

/** The evidence the sheet holds for every item (collected once per analysis). */
export function evidenceByItem(a: LkeAnalysis): Map<string, ItemEvidence> {
  let hit = evidenceCache.get(a);
  if (!hit) {
    const columns = a.layout.columns.roles[a.role];
    hit = new Map(columns ? collectEvidence(a.model, a.sheet, a.layout, columns).map((e) => [e.item, e]) : []);
    evidenceCache.set(a, hit);
  }
  return hit;
}

function hasEvidence(e: ItemEvidence | undefined): boolean {
  return !!e && (e.filled || e.opaque || e.links.length > 0);
}

/** A scoring answer needs evidence (the rule of evidence.missing). */
function needsEvidence(a: LkeAnalysis, item: string): boolean {
  const s = a.items.get(item);
  return s?.status === "answered" && (s.value ?? 0) > 0;
}

export function summaryView(a: LkeAnalysis, priorWbk: boolean): SummaryView {
  const { model, scores } = a;
  const root = (code: string) => model.roots.find((r) => r.code === code)?.weight ?? 0;
  const evidence = evidenceByItem(a);
  let needed = 0;
  let present = 0;
  for (const q of model.questions) {
    if (!needsEvidence(a, q.code)) continue;
    needed++;
    if (hasEvidence(evidence.get(q.code))) present++;
  }
  return {
    total: scores.total,
    pengungkit: scores.pengungkit,
    hasil: scores.hasil,
    max: { total: model.roots.reduce((s, r) => s + r.weight, 0), pengungkit: root("A"), hasil: root("B") },
    areas: scores.areas.map((s) => ({ no: s.no, name: s.name, value: s.total, max: s.max, ratio: s.max > 0 ? Math.min(1, s.total / s.max) : 0 })),
    marks: { wbk: model.thresholds.wbk.areaPct, wbbm: model.thresholds.wbbm.areaPct },
    predicates: evaluatePredicates(model, scores, { priorWbk }),
    answered: { done: model.questions.filter((q) => a.items.get(q.code)?.status === "answered").length, total: model.questions.length },
    evidence: { present, needed },
    workbookTotal: a.cached.total,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Temuan

export interface FindingRow {
  /** Index in analysis.findings: a stable key. */
  index: number;
  finding: Finding;
}

export interface FindingGroup {
  key: Exclude<FindingArea, "all">;
  /** The area's number and name for area groups. */
  area?: { no: number; name: string };
  rows: FindingRow[];
}

export interface FindingsView {
  total: number;
  shown: number;
  bySeverity: Record<Severity, number>;
  /** Groups that have findings at all, for the area filter. */
  areas: Array<{ key: Exclude<FindingArea, "all">; area?: { no: number; name: string }; count: number }>;
  groups: FindingGroup[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The area an item belongs to ("1".."6"), "hasil" for Hasil items, "general" without an item. */
export function areaOfItem(a: LkeAnalysis, item: string | undefined): Exclude<FindingArea, "all"> {
  if (!item) return "general";
  const { model } = a;
  const node = model.nodeByCode.get(item) ?? model.parentOf.get(item);
  if (node?.area !== undefined) return `${node.area}`;
  if (item.startsWith("B")) return "hasil";
  return "general";
}

function rowOf(cell: string | undefined): number {
  if (!cell) return Number.MAX_SAFE_INTEGER;
  try {
    return parseA1(cell).row;
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

function groupOrder(key: string): number {
  if (key === "hasil") return 100;
  if (key === "general") return 101;
  return Number(key);
}

export function findingsView(a: LkeAnalysis, filter: FindingFilter): FindingsView {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const all = new Map<string, FindingRow[]>();
  a.findings.forEach((finding, index) => {
    bySeverity[finding.severity]++;
    const key = areaOfItem(a, finding.item);
    let rows = all.get(key);
    if (!rows) all.set(key, (rows = []));
    rows.push({ index, finding });
  });
  const areaInfo = (key: string) => {
    const no = Number(key);
    const area = Number.isInteger(no) ? a.model.areas.find((x) => x.no === no) : undefined;
    return area ? { area: { no, name: area.name } } : {};
  };
  const keys = [...all.keys()].sort((x, y) => groupOrder(x) - groupOrder(y)) as Array<Exclude<FindingArea, "all">>;
  const keep = new Set(filter.severities);
  const groups: FindingGroup[] = [];
  let shown = 0;
  for (const key of keys) {
    if (filter.area !== "all" && filter.area !== key) continue;
    const rows = all
      .get(key)!
      .filter((r) => keep.has(r.finding.severity))
      .sort((x, y) => SEVERITY_ORDER[x.finding.severity] - SEVERITY_ORDER[y.finding.severity] || rowOf(x.finding.cell) - rowOf(y.finding.cell) || x.index - y.index);
    if (rows.length === 0) continue;
    shown += rows.length;
    groups.push({ key, ...areaInfo(key), rows });
  }
  return {
    total: a.findings.length,
    shown,
    bySeverity,
    areas: keys.map((key) => ({ key, ...areaInfo(key), count: all.get(key)!.length })),
    groups,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Kesenjangan

export interface UnmetRow {
  criterion: UnmetCriterion;
  /** For area criteria, the area's name. */
  areaName?: string;
}

export interface RecommendationRow {
  recommendation: Recommendation;
  /** The same change as a what-if answer. */
  change: AnswerChange;
  question: string;
  /** The recommended change is among the what-if answers. */
  tried: boolean;
}

export interface GapView {
  target: Target;
  eligible: boolean;
  unmet: UnmetRow[];
  reachable: boolean;
  steps: number;
  recommendations: RecommendationRow[];
  hasilNeeds: HasilNeed[];
}

const countIndex = new WeakMap<LkeAnalysis, Map<number, { item: string; countKey?: string }>>();

/** Which item (and `%` count) each row of the LKE sheet holds. */
export function itemsByRow(a: LkeAnalysis): Map<number, { item: string; countKey?: string }> {
  let hit = countIndex.get(a);
  if (!hit) {
    hit = new Map();
    for (const [item, row] of a.layout.rows.questions) hit.set(row, { item });
    for (const [key, row] of a.layout.rows.counts) {
      const hash = key.lastIndexOf("#");
      hit.set(row, { item: key.slice(0, hash), countKey: key.slice(hash + 1) });
    }
    countIndex.set(a, hit);
  }
  return hit;
}

/** The item of a selected address on the LKE sheet ("K12", "B12:Q12"), by its first row. */
export function itemAtAddress(a: LkeAnalysis, address: string): { item: string; countKey?: string } | undefined {
  const first = address.split(":")[0]?.replace(/^.*!/, "").trim() ?? "";
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(first) ?? /^\$?(\d+)$/.exec(first);
  if (!m) return undefined;
  return itemsByRow(a).get(Number(m[1]) - 1);
}

/** A recommendation as the what-if answer it stands for. */
export function recommendationChange(a: LkeAnalysis, r: Recommendation): AnswerChange {
  const q = a.model.questionByCode.get(r.item);
  const at = r.cell ? itemsByRow(a).get(rowOf(r.cell)) : undefined;
  const countKey = q?.percent ? at?.countKey : undefined;
  const numeric = Number(r.to.replace(",", "."));
  const value = q?.percent || q?.type === "survey" ? (Number.isFinite(numeric) ? numeric : r.to) : r.to;
  return countKey ? { item: r.item, countKey, value } : { item: r.item, value };
}

function isTried(trial: readonly AnswerChange[], c: AnswerChange): boolean {
  return trial.some((t) => t.item === c.item && t.countKey === c.countKey && String(t.value) === String(c.value));
}

export function gapView(a: LkeAnalysis, target: Target, priorWbk: boolean, trial: readonly AnswerChange[]): GapView {
  const predicate = evaluatePredicates(a.model, a.scores, { priorWbk })[target];
  const path = a.paths[target];
  return {
    target,
    eligible: predicate.eligible,
    unmet: predicate.unmet.map((criterion) => {
      const area = criterion.area === undefined ? undefined : a.model.areas.find((x) => x.no === criterion.area);
      return area ? { criterion, areaName: area.name } : { criterion };
    }),
    reachable: path.reachable,
    steps: path.steps,
    recommendations: path.recommendations.map((recommendation) => {
      const change = recommendationChange(a, recommendation);
      return {
        recommendation,
        change,
        question: a.model.questionByCode.get(recommendation.item)?.text ?? recommendation.item,
        tried: isTried(trial, change),
      };
    }),
    hasilNeeds: path.hasilNeeds,
  };
}

// ---------------------------------------------------------------------------------------------------------
// What-if

export interface TrialView {
  changes: number;
  from: number;
  to: number;
  predicates: Record<Target, Predicate>;
}

export function trialView(a: LkeAnalysis, trial: readonly AnswerChange[], priorWbk: boolean): TrialView | undefined {
  if (trial.length === 0) return undefined;
  const r = whatIf(a, trial, { priorWbk });
  return { changes: trial.length, from: a.scores.total, to: r.scores.total, predicates: r.predicates };
}

// ---------------------------------------------------------------------------------------------------------
// Panduan

export interface GuideOption {
  key: string;
  text: string;
  value: number;
  current: boolean;
  /** Points the total gains (or loses) with this answer, the other answers as they are. */
  effect: number;
}

export interface GuideCount {
  input: CountInput;
  cell?: string;
  value: string;
}

export interface GuideView {
  code: string;
  text: string;
  type: AnswerTypeId;
  typeLabel: string;
  criteria: string;
  area?: { no: number; name: string };
  indicator?: { code: string; name: string; weight: number };
  cell?: string;
  answer: { text: string; status: ItemStatus | "absent"; value: number | null };
  options: GuideOption[];
  counts: GuideCount[];
  /** `%` items short of 100%: the count to change, its value at 100% and the effect on the total. */
  full?: { countKey: string; label: string; value: number; effect: number };
  evidence: { needed: boolean; links: Array<{ cell: string; text: string }>; filled: boolean };
  findings: FindingRow[];
}

export function guideView(a: LkeAnalysis, code: string): GuideView | undefined {
  const { model } = a;
  const q = model.questionByCode.get(code);
  if (!q) return undefined;
  const parent = model.parentOf.get(code);
  const areaNo = parent?.area;
  const area = areaNo === undefined ? undefined : model.areas.find((x) => x.no === areaNo);
  const answerCol = a.layout.columns.roles[a.role]?.answer;
  const row = a.layout.rows.questions.get(code);
  const item = a.items.get(code);
  const entry = a.entries.get(code);
  const type = model.answerTypes[q.type];
  const base = a.scores.total;
  const effect = (change: AnswerChange) => whatIf(a, [change]).scores.total - base;

  const options = q.percent
    ? []
    : (q.options ?? type.options ?? []).map((o) => {
        const text = "text" in o && typeof o.text === "string" ? o.text : o.key;
        const current = item?.status === "answered" && Math.abs((item.value ?? NaN) - o.value) < EPS && matchesKey(entry?.answer?.value, o.key);
        return { key: o.key, text, value: o.value, current, effect: effect({ item: code, value: o.key }) };
      });

  const counts: GuideCount[] = (q.percent?.inputs ?? []).map((input) => {
    const r = a.layout.rows.counts.get(`${code}#${input.key}`);
    return {
      input,
      ...(r !== undefined && answerCol !== undefined ? { cell: toA1(r, answerCol) } : {}),
      value: r !== undefined && answerCol !== undefined ? cellText(a.sheet, r, answerCol) : "",
    };
  });
  let full: GuideView["full"];
  if (q.percent) {
    const choice = improvementChoices(model, q, item, entry).find((c) => c.countKey !== undefined && typeof c.enter === "number");
    if (choice && choice.countKey && typeof choice.enter === "number") {
      const label = q.percent.inputs.find((i) => i.key === choice.countKey)?.label ?? choice.countKey;
      full = { countKey: choice.countKey, label, value: choice.enter, effect: effect({ item: code, countKey: choice.countKey, value: choice.enter }) };
    }
  }

  const ev = evidenceByItem(a).get(code);
  return {
    code,
    text: q.text,
    type: q.type,
    typeLabel: type.label,
    criteria: q.criteria,
    ...(area ? { area: { no: area.no, name: area.name } } : {}),
    ...(parent ? { indicator: { code: parent.code, name: parent.name, weight: parent.weight } } : {}),
    ...(row !== undefined && answerCol !== undefined ? { cell: toA1(row, answerCol) } : {}),
    answer: {
      text: row !== undefined && answerCol !== undefined ? cellText(a.sheet, row, answerCol) : "",
      status: item?.status ?? "absent",
      value: item?.value ?? null,
    },
    options,
    counts,
    ...(full ? { full } : {}),
    evidence: {
      needed: needsEvidence(a, code),
      filled: hasEvidence(ev),
      links: (ev?.links ?? []).map((l) => ({ cell: l.cell, text: displayLink(l.link.raw) })),
    },
    findings: a.findings.map((finding, index) => ({ index, finding })).filter((r) => r.finding.item === code),
  };
}

function matchesKey(value: unknown, key: string): boolean {
  return typeof value === "string" ? value.trim().toLowerCase() === key.toLowerCase() : typeof value === "number" || typeof value === "boolean";
}

/** Every scored item for the Panduan picker, in sheet order, with its area group. */
export function guideItems(a: LkeAnalysis): Array<{ code: string; text: string; group: Exclude<FindingArea, "all"> }> {
  return a.model.questions.map((q) => ({ code: q.code, text: q.text, group: areaOfItem(a, q.code) }));
}
