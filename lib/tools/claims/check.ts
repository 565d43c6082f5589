// Checking a notebook's statements against its claims, kind by kind:
//   - digits: numbers printed in a markdown cell, lined up with the cell's entries (a longest-common-
//     subsequence alignment on "agrees at the printed precision"), so an inserted, deleted or changed
//     number is named precisely;
//   - words: numbers written as words, lined up the same way with the cell's word entries;
//   - lines: worked arithmetic, which checks itself (arithmetic.ts);
//   - directions: direction and comparison words declared with c.compare (directions.ts);
//   - code: numbers in a code cell's comments and shown strings (captions, descriptions, labels).
// Digits in markdown, worked lines that do not add up, and everything a claims file declares are
// always enforced. What nothing covers of the other kinds is reported; it fails once the claims file
// says c.strict().
import { exerciseKey } from "../../course/exercise-keys/index";
import { Cell, Notebook, joinText } from "../notebooks/ipynb";
import { WorkedLine, checkWorkedLine, findWorkedLines, workedLinesIn } from "./arithmetic";
import { arrayLiterals, readableCode, literalSpans } from "./code-text";
import { Compared, Comparison, Entry, Given, GivenClass, NotebookClaims, Value, givenClasses } from "./define";
import { directionOf, findDirectionWords, findPhrase } from "./directions";
import { FoundNumber, ReadableLeaf, contextOf, findNumbers, numbersInLeaves, readableLeaves, scanText } from "./numbers";
import { readPrinted } from "./outputs";
import { findNumberWords } from "./words";

/** What one expected number is and where it came from. */
interface Expected {
  kind: "given" | "verified";
  value: number;
  /** Compare at the printed precision even for whole numbers. */
  rounded: boolean;
  /** Decimals the value was printed with, when it comes from an output: the text may not print more. */
  precision?: number;
  label: string;
}

export type ClaimKind = "digits" | "words" | "lines" | "directions" | "code";
export const claimKinds: readonly ClaimKind[] = ["digits", "words", "lines", "directions", "code"];

export type FindingKind = "verified" | "given" | "unchecked" | "wrong" | "missing";

export interface Finding {
  /** Which kind of statement. */
  claim: ClaimKind;
  kind: FindingKind;
  /** 1-based cell number as Jupyter counts cells. */
  cell: number;
  cellId: string;
  number?: FoundNumber;
  expected?: number;
  /** Offset and length of the statement in the cell source (worked lines, direction words). */
  offset?: number;
  length?: number;
  message?: string;
  /** Whether this finding makes the check fail. */
  fails: boolean;
}

export interface KindCounts {
  found: number;
  verified: number;
  given: number;
  unchecked: number;
  wrong: number;
  missing: number;
}

/** The counts it extends are of digits in markdown cells (the first kind, as before). */
export interface NotebookReport extends KindCounts {
  notebook: string;
  /** Every kind, counted the same way. */
  kinds: Record<ClaimKind, KindCounts>;
  findings: Finding[];
  /** Problems with the claims file itself: unknown cell ids, checks that threw. */
  problems: string[];
  /** Things to review that do not fail: givens not tied to the code, constants in the claims file. */
  review: string[];
  /** Givens tied to the code cell that sets them (c.given(…, { code })). */
  givensTied: number;
  /** Givens tied to a case an exercise's check runs (c.given(…, { exercise })). */
  givensInExercises: number;
  /** Givens no cell sets, by what makes them true (c.given(…, { is })); "unclassified" for the rest. */
  givensByClass: Record<GivenClass | "unclassified", number>;
  strict: boolean;
}

/** Whether a printed number agrees with an expected value at the precision printed. */
export function agrees(n: FoundNumber, value: number, rounded: boolean, precision?: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (precision !== undefined && n.decimals > precision) return false;
  if (n.decimals === 0 && !rounded) return Math.abs(n.value - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return Math.abs(n.value - value) <= 0.5 * 10 ** -n.decimals + 1e-12 * Math.max(1, Math.abs(value));
}

/** Evaluates a cell's entries into the list of numbers they expect, in order. */
function expand(entries: readonly Entry[], problems: string[], where: string, cache: Map<Entry, Expected[]>, claims?: NotebookClaims): Expected[] {
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
      else if (entry.kind === "output") {
        if (!claims) throw new Error("c.output needs the notebook's claims");
        const printed = readPrinted(claims, entry.cell, entry.anchors);
        got = [{ kind: "verified", value: printed.value, rounded: !!entry.rounded, precision: printed.decimals, label: `printed by cell "${entry.cell}": "${printed.context}"` }];
      } else {
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

/** The value of a single-number entry (a comparison's side, a letter). */
function valueOf(v: Value, claims: NotebookClaims): number {
  if (typeof v === "number") return v;
  if (typeof v === "function") return v();
  if (v.kind === "given") return v.value;
  return readPrinted(claims, v.cell, v.anchors).value;
}

/**
 * Lines up the numbers found in a piece of a cell with the numbers its entries expect. Undeclared
 * entries (undefined) mean nothing covers the cell: every number is unchecked, failing only if `strictly`.
 */
function alignNumbers(
  claim: ClaimKind,
  notebook: string,
  found: FoundNumber[],
  cellNumber: number,
  cellId: string,
  entries: readonly Entry[] | undefined,
  problems: string[],
  cache: Map<Entry, Expected[]>,
  claims: NotebookClaims | undefined,
  strictly: boolean,
  fileHint: string,
): Finding[] {
  const where = `${notebook}, cell ${cellNumber} (id ${cellId})`;
  const declared = entries !== undefined;
  const expected = entries ? expand(entries, problems, where, cache, claims) : [];
  const fits = (i: number, j: number) => agrees(found[i], expected[j].value, expected[j].rounded, expected[j].precision);
  const n = found.length;
  const m = expected.length;
  const table = agreementTable(n, m, fits);
  const findings: Finding[] = [];
  const at: GapPlace = { claim, cell: cellNumber, cellId, where, declared, strictly, fileHint };
  let i = 0;
  let j = 0;
  let gapN: FoundNumber[] = [];
  let gapE: Expected[] = [];
  while (i < n || j < m) {
    if (i < n && j < m && fits(i, j) && table[i][j] === table[i + 1][j + 1] + 1) {
      findings.push(...gapFindings(gapN, gapE, at));
      gapN = [];
      gapE = [];
      findings.push({ claim, kind: expected[j].kind, fails: false, cell: cellNumber, cellId, number: found[i], expected: expected[j].value });
      i++;
      j++;
    } else if (j >= m || (i < n && table[i + 1][j] >= table[i][j + 1])) {
      gapN.push(found[i++]);
    } else {
      gapE.push(expected[j++]);
    }
  }
  findings.push(...gapFindings(gapN, gapE, at));
  return findings;
}

/**
 * `table[i][j]`: how many printed numbers from `i` on agree with expected values from `j` on, in
 * order, at the most (the longest common subsequence of "this printed number agrees with this value").
 */
function agreementTable(n: number, m: number, fits: (i: number, j: number) => boolean): number[][] {
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = fits(i, j) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
}

/** Where a gap between agreeing pairs stands, and how strictly its numbers count. */
interface GapPlace {
  claim: ClaimKind;
  cell: number;
  cellId: string;
  where: string;
  /** Whether entries cover the cell. */
  declared: boolean;
  strictly: boolean;
  fileHint: string;
}

/** A gap's numbers and values, paired in order: a pair is wrong, a number left over unchecked, a value left over missing. */
function gapFindings(ns: FoundNumber[], es: Expected[], { claim, cell, cellId, where, declared, strictly, fileHint }: GapPlace): Finding[] {
  const show = (v: number) => String(Number(v.toPrecision(12)));
  const what = claim === "words" ? "writes" : "prints";
  const pairs = Math.min(ns.length, es.length);
  const wrong = ns.slice(0, pairs).map((num, k): Finding => {
    const e = es[k];
    const fewer = e.precision !== undefined && num.decimals > e.precision ? ` (the output prints only ${e.precision} decimal${e.precision === 1 ? "" : "s"}: it cannot vouch for more)` : "";
    const message = `${where}: "${num.context}" ${what} ${num.text}, but ${e.kind === "given" ? "the given value is" : "the check computes"} ${show(e.value)}${num.decimals ? ` (${e.value.toFixed(num.decimals)} at the printed precision)` : ""}${fewer} [${e.label}]`;
    return { claim, kind: "wrong", fails: true, cell, cellId, number: num, expected: e.value, message };
  });
  const unchecked = ns.slice(pairs).map((num): Finding => {
    const message = `${where}: "${num.context}" ${what} ${num.text}, which no check verifies and no given declares; ${fileHint}`;
    return { claim, kind: "unchecked", fails: declared || strictly, cell, cellId, number: num, message };
  });
  const missing = es.slice(pairs).map((e): Finding => {
    const message = `${where}: the claims expect ${show(e.value)} [${e.label}] here, but the text has no such number`;
    return { claim, kind: "missing", fails: true, cell, cellId, expected: e.value, message };
  });
  return [...wrong, ...unchecked, ...missing];
}

const claimsFile = (notebook: string) => `tests/claims/${notebook.replace(/\.ipynb$/, "")}.claims.ts`;

/** Checks one markdown cell's digits against its entries (undefined: the cell has no claims). */
export function checkCell(
  notebook: string,
  source: string,
  cellNumber: number,
  cellId: string,
  entries: readonly Entry[] | undefined,
  problems: string[],
  cache = new Map<Entry, Expected[]>(),
  claims?: NotebookClaims,
): Finding[] {
  let found: FoundNumber[];
  try {
    found = findNumbers(source);
  } catch (e) {
    problems.push(`${notebook}, cell ${cellNumber} (id ${cellId}): ${(e as Error).message}`);
    return [];
  }
  // Digits in markdown are always enforced: a number with no entry is unchecked and fails.
  return alignNumbers("digits", notebook, found, cellNumber, cellId, entries ?? [], problems, cache, claims, true, `add it to ${claimsFile(notebook)}`);
}

/** The readable pieces of a cell: a markdown cell's text, or a code cell's comments and shown strings. */
export function readableOf(cell: Cell): ReadableLeaf[] {
  const source = joinText(cell.source);
  return cell.cell_type === "markdown" ? readableLeaves(source) : cell.cell_type === "code" ? readableCode(source) : [];
}

/** Checks the statements of one cell other than markdown digits: words, worked lines, direction words, code text. */
export function checkCellKinds(
  notebook: string,
  cell: Cell,
  cellNumber: number,
  claims: NotebookClaims | undefined,
  problems: string[],
  cache = new Map<Entry, Expected[]>(),
): Finding[] {
  const source = joinText(cell.source);
  const where = `${notebook}, cell ${cellNumber} (id ${cell.id})`;
  const strictly = !!claims?.strict;
  const findings: Finding[] = [];
  let leaves: ReadableLeaf[];
  try {
    leaves = readableOf(cell);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
    return [];
  }
  const hint = `declare it in ${claimsFile(notebook)}`;
  if (cell.cell_type === "code") {
    const digits = numbersInLeaves(source, leaves, scanText);
    if (digits.length || claims?.cells.has(cell.id)) {
      findings.push(...alignNumbers("code", notebook, digits, cellNumber, cell.id, claims?.cells.get(cell.id), problems, cache, claims, strictly, `${hint} with c.cell("${cell.id}", [...])`));
    }
  }
  const words = numbersInLeaves(source, leaves, findNumberWords);
  if (words.length || claims?.words.has(cell.id)) {
    findings.push(
      ...alignNumbers(cell.cell_type === "code" ? "code" : "words", notebook, words, cellNumber, cell.id, claims?.words.get(cell.id), problems, cache, claims, strictly, `${hint} with c.words("${cell.id}", [...])`),
    );
  }
  findings.push(...workedLineFindings(cell, cellNumber, where, source, leaves, claims, problems));
  findings.push(...directionFindings(notebook, cell, cellNumber, source, leaves, claims, problems));
  return findings;
}

/** Worked lines check themselves, with the letters the claims give this cell. */
function workedLineFindings(cell: Cell, cellNumber: number, where: string, source: string, leaves: ReadableLeaf[], claims: NotebookClaims | undefined, problems: string[]): Finding[] {
  const strictly = !!claims?.strict;
  let letters = new Map<string, number>();
  try {
    letters = new Map([...(claims?.letters.get(cell.id) ?? [])].map(([name, v]) => [name, valueOf(v, claims!)]));
  } catch (e) {
    problems.push(`${where}: a letter's value threw ${(e as Error).message}`);
  }
  const lines: WorkedLine[] =
    cell.cell_type === "markdown" ? findWorkedLines(source) : leaves.flatMap((leaf) => workedLinesIn(leaf.text).map((l) => ({ ...l, offset: l.offset + leaf.at, tokens: l.tokens.map((t) => ({ ...t, start: t.start + leaf.at, end: t.end + leaf.at })), context: contextOf(source, l.offset + leaf.at) })));
  return lines.map((line) => {
    const check = checkWorkedLine(line, letters);
    return {
      claim: "lines",
      kind: check.status === "verified" ? "verified" : check.status,
      fails: check.status === "wrong" || (check.status === "unchecked" && strictly),
      cell: cellNumber,
      cellId: cell.id,
      offset: line.offset,
      length: line.length,
      message: check.message ? `${where}: ${check.message} [in "${line.context}"]` : undefined,
    };
  });
}

/** Direction words: declared ones are checked; the others are reported. */
function directionFindings(notebook: string, cell: Cell, cellNumber: number, source: string, leaves: ReadableLeaf[], claims: NotebookClaims | undefined, problems: string[]): Finding[] {
  const where = `${notebook}, cell ${cellNumber} (id ${cell.id})`;
  const findings: Finding[] = [];
  const declared = (claims?.comparisons ?? []).filter((c) => c.cell === cell.id);
  const covered: [number, number][] = [];
  for (const comparison of declared) {
    const finding = checkComparison(notebook, source, cellNumber, cell.id, comparison, claims!, problems);
    if (finding) {
      findings.push(finding);
      if (finding.offset !== undefined) covered.push([finding.offset, finding.offset + finding.length!]);
    }
  }
  for (const leaf of leaves) {
    for (const d of findDirectionWords(leaf.text)) {
      const at = leaf.at + d.offset;
      if (covered.some(([a, b]) => at >= a && at < b)) continue;
      findings.push({
        claim: "directions",
        kind: "unchecked",
        fails: !!claims?.strict,
        cell: cellNumber,
        cellId: cell.id,
        offset: at,
        length: d.length,
        message: `${where}: "${contextOf(source, at)}" says "${d.word}", which no comparison declares; declare it in ${claimsFile(notebook)} with c.compare("${cell.id}", "… [${d.word.toLowerCase()}] …", …)`,
      });
    }
  }
  return findings;
}

const relation = (sign: number) => (sign > 0 ? "above" : "below");
const showValue = (v: number) => String(Number(v.toPrecision(6)));

function checkComparison(notebook: string, source: string, cellNumber: number, cellId: string, comparison: Comparison, claims: NotebookClaims, problems: string[]): Finding | undefined {
  const where = `${notebook}, cell ${cellNumber} (id ${cellId})`;
  let matches;
  try {
    matches = findPhrase(source, comparison.phrase);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
    return undefined;
  }
  const declaredWord = /\[([^\]]+)\]/.exec(comparison.phrase)![1];
  if (!matches.length) {
    return { claim: "directions", kind: "missing", fails: true, cell: cellNumber, cellId, message: `${where}: the claims expect the phrase "${comparison.phrase}" here (with "${declaredWord}" or "${directionOf(declaredWord)!.opposite}"), but the text has no such phrase` };
  }
  if (matches.length > 1) problems.push(`${where}: the phrase "${comparison.phrase}" occurs ${matches.length} times; make it longer so that it names one statement`);
  const m = matches[0];
  const base = { claim: "directions" as const, cell: cellNumber, cellId, offset: m.offset, length: m.length };
  const compared: Compared = comparison.compared;
  if ("given" in compared) {
    // A general statement: the word is given, so the text must keep the word declared.
    if (m.word.toLowerCase() === declaredWord.toLowerCase()) return { ...base, kind: "given", fails: false };
    return { ...base, kind: "wrong", fails: true, message: `${where}: "${m.context}" says "${m.word}", but the claims give "${declaredWord}" [given: ${compared.given}]` };
  }
  let subject: number;
  let references: number[];
  try {
    if ("from" in compared) {
      subject = valueOf(compared.to, claims);
      references = [valueOf(compared.from, claims)];
    } else {
      subject = valueOf(compared.value, claims);
      const than = compared.than ?? 0;
      references = (Array.isArray(than) ? than : [than]).map((v) => valueOf(v, claims));
    }
  } catch (e) {
    problems.push(`${where}: the values of "${comparison.phrase}" threw ${(e as Error).message}`);
    return undefined;
  }
  const sign = directionOf(m.word)!.sign;
  const holds = references.every((r) => (sign > 0 ? subject > r : subject < r));
  if (holds) return { ...base, kind: "verified", fails: false };
  const against = "from" in compared ? `went from ${showValue(references[0])} to ${showValue(subject)}` : `${showValue(subject)} is not ${relation(sign)} ${references.map(showValue).join(", ")}`;
  return { ...base, kind: "wrong", fails: true, message: `${where}: "${m.context}" says "${m.word}", but the check computes that the value ${against}` };
}

/** Checks every cell of a notebook. */
export function checkNotebook(nb: Notebook, claims: NotebookClaims | undefined, notebook: string): NotebookReport {
  const problems: string[] = [];
  const findings: Finding[] = [];
  const cache = new Map<Entry, Expected[]>();
  if (claims) claims.source = nb;
  nb.cells.forEach((cell: Cell, index: number) => {
    if (cell.cell_type === "markdown") findings.push(...checkCell(notebook, joinText(cell.source), index + 1, cell.id, claims?.cells.get(cell.id), problems, cache, claims));
    if (cell.cell_type === "markdown" || cell.cell_type === "code") findings.push(...checkCellKinds(notebook, cell, index + 1, claims, problems, cache));
  });
  if (!claims) problems.push(`${notebook} has no claims file: create ${claimsFile(notebook)}`);
  const known = (id: string, what: string, kinds: string[]) => {
    const cell = nb.cells.find((c) => c.id === id);
    if (!cell) problems.push(`${notebook}: the claims name cell "${id}"${what}, which the notebook does not have`);
    else if (!kinds.includes(cell.cell_type)) problems.push(`${notebook}: the claims name cell "${id}"${what}, which is not a ${kinds.join(" or ")} cell`);
  };
  for (const id of claims?.cells.keys() ?? []) known(id, "", ["markdown", "code"]);
  for (const id of claims?.words.keys() ?? []) known(id, " for its words", ["markdown", "code"]);
  for (const id of claims?.letters.keys() ?? []) known(id, " for its letters", ["markdown", "code"]);
  for (const c of claims?.comparisons ?? []) known(c.cell, ` for "${c.phrase}"`, ["markdown", "code"]);
  const review: string[] = [];
  for (const g of claims?.givens.values() ?? []) checkGiven(nb, notebook, g, problems, review);
  if (claims) review.push(...constants(claims, notebook));
  const countsOf = (kind: ClaimKind): KindCounts => {
    const of = findings.filter((f) => f.claim === kind);
    const n = (k: FindingKind) => of.filter((f) => f.kind === k).length;
    return { found: of.filter((f) => f.kind !== "missing").length, verified: n("verified"), given: n("given"), unchecked: n("unchecked"), wrong: n("wrong"), missing: n("missing") };
  };
  const kinds = Object.fromEntries(claimKinds.map((k) => [k, countsOf(k)])) as Record<ClaimKind, KindCounts>;
  const digits = kinds.digits;
  const givens = [...(claims?.givens.values() ?? [])];
  const givensTied = givens.filter((g) => g.code).length;
  const givensByClass = Object.fromEntries([...Object.keys(givenClasses), "unclassified"].map((k) => [k, 0])) as Record<GivenClass | "unclassified", number>;
  const givensInExercises = givens.filter((g) => g.exercise).length;
  for (const g of givens) if (!g.code && !g.exercise) givensByClass[g.is ?? "unclassified"]++;
  return { notebook, ...digits, kinds, findings, problems, review, givensTied, givensInExercises, givensByClass, strict: !!claims?.strict };
}

/**
 * A given tied to a code cell must be the number that cell's code sets at one place: the literal right
 * after `at`, or the cell's only literal of that value; for a count ({ length: true }), the number of
 * items of the list right after `at`. A given that is neither tied nor classified is listed for review.
 */
export function checkGiven(nb: Notebook, notebook: string, g: Given, problems: string[], review: string[]): void {
  if (g.exercise) {
    const problem = exerciseCaseProblem(nb, notebook, g);
    if (problem) problems.push(`${notebook}: given "${g.key}" is ${g.value}, but ${problem}`);
    return;
  }
  if (!g.code) {
    if (!g.is) review.push(`${notebook}: given "${g.key}" (${g.value}) is not tied to a code cell: is it a true input of the lesson? [${g.why}]`);
    return;
  }
  const cell = nb.cells.find((c) => c.id === g.code);
  if (!cell || cell.cell_type !== "code") {
    problems.push(`${notebook}: given "${g.key}" names code cell "${g.code}", which the notebook does not have`);
    return;
  }
  const pinned = pinnedLiteral(joinText(cell.source), g);
  // A tie to one of several equal literals fails too: a change to one of them would pass unseen.
  if ("problem" in pinned) problems.push(`${notebook}: given "${g.key}" is ${g.value}, but ${pinned.problem}`);
}

/** Why an exercise example is not the number at its place in a case the notebook's check cell runs (undefined: it is). */
function exerciseCaseProblem(nb: Notebook, notebook: string, g: Given): string | undefined {
  const { id, case: k, item } = g.exercise!;
  const checks = new RegExp(`\\bcheck\\(\\s*["']${id.replace(".", "\\.")}["']`);
  if (!nb.cells.some((c) => c.cell_type === "code" && checks.test(joinText(c.source)))) return `no code cell of ${notebook} checks exercise ${id}`;
  let cases: unknown[][];
  try {
    cases = exerciseKey(id).cases();
  } catch (e) {
    return (e as Error).message;
  }
  let at: unknown = cases[k];
  for (const i of item) at = Array.isArray(at) ? at[i] : undefined;
  const place = `case ${k} of exercise ${id}, at [${item.join(", ")}]`;
  if (typeof at !== "number") return `${place} there is no number`;
  return sameNumber(at, g.value) ? undefined : `${place} the check runs ${at}`;
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));

/**
 * Where in a cell's source the code sets a tied given: the literal's place, or why none is found (a
 * message that completes "given … is 3, but …").
 */
export function pinnedLiteral(source: string, g: Pick<Given, "value" | "code" | "at" | "length">): { start: number; end: number } | { problem: string } {
  const literals = literalSpans(source);
  const cell = `the code of cell "${g.code}"`;
  if (g.at !== undefined) {
    const first = source.indexOf(g.at);
    if (first < 0) return { problem: `${cell} has no "${g.at}"` };
    if (source.indexOf(g.at, first + 1) >= 0) return { problem: `"${g.at}" occurs more than once in ${cell}: make it longer so that it names one place` };
    const after = first + g.at.length;
    if (g.length) {
      const list = arrayLiterals(source).find((a) => a.start >= after);
      if (!list || source.slice(after, list.start).trim() !== "") return { problem: `${cell} has no list right after "${g.at}"` };
      if (list.length !== g.value) return { problem: `the list after "${g.at}" in ${cell} has ${list.length} item${list.length === 1 ? "" : "s"}` };
      return list;
    }
    const next = literals.find((l) => l.start >= after);
    if (!next || source.slice(after, next.start).trim() !== "") return { problem: `${cell} has no number right after "${g.at}"` };
    if (!sameNumber(next.value, g.value)) return { problem: `${cell} sets ${next.value} after "${g.at}"` };
    return next;
  }
  const same = literals.filter((l) => sameNumber(l.value, g.value));
  if (same.length === 1) return same[0];
  if (!same.length) return { problem: `${cell} sets no such number (it has ${[...new Set(literals.map((l) => l.value))].join(", ") || "none"})` };
  return { problem: `${cell} has ${same.length} literals of that value: say which one with { at: "…" } (the code right before it)` };
}

/** Entries of a claims file that compute nothing: a number or a function of numbers only. */
function constants(claims: NotebookClaims, notebook: string): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  for (const [id, entries] of [...claims.cells, ...claims.words]) {
    for (const entry of entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      if (typeof entry === "number") out.push(`${notebook}, cell "${id}": the number ${entry} is written in the claims file, not computed by the notebook or the engine`);
      else if (typeof entry === "function") {
        const body = entry.toString().replace(/^\(\)\s*=>\s*/, "");
        if (/^[\s\d.+\-*/()e]+$/.test(body)) out.push(`${notebook}, cell "${id}": "${entry.toString()}" computes nothing from the notebook or the engine`);
      }
    }
  }
  return out;
}

/** Every message a maintainer must act on. */
export function reportMessages(report: NotebookReport): string[] {
  return [...report.problems, ...report.findings.filter((f) => f.fails && f.message).map((f) => f.message!)];
}

/** What the prose states that nothing checks yet (not failing unless strict), and what to review. */
export function reportNotes(report: NotebookReport): string[] {
  return [...report.findings.filter((f) => !f.fails && f.message).map((f) => f.message!), ...report.review];
}
