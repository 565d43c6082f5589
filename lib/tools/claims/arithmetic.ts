// Worked arithmetic in the prose checks itself. A worked line is a chain of "=" and "≈" between
// expressions, such as "(3 × 2) + (1 × 5) + 4 = 11 + 4 = 15", "σ(2) = 1 / 1.1353 ≈ 0.8808" or
// "(15 × (1 + h) − 18)² = (−3 + 15h)² = 9 − 90h + 225h²". Each side is parsed and evaluated, and the
// sides must agree at the precision they are printed with:
//   - a number printed with decimals stands for everything that rounds to it (0.5987 is 0.59865 to
//     0.59875), so every side is evaluated as an interval and the intervals of all sides must overlap;
//     a result worked from rounded numbers is right when some choice of the unrounded numbers gives it;
//   - and then it must also hold on paper: worked with the numbers exactly as printed, each side must
//     land within half a unit of the last printed digit of the result (the last side, a single number).
//     "½ × 0.3796² = 0.0721" fails: it is right for the unrounded 0.37961, but on paper 0.3796 gives
//     0.0720481, which a learner rounds to 0.0720. Print the inputs with one more digit instead;
//   - but only a number that looks like a rounded result is taken as rounded: one with at least three
//     significant digits and as many decimals as the line's most precise single-number side (0.3796 in
//     "½ × 0.3796² = 0.0721"). Shorter numbers are inputs, exact as printed (0.6, 0.25, 0.001), so that
//     "0.5 × 0.5 = 0.26" fails rather than hiding in the rounding of 0.5;
//   - a whole number is exact, except on a side after "≈", where it is rounded too;
//   - sides with letters (h, c, x…) must agree for every value of the letters (tried at several
//     points), unless the claims give the letters values for that cell;
//   - a side that is a single name ("z", "ŷ", "∂L/∂w₁") or an expression in letters nobody gave a
//     value names the quantity and is not compared.
// A line is found in text, emphasis, table cells, list items and inline code, written with the
// course's signs (× · * / ÷ + − ^ ² √ ½ ≈ …, σ, ReLU, tanh, ln, e^) or in LaTeX ($3 \times 2 = 6$,
// \frac{a}{b}, \sqrt{…}, ^{…}, \cdot, \approx, \sigma, \ln).
import { contextOf, readDigits, readExponent, readableLeaves } from "./numbers";

/** A closed interval of real numbers. */
interface Interval {
  lo: number;
  hi: number;
}

type TokenKind = "number" | "op" | "power" | "open" | "close" | "equals" | "sqrt" | "function" | "letter" | "e" | "ellipsis";

/** One piece of a worked line, with its place in the text it was read from. */
export interface MathToken {
  kind: TokenKind;
  /** As printed. */
  text: string;
  start: number;
  end: number;
  /** number: value as printed; power: the exponent. */
  value?: number;
  /** number: digits after the decimal point (a percentage counts its own). */
  decimals?: number;
  /** number: printed with a percent sign. */
  percent?: boolean;
  /** op: + − × /; equals: = or ≈; function: sigma relu tanh ln exp sqrt; letter: its name. */
  name?: string;
  /** A "(" that follows a letter directly: an unknown function, such as f(w). */
  call?: boolean;
}

/** A run of tokens between words, with its "=" and "≈" splitting it into sides. */
export interface WorkedLine {
  /** The chain as printed (from its first to its last token). */
  text: string;
  /** Offset and length in the cell source. */
  offset: number;
  length: number;
  /** The sentence, list item or table row around it. */
  context: string;
  /** Every token, offsets in the cell source. */
  tokens: MathToken[];
  sides: Side[];
}

export interface Side {
  text: string;
  tokens: MathToken[];
  /** Written after "≈": a whole number on it is rounded too. */
  approximate: boolean;
  /** A single name (z, ŷ, ∂L/∂w₁): names the quantity, never compared. */
  name: boolean;
}

export type LineStatus = "verified" | "wrong" | "unchecked";

export interface LineCheck {
  line: WorkedLine;
  status: LineStatus;
  /** Why a line is wrong or unchecked. */
  message?: string;
  /** Sides compared with each other (as numbers or as identities in letters). */
  compared: number;
}

// ————————————————————————————— reading —————————————————————————————

const superscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const subscripts = "₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₔₕₖₗₘₙₚₛₜ";
const fractions: Record<string, number> = { "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4 };
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z\u00C0-\u024F\u0370-\u03FF]/.test(ch);
const functionNames: Record<string, string> = {
  σ: "sigma",
  sigma: "sigma",
  ReLU: "relu",
  relu: "relu",
  tanh: "tanh",
  ln: "ln",
  log: "ln",
  exp: "exp",
  sqrt: "sqrt",
};
const latexWords: Record<string, { kind: TokenKind; name?: string; text?: string } | null> = {
  times: { kind: "op", name: "×" },
  cdot: { kind: "op", name: "×" },
  div: { kind: "op", name: "/" },
  approx: { kind: "equals", name: "≈" },
  sigma: { kind: "function", name: "sigma" },
  ln: { kind: "function", name: "ln" },
  log: { kind: "function", name: "ln" },
  exp: { kind: "function", name: "exp" },
  tanh: { kind: "function", name: "tanh" },
  ldots: { kind: "ellipsis" },
  cdots: { kind: "ellipsis" },
  left: null,
  right: null,
};

/** The tokens read so far; `null` is a break. */
type Tokens = (MathToken | null)[];

/**
 * A reader looks at the text from `i`: if what stands there is its kind, it pushes its tokens (or
 * breaks) and returns where reading goes on; otherwise it returns undefined and pushes nothing.
 */
type Reader = (text: string, i: number, out: Tokens) => number | undefined;

/**
 * Reads a piece of text into tokens and breaks: `null` stands for anything that ends a worked line
 * (a word, a comma, a colon, the end of a sentence).
 */
export function mathTokens(text: string): Tokens {
  const out: Tokens = [];
  let i = 0;
  while (i < text.length) {
    let next: number | undefined;
    for (const read of readers) {
      next = read(text, i, out);
      if (next !== undefined) break;
    }
    if (next === undefined) {
      // Anything else ends a line: commas, colons, full stops, arrows, quotes, "<", ">"…
      out.push(null);
      next = i + 1;
    }
    i = next;
  }
  return out;
}

/** Spaces, LaTeX delimiters and bold markers ("**3 × 4 = 12**") join; they are not part of the sum. */
const readJoiner: Reader = (text, i) => {
  const ch = text[i];
  if (ch === "*" && text[i + 1] === "*") return i + 2;
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\u00a0" || ch === "$" || ch === "{" || ch === "}" ? i + 1 : undefined;
};

/** The tokens of `text.slice(from, to)`, with offsets in `text`. */
function tokensBetween(text: string, from: number, to: number): Tokens {
  return mathTokens(text.slice(from, to)).map((t) => t && shift(t, from));
}

/** `{…}` from the brace at `open` to the one at `close`: bracketed tokens. */
function braced(text: string, open: number, close: number, out: Tokens): number {
  out.push({ kind: "open", text: "{", start: open, end: open + 1 }, ...tokensBetween(text, open + 1, close), { kind: "close", text: "}", start: close, end: close + 1 });
  return close + 1;
}

/** LaTeX commands: \frac, \sqrt, spacing, and the words of `latexWords`; any other is a break. */
const readLatex: Reader = (text, i, out) => {
  if (text[i] !== "\\") return undefined;
  const m = /^\\([A-Za-z]+|[,;:! ])/.exec(text.slice(i));
  if (!m) {
    out.push(null);
    return i + 1;
  }
  const word = m[1];
  const after = i + m[0].length;
  if (word === "frac") return readFraction(text, i, after, out);
  if (word === "sqrt") {
    const close = matchBrace(text, after);
    out.push({ kind: "sqrt", text: m[0], start: i, end: after });
    return close === undefined ? after : braced(text, after, close, out);
  }
  if (/^[,;:! ]$/.test(word)) return after;
  const known = latexWords[word];
  if (known === null) return after;
  out.push(known ? { kind: known.kind, name: known.name, text: m[0], start: i, end: after } : null);
  return after;
};

/** \frac{a}{b} → (a)/(b): the braces become brackets, with a division between them. */
function readFraction(text: string, i: number, after: number, out: Tokens): number {
  const a = matchBrace(text, after);
  const b = a === undefined ? undefined : matchBrace(text, a + 1);
  if (a === undefined || b === undefined) {
    out.push(null);
    return after;
  }
  out.push({ kind: "open", text: "\\frac{", start: i, end: after + 1 }, ...tokensBetween(text, after + 1, a));
  out.push({ kind: "close", text: "}", start: a, end: a + 1 }, { kind: "op", name: "/", text: "}{", start: a, end: a + 2 });
  out.push({ kind: "open", text: "{", start: a + 1, end: a + 2 }, ...tokensBetween(text, a + 2, b), { kind: "close", text: "}", start: b, end: b + 1 });
  return b + 1;
}

/** ^{…}: a bracketed exponent. */
const readBracedExponent: Reader = (text, i, out) => {
  if (text[i] !== "^" || text[i + 1] !== "{") return undefined;
  out.push({ kind: "op", name: "^", text: "^", start: i, end: i + 1 });
  const close = matchBrace(text, i + 1);
  return close === undefined ? i + 1 : braced(text, i + 1, close, out);
};

/** Numbers (thousands separators, decimals, scientific notation, a percent sign). */
const readNumber: Reader = (text, i, out) => {
  const ch = text[i];
  if (!isDigit(ch) && !(ch === "." && isDigit(text[i + 1]) && !isDigit(text[i - 1]))) return undefined;
  const { integer, fraction, end: digitsEnd } = readDigits(text, i);
  const e = readExponent(text, digitsEnd);
  const exponent = e ? e.exponent : 0;
  const j = digitsEnd + (e ? e.length : 0);
  const percent = /^\s?%/.exec(text.slice(j));
  const end = percent ? j + percent[0].length : j;
  const value = Number(`${integer || "0"}.${fraction || "0"}e${exponent}`);
  out.push({ kind: "number", text: text.slice(i, end), start: i, end, value, decimals: Math.max(0, fraction.length - exponent), percent: !!percent });
  return end;
};

/** ½, ⅓, ¼… as numbers. */
const readVulgarFraction: Reader = (text, i, out) => {
  const ch = text[i];
  if (!(ch in fractions)) return undefined;
  out.push({ kind: "number", text: ch, start: i, end: i + 1, value: fractions[ch], decimals: 0 });
  return i + 1;
};

/** A superscript exponent: ², ⁻³². */
const readPower: Reader = (text, i, out) => {
  const ch = text[i];
  const signed = ch === "⁻" || ch === "⁺";
  if (!superscriptDigits.includes(ch) && !(signed && superscriptDigits.includes(text[i + 1] ?? "x"))) return undefined;
  let j = i + (signed ? 1 : 0);
  let digits = "";
  while (j < text.length && superscriptDigits.includes(text[j])) digits += String(superscriptDigits.indexOf(text[j++]));
  out.push({ kind: "power", text: text.slice(i, j), start: i, end: j, value: (ch === "⁻" ? -1 : 1) * Number(digits) });
  return j;
};

const operators: Record<string, string> = { "+": "+", "−": "−", "-": "−", "×": "×", "·": "×", "*": "×", "/": "/", "÷": "/", "∕": "/", "^": "^" };

/** + − × / ^ in their several spellings. */
const readOperator: Reader = (text, i, out) => {
  const ch = text[i];
  const op = operators[ch];
  if (!op) return undefined;
  // A hyphen between letters is part of a word ("hand-drawn"), not a minus.
  out.push(ch === "-" && isLetter(text[i - 1]) && isLetter(text[i + 1]) ? null : { kind: "op", name: op, text: ch, start: i, end: i + 1 });
  return i + 1;
};

/** Brackets ("(" right after a letter opens a call, as in f(w)), "=", "≈", "√"; "[" is a break. */
const readSymbol: Reader = (text, i, out) => {
  const ch = text[i];
  const at = { text: ch, start: i, end: i + 1 };
  if (ch === "[") out.push(null);
  else if (ch === "(") {
    const previous = out[out.length - 1];
    out.push({ kind: "open", ...at, call: !!previous && previous.kind === "letter" && previous.end === i });
  } else if (ch === ")") out.push({ kind: "close", ...at });
  else if (ch === "=" || ch === "≈") out.push({ kind: "equals", name: ch, ...at });
  else if (ch === "√") out.push({ kind: "sqrt", ...at });
  else return undefined;
  return i + 1;
};

/** "…" or "...". */
const readEllipsis: Reader = (text, i, out) => {
  if (text[i] !== "…" && !text.startsWith("...", i)) return undefined;
  const length = text[i] === "…" ? 1 : 3;
  out.push({ kind: "ellipsis", text: text.slice(i, i + length), start: i, end: i + length });
  return i + length;
};

/** A word: letters, then subscripts, primes and digits glued to it (w₁, x′, h14, ∂L); a longer word is a break. */
const readWord: Reader = (text, i, out) => {
  const ch = text[i];
  if (ch !== "∂" && !isLetter(ch)) return undefined;
  let j = i + (ch === "∂" ? 1 : 0);
  while (isLetter(text[j])) j++;
  const letters = text.slice(i, j);
  while (j < text.length && (subscripts.includes(text[j]) || text[j] === "′" || text[j] === "'" || isDigit(text[j]))) j++;
  const word = text.slice(i, j);
  if (letters in functionNames && j === i + letters.length) out.push({ kind: "function", name: functionNames[letters], text: word, start: i, end: j });
  else if (letters === "e" && j === i + 1) out.push({ kind: "e", text: word, start: i, end: j });
  else if ((letters.length === 1 && letters !== "∂") || (letters.length === 2 && letters[0] === "∂")) out.push({ kind: "letter", name: word, text: word, start: i, end: j });
  else out.push(null);
  return j;
};

/** In the order they are tried. */
const readers: Reader[] = [readJoiner, readLatex, readBracedExponent, readNumber, readVulgarFraction, readPower, readOperator, readSymbol, readEllipsis, readWord];

function shift(t: MathToken, by: number): MathToken {
  return { ...t, start: t.start + by, end: t.end + by };
}

/** The index of the "}" closing the "{" at `open`, or undefined. */
function matchBrace(text: string, open: number): number | undefined {
  if (text[open] !== "{") return undefined;
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === "{") depth++;
    else if (text[k] === "}" && --depth === 0) return k;
  }
  return undefined;
}

/** Every worked line in a markdown cell's source, in reading order. */
export function findWorkedLines(source: string): WorkedLine[] {
  const lines: WorkedLine[] = [];
  for (const leaf of readableLeaves(source)) {
    for (const line of workedLinesIn(leaf.text)) {
      const tokens = line.tokens.map((t) => shift(t, leaf.at));
      lines.push({
        ...line,
        tokens,
        sides: line.sides.map((s) => ({ ...s, tokens: s.tokens.map((t) => shift(t, leaf.at)) })),
        offset: line.offset + leaf.at,
        context: contextOf(source, line.offset + leaf.at),
      });
    }
  }
  return lines;
}

/**
 * The worked lines of one piece of plain text (offsets relative to it): runs of tokens with an "=" or
 * "≈", at least two sides that are more than a name, and a digit somewhere.
 */
export function workedLinesIn(text: string): WorkedLine[] {
  const runs: MathToken[][] = [[]];
  for (const t of mathTokens(text)) {
    if (t) runs[runs.length - 1].push(t);
    else if (runs[runs.length - 1].length) runs.push([]);
  }
  const lines: WorkedLine[] = [];
  for (const run of runs.flatMap(splitAsides)) {
    if (!run.some((t) => t.kind === "equals")) continue;
    const sides: Side[] = [];
    let current: MathToken[] = [];
    let approximate = false;
    const close = () => {
      if (current.length) {
        const s = text.slice(current[0].start, current[current.length - 1].end);
        sides.push({ text: s.replace(/\s+/g, " "), tokens: current, approximate, name: isName(current) });
      }
      current = [];
    };
    for (const t of run) {
      if (t.kind === "equals") {
        close();
        approximate = t.name === "≈";
      } else current.push(t);
    }
    close();
    const compared = sides.filter((s) => !s.name);
    if (compared.length < 2 || !compared.some((s) => s.tokens.some((t) => t.kind === "number"))) continue;
    // The line runs from its first token (a name before it is kept: "z = 2 × 3 = 6"), not from a bare "=".
    const first = run.find((t) => t.kind !== "equals")!;
    const last = run[run.length - 1];
    lines.push({ text: text.slice(first.start, last.end).replace(/\s+/g, " "), offset: first.start, length: last.end - first.start, context: "", tokens: run, sides });
  }
  return lines;
}

/**
 * Splits a run at brackets that are asides rather than arithmetic: one left open or closed by the
 * words around it ("8 × 1 = 8 (through p)"), or one with an "=" inside ("0 to 1 (σ(0) = 0.5)").
 */
function splitAsides(run: MathToken[]): MathToken[][] {
  const breaks = new Set<number>();
  const stack: number[] = [];
  run.forEach((t, k) => {
    if (t.kind === "open") stack.push(k);
    else if (t.kind === "close") {
      const open = stack.pop();
      if (open === undefined) breaks.add(k);
      else if (run.slice(open + 1, k).some((u, n) => u.kind === "equals" && depthAt(run, open + 1, open + 1 + n) === 0)) {
        breaks.add(open);
        breaks.add(k);
      }
    }
  });
  for (const k of stack) breaks.add(k);
  const out: MathToken[][] = [[]];
  run.forEach((t, k) => {
    if (breaks.has(k)) out.push([]);
    else out[out.length - 1].push(t);
  });
  return out.filter((r) => r.length);
}

/** Bracket depth at token `k`, counted from token `from`. */
function depthAt(run: MathToken[], from: number, k: number): number {
  let depth = 0;
  for (let n = from; n < k; n++) depth += run[n].kind === "open" ? 1 : run[n].kind === "close" ? -1 : 0;
  return depth;
}

/** A side that only names a quantity: one letter (z, ŷ, w₁) or a ratio of two (∂L/∂w₁). */
function isName(tokens: MathToken[]): boolean {
  if (tokens.length === 1 && tokens[0].kind === "letter") return true;
  return tokens.length === 3 && tokens[0].kind === "letter" && tokens[1].name === "/" && tokens[2].kind === "letter" && tokens[0].text.startsWith("∂");
}

// ————————————————————————————— parsing —————————————————————————————

type Node =
  | { kind: "number"; value: number; decimals: number; percent: boolean }
  | { kind: "letter"; name: string }
  | { kind: "unary"; op: "−"; arg: Node }
  | { kind: "binary"; op: "+" | "−" | "×" | "/" | "^"; left: Node; right: Node }
  | { kind: "call"; name: string; arg: Node }
  | { kind: "series"; terms: number[] };

class ParseError extends Error {}
/** A "…" that does not stand for a series: the line is wrong, not merely unreadable. */
class SeriesError extends ParseError {}

/** Parses one side of a worked line. */
function parse(tokens: MathToken[]): Node {
  return new SideParser(tokens).side();
}

/** A term of a sum with its sign; "…" stands for the terms a series leaves out. */
type Term = { sign: "+" | "−"; node: Node | "…" };

/** Reads one side's tokens by recursive descent: sum → product → unary → power → postfix → primary. */
class SideParser {
  private k = 0;

  constructor(private readonly tokens: MathToken[]) {}

  /** The whole side: one sum, and nothing after it. */
  side(): Node {
    const node = this.sum();
    if (this.k < this.tokens.length) this.fail(`unexpected "${this.tokens[this.k].text}"`);
    return node;
  }

  private peek(): MathToken {
    return this.tokens[this.k];
  }

  private fail(what: string): never {
    throw new ParseError(what);
  }

  private expect(kind: TokenKind): MathToken {
    if (this.peek()?.kind !== kind) this.fail(`expected ${kind === "close" ? "a closing bracket" : kind} ${this.peek() ? `at "${this.peek().text}"` : "at the end"}`);
    return this.tokens[this.k++];
  }

  private sum(): Node {
    // Terms and signs, kept apart so that "1 + 2 + … + 10" can be filled in.
    const terms: Term[] = [{ sign: "+", node: this.product() }];
    while (this.peek()?.kind === "op" && (this.peek().name === "+" || this.peek().name === "−")) {
      const sign = this.tokens[this.k++].name as "+" | "−";
      if (this.peek()?.kind === "ellipsis") {
        this.k++;
        terms.push({ sign, node: "…" });
      } else terms.push({ sign, node: this.product() });
    }
    return addTerms(terms);
  }

  private product(): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.kind === "op" && (t.name === "×" || t.name === "/")) {
        this.k++;
        left = { kind: "binary", op: t.name, left, right: this.unary() };
      } else if (t && (t.kind === "letter" || t.kind === "open" || t.kind === "function" || t.kind === "sqrt" || t.kind === "e")) {
        // Implicit multiplication: 2x, 15h, ½(ŷ − y), 2(1 − c).
        left = { kind: "binary", op: "×", left, right: this.power() };
      } else return left;
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t?.kind === "op" && (t.name === "−" || t.name === "+")) {
      this.k++;
      const arg = this.unary();
      return t.name === "−" ? { kind: "unary", op: "−", arg } : arg;
    }
    return this.power();
  }

  private power(): Node {
    const base = this.postfix();
    if (this.peek()?.kind === "op" && this.peek().name === "^") {
      this.k++;
      // The exponent binds a sign to its number: e^−0.3 is e^(−0.3).
      return { kind: "binary", op: "^", left: base, right: this.unary() };
    }
    return base;
  }

  private postfix(): Node {
    let node = this.primary();
    while (this.peek()?.kind === "power") node = { kind: "binary", op: "^", left: node, right: { kind: "number", value: this.tokens[this.k++].value!, decimals: 0, percent: false } };
    return node;
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) this.fail("the side ends too early");
    this.k++;
    switch (t.kind) {
      case "number":
        return { kind: "number", value: t.value!, decimals: t.decimals!, percent: !!t.percent };
      case "letter":
        if (this.peek()?.kind === "open" && this.peek().call) this.fail(`"${t.text}(…)" is a function the checker does not know`);
        return { kind: "letter", name: t.name! };
      case "e":
        return { kind: "letter", name: "e" };
      case "open":
        return this.bracketed();
      case "sqrt":
        return { kind: "call", name: "sqrt", arg: this.argument() };
      case "function":
        return { kind: "call", name: t.name!, arg: this.argument() };
      default:
        return this.fail(`unexpected "${t.text}"`);
    }
  }

  /** What stands between an opening bracket, already read, and its closing one. */
  private bracketed(): Node {
    const inner = this.sum();
    this.expect("close");
    return inner;
  }

  /** A function's argument: a bracket, or a number or letter written after it (ln 10, √2, −ln p). */
  private argument(): Node {
    const t = this.peek();
    if (t?.kind === "open") {
      this.k++;
      return this.bracketed();
    }
    if (t?.kind === "op" && t.name === "−") {
      this.k++;
      return { kind: "unary", op: "−", arg: this.argument() };
    }
    if (t && (t.kind === "number" || t.kind === "letter" || t.kind === "e")) return this.primary();
    return this.fail(`a function needs an argument${t ? ` at "${t.text}"` : ""}`);
  }
}

/** A sum's terms as a chain of + and −, each "…" filled in with the series it leaves out. */
function addTerms(terms: Term[]): Node {
  const nodes = terms.map((t, n) => (t.node === "…" ? { sign: "+" as const, node: seriesAt(terms, n) } : { sign: t.sign, node: t.node }));
  return nodes.slice(1).reduce<Node>((left, { sign, node }) => ({ kind: "binary", op: sign, left, right: node }), nodes[0].node);
}

/** An arithmetic series written with "…" at `terms[n]`: the two terms before it set the step, the one after it the end. */
function seriesAt(terms: Term[], n: number): Node {
  const exact = (x: Node | "…" | undefined) => (x && x !== "…" && x.kind === "number" && x.decimals === 0 && !x.percent ? x.value : undefined);
  const [va, vb, vz] = [exact(terms[n - 2]?.node), exact(terms[n - 1]?.node), exact(terms[n + 1]?.node)];
  if (va === undefined || vb === undefined || vz === undefined || terms[n].sign !== "+" || terms[n - 1].sign !== "+" || terms[n + 1]?.sign !== "+") throw new SeriesError('a "…" needs two whole numbers before it and one after it, all added');
  const step = vb - va;
  if (step === 0 || (vz - vb) / step < 1 || !Number.isInteger((vz - vb) / step)) throw new SeriesError(`"${va}, ${vb}, …, ${vz}" is not a series with a whole number of steps`);
  const filled: number[] = [];
  for (let x = vb + step; step > 0 ? x < vz : x > vz; x += step) filled.push(x);
  return { kind: "series", terms: filled };
}

// ————————————————————————————— evaluating —————————————————————————————

class EvalError extends Error {}

const point = (x: number): Interval => ({ lo: x, hi: x });
const monotone = (f: (x: number) => number) => (a: Interval): Interval => ({ lo: f(a.lo), hi: f(a.hi) });
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const functions: Record<string, (a: Interval) => Interval> = {
  sigma: monotone(sigmoid),
  relu: monotone((x) => Math.max(0, x)),
  tanh: monotone(Math.tanh),
  exp: monotone(Math.exp),
  ln(a) {
    if (a.lo <= 0) throw new EvalError("takes ln of a number that is not above 0");
    return monotone(Math.log)(a);
  },
  sqrt(a) {
    if (a.hi < 0) throw new EvalError("takes the square root of a negative number");
    return monotone((x) => Math.sqrt(Math.max(0, x)))(a);
  },
};

function multiply(a: Interval, b: Interval): Interval {
  const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

function raise(a: Interval, b: Interval): Interval {
  if (b.lo === b.hi && Number.isInteger(b.lo)) {
    const n = b.lo;
    if (n === 0) return point(1);
    if (n < 0) return divide(point(1), raise(a, point(-n)));
    const p = [a.lo ** n, a.hi ** n];
    if (n % 2 === 0 && a.lo < 0 && a.hi > 0) return { lo: 0, hi: Math.max(...p) };
    return { lo: Math.min(...p), hi: Math.max(...p) };
  }
  if (a.lo <= 0) throw new EvalError("raises a number that is not above 0 to a power that is not whole");
  const p = [a.lo ** b.lo, a.lo ** b.hi, a.hi ** b.lo, a.hi ** b.hi];
  return { lo: Math.min(...p), hi: Math.max(...p) };
}

function divide(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) throw new EvalError("divides by 0 (or by a number that may be 0)");
  return multiply(a, { lo: 1 / b.hi, hi: 1 / b.lo });
}

/**
 * Evaluates a side. `rounded` widens each printed decimal to everything that rounds to it (and, on a
 * side after "≈", each whole number too); without it every number is taken exactly as printed.
 */
function evaluate(node: Node, letters: ReadonlyMap<string, number>, rounded: boolean, approximate: boolean, precision = 0): Interval {
  // A side that is a single number is a result: it stands for everything that rounds to it.
  const single = node.kind === "unary" && node.arg.kind === "number" ? node.arg : node.kind === "number" ? node : undefined;
  if (single && rounded && precision >= 0) {
    const scale = single.percent ? 0.01 : 1;
    // Only the line's most precise results are rounded: "0.5 = 0.5078" is wrong, "3.5 ≈ 4" is not.
    const half = approximate || (single.decimals > 0 && single.decimals + (single.percent ? 2 : 0) >= precision) ? 0.5 * 10 ** -single.decimals : 0;
    const sign = node.kind === "unary" ? -1 : 1;
    const lo = sign * (single.value - half) * scale;
    const hi = sign * (single.value + half) * scale;
    return { lo: Math.min(lo, hi), hi: Math.max(lo, hi) };
  }
  // Inside an expression, a number is an operand (precision −1 marks that, so that it is not a result).
  const recurse = (n: Node) => evaluate(n, letters, rounded, approximate, precision < 0 ? precision : -1 - precision);
  switch (node.kind) {
    case "number": {
      const scale = node.percent ? 0.01 : 1;
      const whole = node.decimals === 0;
      const needed = precision < 0 ? -1 - precision : precision;
      const mayRound = rounded && ((whole && approximate) || (!whole && significantDigits(node) >= 3 && node.decimals + (node.percent ? 2 : 0) >= needed));
      const half = mayRound ? 0.5 * 10 ** -node.decimals : 0;
      return { lo: (node.value - half) * scale, hi: (node.value + half) * scale };
    }
    case "letter": {
      if (node.name === "e" && !letters.has("e")) return point(Math.E);
      const value = letters.get(node.name);
      if (value === undefined) throw new EvalError(`has the letter ${node.name}, which has no value`);
      return point(value);
    }
    case "series":
      return point(node.terms.reduce((a, b) => a + b, 0));
    case "unary": {
      const a = recurse(node.arg);
      return { lo: -a.hi, hi: -a.lo };
    }
    case "call":
      return functions[node.name](recurse(node.arg));
    case "binary": {
      const a = recurse(node.left);
      const b = recurse(node.right);
      switch (node.op) {
        case "+":
          return { lo: a.lo + b.lo, hi: a.hi + b.hi };
        case "−":
          return { lo: a.lo - b.hi, hi: a.hi - b.lo };
        case "×":
          return multiply(a, b);
        case "/":
          return divide(a, b);
        case "^":
          return raise(a, b);
      }
    }
  }
}

/** Significant digits of a printed number: 0.0209 has 3, 0.25 has 2, 1.96 has 3. */
function significantDigits(node: { value: number; decimals: number }): number {
  const digits = Math.abs(node.value).toFixed(node.decimals).replace(".", "").replace(/^0+/, "");
  return digits.length;
}

/** The decimals of the line's most precise side that is a single number (a percentage counts two more). */
function linePrecision(nodes: Node[]): number {
  let p = 0;
  for (const n of nodes) {
    const m = n.kind === "unary" ? n.arg : n;
    if (m.kind === "number") p = Math.max(p, m.decimals + (m.percent ? 2 : 0));
  }
  return p;
}

function lettersOf(node: Node, into = new Set<string>()): Set<string> {
  if (node.kind === "letter" && node.name !== "e") into.add(node.name);
  else if (node.kind === "unary" || node.kind === "call") lettersOf(node.arg, into);
  else if (node.kind === "binary") {
    lettersOf(node.left, into);
    lettersOf(node.right, into);
  }
  return into;
}

/** Values tried for the letters of an identity: none of them 0 or 1, where many wrong identities hold. */
const samples = [0.37, 1.73, -0.61, 2.29, -1.47];

const show = (x: number) => String(Number(x.toPrecision(6))).replace("-", "−");
const showInterval = (a: Interval) => (Math.abs(a.hi - a.lo) <= 1e-12 * Math.max(1, Math.abs(a.lo)) ? show(a.lo) : `${show(a.lo)} to ${show(a.hi)}`);
const overlap = (xs: Interval[]) => {
  const lo = Math.max(...xs.map((x) => x.lo));
  const hi = Math.min(...xs.map((x) => x.hi));
  return lo <= hi + 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
};

/**
 * Checks a worked line: its sides without letters must agree as numbers, its sides with the same
 * letters must agree for every value of them. `letters` gives values to letters (from the claims).
 */
export function checkWorkedLine(line: WorkedLine, letters: ReadonlyMap<string, number> = new Map()): LineCheck {
  const parsed: { side: Side; node: Node; free: Set<string> }[] = [];
  for (const side of line.sides) {
    if (side.name && !(side.tokens.length === 1 && letters.has(side.tokens[0].name!))) continue;
    try {
      const node = parse(side.tokens);
      const free = new Set([...lettersOf(node)].filter((l) => !letters.has(l)));
      parsed.push({ side, node, free });
    } catch (e) {
      if (e instanceof SeriesError) return { line, status: "wrong", compared: 0, message: `the worked line "${line.text}" is wrong: ${e.message}` };
      if (!(e instanceof ParseError)) throw e;
      return { line, status: "unchecked", compared: 0, message: `"${side.text}" cannot be read: ${e.message}` };
    }
  }
  // Sides without free letters are numbers; sides with the same free letters are identities.
  const numbers = parsed.filter((p) => p.free.size === 0);
  const byLetters = new Map<string, typeof parsed>();
  for (const p of parsed.filter((q) => q.free.size > 0)) {
    const key = [...p.free].sort().join(",");
    byLetters.set(key, [...(byLetters.get(key) ?? []), p]);
  }
  let compared = 0;
  const precision = linePrecision(parsed.map((p) => p.node));
  try {
    if (numbers.length >= 2) {
      const values = numbers.map((p) => evaluate(p.node, letters, true, p.side.approximate, precision));
      if (!overlap(values)) {
        const parts = numbers.map((p, n) => `"${p.side.text}" is ${showInterval(values[n])}`);
        return { line, status: "wrong", compared: numbers.length, message: `the worked line "${line.text}" does not add up: ${parts.join(", but ")}` };
      }
      compared += numbers.length;
    }
    for (const [key, group] of byLetters) {
      if (group.length < 2) continue;
      let tried = 0;
      for (const x of samples) {
        const at = new Map(letters);
        key.split(",").forEach((l, n) => at.set(l, x + 0.11 * n));
        let values: Interval[];
        try {
          values = group.map((p) => evaluate(p.node, at, true, p.side.approximate, precision));
        } catch (e) {
          if (e instanceof EvalError) continue;
          throw e;
        }
        tried++;
        if (!overlap(values)) {
          const parts = group.map((p, n) => `"${p.side.text}" is ${showInterval(values[n])}`);
          const where = [...at].filter(([l]) => key.split(",").includes(l)).map(([l, v]) => `${l} = ${show(v)}`).join(", ");
          return { line, status: "wrong", compared: group.length, message: `the worked line "${line.text}" does not hold for every value of ${key.replace(/,/g, ", ")}: at ${where}, ${parts.join(", but ")}` };
        }
      }
      if (tried >= 2) compared += group.length;
    }
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    return { line, status: "wrong", compared, message: `the worked line "${line.text}" ${e.message}` };
  }
  if (compared < 2) {
    const named = parsed.filter((p) => p.free.size > 0).map((p) => p.side.text);
    return {
      line,
      status: "unchecked",
      compared,
      message: `the worked line "${line.text}" has nothing to compare${named.length ? `: ${named.map((n) => `"${n}"`).join(", ")} ${named.length === 1 ? "has" : "have"} letters with no value (give them values with c.letters)` : ""}`,
    };
  }
  const paper = offPaper(line, numbers.map((p) => ({ side: p.side, node: p.node })), letters);
  if (paper) return { line, status: "wrong", compared, message: `the worked line "${line.text}" does not hold on paper: ${paper}` };
  return { line, status: "verified", compared };
}

/**
 * Why a result does not come out of paper arithmetic on the printed numbers (more than half a unit of
 * its last printed digit away): "½ × 0.3796² = 0.0721" is right for the unrounded 0.37961, but on paper
 * gives 0.0720481, which rounds to 0.0720.
 */
function offPaper(line: WorkedLine, numbers: { side: Side; node: Node }[], letters: ReadonlyMap<string, number>): string | undefined {
  const last = numbers[numbers.length - 1];
  if (!last || numbers.length < 2 || last.node.kind !== "number") return undefined;
  const printed = last.node;
  const scale = printed.percent ? 0.01 : 1;
  const tolerance = 0.5 * 10 ** -printed.decimals * scale * (1 + 1e-9) + 1e-12;
  for (const { side, node } of numbers.slice(0, -1)) {
    let value: number;
    try {
      value = evaluate(node, letters, false, false).lo;
    } catch {
      return undefined;
    }
    if (Math.abs(value - printed.value * scale) > tolerance) {
      return `"${side.text}" with the numbers as printed gives ${show(value / scale)}, more than half a unit of the last digit from ${last.side.text} (right only for unrounded numbers: print them with more digits)`;
    }
  }
  return undefined;
}
