// Finding every number a learner reads in a markdown cell. A real markdown tokenizer (marked) decides
// what is prose: text, emphasis, headings, lists, table cells, inline code, code blocks, LaTeX (which
// markdown leaves as text), link texts and image descriptions. Link and image addresses and the insides
// of HTML tags are not shown to the reader, so they are not read. Subscript digits (x₁) are part of
// names; superscript digits (10⁻², x²) are numbers.
import { marked, Token, Tokens } from "marked";

/** One number as printed in a markdown cell. */
export interface FoundNumber {
  /** Exactly as printed, e.g. "−67.5", "13,002", "77.4 %", "²". */
  text: string;
  /** Its value as printed (a percentage keeps its printed value: "77.4 %" is 77.4). */
  value: number;
  /** Digits after the decimal point, which set the precision a check must reach. */
  decimals: number;
  /** Offset of the first character in the cell's source. */
  offset: number;
  /** Length of the printed text in the source. */
  length: number;
  /** The sentence (or table row) around the number, for messages. */
  context: string;
  /** Written as a word ("three", "twice", "two thirds"), not in digits. */
  word?: boolean;
}

const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isLetter = (ch: string | undefined) => ch !== undefined && /[A-Za-z_\u00C0-\u024F\u0370-\u03FF₀-₉]/.test(ch);
const minusSigns = "−-";

/** A piece of a markdown cell that the reader sees, with its offset in the source (tags masked). */
export interface ReadableLeaf {
  at: number;
  text: string;
}

/**
 * The readable pieces of a markdown source, in reading order: text, emphasis, headings, list items,
 * table cells, inline code, code blocks and HTML (tags masked by spaces). Link and image addresses are
 * skipped. Offsets point into the source, so a finding can be shown and changed in place.
 */
export function readableLeaves(source: string): ReadableLeaf[] {
  const leaves: ReadableLeaf[] = [];
  const tokens = marked.lexer(source);
  let cursor = 0;
  const leaf = (raw: string, mask?: (text: string) => string) => {
    const place = locate(source, raw, cursor);
    if (!place) throw new Error(`could not locate ${JSON.stringify(raw.slice(0, 40))} in the cell source`);
    cursor = place.at + place.text.length;
    // The source's own text (a list item's continuation lines keep their indentation there).
    leaves.push({ at: place.at, text: mask ? mask(place.text) : place.text });
  };
  walk(tokens, leaf, (raw) => {
    // A link or image address: skip past it without reading it.
    const place = locate(source, raw, cursor);
    if (place) cursor = place.at + place.text.length;
  });
  return leaves;
}

/** Every number in a markdown source, in reading order. */
export function findNumbers(source: string): FoundNumber[] {
  return numbersInLeaves(source, readableLeaves(source), scanText);
}

/** The numbers a scanner finds in the readable pieces of a source, with offsets and sentences in the source. */
export function numbersInLeaves(source: string, leaves: readonly ReadableLeaf[], scan: (text: string) => Omit<FoundNumber, "context">[]): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const { at, text } of leaves) {
    for (const n of scan(text)) found.push({ ...n, offset: at + n.offset, context: contextOf(source, at + n.offset) });
  }
  return found;
}

/**
 * Where a token's raw text sits in the source, from `from` on. Markdown strips the indentation of a
 * list item's continuation lines from its tokens, so a line break may stand for a break plus indentation.
 */
function locate(source: string, raw: string, from: number): { at: number; text: string } | undefined {
  const exact = source.indexOf(raw, from);
  if (exact >= 0) return { at: exact, text: raw };
  const pattern = new RegExp(raw.split("\n").map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\n[ \\t>]*"), "g");
  pattern.lastIndex = from;
  const m = pattern.exec(source);
  return m ? { at: m.index, text: m[0] } : undefined;
}

/** Reads a piece of the source; `mask` hides what the reader does not see (HTML tags), position for position. */
type Leaf = (raw: string, mask?: (text: string) => string) => void;

function walk(tokens: readonly Token[], leaf: Leaf, skip: Leaf): void {
  for (const token of tokens) walkToken(token, leaf, skip);
}

function walkToken(token: Token, leaf: Leaf, skip: Leaf): void {
  switch (token.type) {
    case "space":
    case "hr":
    case "br":
    case "def":
      return;
    case "text": {
      const t = token as Tokens.Text;
      if (t.tokens && t.tokens.length) walk(t.tokens, leaf, skip);
      else leaf(t.raw);
      return;
    }
    case "escape":
    case "codespan":
    case "code":
      leaf(token.raw);
      return;
    case "html":
      leaf(token.raw, maskTags);
      return;
    case "link": {
      const t = token as Tokens.Link;
      walk(t.tokens, leaf, skip);
      skip(`(${t.href}`);
      return;
    }
    case "image": {
      const t = token as Tokens.Image;
      leaf(t.text);
      skip(`(${t.href}`);
      return;
    }
    case "table": {
      const t = token as Tokens.Table;
      for (const cell of t.header) walk(cell.tokens, leaf, skip);
      for (const row of t.rows) for (const cell of row) walk(cell.tokens, leaf, skip);
      return;
    }
    case "list": {
      const t = token as Tokens.List;
      for (const item of t.items) {
        // An ordered list's own numbering ("1.", "2.") is read too: it is printed for the reader.
        if (t.ordered) leaf(item.raw.slice(0, item.raw.search(/[.)]/) + 1));
        walk(item.tokens, leaf, skip);
      }
      return;
    }
    default: {
      const t = token as Token & { tokens?: Token[] };
      if (t.tokens) {
        walk(t.tokens, leaf, skip);
        return;
      }
      throw new Error(`unsupported markdown element "${token.type}": ${JSON.stringify(token.raw.slice(0, 60))}`);
    }
  }
}

/** Replaces everything inside HTML tags by spaces, keeping positions, so attributes are not read. */
function maskTags(raw: string): string {
  return raw.replace(/<[^>]*>/g, (tag) => " ".repeat(tag.length));
}

/** The numbers in one piece of text, with offsets relative to it. */
export function scanText(text: string): Omit<FoundNumber, "context">[] {
  const out: Omit<FoundNumber, "context">[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (superscripts.includes(ch) || ((ch === "⁻" || ch === "⁺") && superscripts.includes(text[i + 1] ?? "x"))) {
      let j = i + (ch === "⁻" || ch === "⁺" ? 1 : 0);
      let digits = "";
      while (j < text.length && superscripts.includes(text[j])) digits += String(superscripts.indexOf(text[j++]));
      out.push({ text: text.slice(i, j), value: (ch === "⁻" ? -1 : 1) * Number(digits), decimals: 0, offset: i, length: j - i });
      i = j;
      continue;
    }
    const startsNumber = isDigit(ch) || (ch === "." && isDigit(text[i + 1]) && !isDigit(text[i - 1]));
    if (!startsNumber) {
      i++;
      continue;
    }
    // Digits glued to a letter before them are part of a name (w1, x2, ES2022): skip the whole name.
    if (isLetter(text[i - 1]) || (text[i - 1] === "." && isLetter(text[i - 2]))) {
      while (i < text.length && (isDigit(text[i]) || isLetter(text[i]))) i++;
      continue;
    }
    let start = i;
    let sign = 1;
    const before = text[i - 1];
    if (before !== undefined && minusSigns.includes(before) && !/[\p{L}\p{N})\]}.]/u.test(text[i - 2] ?? " ")) {
      start = i - 1;
      sign = -1;
    }
    const { integer, fraction, end } = readDigits(text, i);
    let j = end;
    let exponent = 0;
    const e = readExponent(text, j);
    if (e && (integer || fraction)) {
      exponent = e.exponent;
      j += e.length;
    }
    let printedEnd = j;
    const percent = /^\s?%/.exec(text.slice(j));
    if (percent) printedEnd = j + percent[0].length;
    const value = sign * Number(`${integer || "0"}.${fraction || "0"}`) * 10 ** exponent;
    out.push({
      text: text.slice(start, printedEnd),
      value: exponent ? Number((sign * Number(`${integer || "0"}.${fraction || "0"}e${exponent}`)).toPrecision(15)) : value,
      decimals: Math.max(0, fraction.length - exponent),
      offset: start,
      length: printedEnd - start,
    });
    i = printedEnd;
  }
  return out;
}

/** The digits of a number printed at `i`: its whole part (without thousands separators), its decimals, and where they end. */
export function readDigits(text: string, i: number): { integer: string; fraction: string; end: number } {
  let j = i;
  let integer = "";
  while (isDigit(text[j])) integer += text[j++];
  // Thousands separators: 13,002 (groups of exactly three digits).
  if (integer.length <= 3) {
    while (text[j] === "," && isDigit(text[j + 1]) && isDigit(text[j + 2]) && isDigit(text[j + 3]) && !isDigit(text[j + 4])) {
      integer += text.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let fraction = "";
  if (text[j] === "." && isDigit(text[j + 1])) {
    j++;
    while (isDigit(text[j])) fraction += text[j++];
  }
  return { integer, fraction, end: j };
}

/** A power of ten printed right after a number's digits ("e-3", "E+5", "e−2"), or undefined. */
export function readExponent(text: string, at: number): { exponent: number; length: number } | undefined {
  const e = /^[eE]([+\-−]?)(\d+)(?![\w])/.exec(text.slice(at));
  return e ? { exponent: (e[1] === "-" || e[1] === "−" ? -1 : 1) * Number(e[2]), length: e[0].length } : undefined;
}

/** The sentence around `offset` in `source` (or its table row or line), trimmed for a message. */
export function contextOf(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset) + 1;
  let lineEnd = source.indexOf("\n", offset);
  if (lineEnd < 0) lineEnd = source.length;
  const line = source.slice(lineStart, lineEnd);
  if (line.trim().startsWith("|")) return line.trim();
  const at = offset - lineStart;
  const ends = [...line.matchAll(/[.!?](?=\s|$)/g)].map((m) => m.index!).filter((k) => !isDigit(line[k + 1]));
  const from = Math.max(0, ...ends.filter((k) => k < at).map((k) => k + 1));
  const to = Math.min(line.length, ...ends.filter((k) => k >= at).map((k) => k + 1));
  const sentence = line.slice(from, to).trim();
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
}
