// The Rekap panel's state as a pure reducer (the pane's reducer style): idle → running (n of m) → done | cancelled,
// the recap table once done, and the write into the workbook (or the download) of that table.
import type { RecapTable } from "../../domain/aggregate/recapTable";
import type { PaneError } from "../state/paneReducer";

export interface RecapState {
  run: { status: "idle" | "running" | "done" | "cancelled" | "failed"; done: number; total: number; error?: PaneError };
  table?: RecapTable;
  write: { status: "idle" | "running" | "done" | "failed"; error?: PaneError };
}

export type RecapAction =
  | { type: "runStarted"; total: number }
  | { type: "runProgressed"; done: number; total: number }
  | { type: "runFinished"; table: RecapTable }
  | { type: "runCancelled" }
  | { type: "runFailed"; error: PaneError }
  | { type: "writeStarted" }
  | { type: "writeSucceeded" }
  | { type: "writeFailed"; error: PaneError };

export const initialRecapState: RecapState = { run: { status: "idle", done: 0, total: 0 }, write: { status: "idle" } };

export function recapReducer(state: RecapState, action: RecapAction): RecapState {
  switch (action.type) {
    case "runStarted":
      return { run: { status: "running", done: 0, total: action.total }, write: { status: "idle" } };
    case "runProgressed":
      return state.run.status === "running" ? { ...state, run: { ...state.run, done: action.done, total: action.total } } : state;
    case "runFinished":
      return { ...state, run: { ...state.run, status: "done", done: state.run.total }, table: action.table };
    case "runCancelled":
      return { run: { ...state.run, status: "cancelled" }, write: { status: "idle" } };
    case "runFailed":
      return { run: { ...state.run, status: "failed", error: action.error }, write: { status: "idle" } };
    case "writeStarted":
      return { ...state, write: { status: "running" } };
    case "writeSucceeded":
      return { ...state, write: { status: "done" } };
    case "writeFailed":
      return { ...state, write: { status: "failed", error: action.error } };
  }
}
