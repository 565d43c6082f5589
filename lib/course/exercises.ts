/**
 * "Your turn": checks for the exercises at the end of each notebook. A check calls the learner's
 * function on a few cases and says, in one friendly line, whether it is correct, close (with how far
 * off), wrong (with a hint), not done yet, or threw an error (with the error's message, never a stack
 * trace). Every result is also recorded, so that the autograder can read it.
 */

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
}

/** One case: the arguments to call with and the right answer. */
export interface Case<A extends unknown[]> {
  args: A;
  expected: Answer;
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
 * Calls `fn` on every case and prints one line of feedback. Returns nothing, so the notebook shows
 * only the feedback line.
 */
export function checkFunction<A extends unknown[]>(exercise: string, fn: (...args: A) => Answer, cases: readonly Case<A>[], options: CheckOptions): void {
  const hidden = (globalThis as { __courseHiddenChecks?: boolean }).__courseHiddenChecks === true;
  checkCalls.push({ exercise, functionName: typeof fn === "function" ? fn.name : "", cases: cases as readonly Case<unknown[]>[], options, hidden });
  const result = judge(exercise, fn, cases, options);
  checkResults.push(result);
  console.log(`${symbol[result.status]} Exercise ${exercise}: ${result.message}`);
}

/** What calling the learner's function on one case gave: a value, or an error. */
export type Outcome = { value: unknown } | { error: string; notDone: boolean };

/** Works out a check's result without printing it. */
export function judge<A extends unknown[]>(exercise: string, fn: (...args: A) => Answer, cases: readonly Case<A>[], options: CheckOptions): CheckResult {
  if (typeof fn !== "function") {
    return { exercise, status: "error", message: `expected a function here, but got ${typeof fn}. Run the exercise cell above first.` };
  }
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
  return judgeOutcomes(exercise, fn.name, cases, outcomes, options);
}

/**
 * The verdict from outcomes already collected (the autograder collects them in a separate process):
 * correct, close (with the difference), wrong (with the hint), not done yet, or an error message.
 */
export function judgeOutcomes(exercise: string, functionName: string, cases: readonly Case<unknown[]>[], outcomes: readonly Outcome[], options: CheckOptions): CheckResult {
  let close: { call: string; got: string; expected: string; distance: number } | undefined;
  for (let k = 0; k < cases.length; k++) {
    const c = cases[k];
    const call = `${functionName || "your function"}(${c.args.map(show).join(", ")})`;
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
    const tolerance = options.tolerance ?? 1e-9;
    if (distance === undefined) {
      return { exercise, status: "wrong", message: `${call} returned ${show(got)}, but the answer should be ${describeAnswer(c.expected)}. Hint: ${options.hint}` };
    }
    if (distance <= tolerance) continue;
    const closeTolerance = options.closeTolerance ?? 0.01 * Math.max(1e-9, size(c.expected));
    if (distance <= closeTolerance) {
      if (!close) close = { call, got: show(got), expected: show(c.expected), distance };
      continue;
    }
    return { exercise, status: "wrong", message: `${call} returned ${show(got)}, but the answer is ${show(c.expected)}. Hint: ${options.hint}` };
  }
  if (close) {
    return { exercise, status: "close", message: `close! ${close.call} returned ${close.got}; the answer is ${close.expected} (off by ${Number(close.distance.toPrecision(3))}). Look for a rounding slip.` };
  }
  return { exercise, status: "correct", message: `correct — all ${cases.length} test${cases.length === 1 ? "" : "s"} pass.` };
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

function describeAnswer(expected: Answer): string {
  return typeof expected === "number" ? `a number (${show(expected)})` : `a list of ${expected.length} numbers (${show(expected)})`;
}

/** A short, readable form of a value for feedback. */
function show(value: unknown): string {
  if (typeof value === "number") return String(Number(value.toPrecision(10)));
  if (typeof value === "function") return "a function";
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return `[${Array.from(value as ArrayLike<unknown>).map(show).join(", ")}]`;
  if (value === undefined) return "undefined (did you forget to return?)";
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}
