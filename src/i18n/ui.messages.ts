// The pane's text by locale: Bahasa Indonesia by default, English available.
import type { Locale } from "./formatNumber";
import { uiEn } from "./ui.en";
import { uiId, type UiMessages } from "./ui.id";

export type { PaneTab, UiMessages } from "./ui.id";

export const DEFAULT_LOCALE: Locale = "id";

const MESSAGES: Record<Locale, UiMessages> = { id: uiId, en: uiEn };

export function uiMessages(locale: Locale = DEFAULT_LOCALE): UiMessages {
  return MESSAGES[locale];
}
