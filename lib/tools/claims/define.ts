// How a notebook's checkable statements are declared: the API of tests/claims/<notebook>.claims.ts.
// Each cell (by its id) lists, in reading order, one entry per number a reader meets there:
//   - c.cell(id, [...]): the numbers printed in digits, in a markdown cell, or in a code cell's
//     comments and the strings its figures show (captions, descriptions, labels);
//   - c.words(id, [...]): the numbers written as words ("three inputs", "twice"), in either kind of cell.
// An entry is
//   - a Given (an input of the lesson, such as a chosen weight or a learning rate), declared once;
//   - a value the notebook's own run printed: c.output(cell, "label") reads the number after "label" in
//     that code cell's stored output (npm test proves the stored outputs equal a re-run);
//   - a value computed by the check: a function (using lib, or c.read(...) for printed values);
//   - a worked line made by a lib helper (c.line), covering all its numbers; c.rounded for a value the
//     text rounds.
// Worked arithmetic in the prose ("(3 × 2) + (1 × 5) = 11") checks itself; c.letters gives values to
// the letters of a cell's lines. Direction words ("the loss goes down") are declared with c.compare.
import { Anchor, readPrinted } from "./outputs";

/** A number the text states rather than derives, with the reason it is given. */
export interface Given {
  kind: "given";
  key: string;
  value: number;
  why: string;
  /** The code cell that sets this input (its code must contain the number): a true input of the lesson. */
  code?: string;
}

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
  /** The notebook being checked; set by the checker, read by c.read and c.output. */
  source?: { cells: { id: string; cell_type: string; outputs?: unknown[] }[] };
}

export interface ClaimsBuilder {
  /** Declares a given number once for the notebook and returns it for use in cells. */
  given(key: string, value: number, why: string, options?: { code?: string }): Given;
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
  const claims: NotebookClaims = { notebook, givens: new Map(), cells: new Map(), words: new Map(), comparisons: [], letters: new Map(), strict: false };
  build({
    given(key, value, why, options) {
      if (claims.givens.has(key)) throw new Error(`${notebook}: the given "${key}" is declared twice`);
      if (!why || !why.trim()) throw new Error(`${notebook}: the given "${key}" needs a reason`);
      if (!Number.isFinite(value)) throw new Error(`${notebook}: the given "${key}" is not a finite number`);
      const g: Given = { kind: "given", key, value, why, ...(options?.code ? { code: options.code } : {}) };
      claims.givens.set(key, g);
      return g;
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
