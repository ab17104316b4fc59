// The Rekap tab: the coordinator's recap of many LKE workbooks, with its own state (useRecap) beside the pane's.
// Where the pane runs decides where the recap goes (recapTargetOf): the open workbook or a download.
import { rekapMessages } from "../../i18n/rekap.messages";
import { useUi } from "../hooks/useUi";
import type { PaneSource } from "../paneSource";
import type { RecapRunner } from "../rekap/recapRunner";
import { recapTargetOf } from "../rekap/recapTarget";
import { useRecap } from "../rekap/useRecap";
import { RekapPanelView } from "./RekapPanelView";
import { useMemo } from "react";

export interface RekapPanelProps {
  source: PaneSource;
  /** The runner (tests); Web Workers by default. */
  createRunner?: () => Promise<RecapRunner>;
}

export function RekapPanel({ source, createRunner }: RekapPanelProps) {
  const { locale } = useUi();
  const target = useMemo(() => recapTargetOf(source), [source]);
  const recap = useRecap({ ...(target ? { target } : {}), ...(createRunner ? { createRunner } : {}), fileName: rekapMessages(locale).fileName });
  return <RekapPanelView recap={recap} mode={source.kind} />;
}
