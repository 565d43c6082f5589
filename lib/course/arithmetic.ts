/**
 * Worked arithmetic as a learner reads it, such as "(3 × 2) + (1 × 5) + 4 = 15". A code cell prints
 * these lines, the prose shows the same lines, and the claims check compares them number for number.
 * Minus signs are printed as "−" (the typographic minus), as in the prose.
 */
import { weightedSum } from "../engine/neuron";

/**
 * A number as the course prints it: at most `digits` decimals (trailing zeros dropped), no
 * floating-point noise (0.1 + 0.2 prints as 0.3), and "−" for negatives.
 */
export function formatNumber(x: number, digits = 10): string {
  const rounded = Number(x.toFixed(digits));
  const text = String(Number(rounded.toPrecision(12)));
  return text.startsWith("-") ? `−${text.slice(1)}` : text === "-0" ? "0" : text;
}

/**
 * The decimals to print a worked line's inputs with, so that the line holds on paper: `digits`, or one
 * more at a time while paper arithmetic on the printed inputs lands more than half a unit of the result's
 * last printed digit away from the printed result. The result itself is always printed at `digits`.
 * "(−1.2384 − 0)² = 1.5337" is right only for the unrounded −1.238421: on paper it gives 1.5336346, which
 * rounds to 1.5336. "(−1.23842 − 0)² = 1.5337" holds on paper (1.5336841).
 */
export function workingDecimals(inputs: readonly number[], paper: (shown: number[]) => number, result: number, digits = 10): number {
  const shown = (x: number, d: number) => Number(Number(x.toFixed(d)).toPrecision(12));
  const text = formatNumber(result, digits);
  const half = 0.5 * 10 ** -(text.split(".")[1]?.length ?? 0);
  const printed = shown(result, digits);
  const last = Math.min(digits + 6, 100);
  for (let d = digits; d < last; d++) {
    if (Math.abs(paper(inputs.map((x) => shown(x, d))) - printed) < half * (1 - 1e-9)) return d;
  }
  return last;
}

/** A number in brackets when negative, so that "1 × (−3)" reads clearly. */
function term(x: number, digits?: number): string {
  const s = formatNumber(x, digits);
  return x < 0 ? `(${s})` : s;
}

/** "(3 × 2) + (1 × 5) + 4 = 15": each weight times its input, added up, plus the bias. */
export function weightedSumWorking(weights: readonly number[], inputs: readonly number[], bias?: number, digits?: number): string {
  const total = weightedSum(weights, inputs) + (bias ?? 0);
  const n = weights.length;
  const d = workingDecimals([...weights, ...inputs, bias ?? 0], (s) => weightedSum(s.slice(0, n), s.slice(n, 2 * n)) + s[2 * n], total, digits);
  const products = weights.map((w, i) => `(${formatNumber(w, d)} × ${formatNumber(inputs[i], d)})`);
  const parts = bias === undefined ? products : [...products, term(bias, d)];
  return `${parts.join(" + ")} = ${formatNumber(total, digits)}`;
}

/** "3 × 0.5 × 2 = 3": a chain of factors multiplied together. */
export function productWorking(factors: readonly number[], digits?: number): string {
  const total = factors.reduce((a, b) => a * b, 1);
  const d = workingDecimals(factors, (s) => s.reduce((a, b) => a * b, 1), total, digits);
  return `${factors.map((f) => term(f, d)).join(" × ")} = ${formatNumber(total, digits)}`;
}

/** "(17 − 20)² = 9": a squared miss. */
export function squaredErrorWorking(output: number, target: number, digits?: number): string {
  const miss = output - target;
  const d = workingDecimals([output, target], ([o, t]) => (o - t) * (o - t), miss * miss, digits);
  return `(${formatNumber(output, d)} − ${formatNumber(target, d)})² = ${formatNumber(miss * miss, digits)}`;
}

/** "(2.25 − 9) / 0.1 = −67.5": the change in the loss over the size of the nudge. */
export function slopeWorking(lossAfter: number, lossBefore: number, nudge: number, digits?: number): string {
  const slope = (lossAfter - lossBefore) / nudge;
  const d = workingDecimals([lossAfter, lossBefore, nudge], ([a, b, h]) => (a - b) / h, slope, digits);
  return `(${formatNumber(lossAfter, d)} − ${formatNumber(lossBefore, d)}) / ${formatNumber(nudge, d)} = ${formatNumber(slope, digits)}`;
}

/** "1 − 0.001 × (−67.5) = 1.0675": one step of gradient descent. */
export function updateWorking(old: number, learningRate: number, gradient: number, digits?: number): string {
  const d = workingDecimals([old, learningRate, gradient], ([w, r, g]) => w - r * g, old - learningRate * gradient, digits);
  return `${formatNumber(old, d)} − ${formatNumber(learningRate, d)} × ${term(gradient, d)} = ${formatNumber(old - learningRate * gradient, digits)}`;
}
