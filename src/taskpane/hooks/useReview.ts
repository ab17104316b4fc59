// The evaluator mode's effects: the role the pane works in, adding that role's columns where the sheet has
// none (Excel), protecting the unit's columns, writing Catatan Evaluasi, and logging every answer change
// between two reads into the workbook's review log. The analysis itself comes from usePane.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WorkbookGateway } from "../../app/workbookGateway";
import type { WatchedCell } from "../../domain/review/reviewLog";
import type { EvaluatorRole } from "../../domain/review/roleColumnsPlan";
import type { Locale } from "../../i18n/formatNumber";
import type { PaneRole } from "../../i18n/review.messages";
import { toPaneError, type PaneError } from "../state/paneReducer";
import type { PaneController } from "./usePane";

export type ReviewAction = "columns" | "protect" | "unprotect" | "catatan" | "note";

export interface ReviewStatus {
  state: "idle" | "running" | "done" | "failed";
  action?: ReviewAction;
  /** What a finished action did (columns added at, protection outcome). */
  outcome?: string;
  error?: PaneError;
}

export interface ReviewController {
  role: PaneRole;
  setRole(role: PaneRole): void;
  status: ReviewStatus;
  /** Entries this pane wrote to the review log. */
  logged: number;
  /** Where the workbook can take the evaluator's columns, protection and the log (Excel). */
  addColumns?: () => void;
  protect?: (on: boolean) => void;
  writeCatatan?: () => void;
  /** The evaluator's note on a question, into the role's Catatan column. */
  saveNote?: (item: string, text: string) => void;
}

export function useReview(pane: PaneController, locale: Locale, now: () => number = Date.now): ReviewController {
  const [role, setRoleState] = useState<PaneRole>("unit");
  const [status, setStatus] = useState<ReviewStatus>({ state: "idle" });
  const [logged, setLogged] = useState(0);
  // What the workbook can take: Excel's gateway all of it; an .xlsx opened in the browser columns and sheets only.
  const gateway: WorkbookGateway | undefined = pane.gateway;
  const analysis = pane.state.analysis;
  const { core, dispatch, withWorkbook } = pane;
  const analysisRef = useRef(analysis);
  analysisRef.current = analysis;
  const running = useRef(false);

  const run = useCallback(
    async (action: ReviewAction, body: () => Promise<string | undefined>) => {
      if (running.current) return;
      running.current = true;
      setStatus({ state: "running", action });
      try {
        const outcome = await body();
        setStatus({ state: "done", action, ...(outcome ? { outcome } : {}) });
      } catch (e) {
        setStatus({ state: "failed", action, error: toPaneError(e) });
      } finally {
        running.current = false;
      }
    },
    [],
  );

  const addColumns = useCallback(
    (evaluator: EvaluatorRole) =>
      run("columns", async () => {
        const a = analysisRef.current;
        if (!a || !core) return undefined;
        return withWorkbook((g) => core.startReview(g, a, evaluator));
      }),
    [core, withWorkbook, run],
  );

  const setRole = useCallback(
    (next: PaneRole) => {
      setRoleState(next);
      setStatus({ state: "idle" });
      dispatch({ type: "tabChanged", tab: next === "unit" ? "summary" : "review" });
      // TPI or TPN: their columns are added at once where the sheet has none (in the standalone mode, to the copy).
      const a = analysisRef.current;
      if (next !== "unit" && gateway?.addRoleColumns && a && !a.layout.columns.roles[next]) void addColumns(next);
    },
    [gateway, dispatch, addColumns],
  );

  // The review log, kept while the pane is in an evaluator's role and the sheet has evaluator columns: every read
  // compared with the one before; the first (and the first after switching role) with what the workbook's log last
  // recorded, so changes made while the pane was closed are logged too. The unit's mode never writes the log.
  const previous = useRef<{ sheet: string; cells: Map<string, WatchedCell> } | undefined>(undefined);
  useEffect(() => {
    if (!analysis || !core) return;
    const last = previous.current;
    if (role === "unit" || !analysis.review || !gateway?.appendReviewLog) {
      previous.current = undefined; // not logging: the next read that logs starts from the log itself
      return;
    }
    const cells = core.reviewState(analysis);
    previous.current = { sheet: analysis.sheet.name, cells };
    const before = last && last.sheet === analysis.sheet.name ? last.cells : core.loggedState(analysis, cells);
    core
      .logReviewChanges(gateway, before, cells, new Date(now()).toISOString())
      .then((entries) => entries.length > 0 && setLogged((n) => n + entries.length))
      .catch((e: unknown) => dispatch({ type: "actionFailed", error: toPaneError(e) }));
  }, [analysis, core, gateway, now, dispatch, role]);

  return useMemo(() => {
    const base = { role, setRole, status, logged };
    if (!gateway?.addRoleColumns || role === "unit") return base;
    const evaluator = role;
    return {
      ...base,
      addColumns: () => void addColumns(evaluator),
      ...(gateway.setReviewProtection
        ? {
            protect: (on: boolean) =>
              void run(on ? "protect" : "unprotect", async () => {
                const a = analysisRef.current;
                return a && core ? core.protectUnitColumns(gateway, a, evaluator, on) : undefined;
              }),
          }
        : {}),
      ...(gateway.setEvaluatorNote
        ? {
            saveNote: (item: string, text: string) =>
              void run("note", async () => {
                const a = analysisRef.current;
                if (!a || !core) return undefined;
                return withWorkbook((g) => core.writeEvaluatorNote(g, a, evaluator, item, text));
              }),
          }
        : {}),
      writeCatatan: () =>
        void run("catatan", async () => {
          const a = analysisRef.current;
          if (a && core) await withWorkbook((g) => core.writeCatatanEvaluasi(g, a, evaluator, { locale, time: new Date(now()).toISOString() }));
          return undefined;
        }),
    };
  }, [role, setRole, status, logged, gateway, addColumns, run, core, locale, now, withWorkbook]);
}
