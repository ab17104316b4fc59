// Task pane entry and composition root (style-anchors 5.5): the only module of the pane that knows the
// gateways. It picks where the workbook comes from and renders the pane once Office is ready:
// - in Excel, the Office.js gateway. A page that has an Excel.run without an Excel host (office.js outside
//   Office leaves `Excel` undefined) is running against a simulated Excel: the e2e test's, which provides
//   Excel.run and Office.context.requirements as Excel would;
// - anywhere else (a browser, `npm run preview`), the standalone mode: the .xlsx gateway, loaded on first use
//   through import(), over a file the user opens; the annotated copy is handed back as a download.
import { FluentProvider } from "@fluentui/react-components";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { WorkbookGateway } from "../app/workbookGateway";
import type { OfficePaneGateway } from "../excel/officePaneGateway";
import { App } from "./components/App";
import type { PaneSource } from "./paneSource";
import { paneTheme, type OfficeThemeInfo } from "./theme";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function standaloneSource(): PaneSource {
  return {
    kind: "standalone",
    openXlsx: async (bytes) => {
      const { XlsxGateway } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/xlsxGateway");
      const gateway = new XlsxGateway(bytes);
      return { gateway, result: () => gateway.result() };
    },
    recapWorkbook: async (table) => {
      const { writeRecapTableWorkbook } = await import(/* webpackChunkName: "recap-xlsx" */ "../xlsx/writeRecapWorkbook");
      return writeRecapTableWorkbook(table);
    },
    saveFile: (name, bytes) => {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

/**
 * The Office.js gateway, fetched (import()) at once but outside the first screen's files: it loads while the
 * pane renders and the analysis core loads. Every WorkbookGateway method the pane uses is forwarded.
 */
function officeGateway(): WorkbookGateway {
  let pending: Promise<OfficePaneGateway> | undefined;
  const load = () => {
    pending ??= import(/* webpackChunkName: "office" */ "../excel/officePaneGateway")
      .then((m) => new m.OfficePaneGateway())
      .catch((e: unknown) => {
        pending = undefined;
        throw e;
      });
    return pending;
  };
  // A prefetch: should it fail, the first read fails with the reason (on screen) and loads again.
  load().catch(() => undefined);
  return {
    readWorkbook: async () => (await load()).readWorkbook(),
    applyWritePlan: async (plan) => (await load()).applyWritePlan(plan),
    selectCell: async (sheet, address) => (await load()).selectCell(sheet, address),
    watchSheet: async (sheet, watch) => (await load()).watchSheet(sheet, watch),
    applyFlags: async (plan) => (await load()).applyFlags(plan),
    clearFlags: async () => (await load()).clearFlags(),
    repair: async (plan) => (await load()).repair(plan),
    restoreAll: async () => (await load()).restoreAll(),
    writeRecap: async (table) => (await load()).writeRecap(table),
    addRoleColumns: async (plan) => (await load()).addRoleColumns(plan),
    setReviewProtection: async (sheet, ranges, on) => (await load()).setReviewProtection(sheet, ranges, on),
    setEvaluatorNote: async (sheet, cell, text) => (await load()).setEvaluatorNote(sheet, cell, text),
    appendReviewLog: async (entries) => (await load()).appendReviewLog(entries),
  };
}

function chooseSource(host: Office.HostType | null | undefined): PaneSource {
  const excelHost = typeof Office !== "undefined" && host === Office.HostType.Excel;
  if (excelHost || typeof Excel !== "undefined") return { kind: "excel", gateway: officeGateway() };
  return standaloneSource();
}

function officeTheme(): OfficeThemeInfo | undefined {
  if (typeof Office === "undefined") return undefined;
  return Office.context?.officeTheme ?? undefined;
}

function render(source: PaneSource): void {
  const container = document.getElementById("root");
  if (!container) return;
  const prefersDark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  createRoot(container).render(
    <StrictMode>
      <FluentProvider theme={paneTheme(officeTheme(), prefersDark)} style={{ minHeight: "100vh" }}>
        <App source={source} />
      </FluentProvider>
    </StrictMode>,
  );
}

if (typeof Office === "undefined") render(standaloneSource());
else void Office.onReady((info) => render(chooseSource(info.host)));
