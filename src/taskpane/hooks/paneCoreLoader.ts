// Loads the analysis core (paneCore.ts) once, on first need; a failed load can be tried again.
export type PaneCore = typeof import("../paneCore");

let pending: Promise<PaneCore> | undefined;

export function loadPaneCore(): Promise<PaneCore> {
  pending ??= import(/* webpackChunkName: "core" */ "../paneCore").catch((e: unknown) => {
    pending = undefined;
    throw e;
  });
  return pending;
}
