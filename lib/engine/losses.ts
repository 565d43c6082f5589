/**
 * Losses: one number for "how wrong". Introduced in notebook 06.
 * Each loss comes with its derivative with respect to the network's outputs, which is where backprop's
 * blame starts.
 */
import { checkNumbers, unknownName } from "./checks";

/** The names of the losses the engine knows. */
export type LossName = "squaredError" | "halfSquaredError" | "crossEntropy";

/** Every loss name. */
export const lossNames: readonly LossName[] = ["squaredError", "halfSquaredError", "crossEntropy"];

/** Squared error (out − target)², added up over the output neurons. A miss of 3 costs 9. */
export function squaredError(output: readonly number[], target: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < output.length; i++) {
    const miss = output[i] - target[i];
    total += miss * miss;
  }
  return total;
}

/** Half squared error ½(ŷ − y)²: the same hill, scaled so that its slope is just the miss ŷ − y. */
export function halfSquaredError(output: readonly number[], target: readonly number[]): number {
  return 0.5 * squaredError(output, target);
}

/**
 * Cross-entropy on probabilities: −ln(p), where p is the probability the network gave the right class.
 * `target` is one-hot (1 for the right class, 0 elsewhere); soft targets also work: −Σ y ln p.
 */
export function crossEntropy(probabilities: readonly number[], target: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    if (target[i] !== 0) total -= target[i] * Math.log(probabilities[i]);
  }
  return total;
}

/** The named loss of one sample. */
export function loss(name: LossName, output: readonly number[], target: readonly number[]): number {
  checkNumbers("the output", output);
  checkNumbers("the target", target, output.length, "one per output neuron");
  return lossValue(name, output, target);
}

/** The named loss of one sample, without checking the lists first (the caller already has). */
export function lossValue(name: LossName, output: readonly number[], target: readonly number[]): number {
  switch (name) {
    case "squaredError":
      return squaredError(output, target);
    case "halfSquaredError":
      return halfSquaredError(output, target);
    case "crossEntropy":
      return crossEntropy(output, target);
    default:
      return unknownName("loss", name, lossNames);
  }
}

/**
 * The derivative of the loss with respect to each output: the blame the output layer starts with.
 * Squared error gives 2(out − target); half squared error gives (out − target); cross-entropy −y/p.
 */
export function lossDerivative(name: LossName, output: readonly number[], target: readonly number[]): number[] {
  const d = new Array<number>(output.length);
  lossDerivativeInto(name, output, target, d);
  return d;
}

/** `lossDerivative`, writing into `d` instead of a new list. */
export function lossDerivativeInto(name: LossName, output: readonly number[], target: readonly number[], d: number[]): void {
  for (let i = 0; i < output.length; i++) {
    switch (name) {
      case "squaredError":
        d[i] = 2 * (output[i] - target[i]);
        break;
      case "halfSquaredError":
        d[i] = output[i] - target[i];
        break;
      case "crossEntropy":
        d[i] = target[i] === 0 ? 0 : -target[i] / output[i];
        break;
      default:
        unknownName("loss", name, lossNames);
    }
  }
}

/** The mean of a list of per-sample losses. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error("cannot take the mean of an empty list");
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/** Throws a helpful error unless `name` is a known loss. */
export function checkLossName(name: unknown): asserts name is LossName {
  if (typeof name !== "string" || !(lossNames as readonly string[]).includes(name)) {
    unknownName("loss", name, lossNames);
  }
}
