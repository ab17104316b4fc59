// The Rekap panel's effects: run the chosen files through a RecapRunner (Web Workers, or this thread where there
// are none), turn the results into the recap table (duplicates marked as the CLI does), cancel, and write or
// download the table. State changes go through recapReducer.
import { useCallback, useEffect, useReducer, useRef } from "react";
import { markDuplicates } from "../../domain/aggregate/markDuplicates";
import { buildRecapTable } from "../../domain/aggregate/recapTable";
import { toPaneError } from "../state/paneReducer";
import { createRecapRunner, isAbortError, type RecapRunner, type RecapSourceFile } from "./recapRunner";
import { initialRecapState, recapReducer, type RecapState } from "./recapState";
import type { RecapTarget } from "./recapTarget";

export interface RecapController {
  state: RecapState;
  choose(files: readonly RecapSourceFile[]): void;
  cancel(): void;
  /** Writes (Excel) or downloads (standalone) the finished recap; absent where the pane can do neither. */
  save?: () => void;
}

export interface UseRecapOptions {
  target?: RecapTarget;
  /** The runner to use (tests); by default Web Workers where the browser has them. */
  createRunner?: () => Promise<RecapRunner>;
  fileName: string;
}

export function useRecap({ target, createRunner = createRecapRunner, fileName }: UseRecapOptions): RecapController {
  const [state, dispatch] = useReducer(recapReducer, initialRecapState);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const tableRef = useRef(state.table);
  tableRef.current = state.table;

  useEffect(() => () => abortRef.current?.abort(), []);

  const choose = useCallback(
    (files: readonly RecapSourceFile[]) => {
      if (files.length === 0) return;
      abortRef.current?.abort();
      const abort = new AbortController();
      abortRef.current = abort;
      dispatch({ type: "runStarted", total: files.length });
      void (async () => {
        try {
          const runner = await createRunner();
          const results = await runner.run(files, {
            signal: abort.signal,
            onProgress: ({ done, total }) => {
              if (!abort.signal.aborted) dispatch({ type: "runProgressed", done, total });
            },
          });
          if (!abort.signal.aborted) dispatch({ type: "runFinished", table: buildRecapTable(markDuplicates(results)) });
        } catch (e) {
          if (abortRef.current !== abort) return; // a newer run took over
          dispatch(isAbortError(e) ? { type: "runCancelled" } : { type: "runFailed", error: toPaneError(e) });
        }
      })();
    },
    [createRunner],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  const save = useCallback(async () => {
    const table = tableRef.current;
    if (!table || !target) return;
    dispatch({ type: "writeStarted" });
    try {
      if (target.kind === "excel") await target.write(table);
      else await target.download(table, fileName);
      dispatch({ type: "writeSucceeded" });
    } catch (e) {
      dispatch({ type: "writeFailed", error: toPaneError(e) });
    }
  }, [target, fileName]);

  return { state, choose, cancel, ...(target ? { save: () => void save() } : {}) };
}
