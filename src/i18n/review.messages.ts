// The evaluator mode's text by locale.
import type { Locale } from "./formatNumber";
import { reviewEn } from "./review.en";
import { reviewId, type ReviewMessages } from "./review.id";

export type { PaneRole, ReviewMessages } from "./review.id";

export function reviewMessages(locale: Locale): ReviewMessages {
  return locale === "en" ? reviewEn : reviewId;
}
