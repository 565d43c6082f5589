/**
 * "Your turn": checks for the exercises at the end of each notebook.
 *
 * A notebook's check cell says only which exercise it checks and which function:
 *
 *     check("01.2", weightFor);
 *
 * The exercise's test cases, its reference answers and its hints live in the course's answer keys
 * (lib/course/exercise-keys/), where each reference answer is computed by a route of its own (the
 * engine, or a second implementation). The check calls the learner's function on every case and says,
 * in one friendly line, what the function returned and whether that is correct, close, wrong (with a
 * hint about the idea), not done yet, or an error (with its message, never a stack trace). It never
 * prints the expected value. Every result is also recorded, so that the autograder can read it.
 */
import { exerciseKey } from "./exercise-keys/index";

/** The error an exercise stub throws until the learner writes their code. */
export class NotDoneYet extends Error {
  constructor(message = "Not done yet: write your code where it says YOUR CODE HERE, then run the cell again.") {
    super(message);
    this.name = "NotDoneYet";
    // Shown as a plain sentence if it ever reaches the notebook, without a stack trace.
    this.stack = message;
  }
}

/** What an exercise stub returns: `return notDoneYet();` throws a friendly "not done yet". */
export function notDoneYet(): never {
  throw new NotDoneYet();
}

export type Status = "correct" | "close" | "wrong" | "not done" | "error";

/** The outcome of one check. */
export interface CheckResult {
  exercise: string;
  status: Status;
  message: string;
}

/**
 * Every check run in this kernel so far, kept on the global object: a notebook loads its own copy of
 * this module, and the autograder's recording run must see the notebook's checks.
 */
const registry: { results: CheckResult[]; calls: CheckCall[] } = ((globalThis as { __courseChecks?: { results: CheckResult[]; calls: CheckCall[] } }).__courseChecks ??= {
  results: [],
  calls: [],
});

/** Every check result so far, in order. */
export const checkResults: CheckResult[] = registry.results;

/** An answer is a number or a list of numbers. */
export type Answer = number | readonly number[];

export interface CheckOptions {
  /** Points this check is worth when graded. Default 1. */
  points?: number;
  /** Within this distance of the right answer counts as correct. Default 1e-9. */
  tolerance?: number;
  /** Within this distance counts as close (right idea, small slip). Default 1 % of the answer's size. */
  closeTolerance?: number;
  /** Shown with a wrong answer: a nudge toward the idea, not the answer. */
  hint: string;
  /**
   * For checkFunction: the course library's functions that already do what the exercise asks (see
   * ExerciseKey.reimplements); a function that calls one scores nothing when graded.
   */
  reimplements?: readonly string[];
}

/** A wrong answer that a common misunderstanding gives, with a hint written for that misunderstanding. */
export interface KnownMistake {
  expected: Answer;
  hint: string;
}

/** One case: the arguments to call with and the right answer (and the answers of known mistakes). */
export interface Case<A extends unknown[]> {
  args: A;
  expected: Answer;
  mistakes?: readonly KnownMistake[];
  /** How to write the call in feedback, when its arguments do not print well (a function, a network). */
  call?: string;
}

const symbol: Record<Status, string> = { correct: "✅", close: "🟡", wrong: "❌", "not done": "⏳", error: "❌" };

/** A check as the notebook called it, recorded so the autograder can repeat it outside the notebook. */
export interface CheckCall {
  exercise: string;
  /** The name of the learner's function the check calls. */
  functionName: string;
  cases: readonly Case<unknown[]>[];
  options: CheckOptions;
  /** True when the check sat in a hidden-tests region (set by the autograder's recording run). */
  hidden: boolean;
}

/** Every check call made in this kernel so far. */
export const checkCalls: CheckCall[] = registry.calls;

/**
 * An exercise's answer key: the function the learner writes, the cases to try, the reference answer
 * (computed by a route of its own), and the hints. Keys live in lib/course/exercise-keys/.
 */
export interface ExerciseKey {
  /** "01.2": the notebook's number, a dot, the exercise's number. */
  id: string;
  /** The name of the function the learner writes, such as "weightFor". */
  name: string;
  /**
   * The course library's functions that already do what this exercise asks the learner to write (the
   * exercise re-implements them). The grader scores the learner's own code: a function that calls one of
   * these (or is one) while it is checked scores nothing for the exercise.
   */
  reimplements?: readonly string[];
  /** The argument lists to try, made afresh for every check (a learner's function may change them). */
  cases: () => unknown[][];
  /** The right answer for one argument list, by an independent route: the engine, or a second implementation. */
  answer: (...args: never[]) => Answer;
  /** Shown with a wrong answer: a nudge toward the idea, never the answer. */
  hint: string;
  tolerance?: number;
  closeTolerance?: number;
  /** Common wrong ideas: the answer each gives, and a hint written for it. */
  mistakes?: { answer: (...args: never[]) => Answer; hint: string }[];
  /** How to write a call in feedback when its arguments do not print well. */
  call?: (...args: never[]) => string;
  /** One more sentence after the verdict, from what the learner's function did on the first case. */
  report?: (args: never[], got: unknown, status: Status) => string | undefined;
}

export interface CheckCallOptions {
  /** More argument lists to try, after the key's own (a notebook's data). */
  cases?: readonly unknown[][];
  /**
   * Hidden tests (nbgrader-style): argument lists tried INSTEAD of the key's own. Written only inside a
   * `// BEGIN HIDDEN TESTS` … `// END HIDDEN TESTS` region of a check cell, which every copy a learner
   * gets leaves out. The expected answers come from the answer key, as for every check. Silent when the
   * function passes them, so that the instructor's notebook prints what the learner's does.
   */
  hidden?: readonly unknown[][];
  /** Points this check is worth when graded. Default 1. */
  points?: number;
}

/**
 * Checks the learner's function for one exercise: calls it on the exercise's cases (and on `cases`, if
 * given), and prints one line of feedback. The expected values come from the exercise's answer key and
 * are never printed. Returns nothing, so the notebook shows only the feedback line.
 */
export function check(exercise: string, fn: unknown, options: CheckCallOptions = {}): void {
  const key = exerciseKey(exercise);
  const loose = key as unknown as {
    answer: (...args: unknown[]) => Answer;
    mistakes?: { answer: (...args: unknown[]) => Answer; hint: string }[];
    call?: (...args: unknown[]) => string;
    report?: (args: unknown[], got: unknown, status: Status) => string | undefined;
  };
  const hidden = options.hidden !== undefined;
  if (hidden && options.cases) throw new Error(`check("${exercise}", …): give either cases or hidden cases, not both`);
  if (hidden && (!Array.isArray(options.hidden) || !options.hidden.length || !options.hidden.every((a) => Array.isArray(a)))) {
    throw new Error(`check("${exercise}", …, { hidden }): hidden must be a non-empty list of argument lists, such as [[1, 2], [3, 4]]`);
  }
  const argLists = hidden ? options.hidden!.map((a) => [...a]) : [...key.cases(), ...(options.cases ?? []).map((a) => [...a])];
  // The expected values are worked out first, on copies, before the learner's function can touch the arguments.
  const cases: Case<unknown[]>[] = argLists.map((args) => {
    const expected = loose.answer(...clone(args));
    const mistakes = (loose.mistakes ?? []).map((m) => ({ expected: m.answer(...clone(args)), hint: m.hint }));
    return { args, expected, ...(mistakes.length ? { mistakes } : {}), ...(loose.call ? { call: loose.call(...args) } : {}) };
  });
  const checkOptions: CheckOptions = { hint: key.hint, tolerance: key.tolerance, closeTolerance: key.closeTolerance, points: options.points };
  if (typeof fn === "function" && fn.name && fn.name !== key.name) {
    record(exercise, fn, cases, checkOptions, hidden, {
      exercise,
      status: "error",
      message: `this check is for your function ${key.name}, but it was given ${fn.name}. Keep the name ${key.name}.`,
    });
    return;
  }
  // What the grader repeats are the cases as they were before the learner's function ran (a training
  // loop changes the network it is given).
  const asGiven = cases.map((c) => ({ ...c, args: clone(c.args) }));
  const outcomes = typeof fn === "function" ? runCases(fn as (...args: unknown[]) => unknown, cases) : [];
  const result = typeof fn === "function" ? judgeOutcomes(exercise, fn.name || key.name, cases, outcomes, checkOptions) : notAFunction(exercise, fn);
  const first = outcomes[0];
  if (!hidden && loose.report && first && "value" in first && (result.status === "correct" || result.status === "wrong" || result.status === "close")) {
    // The report says what the learner's function did, so it goes before any hint.
    const more = loose.report(cases[0].args, first.value, result.status);
    const at = result.message.indexOf(" Hint: ");
    if (more) result.message = at < 0 ? `${result.message} ${more}` : `${result.message.slice(0, at)} ${more}${result.message.slice(at)}`;
  }
  record(exercise, fn, asGiven, checkOptions, hidden, result);
}

/** A deep copy of plain data (numbers, lists, records); functions and other objects are shared. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as unknown as T;
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): T }).slice();
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

function record(exercise: string, fn: unknown, cases: readonly Case<unknown[]>[], options: CheckOptions, hiddenCases: boolean, result: CheckResult): void {
  const hidden = hiddenCases || (globalThis as { __courseHiddenChecks?: boolean }).__courseHiddenChecks === true;
  checkCalls.push({ exercise, functionName: typeof fn === "function" ? fn.name : "", cases, options, hidden });
  checkResults.push(result);
  // A hidden check speaks only when the function fails it.
  if (hiddenCases && result.status === "correct") return;
  console.log(`${symbol[result.status]} Exercise ${exercise}${hiddenCases ? " (hidden tests)" : ""}: ${result.message}`);
}

function notAFunction(exercise: string, fn: unknown): CheckResult {
  return { exercise, status: "error", message: `expected a function here, but got ${typeof fn}. Run the exercise cell above first.` };
}

/**
 * The low-level check, with the cases and expected values written out: for checks of your own. The
 * course's notebooks use `check`, whose expected values stay in the answer keys.
 */
export function checkFunction<A extends unknown[]>(exercise: string, fn: (...args: A) => Answer, cases: readonly Case<A>[], options: CheckOptions): void {
  record(exercise, fn, cases as readonly Case<unknown[]>[], options, false, judge(exercise, fn, cases, options));
}

/** What calling the learner's function on one case gave: a value, or an error. */
export type Outcome = { value: unknown } | { error: string; notDone: boolean };

/** Calls `fn` on each case in turn, stopping at the first error. */
function runCases(fn: (...args: unknown[]) => unknown, cases: readonly Case<unknown[]>[]): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    try {
      outcomes.push({ value: fn(...c.args) });
    } catch (e) {
      const notDone = e instanceof NotDoneYet || (e as Error)?.name === "NotDoneYet";
      outcomes.push({ error: (e as Error)?.message ?? String(e), notDone });
      break;
    }
  }
  return outcomes;
}

/** Works out a check's result without printing it. */
export function judge<A extends unknown[]>(exercise: string, fn: (...args: A) => Answer, cases: readonly Case<A>[], options: CheckOptions): CheckResult {
  if (typeof fn !== "function") return notAFunction(exercise, fn);
  const outcomes = runCases(fn as (...args: unknown[]) => unknown, cases as readonly Case<unknown[]>[]);
  return judgeOutcomes(exercise, fn.name, cases as readonly Case<unknown[]>[], outcomes, options);
}

/**
 * The verdict from outcomes already collected (the autograder collects them in a separate process):
 * correct, close, wrong (with a hint), not done yet, or an error message. It says what the learner's
 * function returned, never what it should have returned.
 */
export function judgeOutcomes(exercise: string, functionName: string, cases: readonly Case<unknown[]>[], outcomes: readonly Outcome[], options: CheckOptions): CheckResult {
  let close: { call: string; got: string; hint?: string } | undefined;
  const tolerance = options.tolerance ?? 1e-9;
  for (let k = 0; k < cases.length; k++) {
    const c = cases[k];
    const call = c.call ?? `${functionName || "your function"}(${c.args.map((a) => show(a)).join(", ")})`;
    const outcome = outcomes[k];
    if (!outcome) return { exercise, status: "error", message: `${call} gave no answer. Hint: ${options.hint}` };
    if ("error" in outcome) {
      if (outcome.notDone) {
        return { exercise, status: "not done", message: "not done yet. Write your code in the cell above where it says YOUR CODE HERE, run that cell, then run this one." };
      }
      return { exercise, status: "error", message: `${call} threw an error: ${outcome.error}. Hint: ${options.hint}` };
    }
    const got = outcome.value;
    const distance = distanceBetween(got, c.expected);
    if (distance === undefined) {
      return { exercise, status: "wrong", message: `${call} returned ${show(got)}, but the answer should be ${describeShape(c.expected)}. Hint: ${options.hint}` };
    }
    if (distance <= tolerance) continue;
    const mistake = knownMistake(got, c, tolerance);
    const closeTolerance = options.closeTolerance ?? 0.01 * Math.max(1e-9, size(c.expected));
    if (distance <= closeTolerance) {
      if (!close || (mistake && !close.hint)) close = { call, got: show(got), hint: mistake?.hint };
      continue;
    }
    return { exercise, status: "wrong", message: `${call} returned ${show(got)}, which is not right. Hint: ${mistake?.hint ?? options.hint}` };
  }
  if (close) {
    const advice = close.hint ?? "Look for a rounding slip: use the exact numbers your code computes, not rounded ones.";
    return { exercise, status: "close", message: `close, but not exact: ${close.call} returned ${close.got}, very near the right answer but not equal to it. ${advice}` };
  }
  const first = outcomes[0] && "value" in outcomes[0] ? outcomes[0].value : undefined;
  const firstCall = cases.length ? (cases[0].call ?? `${functionName || "your function"}(${cases[0].args.map((a) => show(a)).join(", ")})`) : "";
  const all = cases.length === 1 ? "the test passes" : `all ${cases.length} tests pass`;
  return { exercise, status: "correct", message: cases.length ? `correct. ${firstCall} returned ${show(first)}, and ${all}.` : "correct." };
}

/** The known mistake whose answer the learner's value matches, if any. */
function knownMistake(got: unknown, c: Case<unknown[]>, tolerance: number): KnownMistake | undefined {
  for (const m of c.mistakes ?? []) {
    const d = distanceBetween(got, m.expected);
    if (d !== undefined && d <= Math.max(tolerance, 1e-9 * Math.max(1, size(m.expected)))) return m;
  }
  return undefined;
}

/** The largest difference between an answer and the expected one, or undefined if their shapes differ. */
function distanceBetween(got: unknown, expected: Answer): number | undefined {
  if (typeof expected === "number") return typeof got === "number" && !Number.isNaN(got) ? Math.abs(got - expected) : undefined;
  if (!Array.isArray(got) && !ArrayBuffer.isView(got)) return undefined;
  const list = Array.from(got as ArrayLike<unknown>);
  if (list.length !== expected.length) return undefined;
  let worst = 0;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== "number" || Number.isNaN(v)) return undefined;
    worst = Math.max(worst, Math.abs(v - expected[i]));
  }
  return worst;
}

function size(answer: Answer): number {
  return typeof answer === "number" ? Math.abs(answer) : Math.max(0, ...answer.map(Math.abs));
}

/** The shape of the right answer, in words: "a number", "a list of 3 numbers". */
function describeShape(expected: Answer): string {
  if (typeof expected === "number") return "a number";
  return expected.length === 1 ? "a list of 1 number" : `a list of ${expected.length} numbers`;
}

/** A short, readable form of a value for feedback; long lists are shortened. */
function show(value: unknown, depth = 0): string {
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(Number(value.toPrecision(10)));
  if (typeof value === "function") return "a function";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    const most = depth === 0 ? 8 : 4;
    if (list.length <= most) return `[${list.map((v) => show(v, depth + 1)).join(", ")}]`;
    const kind = list.every((v) => typeof v === "number") ? "numbers" : "items";
    return `[${list.slice(0, most - 2).map((v) => show(v, depth + 1)).join(", ")}, …, ${show(list[list.length - 1], depth + 1)}] (${list.length} ${kind})`;
  }
  if (value === undefined) return "undefined (did you forget to return?)";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}
