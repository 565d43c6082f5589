/**
 * Starting values for weights and biases. Introduced in notebook 12, where zeros fail and He works.
 * An initializer is plain data, so it can be printed and stored with a run.
 */
import { checkFiniteNumber } from "./checks";
import { RandomSource, normal, uniform } from "./random";

/** How to draw one starting value. */
export type Initializer =
  | { kind: "zeros" }
  | { kind: "constant"; value: number }
  | { kind: "uniform"; low: number; high: number }
  | { kind: "he" }
  | { kind: "xavier" };

/** Every value 0. Fine for biases; for weights it makes every neuron of a layer identical forever. */
export const zeros: Initializer = { kind: "zeros" };

/** Every value the same number. */
export function constant(value: number): Initializer {
  checkFiniteNumber("the constant starting value", value);
  return { kind: "constant", value };
}

/** Uniform between `low` and `high`: the XOR program's random.uniform(−1, 1). */
export function uniformIn(low: number, high: number): Initializer {
  checkFiniteNumber("the low end of the uniform range", low);
  checkFiniteNumber("the high end of the uniform range", high);
  if (!(high > low)) throw new Error(`the uniform range needs low < high, got ${low} and ${high}`);
  return { kind: "uniform", low, high };
}

/** He: normal with mean 0 and standard deviation √(2 / inputs); suits ReLU and sigmoid layers alike here. */
export const he: Initializer = { kind: "he" };

/** Xavier (Glorot): normal with mean 0 and standard deviation √(2 / (inputs + outputs)). */
export const xavier: Initializer = { kind: "xavier" };

/** The standard deviation He initialization uses for a layer with `fanIn` inputs: √(2 / fanIn). */
export function heStandardDeviation(fanIn: number): number {
  return Math.sqrt(2 / fanIn);
}

/** The standard deviation Xavier initialization uses: √(2 / (fanIn + fanOut)). */
export function xavierStandardDeviation(fanIn: number, fanOut: number): number {
  return Math.sqrt(2 / (fanIn + fanOut));
}

/** Draws one starting value for a layer with `fanIn` inputs and `fanOut` neurons. */
export function drawValue(init: Initializer, fanIn: number, fanOut: number, rng?: RandomSource): number {
  switch (init.kind) {
    case "zeros":
      return 0;
    case "constant":
      return init.value;
    case "uniform":
      return uniform(needRng(rng, "uniform"), init.low, init.high);
    case "he":
      return normal(needRng(rng, "he"), 0, heStandardDeviation(fanIn));
    case "xavier":
      return normal(needRng(rng, "xavier"), 0, xavierStandardDeviation(fanIn, fanOut));
    default:
      throw new Error(`unknown initializer ${JSON.stringify(init)}; use zeros, constant(v), uniformIn(low, high), he or xavier`);
  }
}

function needRng(rng: RandomSource | undefined, kind: string): RandomSource {
  if (!rng) throw new Error(`the "${kind}" initializer is random: pass an rng, e.g. new PythonRandom(7)`);
  return rng;
}
