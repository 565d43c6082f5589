// Checking a notebook's printed numbers against its claims. Numbers found in a markdown cell are lined
// up with the cell's entries (a longest-common-subsequence alignment on "agrees at the printed
// precision"), so an inserted, deleted or changed number is named precisely.
import { Cell, Notebook, joinText } from "../notebooks/ipynb";
import { Entry, NotebookClaims } from "./define";
import { FoundNumber, findNumbers, scanText } from "./numbers";

/** What one expected number is and where it came from. */
interface Expected {
  kind: "given" | "verified";
  value: number;
  /** Compare at the printed precision even for whole numbers. */
  rounded: boolean;
  label: string;
}

export type FindingKind = "verified" | "given" | "unchecked" | "wrong" | "missing";

export interface Finding {
  kind: FindingKind;
  /** 1-based cell number as Jupyter counts cells. */
  cell: number;
  cellId: string;
  number?: FoundNumber;
  expected?: number;
  message?: string;
}

export interface NotebookReport {
  notebook: string;
  found: number;
  verified: number;
  given: number;
  unchecked: number;
  wrong: number;
  missing: number;
  findings: Finding[];
  /** Problems with the claims file itself: unknown cell ids, checks that threw. */
  problems: string[];
}

/** Whether a printed number agrees with an expected value at the precision printed. */
export function agrees(n: FoundNumber, value: number, rounded: boolean): boolean {
  if (!Number.isFinite(value)) return false;
  if (n.decimals === 0 && !rounded) return Math.abs(n.value - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return Math.abs(n.value - value) <= 0.5 * 10 ** -n.decimals + 1e-12 * Math.max(1, Math.abs(value));
}

/** Evaluates a cell's entries into the list of numbers they expect, in order. */
function expand(entries: readonly Entry[], problems: string[], where: string, cache: Map<Entry, Expected[]>): Expected[] {
  const out: Expected[] = [];
  entries.forEach((entry, k) => {
    const cached = cache.get(entry);
    if (cached && typeof entry !== "number") {
      out.push(...cached);
      return;
    }
    let got: Expected[] = [];
    try {
      if (typeof entry === "number") got = [{ kind: "verified", value: entry, rounded: false, label: "arithmetic in the claims" }];
      else if (typeof entry === "function") got = [{ kind: "verified", value: entry(), rounded: false, label: "computed by the check" }];
      else if (entry.kind === "given") got = [{ kind: "given", value: entry.value, rounded: false, label: `given "${entry.key}": ${entry.why}` }];
      else if (entry.kind === "rounded") got = [{ kind: "verified", value: entry.compute(), rounded: true, label: "computed by the check, shown rounded" }];
      else {
        const text = entry.make();
        got = scanText(text).map((n) => ({ kind: "verified" as const, value: n.value, rounded: true, label: `from the worked line "${text}"` }));
      }
    } catch (e) {
      problems.push(`${where}: entry ${k + 1} threw ${(e as Error).message}`);
    }
    if (typeof entry !== "number") cache.set(entry, got);
    out.push(...got);
  });
  return out;
}

/**
 * Longest common subsequence of "this printed number agrees with this expected value": table[i][j] is how
 * many of found[i…] and expected[j…] can be paired in order.
 */
function agreementTable(found: readonly FoundNumber[], expected: readonly Expected[]): number[][] {
  const n = found.length;
  const m = expected.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = agrees(found[i], expected[j].value, expected[j].rounded) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

/** Checks one markdown cell's source against its entries (undefined: the cell has no claims). */
export function checkCell(
  notebook: string,
  source: string,
  cellNumber: number,
  cellId: string,
  entries: readonly Entry[] | undefined,
  problems: string[],
  cache = new Map<Entry, Expected[]>(),
): Finding[] {
  const where = `${notebook}, cell ${cellNumber} (id ${cellId})`;
  let found: FoundNumber[];
  try {
    found = findNumbers(source);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
    return [];
  }
  const expected = entries ? expand(entries, problems, where, cache) : [];
  const n = found.length;
  const m = expected.length;
  const table = agreementTable(found, expected);
  const findings: Finding[] = [];
  const show = (v: number) => String(Number(v.toPrecision(12)));
  const flushGap = (ns: FoundNumber[], es: Expected[]) => {
    const pairs = Math.min(ns.length, es.length);
    for (let k = 0; k < pairs; k++) {
      const num = ns[k];
      const e = es[k];
      findings.push({
        kind: "wrong",
        cell: cellNumber,
        cellId,
        number: num,
        expected: e.value,
        message: `${where}: "${num.context}" prints ${num.text}, but ${e.kind === "given" ? "the given value is" : "the check computes"} ${show(e.value)}${num.decimals ? ` (${e.value.toFixed(num.decimals)} at the printed precision)` : ""} [${e.label}]`,
      });
    }
    for (const num of ns.slice(pairs)) {
      findings.push({
        kind: "unchecked",
        cell: cellNumber,
        cellId,
        number: num,
        message: `${where}: "${num.context}" prints ${num.text}, which no check verifies and no given declares; add it to tests/claims/${notebook.replace(/\.ipynb$/, "")}.claims.ts`,
      });
    }
    for (const e of es.slice(pairs)) {
      findings.push({
        kind: "missing",
        cell: cellNumber,
        cellId,
        expected: e.value,
        message: `${where}: the claims expect ${show(e.value)} [${e.label}] here, but the text has no such number`,
      });
    }
  };
  let i = 0;
  let j = 0;
  let gapN: FoundNumber[] = [];
  let gapE: Expected[] = [];
  while (i < n || j < m) {
    if (i < n && j < m && agrees(found[i], expected[j].value, expected[j].rounded) && table[i][j] === table[i + 1][j + 1] + 1) {
      flushGap(gapN, gapE);
      gapN = [];
      gapE = [];
      findings.push({ kind: expected[j].kind, cell: cellNumber, cellId, number: found[i], expected: expected[j].value });
      i++;
      j++;
    } else if (j >= m || (i < n && table[i + 1][j] >= table[i][j + 1])) {
      gapN.push(found[i++]);
    } else {
      gapE.push(expected[j++]);
    }
  }
  flushGap(gapN, gapE);
  return findings;
}

/** Checks every markdown cell of a notebook. */
export function checkNotebook(nb: Notebook, claims: NotebookClaims | undefined, notebook: string): NotebookReport {
  const problems: string[] = [];
  const findings: Finding[] = [];
  const cache = new Map<Entry, Expected[]>();
  const ids = new Set<string>();
  nb.cells.forEach((cell: Cell, index: number) => {
    ids.add(cell.id);
    if (cell.cell_type !== "markdown") return;
    findings.push(...checkCell(notebook, joinText(cell.source), index + 1, cell.id, claims?.cells.get(cell.id), problems, cache));
  });
  if (!claims) problems.push(`${notebook} has no claims file: create tests/claims/${notebook.replace(/\.ipynb$/, "")}.claims.ts`);
  for (const id of claims?.cells.keys() ?? []) {
    const cell = nb.cells.find((c) => c.id === id);
    if (!cell) problems.push(`${notebook}: the claims name cell "${id}", which the notebook does not have`);
    else if (cell.cell_type !== "markdown") problems.push(`${notebook}: the claims name cell "${id}", which is not a markdown cell`);
  }
  const count = (kind: FindingKind) => findings.filter((f) => f.kind === kind).length;
  return {
    notebook,
    found: findings.filter((f) => f.number).length,
    verified: count("verified"),
    given: count("given"),
    unchecked: count("unchecked"),
    wrong: count("wrong"),
    missing: count("missing"),
    findings,
    problems,
  };
}

/** Every message a maintainer must act on. */
export function reportMessages(report: NotebookReport): string[] {
  return [...report.problems, ...report.findings.filter((f) => f.message).map((f) => f.message!)];
}
