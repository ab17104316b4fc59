// Text matching that tolerates what real LKE sheets do to the official wording: case, stray spaces,
// punctuation, numbering prefixes ("a.", "-", "iii."), typos ("tela", "Penawas") and rich-text fragments.

const NUMBERING_PREFIX = /^\s*(?:[-–•]\s*|(?:[a-h]|[ivx]+|[A-H]|[IVX]+|\d{1,2})[.)]\s+)+/;

const NON_ASCII = /[\u0080-\uffff]/;

export function normalizeText(text: string): string {
  const stripped = text.replace(NUMBERING_PREFIX, "");
  // Decomposing accents is costly and only ASCII-foreign text needs it.
  const ascii = NON_ASCII.test(stripped) ? stripped.normalize("NFKD").replace(/[\u0300-\u036f]/g, "") : stripped;
  return ascii
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Code of one character of normalised text: a–z, 0–9, "%" and the space, in 0..37. */
function charCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96; // a-z -> 1..26
  if (c >= 48 && c <= 57) return c - 21; // 0-9 -> 27..36
  return c === 37 ? 37 : 0; // "%" -> 37, space -> 0
}

/** The sorted, distinct trigrams of a normalised text (word boundaries included), each as one small integer. */
export function trigrams(normalized: string): Int32Array {
  const s = ` ${normalized} `;
  const n = s.length - 2;
  if (n <= 0) return new Int32Array(0);
  const ids = new Int32Array(n);
  let a = charCode(s.charCodeAt(0));
  let b = charCode(s.charCodeAt(1));
  for (let i = 0; i < n; i++) {
    const c = charCode(s.charCodeAt(i + 2));
    ids[i] = (a * 38 + b) * 38 + c;
    a = b;
    b = c;
  }
  ids.sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || ids[i] !== ids[i - 1]) ids[k++] = ids[i]!;
  return ids.slice(0, k);
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
