// Text matching that tolerates what real LKE sheets do to the official wording: case, stray spaces,
// punctuation, numbering prefixes ("a.", "-", "iii."), typos ("tela", "Penawas") and rich-text fragments.

const NUMBERING_PREFIX = /^\s*(?:[-–•]\s*|(?:[a-h]|[ivx]+|[A-H]|[IVX]+|\d{1,2})[.)]\s+)+/;

export function normalizeText(text: string): string {
  return text
    .replace(NUMBERING_PREFIX, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Character trigrams of the normalised text, word boundaries included. */
export function trigrams(normalized: string): Set<string> {
  const s = ` ${normalized} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets, 0..1. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/** The best similarity of a text against any of several phrasings. */
export function bestDice(text: ReadonlySet<string>, phrasings: ReadonlyArray<ReadonlySet<string>>): number {
  let best = 0;
  for (const p of phrasings) best = Math.max(best, dice(text, p));
  return best;
}
