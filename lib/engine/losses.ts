/**
 * Losses: one number for "how wrong" (notebook 06). Each comes with its slope with respect to the network's
 * outputs, which is where backpropagation's blame starts (notebook 10).
 */

/** The names of the losses the engine knows (notebook 06; cross-entropy in notebook 14). */
export type LossName = "squaredError" | "halfSquaredError" | "crossEntropy";

/** Every loss name (notebook 06). */
export const lossNames: readonly LossName[] = ["squaredError", "halfSquaredError", "crossEntropy"];

/** Squared error (out − target)², added up over the output neurons: a miss of 3 costs 9 (notebook 06). */
export function squaredError(output: readonly number[], target: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < output.length; i++) {
    const miss = output[i] - target[i];
    total += miss * miss;
  }
  return total;
}

/** Half squared error ½(out − target)²: the same hill, scaled so that its slope is just the miss (notebook 06). */
export function halfSquaredError(output: readonly number[], target: readonly number[]): number {
  return 0.5 * squaredError(output, target);
}

/**
 * Cross-entropy (notebook 14): −ln(p), where p is the probability the network gave the right class.
 * `target` is one-hot (1 for the right class, 0 elsewhere); soft targets also work: −Σ y ln p.
 */
export function crossEntropy(probabilities: readonly number[], target: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (target[i] !== 0) total -= target[i] * Math.log(probabilities[i]);
  }
  return total;
}

/** The named loss of one sample (notebook 06). */
export function loss(name: LossName, output: readonly number[], target: readonly number[]): number {
  switch (name) {
    case "squaredError":
      return squaredError(output, target);
    case "halfSquaredError":
      return halfSquaredError(output, target);
    case "crossEntropy":
      return crossEntropy(output, target);
  }
}

/**
 * The loss's slope at each output (notebooks 06 and 10): the blame the output layer starts with.
 * Squared error gives 2(out − target), half squared error (out − target), cross-entropy −y/p. The slopes go
 * into `slopes`, a new list unless training hands in one to reuse.
 */
export function lossDerivative(name: LossName, output: readonly number[], target: readonly number[], slopes: number[] = []): number[] {
  for (let i = 0; i < output.length; i++) slopes[i] = lossSlope(name, output[i], target[i]);
  return slopes;
}

/** The slope of the named loss at one output `out` whose target is `y`. */
function lossSlope(name: LossName, out: number, y: number): number {
  switch (name) {
    case "squaredError":
      return 2 * (out - y);
    case "halfSquaredError":
      return out - y;
    case "crossEntropy":
      return y === 0 ? 0 : -y / out;
  }
}

/** The mean of a list of numbers, such as per-sample losses (notebook 06). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("cannot take the mean of an empty list");
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}
