// A shared formula (<f t="shared">) is written once, at its master cell; every other cell of the group holds the
// same formula moved by its offset from the master, as Excel copies a formula: relative references shift, the
// parts marked with $ stay, and text inside string literals, quoted sheet names, structured references,
// function names and defined names stays too. A reference moved off the sheet becomes #REF!, as in Excel.
//
// The master's formula is split once into literal text and references (compileFormula); each dependent cell
// then only joins the pieces with its offset applied, which keeps long template formulas cheap to share.
import { columnIndex, columnLetters } from "../domain/grid/address";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const isDigit = (ch: number) => ch >= 48 && ch <= 57;
const isLetter = (ch: number) => (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);

/** Characters that continue a name, a reference or a number (non-ASCII letters included). */
function isTokenChar(ch: number): boolean {
  return isLetter(ch) || isDigit(ch) || ch === 36 /* $ */ || ch === 95 /* _ */ || ch === 46 /* . */ || ch === 92 /* \ */ || ch === 63 /* ? */ || ch > 127;
}

/** 1-based column number of its letters ("A" → 1), and back. */
const columnNumber = (letters: string): number => columnIndex(letters) + 1;
const columnName = (n: number): string => columnLetters(n - 1);

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]+)$/;

/** A reference inside a formula: a cell (col and row), a whole column (row 0) or a whole row (col 0). */
interface Ref {
  col: number; // 1-based, 0 when absent
  row: number; // 1-based, 0 when absent
  colAbs: boolean;
  rowAbs: boolean;
  /** The column as written, upper-cased, reused when the column does not move. */
  letters: string;
}

function cellRef(token: string): Ref | undefined {
  const m = CELL.exec(token);
  if (!m) return undefined;
  const col = columnNumber(m[2]!);
  const row = Number(m[4]);
  if (col > MAX_COL || row < 1 || row > MAX_ROW) return undefined; // a name such as "LOG10x", not a cell
  return { col, row, colAbs: m[1] === "$", rowAbs: m[3] === "$", letters: m[2]!.toUpperCase() };
}

function columnRef(token: string): Ref | undefined {
  const m = COLUMN.exec(token);
  if (!m) return undefined;
  const col = columnNumber(m[2]!);
  return col > MAX_COL ? undefined : { col, row: 0, colAbs: m[1] === "$", rowAbs: true, letters: m[2]!.toUpperCase() };
}

function rowRef(token: string): Ref | undefined {
  const m = ROW.exec(token);
  if (!m) return undefined;
  const row = Number(m[2]);
  return row < 1 || row > MAX_ROW ? undefined : { col: 0, row, colAbs: true, rowAbs: m[1] === "$", letters: "" };
}

function render(ref: Ref, dRow: number, dCol: number): string {
  let letters = "";
  if (ref.col > 0) {
    const col = ref.colAbs ? ref.col : ref.col + dCol;
    if (col < 1 || col > MAX_COL) return "#REF!";
    letters = (ref.colAbs ? "$" : "") + (col === ref.col ? ref.letters : columnName(col));
  }
  if (ref.row === 0) return letters;
  const row = ref.rowAbs ? ref.row : ref.row + dRow;
  if (row < 1 || row > MAX_ROW) return "#REF!";
  return `${letters}${ref.rowAbs ? "$" : ""}${row}`;
}

/** Skips a run delimited by `quote` with doubled quotes as escapes; returns the index after the closing one. */
function skipQuoted(f: string, i: number, quote: number): number {
  const q = quote === 34 ? '"' : "'";
  for (let j = f.indexOf(q, i + 1); j !== -1; j = f.indexOf(q, j + 2)) {
    if (f.charCodeAt(j + 1) !== quote) return j + 1;
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

/** The token on the other side of a ":" (forward from `at`, or backward ending before `at`). */
function otherSide(f: string, at: number, forward: boolean): string | undefined {
  let j = at;
  if (forward) {
    while (j < f.length && isTokenChar(f.charCodeAt(j))) j++;
    return j > at ? f.slice(at, j) : undefined;
  }
  while (j > 0 && isTokenChar(f.charCodeAt(j - 1))) j--;
  return j < at ? f.slice(j, at) : undefined;
}

/** A formula split into literal text (even indexes) and references (odd indexes). */
export interface CompiledFormula {
  text: string[];
  refs: Ref[];
}

export function compileFormula(formula: string): CompiledFormula {
  const text: string[] = [];
  const refs: Ref[] = [];
  let copied = 0;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */) {
      i = skipQuoted(formula, i, 34); // a string literal
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
      // An error literal (#REF!, #N/A, #DIV/0!): never a reference.
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
    const next = formula.charCodeAt(i);
    if (next === 40 /* ( */ || next === 33 /* ! */) continue; // a function or a sheet name
    const token = formula.slice(start, i);
    let ref = cellRef(token);
    if (!ref) {
      // Whole columns (A:C) and whole rows (2:5) are references only as the two sides of a range.
      const prev = formula.charCodeAt(start - 1);
      if (next === 58 /* : */ || prev === 58) {
        const other = next === 58 ? otherSide(formula, i + 1, true) : otherSide(formula, start - 1, false);
        if (other !== undefined) {
          if (COLUMN.test(token) && COLUMN.test(other)) ref = columnRef(token);
          else if (ROW.test(token) && ROW.test(other)) ref = rowRef(token);
        }
      }
    }
    if (ref) {
      text.push(formula.slice(copied, start));
      refs.push(ref);
      copied = i;
    }
  }
  text.push(formula.slice(copied));
  return { text, refs };
}

/** The compiled formula as it reads `dRow` rows and `dCol` columns away from where it was written. */
export function applyOffset(f: CompiledFormula, dRow: number, dCol: number): string {
  let out = f.text[0]!;
  for (let k = 0; k < f.refs.length; k++) out += render(f.refs[k]!, dRow, dCol) + f.text[k + 1]!;
  return out;
}

/** The formula of a cell `dRow` rows and `dCol` columns away from the master cell holding `formula`. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return applyOffset(compileFormula(formula), dRow, dCol);
}
