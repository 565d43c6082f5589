/**
 * Measuring slopes by nudging: the course's first way to find a gradient (notebook 07), and later the
 * independent check that backpropagation is right (notebook 10).
 */
import { Sample } from "./data";
import { LossName } from "./losses";
import { Gradients, Network, zeroGradients } from "./network";
import { evaluate, gradientStep } from "./train";

/** The forward nudge (notebook 07): (f(x + h) − f(x)) / h. With h = 0.1 on the course's first example, −67.5. */
export function nudgeSlope(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x)) / h;
}

/** The central difference (notebook 07): (f(x + h) − f(x − h)) / 2h, much closer to the exact slope for the same h. */
export function centralSlope(f: (x: number) => number, x: number, h: number): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The mean loss of `net` over `data` (notebook 07). */
export function meanLoss(net: Network, data: readonly Sample[], lossName: LossName): number {
  return evaluate(net, data, lossName).loss;
}

/** One knob of a network (notebook 07): a weight (layer, neuron, input) or a bias (layer, neuron). */
export type Knob = { layer: number; neuron: number; input: number } | { layer: number; neuron: number; input?: undefined };

/** Every knob of `net`, layer by layer: each neuron's weights, then the layer's biases (notebook 07). */
export function knobs(net: Network): Knob[] {
  return net.layers.flatMap((layer, l) => [
    ...layer.weights.flatMap((row, j) => row.map((_, i): Knob => ({ layer: l, neuron: j, input: i }))),
    ...layer.biases.map((_, j): Knob => ({ layer: l, neuron: j })),
  ]);
}

/** Reads a knob's value (notebook 07). */
export function getKnob(net: Network, knob: Knob): number {
  const layer = net.layers[knob.layer];
  return knob.input === undefined ? layer.biases[knob.neuron] : layer.weights[knob.neuron][knob.input];
}

/** Sets a knob's value (notebook 07). */
export function setKnob(net: Network, knob: Knob, value: number): void {
  const layer = net.layers[knob.layer];
  if (knob.input === undefined) layer.biases[knob.neuron] = value;
  else layer.weights[knob.neuron][knob.input] = value;
}

/**
 * Every knob's gradient of the mean loss, measured by nudging that knob alone (notebook 10): two forward
 * passes over the data per knob with "central", one per knob (plus one) with "forward".
 */
export function nudgedGradients(net: Network, data: readonly Sample[], lossName: LossName, options: { h?: number; method?: "forward" | "central" } = {}): Gradients {
  const h = options.h ?? 1e-5;
  const slopeOf = options.method === "forward" ? nudgeSlope : centralSlope;
  const result = zeroGradients(net);
  for (const knob of knobs(net)) {
    const original = getKnob(net, knob);
    const lossAt = (v: number) => {
      setKnob(net, knob, v);
      const value = meanLoss(net, data, lossName);
      setKnob(net, knob, original);
      return value;
    };
    const slope = slopeOf(lossAt, original, h);
    if (knob.input === undefined) result[knob.layer].biases[knob.neuron] = slope;
    else result[knob.layer].weights[knob.neuron][knob.input] = slope;
  }
  return result;
}

/** How backprop's gradients compare with nudged ones (notebook 10). */
export interface GradientCheck {
  /** The largest relative error over all knobs: |backprop − nudged| / max(|backprop|, |nudged|, 1e-8). */
  maxRelativeError: number;
  /** The knob where that largest error happened, with both values. */
  worst: { knob: Knob; backprop: number; nudged: number };
  backprop: Gradients;
  nudged: Gradients;
}

/** Compares backpropagation with central differences on every knob (notebook 10). */
export function gradientCheck(net: Network, data: readonly Sample[], lossName: LossName, h = 1e-5): GradientCheck {
  const backprop = gradientStep(net, data, lossName).gradients;
  const nudged = nudgedGradients(net, data, lossName, { h, method: "central" });
  const gradientOf = (g: Gradients, knob: Knob) => (knob.input === undefined ? g[knob.layer].biases[knob.neuron] : g[knob.layer].weights[knob.neuron][knob.input]);
  let worst: GradientCheck["worst"] | undefined;
  let maxRelativeError = 0;
  for (const knob of knobs(net)) {
    const [b, n] = [gradientOf(backprop, knob), gradientOf(nudged, knob)];
    const error = Math.abs(b - n) / Math.max(Math.abs(b), Math.abs(n), 1e-8);
    if (!worst || error > maxRelativeError) [maxRelativeError, worst] = [error, { knob, backprop: b, nudged: n }];
  }
  return { maxRelativeError, worst: worst!, backprop, nudged };
}
