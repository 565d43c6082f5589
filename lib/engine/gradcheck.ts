/**
 * Measuring slopes by nudging: the course's first way to find a gradient (notebook 07), and later the
 * independent check that backpropagation is right (notebook 10).
 */
import { Sample, checkDataset } from "./data";
import { checkFiniteNumber } from "./checks";
import { LossName, checkLossName, loss as lossOf } from "./losses";
import { Gradients, Network, addGradients, averageGradients, backward, forward, zeroGradients } from "./network";

/** The forward nudge: (f(x + h) − f(x)) / h. With h = 0.1 on the course's first example, −67.5. */
export function nudgeSlope(f: (x: number) => number, x: number, h: number): number {
  checkNudge(x, h);
  return (f(x + h) - f(x)) / h;
}

/** The central difference: (f(x + h) − f(x − h)) / 2h. Much closer to the exact slope for the same h. */
export function centralSlope(f: (x: number) => number, x: number, h: number): number {
  checkNudge(x, h);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The mean loss of `net` over `data`. */
export function meanLoss(net: Network, data: readonly Sample[], lossName: LossName): number {
  checkDataset(net, data);
  checkLossName(lossName);
  let total = 0;
  for (const sample of data) total += lossOf(lossName, forward(net, sample.input).output, sample.target);
  return total / data.length;
}

/** One knob of a network: a weight (layer, neuron, input) or a bias (layer, neuron). */
export type Knob = { layer: number; neuron: number; input: number } | { layer: number; neuron: number; input?: undefined };

/** Every knob of `net`, layer by layer: each neuron's weights, then the layer's biases. */
export function knobs(net: Network): Knob[] {
  const all: Knob[] = [];
  net.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => row.forEach((_, i) => all.push({ layer: l, neuron: j, input: i })));
    layer.biases.forEach((_, j) => all.push({ layer: l, neuron: j }));
  });
  return all;
}

/** Reads a knob's value. */
export function getKnob(net: Network, knob: Knob): number {
  const layer = net.layers[knob.layer];
  return knob.input === undefined ? layer.biases[knob.neuron] : layer.weights[knob.neuron][knob.input];
}

/** Sets a knob's value. */
export function setKnob(net: Network, knob: Knob, value: number): void {
  const layer = net.layers[knob.layer];
  if (knob.input === undefined) layer.biases[knob.neuron] = value;
  else layer.weights[knob.neuron][knob.input] = value;
}

/** Reads a knob's gradient out of a Gradients object. */
export function gradientOf(gradients: Gradients, knob: Knob): number {
  const g = gradients[knob.layer];
  return knob.input === undefined ? g.biases[knob.neuron] : g.weights[knob.neuron][knob.input];
}

/**
 * Every knob's gradient of the mean loss, measured by nudging that knob alone: two forward passes
 * over the data per knob with "central", one per knob (plus one) with "forward".
 */
export function nudgedGradients(net: Network, data: readonly Sample[], lossName: LossName, options: { h?: number; method?: "forward" | "central" } = {}): Gradients {
  const h = options.h ?? 1e-5;
  const method = options.method ?? "central";
  const result = zeroGradients(net);
  for (const knob of knobs(net)) {
    const original = getKnob(net, knob);
    const f = (v: number) => {
      setKnob(net, knob, v);
      const value = meanLoss(net, data, lossName);
      setKnob(net, knob, original);
      return value;
    };
    const slope = method === "central" ? centralSlope(f, original, h) : nudgeSlope(f, original, h);
    const g = result[knob.layer];
    if (knob.input === undefined) g.biases[knob.neuron] = slope;
    else g.weights[knob.neuron][knob.input] = slope;
  }
  return result;
}

/** Every knob's gradient of the mean loss over `data`, by backpropagation. */
export function backpropGradients(net: Network, data: readonly Sample[], lossName: LossName): Gradients {
  checkDataset(net, data);
  const total = zeroGradients(net);
  for (const sample of data) addGradients(total, backward(net, forward(net, sample.input), sample.target, lossName).gradients);
  return averageGradients(total, data.length);
}

/** How backprop's gradients compare with nudged ones. */
export interface GradientCheck {
  /** The largest relative error over all knobs: |backprop − nudged| / max(|backprop|, |nudged|, 1e-8). */
  maxRelativeError: number;
  /** The knob where that largest error happened, with both values. */
  worst: { knob: Knob; backprop: number; nudged: number };
  backprop: Gradients;
  nudged: Gradients;
}

/** Compares backpropagation with central differences on every knob. */
export function gradientCheck(net: Network, data: readonly Sample[], lossName: LossName, h = 1e-5): GradientCheck {
  const backprop = backpropGradients(net, data, lossName);
  const nudged = nudgedGradients(net, data, lossName, { h, method: "central" });
  let maxRelativeError = 0;
  let worst: GradientCheck["worst"] | undefined;
  for (const knob of knobs(net)) {
    const b = gradientOf(backprop, knob);
    const n = gradientOf(nudged, knob);
    const error = Math.abs(b - n) / Math.max(Math.abs(b), Math.abs(n), 1e-8);
    if (!worst || error > maxRelativeError) {
      maxRelativeError = error;
      worst = { knob, backprop: b, nudged: n };
    }
  }
  return { maxRelativeError, worst: worst!, backprop, nudged };
}

function checkNudge(x: number, h: number): void {
  checkFiniteNumber("the point x", x);
  checkFiniteNumber("the nudge h", h);
  if (h === 0) throw new Error("the nudge h must not be 0: dividing by 0 gives no slope");
}
