// The cheapest path to a predicate: the fewest answer steps that make every Pengungkit condition hold at once
// (each area's minimum and the Pengungkit total that, with Hasil as it is, reaches the total threshold).
// Solved exactly by dynamic programming: within an indicator over (steps, answered) → best sum of values;
// within an area by combining its indicators; across areas under each area's minimum. A greedy pick by points
// can miss an area minimum; this cannot.
import type { Thresholds } from "../model/lkeModel";
import type { LoadedModel } from "../model/loadModel";
import type { ModelNode } from "../model/lkeModel";
import type { ItemEntry, ItemScore } from "../scoring/scoreItem";
import { improvementChoices, type Choice } from "./improvementChoices";

const EPS = 1e-9;
const NONE = -Infinity;

export interface PlannedChange {
  item: string;
  choice: Choice;
}

export interface PengungkitPlan {
  /** Total answer steps; 0 when the conditions already hold. */
  steps: number;
  changes: PlannedChange[];
}

export interface PengungkitGoal {
  /** Minimum of each area (Pemenuhan + Reform), by area number. */
  areaMin: Map<number, number>;
  /** Minimum of the whole Pengungkit. */
  pengungkitMin: number;
}

/**
 * A table by cost: the best score reachable with exactly that many steps. Leaves keep their changes; a
 * combination keeps, per cost, how many of those steps went to its first part (read back at the end).
 */
interface Menu {
  best: number[];
  changes?: Array<PlannedChange[] | undefined>;
  parts?: [Menu, Menu];
  split?: number[];
}

export function pengungkitGoal(model: LoadedModel, t: Thresholds, hasil: number): PengungkitGoal {
  return {
    areaMin: new Map(model.areas.map((a) => [a.no, t.areaPct * (a.pemenuhan.weight + a.reform.weight)])),
    pengungkitMin: Math.max(t.pengungkit, t.total - hasil),
  };
}

/** Leaves that average their own questions: indicators without sub-indicators, and sub-indicators. */
function leavesOf(node: ModelNode): ModelNode[] {
  if (node.kind === "indikator" || node.kind === "subIndikator") {
    return node.children.length > 0 ? node.children.flatMap(leavesOf) : [node];
  }
  return node.children.flatMap(leavesOf);
}

/** Indicator menu: for each cost, the best weight × average of answered values (unanswered are skipped). */
function indicatorMenu(model: LoadedModel, leaf: ModelNode, items: ReadonlyMap<string, ItemScore>, entries: ReadonlyMap<string, ItemEntry>): Menu {
  // state[cost][answered] = best sum of values, with the changes that give it
  type Cell = { sum: number; changes: PlannedChange[] };
  let state: Array<Array<Cell | undefined>> = [[{ sum: 0, changes: [] }]];
  for (const q of leaf.questions) {
    const choices = improvementChoices(model, q, items.get(q.code), entries.get(q.code));
    const next: Array<Array<Cell | undefined>> = [];
    state.forEach((byCount, cost) =>
      byCount.forEach((cell, count) => {
        if (!cell) return;
        for (const ch of choices) {
          const c = cost + ch.cost;
          const n = count + (ch.value === null ? 0 : 1);
          const sum = cell.sum + (ch.value ?? 0);
          const row = (next[c] ??= []);
          const prev = row[n];
          if (!prev || sum > prev.sum + EPS) {
            row[n] = { sum, changes: ch.cost === 0 ? cell.changes : [...cell.changes, { item: q.code, choice: ch }] };
          }
        }
      }),
    );
    state = next;
  }
  const best: number[] = [];
  const changes: PlannedChange[][] = [];
  state.forEach((byCount, cost) => {
    byCount.forEach((cell, count) => {
      if (!cell) return;
      const score = count === 0 ? 0 : (cell.sum / count) * leaf.weight;
      if (best[cost] === undefined || score > best[cost]! + EPS) {
        best[cost] = score;
        changes[cost] = cell.changes;
      }
    });
  });
  return normalize({ best, changes });
}

/** Fills gaps (a cost with no exact plan) with NONE, so tables index by cost directly. */
function normalize(m: Menu): Menu {
  for (let c = 0; c < m.best.length; c++) if (m.best[c] === undefined) m.best[c] = NONE;
  return m;
}

/** Max-plus combination of two menus: best total for each total cost. */
function combine(a: Menu, b: Menu): Menu {
  const best: number[] = [];
  const split: number[] = [];
  for (let i = 0; i < a.best.length; i++) {
    const x = a.best[i]!;
    if (x === NONE) continue;
    for (let j = 0; j < b.best.length; j++) {
      const y = b.best[j]!;
      if (y === NONE) continue;
      const c = i + j;
      const prev = best[c];
      if (prev === undefined || prev === NONE || x + y > prev + EPS) {
        best[c] = x + y;
        split[c] = i;
      }
    }
  }
  return normalize({ best, parts: [a, b], split });
}

/** The changes behind a menu's entry at one cost. */
function changesAt(m: Menu, cost: number): PlannedChange[] {
  if (m.changes) return m.changes[cost] ?? [];
  const i = m.split![cost]!;
  return [...changesAt(m.parts![0], i), ...changesAt(m.parts![1], cost - i)];
}

/** Keeps only the costs at which the area meets its minimum. */
function atLeast(m: Menu, min: number): Menu {
  return { ...m, best: m.best.map((v) => (v + EPS >= min ? v : NONE)) };
}

/**
 * The plan with the fewest steps that meets every area minimum and the Pengungkit minimum, or undefined when
 * no answers can (Hasil too low for the total, say).
 */
export function planPengungkit(
  model: LoadedModel,
  goal: PengungkitGoal,
  items: ReadonlyMap<string, ItemScore>,
  entries: ReadonlyMap<string, ItemEntry>,
): PengungkitPlan | undefined {
  const empty: Menu = { best: [0], changes: [[]] };
  let total = empty;
  for (const area of model.areas) {
    const leaves = [...leavesOf(area.pemenuhan), ...leavesOf(area.reform)];
    const areaMenu = leaves.map((l) => indicatorMenu(model, l, items, entries)).reduce(combine, empty);
    total = combine(total, atLeast(areaMenu, goal.areaMin.get(area.no) ?? 0));
  }
  for (let c = 0; c < total.best.length; c++) {
    if (total.best[c] !== NONE && total.best[c]! + EPS >= goal.pengungkitMin) {
      return { steps: c, changes: changesAt(total, c) };
    }
  }
  return undefined;
}
