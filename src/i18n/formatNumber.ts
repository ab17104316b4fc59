// Numbers as Indonesian readers expect them (0,67; 1.234,5), English where asked.

export type Locale = "id" | "en";

const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, locale: Locale = "id", maxDecimals = 2, minDecimals = 0): string {
  const key = `${locale}:${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    formatters.set(key, f);
  }
  return f.format(value);
}

/** A score with exactly two decimals: 95,71. */
export function formatScore(value: number, locale: Locale = "id"): string {
  return formatNumber(value, locale, 2, 2);
}
