// How a notebook's checkable statements are declared: the API of tests/claims/<notebook>.claims.ts.
// Each cell (by its id) lists, in reading order, one entry per number a reader meets there:
//   - c.cell(id, [...]): the numbers printed in digits, in a markdown cell, or in a code cell's
//     comments and the strings its figures show (captions, descriptions, labels);
//   - c.words(id, [...]): the numbers written as words ("three inputs", "twice"), in either kind of cell.
// An entry is
//   - a Given, declared once: an input of the lesson that a code cell sets (a chosen weight, a learning
//     rate), tied to that cell (c.given(…, { code: "cell", at: "weight = " })), or a number no cell sets,
//     classified by what makes it true (c.given(…, { is: "definition" }); see givenClasses); a count
//     a cell sets as a list ({ code, at, length: true }); an exercise's example, tied to the case its
//     check runs ({ exercise: { id: "01.3", case: 0, item: [1, 0] } });
//   - a number that names a notebook of the course or an exercise of this notebook: c.notebook(12, "XOR")
//     (words of that lesson's title, so that a renumbering cannot leave "notebook 12" naming another
//     lesson), c.exercise("01.2"), checked against the course's files and the notebook's check cells;
//   - a value the notebook's own run printed: c.output(cell, "label") reads the number after "label" in
//     that code cell's stored output (npm test proves the stored outputs equal a re-run);
//   - a value computed by the check: a function (using lib, or c.read(...) for printed values);
//   - a worked line made by a lib helper (c.line), covering all its numbers; c.rounded for a value the
//     text rounds.
// Worked arithmetic in the prose ("(3 × 2) + (1 × 5) = 11") checks itself; c.letters gives values to
// the letters of a cell's lines. Direction words ("the loss goes down") are declared with c.compare.
import { basename } from "node:path";
import { joinText, readNotebook } from "../notebooks/ipynb";
import { courseNotebooks } from "../notebooks/list";
import { Anchor, readPrinted } from "./outputs";

/**
 * What makes a given number true when no code cell sets it. Each is a statement of the lesson that
 * needs no computation; a number that a cell sets or computes is tied to that cell or computed instead.
 */
export const givenClasses = {
  definition: "true by the lesson's definitions or design (a neuron has one bias; a square has the power 2)",
  label: "names a thing: a step, row or list position, a digit class; counting, not computing",
  estimate: "the estimated time to work through a notebook or a part of the course",
  fact: "a fact about the field or the world (a year, a size of real images) that the course states",
  illustration: "a number the prose picks for an example that no cell runs (an imagined chain of 10 links)",
} as const;
export type GivenClass = keyof typeof givenClasses;

/**
 * The `at` of an item of a list literal written out in a code cell: the code before the list, then the
 * items before this one (itemAt("const logged = [", [0, 20, 40], 2) is "const logged = [0, 20, ").
 */
export function itemAt(before: string, list: readonly number[], index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new Error(`itemAt: no item ${index} in a list of ${list.length}`);
  return before + list.slice(0, index).map((v) => `${v}, `).join("");
}

const titles = new Map<string, string>();

/** The title of course notebook n: the first line of its first markdown cell (undefined: no such notebook). */
export function notebookTitle(n: number): string | undefined {
  const prefix = `${String(n).padStart(2, "0")}-`;
  const path = courseNotebooks().find((p) => basename(p).startsWith(prefix));
  if (!path) return undefined;
  if (!titles.has(path)) {
    const first = readNotebook(path).cells.find((c) => c.cell_type === "markdown");
    titles.set(path, first ? joinText(first.source).split("\n")[0].replace(/^#+\s*/, "") : "");
  }
  return titles.get(path);
}

/** Why "notebook n", meant as the lesson titled with these words, is wrong (undefined: it is right). */
export function notebookProblem(n: number, words: string): string | undefined {
  const title = notebookTitle(n);
  if (title === undefined) return `the course has no notebook ${n} (no file notebooks/${String(n).padStart(2, "0")}-*.ipynb)`;
  if (!title.includes(words)) return `notebook ${n} is "${title}", not the lesson on "${words}": was the course renumbered?`;
  return undefined;
}

/** A number the text states rather than derives, with the reason it is given. */
export interface Given {
  kind: "given";
  key: string;
  value: number;
  why: string;
  /**
   * The code cell that sets this input: a true input of the lesson. The cell's code must set exactly
   * this number at one place: the literal right after `at` (code text that occurs once in the cell), or
   * without `at`, the one literal of the cell with this value. Changing that literal fails the check.
   */
  code?: string;
  at?: string;
  /** The number is a count the cell's code sets: the length of the array literal right after `at`. */
  length?: boolean;
  /** For a number no cell sets: what makes it true (see givenClasses). */
  is?: GivenClass;
  /**
   * An example the prose gives for an exercise that is one of the cases the notebook's check cell runs:
   * the exercise ("01.3"), the case (from 0) and the place of the number in its arguments ([1, 0]: the
   * second argument's first item).
   */
  exercise?: { id: string; case: number; item: number[] };
}

/** How a given is anchored: to the code cell that sets it, or to a class of statement that needs no code. */
export type GivenOptions = { code: string; at?: string; length?: boolean } | { is: GivenClass } | { exercise: { id: string; case: number; item: number[] } };

/** A line of worked arithmetic made by a lib helper; every number in it is checked against the text. */
export interface Line {
  kind: "line";
  make: () => string;
}

/** A computed value that the text shows rounded (also to a whole number): "about 68 %" of 68.27. */
export interface Rounded {
  kind: "rounded";
  compute: () => number;
}

/** The number a code cell printed after its anchors (in its stored output, equal to a re-run). */
export interface Printed {
  kind: "output";
  cell: string;
  anchors: Anchor[];
  /** Compare at the text's precision even for whole numbers. */
  rounded?: boolean;
}

/** One entry per number (a Line covers as many numbers as it prints). */
export type Entry = Given | Line | Rounded | Printed | number | (() => number);

/** A value a comparison or a letter takes: one number. */
export type Value = Given | Printed | number | (() => number);

/**
 * What a direction word compares. { from, to }: a change ("falls" when to < from); { value, than }:
 * a comparison ("bigger" when value > than; a list in `than` for a superlative: "lowest" when value is
 * below every one); { value }: a sign ("positive", "above 0"); { given }: a general statement that no
 * computed value decides ("a weight bigger than 1 amplifies"), with the reason.
 */
export type Compared = { from: Value; to: Value } | { value: Value; than?: Value | Value[] } | { given: string };

export interface Comparison {
  cell: string;
  /** The phrase as printed, with the direction word in brackets: "the loss goes [down]". */
  phrase: string;
  compared: Compared;
}

export interface NotebookClaims {
  /** The notebook's file name, e.g. "05-layers.ipynb". */
  notebook: string;
  givens: Map<string, Given>;
  /** Cell id → the numbers it prints in digits, in reading order. */
  cells: Map<string, Entry[]>;
  /** Cell id → the numbers it writes as words, in reading order. */
  words: Map<string, Entry[]>;
  comparisons: Comparison[];
  /** Cell id → values of the letters its worked lines use. */
  letters: Map<string, Map<string, Value>>;
  /**
   * Every kind of statement is enforced: number words, worked lines, direction words and the numbers
   * of code cells that nothing covers fail, as unchecked digits always do.
   */
  strict: boolean;
  /** Every notebook the text names (c.notebook), with the title words it is named by. */
  notebookRefs: { n: number; title: string }[];
  /** The notebook being checked; set by the checker, read by c.read and c.output. */
  source?: { cells: { id: string; cell_type: string; source?: string | string[]; outputs?: unknown[] }[] };
}

export interface ClaimsBuilder {
  /** Declares a given number once for the notebook and returns it for use in cells. */
  given(key: string, value: number, why: string, options?: GivenOptions): Given;
  /**
   * The number of a course notebook, named in the text ("notebook 12"), with words of the lesson the
   * text means ("XOR"): notebook n must exist and its title (the first line of its first markdown cell)
   * must contain those words, letter case and all.
   */
  notebook(n: number, title: string): () => number;
  /** The number of one of this notebook's exercises ("exercise 01.2"): a cell must check it. */
  exercise(id: string): () => number;
  /** The numbers a cell prints in digits, in the order a reader meets them. */
  cell(id: string, entries: Entry[]): void;
  /** The numbers a cell writes as words ("three inputs", "twice"), in reading order. */
  words(id: string, entries: Entry[]): void;
  /** A worked line made by a lib helper (its text must appear in the cell, number for number). */
  line(make: () => string): Line;
  /** A computed value the text shows rounded, even to a whole number. */
  rounded(compute: () => number): Rounded;
  /** The number that code cell `cell` printed after the anchors (strings or patterns, found in order). */
  output(cell: string, ...anchors: Anchor[]): Printed;
  /** The same number, for use inside a computation: () => 100 - c.read("train", "accuracy"). */
  read(cell: string, ...anchors: Anchor[]): number;
  /** A direction word in a cell and the values it compares: c.compare("nudge", "the loss goes [down]", { from: 9, to: 2.25 }). */
  compare(cell: string, phrase: string, compared: Compared): void;
  /** Values of the letters in a cell's worked lines: c.letters("example", { w: 2, x: 3 }). */
  letters(cell: string, values: Record<string, Value>): void;
  /** Enforces every kind of statement for this notebook (see NotebookClaims.strict). */
  strict(): void;
}

/** Declares the claims of one notebook. */
export function claimsFor(notebook: string, build: (c: ClaimsBuilder) => void): NotebookClaims {
  const claims: NotebookClaims = { notebook, givens: new Map(), cells: new Map(), words: new Map(), comparisons: [], letters: new Map(), notebookRefs: [], strict: false };
  build({
    given(key, value, why, options) {
      if (claims.givens.has(key)) throw new Error(`${notebook}: the given "${key}" is declared twice`);
      if (!why || !why.trim()) throw new Error(`${notebook}: the given "${key}" needs a reason`);
      if (!Number.isFinite(value)) throw new Error(`${notebook}: the given "${key}" is not a finite number`);
      if (options && "code" in options && !options.code) throw new Error(`${notebook}: the given "${key}" names no code cell`);
      if (options && "length" in options && options.length && options.at === undefined) throw new Error(`${notebook}: the given "${key}" counts an array: say which with { at: "…" } (the code right before it)`);
      if (options && "is" in options && !(options.is in givenClasses)) throw new Error(`${notebook}: the given "${key}" has an unknown class "${options.is}" (one of ${Object.keys(givenClasses).join(", ")})`);
      const g: Given = { kind: "given", key, value, why, ...(options ?? {}) };
      claims.givens.set(key, g);
      return g;
    },
    notebook(n, title) {
      if (typeof title !== "string" || !title.trim()) throw new Error(`${notebook}: c.notebook(${n}) needs words of the lesson's title, e.g. c.notebook(12, "XOR")`);
      claims.notebookRefs.push({ n, title });
      return () => {
        const problem = notebookProblem(n, title);
        if (problem) throw new Error(problem);
        return n;
      };
    },
    exercise(id) {
      if (!/^\d{2}\.\d+$/.test(id)) throw new Error(`${notebook}: "${id}" is not an exercise number like "01.2"`);
      return () => {
        const cells = claims.source?.cells ?? [];
        const checked = cells.some((cell) => cell.cell_type === "code" && new RegExp(`\\bcheck\\(\\s*["']${id.replace(".", "\\.")}["']`).test(sourceOf(cell)));
        if (!checked) throw new Error(`no code cell of ${notebook} checks exercise ${id} (check("${id}", …))`);
        return Number(id);
      };
    },
    cell(id, entries) {
      if (claims.cells.has(id)) throw new Error(`${notebook}: cell "${id}" is declared twice`);
      claims.cells.set(id, entries);
    },
    words(id, entries) {
      if (claims.words.has(id)) throw new Error(`${notebook}: the words of cell "${id}" are declared twice`);
      claims.words.set(id, entries);
    },
    line(make) {
      return { kind: "line", make };
    },
    rounded(compute) {
      return { kind: "rounded", compute };
    },
    output(cell, ...anchors) {
      if (!anchors.length) throw new Error(`${notebook}: c.output("${cell}") needs the words printed before the number`);
      return { kind: "output", cell, anchors };
    },
    read(cell, ...anchors) {
      return readPrinted(claims, cell, anchors).value;
    },
    compare(cell, phrase, compared) {
      if (!/\[[^\]]+\]/.test(phrase)) throw new Error(`${notebook}: the phrase "${phrase}" needs its direction word in brackets, as in "the loss goes [down]"`);
      claims.comparisons.push({ cell, phrase, compared });
    },
    letters(cell, values) {
      if (claims.letters.has(cell)) throw new Error(`${notebook}: the letters of cell "${cell}" are declared twice`);
      claims.letters.set(cell, new Map(Object.entries(values)));
    },
    strict() {
      claims.strict = true;
    },
  });
  return claims;
}

const sourceOf = (cell: { source?: string | string[] }) => (Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? ""));

/** Remembers the value of a costly computation (a training run in a claims file) after the first call. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value === undefined ? (value = make()) : value);
}
