// Evaluates a parsed formula against cell values, with spreadsheet semantics (src/domain/scoring/excelSemantics).
// It covers the functions LKE workbooks use; anything else raises UnsupportedFormula so no verdict is guessed.
import { isExcelError, type CellValue, type ExcelError } from "../grid/sheetGrid";
import { DIV0, VALUE, toNumber } from "../scoring/excelSemantics";
import type { FormulaNode } from "./parseFormula";

export class UnsupportedFormula extends Error {}

export interface FormulaContext {
  /** The value of a cell; `sheet` is undefined for the formula's own sheet. */
  cell(sheet: string | undefined, row: number, col: number): CellValue;
}

type Arg = { scalar: CellValue; fromRef: boolean } | { range: CellValue[] };

const NA: ExcelError = { error: "#N/A" };

function truthy(v: CellValue): boolean | ExcelError {
  if (isExcelError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE") return false;
  return VALUE;
}

function text(v: CellValue): string | ExcelError {
  if (isExcelError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's comparison: blanks take the other side's type, then numbers < text < booleans, text case-insensitive. */
function compare(a: CellValue, b: CellValue): number | ExcelError {
  if (isExcelError(a)) return a;
  if (isExcelError(b)) return b;
  const blankAs = (other: CellValue): CellValue => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toUpperCase();
    const q = y.toUpperCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

function arithmetic(op: string, a: CellValue, b: CellValue): CellValue {
  const x = toNumber(a);
  if (isExcelError(x)) return x;
  const y = toNumber(b);
  if (isExcelError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    default: {
      const r = Math.pow(x, y);
      return Number.isFinite(r) ? r : { error: "#NUM!" };
    }
  }
}

/** Numbers of an aggregate's arguments: references skip text and booleans; typed literals convert. */
function numbers(args: Arg[]): number[] | ExcelError {
  const out: number[] = [];
  for (const a of args) {
    if ("range" in a) {
      for (const v of a.range) {
        if (isExcelError(v)) return v;
        if (typeof v === "number") out.push(v);
      }
    } else if (a.fromRef) {
      if (isExcelError(a.scalar)) return a.scalar;
      if (typeof a.scalar === "number") out.push(a.scalar);
    } else {
      if (a.scalar === null) continue;
      const n = toNumber(a.scalar);
      if (isExcelError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function logical(args: Arg[], all: boolean): CellValue {
  let seen = false;
  let result = all;
  for (const a of args) {
    const values = "range" in a ? a.range.filter((v) => typeof v === "number" || typeof v === "boolean" || isExcelError(v)) : [a.scalar];
    for (const v of values) {
      const b = truthy(v);
      if (isExcelError(b)) return b;
      seen = true;
      result = all ? result && b : result || b;
    }
  }
  return seen ? result : VALUE;
}

export function evaluateFormula(node: FormulaNode, ctx: FormulaContext): CellValue {
  const scalar = (n: FormulaNode): CellValue => {
    const a = arg(n);
    if ("range" in a) throw new UnsupportedFormula("a range where one value is expected");
    return a.scalar;
  };
  const arg = (n: FormulaNode): Arg => {
    switch (n.kind) {
      case "number":
      case "string":
      case "boolean":
        return { scalar: n.value, fromRef: false };
      case "error":
        return { scalar: { error: n.value }, fromRef: false };
      case "ref":
        return { scalar: ctx.cell(n.sheet, n.row, n.col), fromRef: true };
      case "range": {
        if ((n.bottom - n.top + 1) * (n.right - n.left + 1) > 100_000) throw new UnsupportedFormula("range too large");
        const range: CellValue[] = [];
        for (let r = n.top; r <= n.bottom; r++) for (let c = n.left; c <= n.right; c++) range.push(ctx.cell(n.sheet, r, c));
        return { range };
      }
      case "unary": {
        const v = scalar(n.arg);
        if (n.op === "%") return { scalar: arithmetic("/", v, 100), fromRef: false };
        return { scalar: n.op === "-" ? arithmetic("-", 0, v) : arithmetic("+", 0, v), fromRef: false };
      }
      case "binary":
        return { scalar: binary(n.op, scalar(n.left), scalar(n.right)), fromRef: false };
      case "call":
        return { scalar: call(n.name, n.args), fromRef: false };
    }
  };
  const binary = (op: string, a: CellValue, b: CellValue): CellValue => {
    if (op === "&") {
      const x = text(a);
      if (isExcelError(x)) return x;
      const y = text(b);
      return isExcelError(y) ? y : x + y;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(a, b);
      if (isExcelError(c)) return c;
      return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op]!;
    }
    return arithmetic(op, a, b);
  };
  const call = (name: string, args: FormulaNode[]): CellValue => {
    switch (name) {
      case "IF": {
        const cond = truthy(scalar(args[0]!));
        if (isExcelError(cond)) return cond;
        const pick = cond ? args[1] : args[2];
        return pick ? scalar(pick) : cond;
      }
      case "IFERROR": {
        const v = scalar(args[0]!);
        return isExcelError(v) ? scalar(args[1]!) : v;
      }
      case "AND":
      case "OR":
        return logical(args.map(arg), name === "AND");
      case "NOT": {
        const b = truthy(scalar(args[0]!));
        return isExcelError(b) ? b : !b;
      }
      case "SUM":
      case "AVERAGE":
      case "MIN":
      case "MAX":
      case "COUNT": {
        const ns = numbers(args.map(arg));
        if (!Array.isArray(ns)) return ns;
        if (name === "COUNT") return ns.length;
        if (name === "SUM") return ns.reduce((s, x) => s + x, 0);
        if (ns.length === 0) return name === "AVERAGE" ? DIV0 : 0;
        if (name === "AVERAGE") return ns.reduce((s, x) => s + x, 0) / ns.length;
        return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
      }
      case "ROUND": {
        const x = toNumber(scalar(args[0]!));
        const d = toNumber(args[1] ? scalar(args[1]) : 0);
        if (isExcelError(x)) return x;
        if (isExcelError(d)) return d;
        const f = Math.pow(10, d);
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }
      case "ABS": {
        const x = toNumber(scalar(args[0]!));
        return isExcelError(x) ? x : Math.abs(x);
      }
      case "ISBLANK":
        return scalar(args[0]!) === null;
      case "ISNUMBER":
        return typeof scalar(args[0]!) === "number";
      case "ISERROR":
        return isExcelError(scalar(args[0]!));
      case "NA":
        return NA;
      case "HYPERLINK":
        return scalar(args[1] ?? args[0]!);
      default:
        throw new UnsupportedFormula(`function ${name}`);
    }
  };
  return scalar(node);
}
