/**
 * Starting values for weights and biases. Introduced in notebook 15, where zeros fail and He works.
 * An initializer is plain data, so it can be printed and stored with a run.
 */
import { RandomSource, normal, uniform } from "./random";

/** How to draw one starting value (notebooks 12 and 15). */
export type Initializer =
  | { kind: "zeros" }
  | { kind: "constant"; value: number }
  | { kind: "uniform"; low: number; high: number }
  | { kind: "he" }
  | { kind: "xavier" };

/** Every value 0 (notebook 15): fine for biases; for weights it makes every neuron of a layer identical forever. */
export const zeros: Initializer = { kind: "zeros" };

/** Every value the same number (notebook 15). */
export function constant(value: number): Initializer {
  return { kind: "constant", value };
}

/** Uniform between `low` and `high`: the XOR program's random.uniform(−1, 1) (notebook 12). */
export function uniformIn(low: number, high: number): Initializer {
  return { kind: "uniform", low, high };
}

/** He (notebook 15): normal with mean 0 and standard deviation √(2 / inputs); suits ReLU and sigmoid layers alike here. */
export const he: Initializer = { kind: "he" };

/** Xavier (Glorot), for comparison with He (notebook 15): normal with mean 0 and standard deviation √(2 / (inputs + outputs)). */
export const xavier: Initializer = { kind: "xavier" };

/** The standard deviation He initialization uses for a layer with `fanIn` inputs: √(2 / fanIn) (notebook 15). */
export function heStandardDeviation(fanIn: number): number {
  return Math.sqrt(2 / fanIn);
}

/** The standard deviation Xavier initialization uses: √(2 / (fanIn + fanOut)) (notebook 15). */
export function xavierStandardDeviation(fanIn: number, fanOut: number): number {
  return Math.sqrt(2 / (fanIn + fanOut));
}

/** Draws one starting value for a layer with `fanIn` inputs and `fanOut` neurons (notebook 15). */
export function drawValue(init: Initializer, fanIn: number, fanOut: number, rng?: RandomSource): number {
  switch (init.kind) {
    case "zeros":
      return 0;
    case "constant":
      return init.value;
    case "uniform":
      return uniform(rng!, init.low, init.high);
    case "he":
      return normal(rng!, 0, heStandardDeviation(fanIn));
    case "xavier":
      return normal(rng!, 0, xavierStandardDeviation(fanIn, fanOut));
  }
}
