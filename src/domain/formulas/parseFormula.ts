// A parser for the spreadsheet formulas LKE workbooks contain: references, ranges, strings, numbers, booleans,
// operators and function calls. Enough to judge a template formula by what it computes.

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "ref"; sheet?: string; row: number; col: number }
  | { kind: "range"; sheet?: string; top: number; left: number; bottom: number; right: number }
  | { kind: "unary"; op: "-" | "+" | "%"; arg: FormulaNode }
  | { kind: "binary"; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; name: string; args: FormulaNode[] };

export class FormulaSyntaxError extends Error {}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "name"; v: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string }
  | { t: "("; v: "(" }
  | { t: ")"; v: ")" }
  | { t: ","; v: "," }
  | { t: ":"; v: ":" };

const REF = /(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?\$?([A-Za-z]{1,3})\$?(\d+)/y;
const NUM = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][\w.]*/y;

/** Sticky match at position i: no substring copies, so tokenizing stays linear in the formula's length. */
function matchAt(re: RegExp, src: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(src);
}
const ERRORS = ["#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!"];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\n" || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (c === "#") {
      const e = ERRORS.find((x) => src.startsWith(x, i));
      if (!e) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      out.push({ t: "err", v: e });
      i += e.length;
      continue;
    }
    const ref = matchAt(REF, src, i);
    if (ref && !/[\w(]/.test(src[i + ref[0].length] ?? "")) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = matchAt(NUM, src, i);
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = matchAt(NAME, src, i);
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(c)) out.push({ t: "op", v: c });
    else if (c === "(" || c === ")" || c === "," || c === ":") out.push({ t: c, v: c } as Token);
    else if (c === ";") out.push({ t: ",", v: "," });
    else throw new FormulaSyntaxError(`unexpected "${c}" at ${i}`);
    i++;
  }
  return out;
}

function parseRef(text: string): { sheet?: string; row: number; col: number } {
  const m = matchAt(REF, text, 0)!;
  const sheet = m[1]?.replace(/''/g, "'") ?? m[2];
  let col = 0;
  for (const ch of m[3]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { ...(sheet ? { sheet } : {}), row: Number(m[4]) - 1, col: col - 1 };
}

const PRECEDENCE: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5 };

/** Parses formula text (with or without the leading "="). */
export function parseFormula(text: string): FormulaNode {
  const tokens = tokenize(text.startsWith("=") ? text.slice(1) : text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => {
    const t = tokens[pos++];
    if (!t) throw new FormulaSyntaxError("unexpected end");
    return t;
  };

  const primary = (): FormulaNode => {
    const t = next();
    switch (t.t) {
      case "num":
        return { kind: "number", value: t.v };
      case "str":
        return { kind: "string", value: t.v };
      case "err":
        return { kind: "error", value: t.v };
      case "ref": {
        const a = parseRef(t.v);
        if (peek()?.t === ":") {
          pos++;
          const bTok = next();
          if (bTok.t !== "ref") throw new FormulaSyntaxError("range end expected");
          const b = parseRef(bTok.v);
          return {
            kind: "range",
            ...(a.sheet ? { sheet: a.sheet } : {}),
            top: Math.min(a.row, b.row),
            left: Math.min(a.col, b.col),
            bottom: Math.max(a.row, b.row),
            right: Math.max(a.col, b.col),
          };
        }
        return { kind: "ref", ...a };
      }
      case "name": {
        const upper = t.v.toUpperCase();
        if (peek()?.t === "(") {
          pos++;
          const args: FormulaNode[] = [];
          if (peek()?.t !== ")") {
            for (;;) {
              args.push(peek()?.t === "," || peek()?.t === ")" ? { kind: "string", value: "" } : expression(1));
              const sep = next();
              if (sep.t === ")") break;
              if (sep.t !== ",") throw new FormulaSyntaxError("',' or ')' expected");
            }
          } else pos++;
          return { kind: "call", name: upper.replace(/^_XLFN\./, ""), args };
        }
        if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
        throw new FormulaSyntaxError(`unknown name ${t.v}`);
      }
      case "(": {
        const e = expression(1);
        if (next().t !== ")") throw new FormulaSyntaxError("')' expected");
        return e;
      }
      case "op":
        if (t.v === "-" || t.v === "+") return { kind: "unary", op: t.v, arg: unaryOperand() };
        throw new FormulaSyntaxError(`unexpected operator ${t.v}`);
      default:
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
    }
  };

  const unaryOperand = (): FormulaNode => {
    let e = primary();
    while (peek()?.t === "op" && peek()!.v === "%") {
      pos++;
      e = { kind: "unary", op: "%", arg: e };
    }
    return e;
  };

  /** Precedence climbing; every binary operator is left-associative in Excel, "^" included. */
  const expression = (minPrec: number): FormulaNode => {
    let left = unaryOperand();
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op") return left;
      const prec = PRECEDENCE[t.v];
      if (prec === undefined || prec < minPrec) return left;
      pos++;
      left = { kind: "binary", op: t.v, left, right: expression(prec + 1) };
    }
  };

  const root = expression(1);
  if (pos !== tokens.length) throw new FormulaSyntaxError("trailing input");
  return root;
}
