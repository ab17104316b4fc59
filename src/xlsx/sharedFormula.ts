// A shared formula (<f t="shared">) is written once, at its master cell; every other cell of the group holds the
// same formula moved by its offset from the master, as Excel copies a formula: relative references shift, the
// parts marked with $ stay, and text inside string literals, sheet names, function names and names stays too.

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const isDigit = (ch: number) => ch >= 48 && ch <= 57;
const isLetter = (ch: number) => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** Characters that continue a name, a reference or a number (non-ASCII letters included). */
function isTokenChar(ch: number): boolean {
  return isLetter(ch) || isDigit(ch) || ch === 36 /* $ */ || ch === 95 /* _ */ || ch === 46 /* . */ || ch === 92 /* \ */ || ch === 63 /* ? */ || ch > 127;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) & 0xdf) - 64);
  return n;
}

function columnName(n: number): string {
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]+)$/;

function shiftCell(token: string, dRow: number, dCol: number): string | undefined {
  const m = CELL.exec(token);
  if (!m) return undefined;
  let col = columnNumber(m[2]!);
  let row = Number(m[4]);
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return undefined; // a name such as "LOG10x", not a cell
  if (!m[1]) col += dCol;
  if (!m[3]) row += dRow;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return "#REF!";
  return `${m[1]}${columnName(col)}${m[3]}${row}`;
}

function shiftColumn(token: string, dCol: number): string | undefined {
  const m = COLUMN.exec(token);
  if (!m) return undefined;
  let col = columnNumber(m[2]!);
  if (col > MAX_COL) return undefined;
  if (!m[1]) col += dCol;
  if (col < 1 || col > MAX_COL) return "#REF!";
  return `${m[1]}${columnName(col)}`;
}

function shiftRow(token: string, dRow: number): string | undefined {
  const m = ROW.exec(token);
  if (!m) return undefined;
  let row = Number(m[2]);
  if (row < 1 || row > MAX_ROW) return undefined;
  if (!m[1]) row += dRow;
  if (row < 1 || row > MAX_ROW) return "#REF!";
  return `${m[1]}${row}`;
}

/** Skips a run delimited by `quote` with doubled quotes as escapes; returns the index after the closing one. */
function skipQuoted(f: string, i: number, quote: number): number {
  for (let j = i + 1; j < f.length; j++) {
    if (f.charCodeAt(j) === quote) {
      if (f.charCodeAt(j + 1) === quote) j++;
      else return j + 1;
    }
  }
  return f.length;
}

function skipBrackets(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    const ch = f.charCodeAt(j);
    if (ch === 39 /* ' */ && depth > 0) {
      j++; // an escaped character inside a structured reference
      continue;
    }
    if (ch === 91) depth++;
    else if (ch === 93 && --depth === 0) return j + 1;
  }
  return f.length;
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the master holding `formula`. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let copied = 0;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */) {
      i = skipQuoted(formula, i, 34);
      continue;
    }
    if (ch === 39 /* ' */) {
      i = skipQuoted(formula, i, 39); // a quoted sheet name; the reference after "!" is read next
      continue;
    }
    if (ch === 91 /* [ */) {
      i = skipBrackets(formula, i); // an external workbook index or a structured reference
      continue;
    }
    if (ch === 35 /* # */) {
      // An error literal (#REF!, #N/A) or #This Row: never a reference.
      i++;
      while (i < n && (isTokenChar(formula.charCodeAt(i)) || formula.charCodeAt(i) === 47)) i++;
      if (formula.charCodeAt(i) === 33 || formula.charCodeAt(i) === 63) i++;
      continue;
    }
    if (!isTokenChar(ch)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isTokenChar(formula.charCodeAt(i))) i++;
    const token = formula.slice(start, i);
    const next = formula.charCodeAt(i);
    if (next === 40 /* ( */ || next === 33 /* ! */) continue; // a function or a sheet name
    let shifted = shiftCell(token, dRow, dCol);
    if (shifted === undefined) {
      // Whole columns (A:C) and whole rows (2:5) are references only as the two sides of a range.
      const prev = formula.charCodeAt(start - 1);
      const inRange = next === 58 /* : */ || prev === 58;
      if (inRange) {
        const other = next === 58 ? otherSide(formula, i + 1, true) : otherSide(formula, start - 1, false);
        if (other !== undefined && COLUMN.test(token) && COLUMN.test(other)) shifted = shiftColumn(token, dCol);
        else if (other !== undefined && ROW.test(token) && ROW.test(other)) shifted = shiftRow(token, dRow);
      }
    }
    if (shifted !== undefined && shifted !== token) {
      out += formula.slice(copied, start) + shifted;
      copied = i;
    }
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** The token on the other side of a ":" (forward from `from`, or backward ending before `colon`). */
function otherSide(f: string, at: number, forward: boolean): string | undefined {
  if (forward) {
    let j = at;
    while (j < f.length && isTokenChar(f.charCodeAt(j))) j++;
    return j > at ? f.slice(at, j) : undefined;
  }
  let j = at;
  while (j > 0 && isTokenChar(f.charCodeAt(j - 1))) j--;
  return j < at ? f.slice(j, at) : undefined;
}
