// The mutation harness for every kind of statement: it changes one statement of a notebook at a time, in
// a copy of the cell, checks that cell again, and records whether the change was caught (a failing
// finding in that cell that names it). Kinds:
//   - operator: a sign of a worked line swapped (× ↔ +, − ↔ +, / ↔ ×);
//   - term: a term dropped from a sum on a worked line's left side;
//   - result: the first significant digit of a worked line's last side changed;
//   - word: a number word changed to the next one ("three inputs" → "four inputs", "twice" → "three times");
//   - direction: a direction word swapped for its opposite ("goes down" → "goes up");
//   - caption: a digit of a number in a string a figure shows, in a code cell;
//   - comment: a digit of a number in a code comment;
//   - tie: the literal in a code cell that a tied given names (c.given(…, { code, at })) set to another
//     number, as if someone changed the lesson's weight in the code and not in the prose; for a count,
//     one more item in its list; for an exercise's example, the number in the case its check runs.
// Worked lines check themselves, so operator, term and result run on every notebook. The other kinds run
// where the claims cover them: in cells a claims file declares (c.words, c.compare, c.cell on a code
// cell), and everywhere in a notebook whose claims say c.strict().
import { WorkedLine, findWorkedLines, workedLinesIn } from "../../lib/tools/claims/arithmetic";
import { checkCellKinds, checkGiven, pinnedLiteral } from "../../lib/tools/claims/check";
import { readableCode } from "../../lib/tools/claims/code-text";
import { Given, NotebookClaims } from "../../lib/tools/claims/define";
import { directionOf, findDirectionWords, findPhrase } from "../../lib/tools/claims/directions";
import { numbersInLeaves, readableLeaves, scanText } from "../../lib/tools/claims/numbers";
import { findNumberWords } from "../../lib/tools/claims/words";
import { PythonRandom } from "../../lib/engine";
import { exerciseKey } from "../../lib/course/exercise-keys/index";
import { Cell, Notebook, joinText } from "../../lib/tools/notebooks/ipynb";

export type MutationKind = "operator" | "term" | "result" | "word" | "direction" | "caption" | "comment" | "tie";
export const mutationKinds: readonly MutationKind[] = ["operator", "term", "result", "word", "direction", "caption", "comment", "tie"];

/** One change to one cell. */
export interface Mutation {
  kind: MutationKind;
  cellIndex: number;
  /** What was changed, for messages: "× → + in (3 × 2) + 4 = 10". */
  label: string;
  /** The cell's source after the change. */
  source: string;
  /** For a tie: the given whose literal was changed. */
  given?: Given;
  /** A change outside the notebook (an exercise's case): makes it and returns what undoes it. */
  apply?: () => () => void;
}

const replaceAt = (s: string, at: number, length: number, by: string) => s.slice(0, at) + by + s.slice(at + length);
const swaps: Record<string, string> = { "×": "+", "·": "+", "*": "+", "+": "−", "−": "+", "-": "+", "/": "×", "÷": "×" };

/** The worked lines of a cell, with offsets in its source. */
function linesOf(cell: Cell): WorkedLine[] {
  const source = joinText(cell.source);
  if (cell.cell_type === "markdown") return findWorkedLines(source);
  return readableCode(source).flatMap((leaf) => workedLinesIn(leaf.text).map((l) => ({ ...l, offset: l.offset + leaf.at, tokens: l.tokens.map((t) => ({ ...t, start: t.start + leaf.at, end: t.end + leaf.at })) })));
}

const cardinals = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const otherWords: Record<string, string> = { twice: "three times", double: "triple", doubles: "triples", doubled: "tripled", doubling: "tripling", triple: "double", triples: "doubles", tripling: "doubling", halves: "doubles", halving: "doubling", half: "third", tenfold: "twofold", hundred: "thousand" };

/** The next number word: "three" → "four", "Two" → "Three", "twice" → "three times". */
export function nextNumberWord(word: string): string | undefined {
  const lower = word.toLowerCase();
  const first = lower.split(/[\s-]/)[0];
  const k = cardinals.indexOf(first);
  let next: string | undefined;
  if (k >= 0) next = (k === cardinals.length - 1 ? "thirty" : cardinals[k + 1]) + lower.slice(first.length);
  else next = otherWords[first] !== undefined ? otherWords[first] + lower.slice(first.length) : undefined;
  if (!next) return undefined;
  return word[0] === word[0].toUpperCase() ? next[0].toUpperCase() + next.slice(1) : next;
}

/** Every candidate change of one kind in a notebook (before sampling). */
export function candidates(nb: Notebook, claims: NotebookClaims | undefined, kind: MutationKind): Mutation[] {
  if (kind === "tie") return tieCandidates(nb, claims);
  const out: Mutation[] = [];
  const strict = !!claims?.strict;
  nb.cells.forEach((cell, cellIndex) => {
    if (cell.cell_type !== "markdown" && cell.cell_type !== "code") return;
    const source = joinText(cell.source);
    if (kind === "operator" || kind === "term" || kind === "result") {
      for (const line of linesOf(cell)) {
        const compared = line.sides.filter((s) => !s.name);
        if (kind === "operator") {
          // Only signs in sides that are compared: a side in letters without values names a quantity.
          const inCompared = (u: { start: number }) => compared.some((side) => !side.tokens.some((x) => x.kind === "letter") && side.tokens.some((x) => x.start === u.start));
          for (const t of line.tokens.filter((u) => u.kind === "op" && swaps[u.text] && !((u.text === "−" || u.text === "-") && isUnary(line, u)) && inCompared(u))) {
            const changed = replaceAt(source, t.start, t.end - t.start, swaps[t.text]);
            if (stillHolds(changed.slice(line.offset, line.offset + line.length))) continue;
            out.push({ kind, cellIndex, label: `${t.text} → ${swaps[t.text]} in "${line.text}"`, source: changed });
          }
        } else if (kind === "term") {
          // Drop the last "+ term" or "− term" at the top level of the first compared side.
          const side = compared[0];
          let depth = 0;
          let cut: number | undefined;
          side.tokens.forEach((t, k) => {
            if (t.kind === "open") depth++;
            else if (t.kind === "close") depth--;
            else if (depth === 0 && k > 0 && t.kind === "op" && (t.name === "+" || t.name === "−") && !isUnary(line, t)) cut = k;
          });
          if (cut !== undefined && compared.length >= 2 && !side.tokens.some((t) => t.kind === "letter" || t.kind === "ellipsis")) {
            const from = side.tokens[cut].start;
            const to = side.tokens[side.tokens.length - 1].end;
            const changed = replaceAt(source, from, to - from, "");
            if (stillHolds(changed.slice(line.offset, line.offset + line.length - (to - from)))) continue;
            out.push({ kind, cellIndex, label: `"${source.slice(from, to)}" dropped from "${line.text}"`, source: changed });
          }
        } else {
          const last = compared[compared.length - 1];
          const numbers = last.tokens.filter((t) => t.kind === "number");
          if (last.tokens.length === 1 && numbers.length === 1 && compared.length >= 2 && !compared.some((s) => s.tokens.some((t) => t.kind === "letter"))) {
            const t = numbers[0];
            const k = t.text.search(/[1-9]/);
            if (k >= 0) {
              const digit = Number(t.text[k]);
              const changed = replaceAt(t.text, k, 1, String(digit === 9 ? 8 : digit + 1));
              out.push({ kind, cellIndex, label: `${t.text} → ${changed} in "${line.text}"`, source: replaceAt(source, t.start, t.end - t.start, changed) });
            }
          }
        }
      }
    } else if (kind === "word") {
      if (!strict && !claims?.words.has(cell.id)) return;
      const leaves = cell.cell_type === "markdown" ? readableLeaves(source) : readableCode(source);
      for (const w of numbersInLeaves(source, leaves, findNumberWords)) {
        const next = nextNumberWord(w.text);
        if (next) out.push({ kind, cellIndex, label: `${w.text} → ${next} in "${w.context}"`, source: replaceAt(source, w.offset, w.length, next) });
      }
    } else if (kind === "direction") {
      const spots = new Map<number, { word: string; length: number }>();
      for (const c of claims?.comparisons.filter((x) => x.cell === cell.id) ?? []) {
        for (const m of findPhrase(source, c.phrase).slice(0, 1)) spots.set(m.offset, { word: m.word, length: m.length });
      }
      if (strict) {
        const leaves = cell.cell_type === "markdown" ? readableLeaves(source) : readableCode(source);
        for (const leaf of leaves) for (const d of findDirectionWords(leaf.text)) spots.set(leaf.at + d.offset, { word: d.word, length: d.length });
      }
      for (const [at, { word, length }] of spots) {
        const opposite = directionOf(word)?.opposite;
        if (opposite) out.push({ kind, cellIndex, label: `${word} → ${opposite} at "${source.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, " ")}"`, source: replaceAt(source, at, length, opposite) });
      }
    } else if (cell.cell_type === "code" && (strict || claims?.cells.has(cell.id))) {
      const leaves = readableCode(source).filter((l) => l.kind === (kind === "comment" ? "comment" : "shown text"));
      for (const n of numbersInLeaves(source, leaves, scanText)) {
        // The first digit goes up by one; a superscript (the ² of "(ŷ − 20)²") becomes the next superscript.
        const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        const k = n.text.search(/\d/);
        const s = [...n.text].findIndex((ch) => superscripts.includes(ch));
        if (k < 0 && s < 0) continue;
        const changed = k >= 0 ? replaceAt(n.text, k, 1, String((Number(n.text[k]) + 1) % 10)) : replaceAt(n.text, s, 1, superscripts[(superscripts.indexOf(n.text[s]) + 1) % 10]);
        out.push({ kind, cellIndex, label: `${n.text} → ${changed} in "${n.context}"`, source: replaceAt(source, n.offset, n.length, changed) });
      }
    }
  });
  return out;
}

/** A numeric literal in code (a sign in front belongs to it), as the harness reads it: by pattern, not by the checker's parser. */
const literalPattern = /^-?\s*(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i;

/**
 * Every tie of a given to a code cell that names one literal: that literal set to the given's value
 * plus 1. The harness finds the literal itself: the code right after `at`, read by pattern; for a tie
 * without `at` (the cell's only literal of that value), the place the checker reads, which must hold
 * the value (a tie to one of several equal literals fails npm run claims, so every tie names one place).
 */
function tieCandidates(nb: Notebook, claims: NotebookClaims | undefined): Mutation[] {
  const out: Mutation[] = [];
  for (const given of claims?.givens.values() ?? []) {
    if (given.exercise) {
      const { id, case: k, item } = given.exercise;
      const cellIndex = nb.cells.findIndex((c) => c.cell_type === "code" && joinText(c.source).includes(`check("${id}"`));
      if (cellIndex < 0) continue;
      const apply = () => {
        const key = exerciseKey(id);
        const cases = key.cases;
        key.cases = () => {
          const changed = cases();
          let at = changed[k] as unknown[];
          for (const i of item.slice(0, -1)) at = at[i] as unknown[];
          at[item[item.length - 1]] = given.value + 1;
          return changed;
        };
        return () => {
          key.cases = cases;
        };
      };
      out.push({ kind: "tie", cellIndex, label: `case ${k} of exercise ${id} at [${item.join(", ")}]: ${given.value} → ${given.value + 1} (given "${given.key}")`, source: joinText(nb.cells[cellIndex].source), given, apply });
      continue;
    }
    if (!given.code) continue;
    const cellIndex = nb.cells.findIndex((c) => c.id === given.code);
    if (cellIndex < 0) continue;
    const source = joinText(nb.cells[cellIndex].source);
    let start: number;
    let text: string;
    if (given.length && given.at !== undefined) {
      // A count: the list after `at` gets one more item (its first again), read by bracket depth.
      const at = source.indexOf(given.at);
      if (at < 0) continue;
      start = at + given.at.length;
      const end = closingBracket(source, start);
      if (end < 0) continue;
      text = source.slice(start, end + 1);
      const inner = text.slice(1, -1).trim().replace(/,$/, "");
      const first = inner ? splitTopLevel(inner)[0] : "0";
      const longer = inner ? `[${inner}, ${first}]` : `[${first}]`;
      out.push({ kind: "tie", cellIndex, label: `${text} → ${longer} in cell "${given.code}" (given "${given.key}")`, source: replaceAt(source, start, text.length, longer), given });
      continue;
    }
    if (given.at !== undefined) {
      const at = source.indexOf(given.at);
      if (at < 0) continue;
      start = at + given.at.length;
      const m = literalPattern.exec(source.slice(start));
      if (!m) continue;
      text = m[0];
    } else {
      const place = pinnedLiteral(source, given);
      if (!("start" in place)) continue;
      start = place.start;
      text = source.slice(place.start, place.end);
    }
    if (Number(text.replace(/[\s_]/g, "")) !== given.value) throw new Error(`${given.code}: the harness reads ${text} where the given "${given.key}" is ${given.value}`);
    const changed = String(given.value + 1);
    out.push({ kind: "tie", cellIndex, label: `${text} → ${changed} in cell "${given.code}" (given "${given.key}")`, source: replaceAt(source, start, text.length, changed), given });
  }
  return out;
}

/** The index of the "]" that closes the "[" at `open`, by bracket depth (−1 when there is none). */
function closingBracket(source: string, open: number): number {
  if (source[open] !== "[") return -1;
  let depth = 0;
  for (let k = open; k < source.length; k++) {
    if ("[({".includes(source[k])) depth++;
    else if ("])}".includes(source[k]) && --depth === 0) return k;
  }
  return -1;
}

/** A list's items at the top level: "[3, 1], 2" → ["[3, 1]", "2"]. */
function splitTopLevel(inner: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < inner.length; k++) {
    if ("[({".includes(inner[k])) depth++;
    else if ("])}".includes(inner[k])) depth--;
    else if (inner[k] === "," && depth === 0) {
      items.push(inner.slice(from, k).trim());
      from = k + 1;
    }
  }
  items.push(inner.slice(from).trim());
  return items.filter((x) => x.length);
}

/**
 * Whether a changed line of plain arithmetic (digits, + − × / and brackets) still holds exactly, judged by
 * JavaScript's own arithmetic (not by the checker): such a change ("(3 × 0) + (1 × 0) = 0" with − for +)
 * is an equivalent mutant, which no check can or should catch. Undefined for lines in other forms.
 */
export function stillHolds(line: string): boolean | undefined {
  const sides = line.split(/[=≈]/).map((s) => s.trim());
  if (sides.length < 2 || !sides.every((s) => /^(?:[\d.,\s+\-−×÷/*()²½]|tanh|ReLU|σ)+$/.test(s))) return undefined;
  const js = (s: string) =>
    s
      .replace(/(\d),(\d{3})/g, "$1$2")
      .replace(/−/g, "-")
      .replace(/×/g, "*")
      .replace(/÷/g, "/")
      .replace(/½/g, "(1/2)*")
      .replace(/²/g, "**2")
      .replace(/tanh/g, "Math.tanh")
      .replace(/ReLU/g, "relu")
      .replace(/σ/g, "sigmoid");
  let values: number[];
  try {
    values = sides.map((s) => Function("relu", "sigmoid", `"use strict"; return (${js(s)});`)((x: number) => Math.max(0, x), (x: number) => 1 / (1 + Math.exp(-x))) as number);
  } catch {
    return undefined; // JavaScript reads it otherwise ("−0.3796²"): no judgement
  }
  return values.every((v) => Math.abs(v - values[0]) <= 1e-9 * Math.max(1, Math.abs(v)));
}

/** A minus that is a sign, not a subtraction: at the start of a side or after an operator or a bracket. */
function isUnary(line: WorkedLine, t: { start: number }): boolean {
  // (A sign after "^" or at the start of a side belongs to its number.)
  const k = line.tokens.findIndex((u) => u.start === t.start);
  const before = line.tokens[k - 1];
  return !before || before.kind === "op" || before.kind === "open" || before.kind === "equals" || before.kind === "function";
}

/** A seeded sample of at most `count` candidates (all of them when there are fewer). */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  const rng = new PythonRandom(seed);
  const pool = [...items];
  for (let k = pool.length - 1; k > 0; k--) {
    const j = Math.floor(rng.random() * (k + 1));
    [pool[k], pool[j]] = [pool[j], pool[k]];
  }
  return pool.slice(0, count);
}

/** Applies each change and checks the changed cell; returns the changes that no failing finding caught. */
export function missedMutations(nb: Notebook, claims: NotebookClaims | undefined, name: string, mutations: readonly Mutation[]): Mutation[] {
  const missed: Mutation[] = [];
  for (const m of mutations) {
    const cell = { ...nb.cells[m.cellIndex], source: m.source };
    const copy: Notebook = { ...nb, cells: nb.cells.map((c, k) => (k === m.cellIndex ? cell : c)) };
    if (claims) claims.source = copy;
    const problems: string[] = [];
    if (m.given) {
      const undo = m.apply?.();
      try {
        checkGiven(copy, name, m.given, problems, []);
      } finally {
        undo?.();
      }
      if (!problems.length) missed.push(m);
      continue;
    }
    const findings = checkCellKinds(name, cell, m.cellIndex + 1, claims, problems);
    const caught = findings.some((f) => f.fails && f.cellId === cell.id) || problems.length > 0;
    if (!caught) missed.push(m);
  }
  if (claims) claims.source = nb;
  return missed;
}
