// What the pane's tests share: analyses of the bundled example (examples/lke-zi-contoh-unit.xlsx: misses WBK, so
// every panel has something to show) and of the real example where present, and a render inside the pane's
// providers (Fluent theme, language).
import * as fs from "node:fs";
import * as path from "node:path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { analyzeWorkbook } from "../../../src/app/analyzeWorkbook";
import type { LkeAnalysis } from "../../../src/domain/report/analyzeLke";
import type { Locale } from "../../../src/i18n/formatNumber";
import { uiMessages } from "../../../src/i18n/ui.messages";
import { UiContext } from "../../../src/taskpane/hooks/useUi";
import { XlsxGateway } from "../../../src/xlsx/xlsxGateway";

export const BUNDLED_EXAMPLE = path.resolve(__dirname, "../../../examples/lke-zi-contoh-unit.xlsx");

export function bundledBytes(): Uint8Array {
  return new Uint8Array(fs.readFileSync(BUNDLED_EXAMPLE));
}

let bundled: Promise<LkeAnalysis> | undefined;

/** The bundled example, analysed once per test file. */
export function bundledAnalysis(): Promise<LkeAnalysis> {
  bundled ??= analyzeWorkbook(new XlsxGateway(bundledBytes()));
  return bundled;
}

export function renderInPane(ui: ReactElement, locale: Locale = "id"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <UiContext.Provider value={{ locale, t: uiMessages(locale) }}>{ui}</UiContext.Provider>
    </FluentProvider>,
  );
}
