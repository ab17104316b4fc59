// The pane's language: its messages (src/i18n) and number formats, for every component below the provider.
import { createContext, useContext } from "react";
import type { Locale } from "../../i18n/formatNumber";
import { uiMessages, type UiMessages } from "../../i18n/ui.messages";

export interface Ui {
  locale: Locale;
  t: UiMessages;
}

export const UiContext = createContext<Ui>({ locale: "id", t: uiMessages("id") });

export function useUi(): Ui {
  return useContext(UiContext);
}
