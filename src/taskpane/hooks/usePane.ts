// The pane's effects: reading and scoring the workbook, following the LKE sheet in Excel (one read per burst
// of changes, the selected row for Panduan), writing Rekap ZI, opening and saving files in the standalone
// mode. State changes go through paneReducer; the use cases come from src/app.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from "react";
import type { CellActionKind } from "../../app/workbookActions";
import type { WorkbookGateway } from "../../app/workbookGateway";
import type { LkeAnalysis } from "../../domain/report/analyzeLke";
import type { Finding } from "../../domain/validation/finding";
import type { Locale } from "../../i18n/formatNumber";
import { annotatedFileName, type PaneSource } from "../paneSource";
import { initialPaneState, paneReducer, toPaneError, type PaneAction, type PaneState } from "../state/paneReducer";
import { createBurstScheduler, RESCORE_DELAY_MS } from "./burstScheduler";
import { loadPaneCore, type PaneCore } from "./paneCoreLoader";

export interface PaneController {
  state: PaneState;
  /** The analysis core, once loaded (always, when there is an analysis). */
  core: PaneCore | undefined;
  dispatch: Dispatch<PaneAction>;
  /** Reads and scores the workbook again. */
  refresh(): void;
  /** Excel: writes the Rekap ZI sheet and the ZI_* names (annotateWorkbook). */
  annotate?: () => void;
  /** Excel: flag the findings, remove the flags, repair formulas, or Pulihkan (src/app/workbookActions). */
  cellAction?: (kind: CellActionKind) => void;
  /** Standalone: opens an .xlsx. */
  openFile?: (file: Blob & { name: string }) => void;
  /** Standalone: saves a copy of the open file with Rekap ZI. */
  download?: () => void;
  /** Shows the finding's cell in Excel (where the pane can select cells) and its item in Panduan. */
  showFinding(finding: Finding): void;
  /** Selects a cell of the LKE sheet in Excel, where the pane can. */
  selectCell?: (cell: string) => void;
  /** The workbook's gateway as it is now (Excel's, or the open file's in the standalone mode), for what it can do. */
  gateway: WorkbookGateway | undefined;
  /**
   * Runs a write on the workbook, then reads it again. Standalone: on the open file's working copy, which the
   * download then starts from (so evaluator columns and Catatan Evaluasi travel with it).
   */
  withWorkbook<T>(action: (gateway: WorkbookGateway) => Promise<T>): Promise<T>;
}

export interface UsePaneOptions {
  locale?: Locale;
  /** The quiet period before a re-read after changes in the sheet. */
  rescoreDelayMs?: number;
  now?: () => number;
}

async function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

export function usePane(source: PaneSource, options: UsePaneOptions = {}): PaneController {
  const [state, dispatch] = useReducer(paneReducer, options.locale, initialPaneState);
  const [core, setCore] = useState<PaneCore | undefined>(undefined);
  const now = options.now ?? Date.now;
  const delayMs = options.rescoreDelayMs ?? RESCORE_DELAY_MS;
  const gatewayRef = useRef<WorkbookGateway | undefined>(source.kind === "excel" ? source.gateway : undefined);
  const bytesRef = useRef<{ name: string; bytes: Uint8Array } | undefined>(undefined);
  const analysisRef = useRef<LkeAnalysis | undefined>(state.analysis);
  analysisRef.current = state.analysis;
  const nowRef = useRef(now);
  nowRef.current = now;
  const coreRef = useRef(core);
  coreRef.current = core;

  /** Reads through the current gateway; never rejects (a failure becomes state). */
  const analyze = useCallback(async (): Promise<void> => {
    const gateway = gatewayRef.current;
    if (!gateway) return;
    dispatch({ type: "readStarted" });
    try {
      const loaded = await loadPaneCore();
      setCore(loaded);
      const analysis = await loaded.analyzeWorkbook(gateway);
      if (gateway === gatewayRef.current) dispatch({ type: "readSucceeded", analysis, at: nowRef.current() });
    } catch (e) {
      if (gateway === gatewayRef.current) dispatch({ type: "readFailed", error: toPaneError(e) });
    }
  }, []);

  // Excel: the workbook is there from the start.
  useEffect(() => {
    if (source.kind === "excel") void analyze();
  }, [source, analyze]);

  // Excel: follow the LKE sheet once it is known; again when a read finds it under another name.
  const sheet = state.analysis?.sheet.name;
  useEffect(() => {
    const gateway = gatewayRef.current;
    if (source.kind !== "excel" || !sheet || !gateway?.watchSheet) return;
    const scheduler = createBurstScheduler({ delayMs, read: analyze });
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    const fail = (e: unknown) => dispatch({ type: "actionFailed", error: toPaneError(e) });
    gateway
      .watchSheet(sheet, {
        changed: () => scheduler.notify(),
        selected: (address) => {
          const analysis = analysisRef.current;
          const at = analysis ? coreRef.current?.itemAtAddress(analysis, address) : undefined;
          if (at) dispatch({ type: "itemSelected", item: at.item, cell: address.split(":")[0], source: "excel" });
        },
      })
      .then(
        (s) => {
          if (cancelled) void s().catch(fail);
          else {
            stop = s;
            dispatch({ type: "liveChanged", live: true });
          }
        },
        fail,
      );
    return () => {
      cancelled = true;
      scheduler.dispose();
      dispatch({ type: "liveChanged", live: false });
      if (stop) void stop().catch(fail);
    };
  }, [source, sheet, analyze, delayMs]);

  const refresh = useCallback(() => void analyze(), [analyze]);

  const annotate = useCallback(async () => {
    const gateway = gatewayRef.current;
    if (!gateway) return;
    dispatch({ type: "annotateStarted" });
    try {
      const { annotateWorkbook } = await loadPaneCore();
      const { analysis } = await annotateWorkbook(gateway);
      dispatch({ type: "annotateSucceeded", at: nowRef.current() });
      dispatch({ type: "readSucceeded", analysis, at: nowRef.current() });
    } catch (e) {
      dispatch({ type: "annotateFailed", error: toPaneError(e) });
    }
  }, []);

  const cellAction = useCallback(async (kind: CellActionKind) => {
    const gateway = gatewayRef.current;
    if (!gateway) return;
    dispatch({ type: "cellActionStarted", kind });
    try {
      const { runCellAction, analyzeWorkbook } = await loadPaneCore();
      const result = await runCellAction(gateway, kind);
      dispatch({ type: "cellActionSucceeded", kind, changed: result.changed.length, kept: result.kept.length });
      // Repair and Pulihkan change what the sheet computes: show the workbook as it is now.
      dispatch({ type: "readSucceeded", analysis: result.analysis ?? (await analyzeWorkbook(gateway)), at: nowRef.current() });
    } catch (e) {
      dispatch({ type: "cellActionFailed", kind, error: toPaneError(e) });
    }
  }, []);

  const openFile = useCallback(
    async (file: Blob & { name: string }) => {
      if (source.kind !== "standalone") return;
      gatewayRef.current = undefined;
      dispatch({ type: "fileOpened", file: file.name });
      try {
        const bytes = await readBytes(file);
        const workbook = await source.openXlsx(bytes);
        bytesRef.current = { name: file.name, bytes };
        gatewayRef.current = workbook.gateway;
      } catch (e) {
        dispatch({ type: "readFailed", error: toPaneError(e) });
        return;
      }
      await analyze();
    },
    [source, analyze],
  );

  const download = useCallback(async () => {
    const original = bytesRef.current;
    if (source.kind !== "standalone" || !original) return;
    dispatch({ type: "annotateStarted" });
    try {
      // A fresh copy each time: the plan is applied to the file as opened, never twice.
      const [workbook, { annotateWorkbook }] = await Promise.all([source.openXlsx(original.bytes), loadPaneCore()]);
      await annotateWorkbook(workbook.gateway);
      source.saveFile(annotatedFileName(original.name), workbook.result());
      dispatch({ type: "annotateSucceeded", at: nowRef.current() });
    } catch (e) {
      dispatch({ type: "annotateFailed", error: toPaneError(e) });
    }
  }, [source]);

  const withWorkbook = useCallback(
    async <T,>(action: (gateway: WorkbookGateway) => Promise<T>): Promise<T> => {
      const working = bytesRef.current;
      if (source.kind === "standalone" && working) {
        const workbook = await source.openXlsx(working.bytes);
        const result = await action(workbook.gateway);
        bytesRef.current = { name: working.name, bytes: workbook.result() };
        gatewayRef.current = (await source.openXlsx(bytesRef.current.bytes)).gateway;
        await analyze();
        return result;
      }
      const gateway = gatewayRef.current;
      if (!gateway) throw new Error("no workbook is open");
      const result = await action(gateway);
      await analyze();
      return result;
    },
    [source, analyze],
  );

  const selectCell = useCallback((cell: string) => {
    const gateway = gatewayRef.current;
    const analysis = analysisRef.current;
    if (!gateway?.selectCell || !analysis) return;
    gateway.selectCell(analysis.sheet.name, cell).catch((e: unknown) => dispatch({ type: "actionFailed", error: toPaneError(e) }));
  }, []);

  const showFinding = useCallback((finding: Finding) => {
    if (finding.item) dispatch({ type: "itemSelected", item: finding.item, ...(finding.cell ? { cell: finding.cell } : {}), source: "pane" });
    const gateway = gatewayRef.current;
    if (finding.cell && gateway?.selectCell) {
      gateway.selectCell(finding.sheet, finding.cell).catch((e: unknown) => dispatch({ type: "actionFailed", error: toPaneError(e) }));
    }
  }, []);

  return useMemo(() => {
    const base = { state, core, dispatch, refresh, showFinding, gateway: gatewayRef.current, withWorkbook };
    if (source.kind === "excel") {
      return {
        ...base,
        annotate: () => void annotate(),
        ...(source.gateway.selectCell ? { selectCell } : {}),
        // Only a gateway that can act on cells (Excel) gets the buttons; the check stays here, out of the core's chunk.
        ...(source.gateway.applyFlags && source.gateway.clearFlags && source.gateway.repair && source.gateway.restoreAll
          ? { cellAction: (kind: CellActionKind) => void cellAction(kind) }
          : {}),
      };
    }
    return { ...base, openFile: (file: Blob & { name: string }) => void openFile(file), download: () => void download() };
  }, [state, core, refresh, showFinding, withWorkbook, source, annotate, selectCell, cellAction, openFile, download]);
}
