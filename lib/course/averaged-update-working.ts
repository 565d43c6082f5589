/**
 * One weight's full-batch update as worked lines (notebook 15): the per-sample gradients added up,
 * their average, the step −learning rate × average, and the new value.
 *   sum of the 24 gradients = 0.5016
 *   average = 0.5016 / 24 = 0.0209
 *   step = −1.2 × 0.0209 = −0.0251
 *   new weight = 0.2581 + (−0.0251) = 0.233
 * Each line holds on paper: where the rounded inputs would give another last digit than the exact
 * result, that line shows its inputs with more decimals (workingDecimals), as in
 *   new weight = 0.25784 + (−0.02508) = 0.2328   (0.2578 + (−0.0251) would give 0.2327).
 */
import { formatNumber, workingDecimals } from "./arithmetic";

/** A number in brackets when negative, so that "+ (−0.0251)" reads clearly. */
function term(x: number, digits: number): string {
  const s = formatNumber(x, digits);
  return x < 0 ? `(${s})` : s;
}

/**
 * The lines of one averaged gradient-descent step for one weight. The arithmetic is the engine's: the
 * gradients are added in order from 0, divided by their count, and the weight moves by −rate × average.
 */
export function averagedUpdateWorking(old: number, learningRate: number, gradients: readonly number[], digits = 4): string[] {
  if (gradients.length === 0) throw new Error("an averaged update needs at least one gradient");
  let sum = 0;
  for (const g of gradients) sum += g;
  const average = sum / gradients.length;
  const step = -learningRate * average;
  const f = (x: number) => formatNumber(x, digits);
  const n = gradients.length;
  const a = workingDecimals([sum], ([s]) => s / n, average, digits);
  const b = workingDecimals([learningRate, average], ([r, g]) => -r * g, step, digits);
  const c = workingDecimals([old, step], ([w, s]) => w + s, old + step, digits);
  return [
    `sum of the ${n} gradients = ${f(sum)}`,
    `average = ${formatNumber(sum, a)} / ${n} = ${f(average)}`,
    `step = −${formatNumber(learningRate, b)} × ${term(average, b)} = ${f(step)}`,
    `new weight = ${formatNumber(old, c)} + ${term(step, c)} = ${f(old + step)}`,
  ];
}
