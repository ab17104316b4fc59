// A1 addresses <-> zero-based row/column indexes.

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** "B2:G2" or "B2" -> inclusive range. */
export function parseRange(range: string): RangeRef {
  const [a, b] = range.split(":");
  const start = parseA1(a!);
  return { start, end: b ? parseA1(b) : start };
}

/** parseRange for text from a file: undefined instead of an exception when it is not a range. */
export function tryParseRange(range: string): RangeRef | undefined {
  const parts = range.trim().split(":");
  if (parts.length > 2 || !parts.every((p) => /^\$?[A-Za-z]{1,3}\$?\d+$/.test(p))) return undefined;
  return parseRange(range.trim());
}
