// Numbers written as words are claims like digits, where they state a quantity the course computes:
// a size, a count, a number of epochs, a factor. "three inputs", "two hidden neurons", "Three of the
// eight neurons", "two hundred draws", "two thirds", "twice as hard", "ten times the miss", "tenfold".
// A number word counts when a countable noun of the course follows it (after at most two describing
// words: "two hidden neurons", "three more hand-drawn digits"), or "times", or a fraction word; and
// "twice", "tenfold", "doubles", "halves", "a half" always count. Words that order ("first",
// "second") or count the text itself ("three things to notice", "two reasons") are not quantities the
// course computes and are not read.
import { FoundNumber } from "./numbers";

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const scales: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6 };
/** Fraction words after a count: "two thirds", "one half", "three quarters". */
const fractionWords: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };
/** Words that state a factor by themselves. */
const factorWords: Record<string, number> = {
  twice: 2, double: 2, doubles: 2, doubled: 2, doubling: 2, triple: 3, triples: 3, tripled: 3, tripling: 3,
  halve: 0.5, halves: 0.5, halved: 0.5, halving: 0.5, twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, tenfold: 10, hundredfold: 100,
};

/**
 * The countable nouns of the course (singular and plural): things it builds, trains on, measures or
 * counts. Extend the list when a notebook counts something new.
 */
export const countableNouns = new Set(
  [
    "input", "output", "neuron", "layer", "weight", "bias", "biases", "knob", "epoch", "digit", "pixel", "sample",
    "point", "example", "image", "picture", "step", "number", "class", "classes", "row", "column", "value", "run",
    "seed", "line", "panel", "dot", "curve", "pile", "pass", "passes", "gradient", "slope", "link", "exercise",
    "decimal", "place", "sigmoid", "unit", "product", "sum", "score", "probability", "probabilities", "draw",
    "minute", "notebook", "update", "nudge", "copy", "copies", "corner", "diagonal", "boundary", "boundaries",
    "piece", "signal", "list", "answer", "target", "loss", "losses", "effect", "function", "network", "walk",
    "sweep", "batch", "batches", "group", "bar", "term", "label", "multiplication", "vote", "voter", "deviation",
    "entry", "entries", "cell", "grid", "stroke", "time", "mistake", "miss", "misses", "percent", "set", "half",
  ].flatMap((w) => (/(s|x|ch|sh)$/.test(w) || w.endsWith("ies") ? [w] : [w, w.endsWith("y") ? `${w.slice(0, -1)}ies` : `${w}s`])),
);

/** Words that cannot sit between a number word and its noun: they end the phrase. */
const stopWords = new Set(
  "the a an of in on at to and or is are was were be been being with for by from that this these those it its as than then so but not no nor per if when where which who what how each every all both any some".split(" "),
);

const wordPattern = /[A-Za-z][A-Za-z'’-]*|\d+s\b/g;

/** Every number written as a word in a piece of text that states a quantity, in reading order. */
export function findNumberWords(text: string): Omit<FoundNumber, "context">[] {
  const words = [...text.matchAll(wordPattern)].map((m) => ({ text: m[0], lower: m[0].toLowerCase().replace(/['’]s$/, ""), at: m.index! }));
  // Words separated by a sentence break or a comma do not belong together.
  const joined = (a: { at: number; text: string }, b: { at: number }) => /^[\s*_]*$/.test(text.slice(a.at + a.text.length, b.at));
  const out: Omit<FoundNumber, "context">[] = [];
  let k = 0;
  while (k < words.length) {
    const w = words[k];
    if (isNameInCode(text, w)) {
      k++;
      continue;
    }
    const factor = factorWords[w.lower];
    if (factor !== undefined) {
      out.push({ text: w.text, value: factor, decimals: 0, offset: w.at, length: w.text.length, word: true });
      k++;
      continue;
    }
    if (w.lower === "half") {
      if (halfIsQuantity(words, k, joined)) out.push({ text: w.text, value: 0.5, decimals: 0, offset: w.at, length: w.text.length, word: true });
      k++;
      continue;
    }
    // A cardinal, possibly compound: "two hundred", "twenty-four", "a hundred".
    const start = k;
    let value: number | undefined;
    let current = 0;
    let total = 0;
    while (k < words.length && (k === start || joined(words[k - 1], words[k]))) {
      const parts = words[k].lower.split("-");
      // A hyphenated compound: "twenty-four" is a number, "one-input" a size, "one-sided" a name.
      const rest = parts.filter((p) => !(p in units || p in tens || p in scales));
      if (parts.length > 1 && rest.length) {
        if (k === start && rest.length === 1 && parts[parts.length - 1] === rest[0] && countableNouns.has(rest[0]) && parts.length === 2) {
          const v = parts[0] in units ? units[parts[0]] : tens[parts[0]];
          if (v !== undefined) {
            const end = words[k].at + parts[0].length;
            out.push({ text: text.slice(words[k].at, end), value: v, decimals: 0, offset: words[k].at, length: end - words[k].at, word: true });
          }
        }
        break;
      }
      let used = false;
      for (const p of parts) {
        if (p in units) current += units[p];
        else if (p in tens) current += tens[p];
        else if (p in scales && (value !== undefined || (k > 0 && words[k - 1].lower === "a"))) {
          if (scales[p] >= 1000) {
            total += (current || 1) * scales[p];
            current = 0;
          } else current = (current || 1) * scales[p];
        } else break;
        used = true;
        value = total + current;
      }
      if (!used) break;
      k++;
    }
    if (value === undefined) {
      k = Math.max(k, start + 1);
      continue;
    }
    const first = words[start];
    const last = words[k - 1];
    const number = { text: text.slice(first.at, last.at + last.text.length), offset: first.at, length: last.at + last.text.length - first.at, decimals: 0, word: true as const };
    const next = words[k];
    if (next && joined(last, next) && next.lower in fractionWords && value > 0) {
      // "two thirds": one number, the count over the fraction.
      const end = next.at + next.text.length;
      out.push({ ...number, text: text.slice(first.at, end), length: end - first.at, value: value / fractionWords[next.lower] });
      k++;
      continue;
    }
    if (statesQuantity(words, k, joined)) out.push({ ...number, value });
  }
  return out;
}

/** A name in code ("double(x)", "function double"): not a quantity. */
function isNameInCode(text: string, w: { text: string; at: number }): boolean {
  return text[w.at + w.text.length] === "(" || /\bfunction\s+$/.test(text.slice(Math.max(0, w.at - 12), w.at));
}

/** "a half", "one half", "half of", "half as", "half the": a half as a quantity (not "half squared error"). */
function halfIsQuantity(words: { text: string; lower: string; at: number }[], k: number, joined: (a: { at: number; text: string }, b: { at: number }) => boolean): boolean {
  const before = words[k - 1]?.lower;
  const after = words[k + 1]?.lower;
  return (before === "a" && joined(words[k - 1], words[k])) || ["of", "as", "the"].includes(after ?? "");
}

/** Whether the words from `k` on make the number before them a quantity: a countable noun, "times", "of the … noun". */
function statesQuantity(words: { text: string; lower: string; at: number }[], k: number, joined: (a: { at: number; text: string }, b: { at: number }) => boolean): boolean {
  const isNoun = (w: { lower: string } | undefined) => !!w && (countableNouns.has(w.lower) || /^\d+s$/.test(w.lower) || w.lower === "times");
  const follows = (n: number) => n < words.length && joined(words[n - 1], words[n]);
  for (let skip = 0; skip <= 2; skip++) {
    if (!follows(k + skip)) return false;
    const w = words[k + skip];
    if (isNoun(w)) return true;
    if (stopWords.has(w.lower)) break;
  }
  // "three of the eight neurons", "one of its inputs".
  if (follows(k) && words[k].lower === "of" && follows(k + 1) && ["the", "its", "their", "our", "these", "those", "all"].includes(words[k + 1].lower)) {
    for (let skip = 2; skip <= 4; skip++) {
      if (!follows(k + skip)) return false;
      if (isNoun(words[k + skip])) return true;
    }
  }
  return false;
}
