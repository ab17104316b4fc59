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

/** Trigram ids: each distinct trigram ever seen gets a small integer, so texts compare as sorted int arrays. */
const gramIds = new Map<string, number>();

/** The sorted, distinct trigram ids of a normalised text, word boundaries included. */
export function trigrams(normalized: string): Int32Array {
  const s = ` ${normalized} `;
  const ids: number[] = [];
  for (let i = 0; i + 3 <= s.length; i++) {
    const g = s.slice(i, i + 3);
    let id = gramIds.get(g);
    if (id === undefined) {
      id = gramIds.size;
      gramIds.set(g, id);
    }
    ids.push(id);
  }
  ids.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[n++] = ids[i]!;
  return Int32Array.from(ids.slice(0, n));
}

/** Dice coefficient of two trigram sets, 0..1. */
export function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** The best similarity of a text against any of several phrasings. */
export function bestDice(text: Int32Array, phrasings: readonly Int32Array[]): number {
  let best = 0;
  for (const p of phrasings) best = Math.max(best, dice(text, p));
  return best;
}
