// How a notebook's numbers are declared: the API of tests/claims/<notebook>.claims.ts files.
// Each markdown cell (by its id) lists, in reading order, one entry per number it prints:
//   - a Given (an input, a hyperparameter, an index, a count, a year), declared once per notebook;
//   - a value computed by the check: a function using lib, or plain arithmetic for an arithmetic step;
//   - a worked line such as "(3 × 2) + (1 × 5) = 11" made by a lib helper, covering all its numbers.

/** A number the text states rather than derives, with the reason it is given. */
export interface Given {
  kind: "given";
  key: string;
  value: number;
  why: string;
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

/** One entry per printed number (a Line covers as many numbers as it prints). */
export type Entry = Given | Line | Rounded | number | (() => number);

export interface NotebookClaims {
  /** The notebook's file name, e.g. "05-layers.ipynb". */
  notebook: string;
  givens: Map<string, Given>;
  /** Markdown cell id → its entries in reading order. */
  cells: Map<string, Entry[]>;
}

export interface ClaimsBuilder {
  /** Declares a given number once for the notebook and returns it for use in cells. */
  given(key: string, value: number, why: string): Given;
  /** The numbers of one markdown cell, in the order a reader meets them. */
  cell(id: string, entries: Entry[]): void;
  /** A worked line made by a lib helper (its text must appear in the cell, number for number). */
  line(make: () => string): Line;
  /** A computed value the text shows rounded, even to a whole number. */
  rounded(compute: () => number): Rounded;
}

/** Declares the claims of one notebook. */
export function claimsFor(notebook: string, build: (c: ClaimsBuilder) => void): NotebookClaims {
  const claims: NotebookClaims = { notebook, givens: new Map(), cells: new Map() };
  build({
    given(key, value, why) {
      if (claims.givens.has(key)) throw new Error(`${notebook}: the given "${key}" is declared twice`);
      if (!why || !why.trim()) throw new Error(`${notebook}: the given "${key}" needs a reason`);
      if (!Number.isFinite(value)) throw new Error(`${notebook}: the given "${key}" is not a finite number`);
      const g: Given = { kind: "given", key, value, why };
      claims.givens.set(key, g);
      return g;
    },
    cell(id, entries) {
      if (claims.cells.has(id)) throw new Error(`${notebook}: cell "${id}" is declared twice`);
      claims.cells.set(id, entries);
    },
    line(make) {
      return { kind: "line", make };
    },
    rounded(compute) {
      return { kind: "rounded", compute };
    },
  });
  return claims;
}
