// The pane's shared state as one pure reducer (style-anchors 5.5): idle → reading → ready | failed, the analysis,
// the item in focus, the what-if answers, the write of Rekap ZI, the language and the open panel. Effects live in
// the hooks; components get what the selectors make of this state.
import type { CellActionKind } from "../../app/workbookActions";
import { GatewayError, type GatewayErrorCode } from "../../app/gatewayError";
import type { AnswerChange } from "../../domain/gaps/whatIf";
import type { Target } from "../../domain/gaps/predicates";
import type { LkeAnalysis } from "../../domain/report/analyzeLke";
import type { Severity } from "../../domain/validation/finding";
import type { Locale } from "../../i18n/formatNumber";
import { DEFAULT_LOCALE, type PaneTab } from "../../i18n/ui.messages";

export interface PaneError {
  code: GatewayErrorCode | "unknown";
  detail?: string;
}

/** The finding groups a filter can keep: an area number, the Hasil items, findings without an item. */
export type FindingArea = "all" | "hasil" | "general" | `${number}`;

export interface FindingFilter {
  severities: Severity[];
  area: FindingArea;
}

export interface PaneState {
  locale: Locale;
  tab: PaneTab;
  read: {
    status: "idle" | "reading" | "ready" | "failed";
    /** A new read while the last analysis stays on screen (a change in the sheet, "Baca ulang"). */
    refreshing: boolean;
    error?: PaneError;
    /** When the analysis on screen was read (ms since the epoch). */
    at?: number;
  };
  analysis?: LkeAnalysis;
  /** The standalone mode's open file. */
  file?: string;
  /** The item in focus (Panduan), and where the focus came from. */
  selected?: { item: string; cell?: string; source: "pane" | "excel" };
  /** What-if answers, tried in the pane only. */
  trial: AnswerChange[];
  target: Target;
  /** The unit already holds WBK (a fact the user confirms; a WBBM requirement). */
  priorWbk: boolean;
  annotate: { status: "idle" | "running" | "done" | "failed"; error?: PaneError; at?: number };
  /** The last in-workbook action (flag, clear, repair, restore) and what it did. */
  cellAction: { status: "idle" | "running" | "done" | "failed"; kind?: CellActionKind; changed?: number; kept?: number; error?: PaneError };
  findingFilter: FindingFilter;
  /** A failed action that is not a read or a write (selecting a cell, following the sheet). */
  actionError?: PaneError;
  /** The pane follows the LKE sheet's changes (Excel). */
  live: boolean;
}

export type PaneAction =
  | { type: "readStarted" }
  | { type: "readSucceeded"; analysis: LkeAnalysis; at: number }
  | { type: "readFailed"; error: PaneError }
  | { type: "fileOpened"; file: string }
  | { type: "localeChanged"; locale: Locale }
  | { type: "tabChanged"; tab: PaneTab }
  | { type: "itemSelected"; item: string; cell?: string; source: "pane" | "excel"; tab?: PaneTab }
  | { type: "trialSet"; change: AnswerChange }
  | { type: "trialRemoved"; item: string; countKey?: string }
  | { type: "trialReplaced"; changes: AnswerChange[] }
  | { type: "targetChanged"; target: Target }
  | { type: "priorWbkChanged"; priorWbk: boolean }
  | { type: "annotateStarted" }
  | { type: "annotateSucceeded"; at: number }
  | { type: "annotateFailed"; error: PaneError }
  | { type: "cellActionStarted"; kind: CellActionKind }
  | { type: "cellActionSucceeded"; kind: CellActionKind; changed: number; kept: number }
  | { type: "cellActionFailed"; kind: CellActionKind; error: PaneError }
  | { type: "findingFilterChanged"; filter: FindingFilter }
  | { type: "actionFailed"; error: PaneError }
  | { type: "actionErrorDismissed" }
  | { type: "liveChanged"; live: boolean };

export const ALL_SEVERITIES: Severity[] = ["error", "warning", "info"];

export function initialPaneState(locale: Locale = DEFAULT_LOCALE): PaneState {
  return {
    locale,
    tab: "summary",
    read: { status: "idle", refreshing: false },
    trial: [],
    target: "wbk",
    priorWbk: false,
    annotate: { status: "idle" },
    cellAction: { status: "idle" },
    findingFilter: { severities: ALL_SEVERITIES, area: "all" },
    live: false,
  };
}

/** Whatever a gateway or the core threw, as the pane shows it. */
export function toPaneError(error: unknown): PaneError {
  if (error instanceof GatewayError) {
    const detail = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : undefined;
    return detail ? { code: error.code, detail } : { code: error.code };
  }
  return { code: "unknown", detail: error instanceof Error ? error.message : String(error) };
}

function sameChange(a: AnswerChange, item: string, countKey: string | undefined): boolean {
  return a.item === item && a.countKey === countKey;
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "readStarted":
      return state.analysis
        ? { ...state, read: { ...state.read, refreshing: true } }
        : { ...state, read: { status: "reading", refreshing: false } };
    case "readSucceeded": {
      // The sheet may have moved on: a what-if answer the sheet now holds is no longer a what-if.
      const trial = state.trial.filter((c) => !holds(action.analysis, c));
      return { ...state, analysis: action.analysis, trial, read: { status: "ready", refreshing: false, at: action.at } };
    }
    case "readFailed":
      return { ...state, read: { status: "failed", refreshing: false, error: action.error, at: state.read.at } };
    case "fileOpened": {
      const next: PaneState = { ...state, file: action.file, trial: [], annotate: { status: "idle" }, read: { status: "reading", refreshing: false } };
      delete next.analysis;
      delete next.selected;
      delete next.actionError;
      return next;
    }
    case "localeChanged":
      return { ...state, locale: action.locale };
    case "tabChanged":
      return { ...state, tab: action.tab };
    case "itemSelected":
      return {
        ...state,
        selected: { item: action.item, source: action.source, ...(action.cell ? { cell: action.cell } : {}) },
        tab: action.tab ?? state.tab,
      };
    case "trialSet":
      return {
        ...state,
        trial: [...state.trial.filter((c) => !sameChange(c, action.change.item, action.change.countKey)), action.change],
      };
    case "trialRemoved":
      return { ...state, trial: state.trial.filter((c) => !sameChange(c, action.item, action.countKey)) };
    case "trialReplaced":
      return { ...state, trial: action.changes };
    case "targetChanged":
      return { ...state, target: action.target };
    case "priorWbkChanged":
      return { ...state, priorWbk: action.priorWbk };
    case "annotateStarted":
      return { ...state, annotate: { status: "running" } };
    case "annotateSucceeded":
      return { ...state, annotate: { status: "done", at: action.at } };
    case "annotateFailed":
      return { ...state, annotate: { status: "failed", error: action.error } };
    case "cellActionStarted":
      return { ...state, cellAction: { status: "running", kind: action.kind } };
    case "cellActionSucceeded":
      return { ...state, cellAction: { status: "done", kind: action.kind, changed: action.changed, kept: action.kept } };
    case "cellActionFailed":
      return { ...state, cellAction: { status: "failed", kind: action.kind, error: action.error } };
    case "findingFilterChanged":
      return { ...state, findingFilter: action.filter };
    case "actionFailed":
      return { ...state, actionError: action.error };
    case "actionErrorDismissed": {
      const next = { ...state };
      delete next.actionError;
      return next;
    }
    case "liveChanged":
      return { ...state, live: action.live };
  }
}

/** The analysis's sheet already holds this what-if answer. */
function holds(a: LkeAnalysis, c: AnswerChange): boolean {
  const entry = a.entries.get(c.item);
  const cell = c.countKey ? entry?.counts?.[c.countKey] : entry?.answer;
  const v = cell?.value ?? null;
  if (v === null || c.value === null) return v === c.value;
  return String(v).trim().toLowerCase() === String(c.value).trim().toLowerCase();
}
