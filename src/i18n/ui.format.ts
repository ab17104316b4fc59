// Numbers and times as the pane shows them, per locale (id-ID by default: 95,71; 12.03.15).
import { formatNumber, formatScore, type Locale } from "./formatNumber";

export { formatNumber, formatScore };

/** A share 0..1 as a percentage: 0,6 → "60%" (id: "60%", en: "60%"). */
export function formatPercent(ratio: number, locale: Locale, maxDecimals = 0): string {
  return `${formatNumber(ratio * 100, locale, maxDecimals)}%`;
}

/** A change of the total with its sign: "+0,75", "−1,20", "±0,00". */
export function formatDelta(delta: number, locale: Locale): string {
  const rounded = Math.round(delta * 100) / 100;
  if (rounded === 0) return `±${formatScore(0, locale)}`;
  return `${rounded > 0 ? "+" : "−"}${formatScore(Math.abs(rounded), locale)}`;
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A clock time: "14.05.09" (id-ID), "14:05:09" (en). */
export function formatTime(ms: number, locale: Locale): string {
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    timeFormats.set(locale, f);
  }
  return f.format(new Date(ms));
}

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A moment from an ISO 8601 text, in local time: "28/11/2026 14.05" (id-ID); the text itself if it is not one. */
export function formatDateTime(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
    dateTimeFormats.set(locale, f);
  }
  return f.format(new Date(ms));
}
