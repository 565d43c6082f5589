/**
 * A dense network (notebooks 05–10): layers of neurons, each layer reading every output of the layer
 * before. The forward pass (notebook 05), the backward pass that hands out blame (notebook 10) and the
 * gradient-descent update (notebook 08), written as plain loops over plain arrays.
 */
import { ActivationName, activate, activationBlame } from "./activations";
import { Initializer, drawValue } from "./init";
import { LossName, loss, lossDerivative } from "./losses";
import { weightedSum } from "./neuron";
import { RandomSource } from "./random";

/** One layer: a row of neurons that all read the same inputs (notebook 05). */
export interface Layer {
  /** weights[j][i] is the weight neuron j gives to input i. */
  weights: number[][];
  /** biases[j] is neuron j's bias. */
  biases: number[];
  /** The bend every neuron of this layer applies to its weighted sum plus bias. */
  activation: ActivationName;
}

/** A whole network: how many inputs it reads, and its layers from first to last (notebook 05). */
export interface Network {
  inputSize: number;
  layers: Layer[];
}

/** How to build a network (notebook 05): layer sizes from input to output, one activation per layer after the input. */
export interface NetworkShape {
  /** Layer sizes, inputs first: [2, 8, 1] is 2 inputs, 8 hidden neurons, 1 output. */
  sizes: number[];
  /** One activation per layer after the inputs, e.g. ["relu", "identity"]. */
  activations: ActivationName[];
}

/** Starting values (notebooks 12 and 15): how to draw the weights and the biases, and where randomness comes from. */
export interface StartingValues {
  weights: Initializer;
  biases: Initializer;
  /** Needed when an initializer is random. */
  rng?: RandomSource;
}

/**
 * Builds a network of the given shape with fresh starting values (notebooks 05 and 12). Values are drawn
 * layer by layer; within a layer, all weights neuron by neuron, then all biases.
 */
export function createNetwork(shape: NetworkShape, start: StartingValues): Network {
  const layers: Layer[] = [];
  for (let l = 1; l < shape.sizes.length; l++) {
    const [fanIn, fanOut] = [shape.sizes[l - 1], shape.sizes[l]];
    const draw = (init: Initializer) => drawValue(init, fanIn, fanOut, start.rng);
    const weights = Array.from({ length: fanOut }, () => listOf(fanIn, () => draw(start.weights)));
    const biases = listOf(fanOut, () => draw(start.biases));
    layers.push({ weights, biases, activation: shape.activations[l - 1] });
  }
  return { inputSize: shape.sizes[0], layers };
}

/** A network from weights and biases written out by hand (notebook 05); the layers are copied. */
export function networkFrom(inputSize: number, layers: Layer[]): Network {
  return copyNetwork({ inputSize, layers });
}

/** A deep copy of a network, for snapshots: later training does not change the copy (notebook 08). */
export function copyNetwork(net: Network): Network {
  const layers = net.layers.map((layer) => ({ weights: layer.weights.map((row) => row.slice()), biases: layer.biases.slice(), activation: layer.activation }));
  return { inputSize: net.inputSize, layers };
}

/**
 * How many knobs a network of these layer sizes has (notebooks 03 and 05): for each layer, inputs × neurons
 * weights plus one bias per neuron. [25, 8, 3] has 235; [784, 16, 16, 10] has 13,002.
 */
export function countParameters(sizes: readonly number[]): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l - 1] * sizes[l] + sizes[l];
  return total;
}

/** How many knobs (weights and biases) this network has (notebook 05). */
export function parameterCount(net: Network): number {
  return countParameters([net.inputSize, ...net.layers.map((layer) => layer.biases.length)]);
}

/** What one layer computed in a forward pass (notebook 05). */
export interface LayerTrace {
  /** z: each neuron's weighted sum plus its bias, before the bend. */
  preActivations: number[];
  /** a: each neuron's output after the bend. */
  activations: number[];
}

/** The whole record of a forward pass: the input, every layer's z and a, and the final output (notebook 05). */
export interface Trace {
  input: number[];
  layers: LayerTrace[];
  output: number[];
}

/**
 * The forward pass (notebook 05): each layer's weighted sums plus biases, bent, feed the next layer. The
 * numbers go into `trace`, a new one unless training hands in one to reuse for every sample.
 */
export function forward(net: Network, input: readonly number[], trace: Trace = emptyTrace(net)): Trace {
  for (let i = 0; i < input.length; i++) trace.input[i] = input[i];
  let inputs = trace.input;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const { preActivations, activations } = trace.layers[l];
    for (let j = 0; j < layer.weights.length; j++) preActivations[j] = weightedSum(layer.weights[j], inputs) + layer.biases[j];
    activate(layer.activation, preActivations, activations);
    inputs = activations;
  }
  return trace;
}

/** A trace with room for every layer's numbers, for `forward` to fill (notebook 05). */
export function emptyTrace(net: Network): Trace {
  const layers = net.layers.map((layer) => ({ preActivations: roomFor(layer.biases.length), activations: roomFor(layer.biases.length) }));
  return { input: roomFor(net.inputSize), layers, output: layers[layers.length - 1].activations };
}

/**
 * A list of `count` zeros for numbers to be written into. It is made of 0.5s and then set to 0, so that
 * JavaScript stores it as a list of fractions from the start, instead of rebuilding it at the first fraction.
 */
function roomFor(count: number): number[] {
  return Array.from({ length: count }, () => 0.5).fill(0);
}

/** A list of `count` numbers from `next()`, kept as a list of fractions from the start (see `roomFor`). */
function listOf(count: number, next: () => number): number[] {
  const list = roomFor(count);
  for (let i = 0; i < count; i++) list[i] = next();
  return list;
}

/** Just the network's answer for `input` (notebook 05). */
export function predict(net: Network, input: readonly number[]): number[] {
  return forward(net, input).output;
}

/** A gradient for every weight and bias of one layer, shaped like the layer (notebook 10). */
export interface LayerGradients {
  weights: number[][];
  biases: number[];
}

/** Gradients for a whole network, one entry per layer (notebook 10). */
export type Gradients = LayerGradients[];

/** What the backward pass found for one sample (notebook 10). */
export interface Backward {
  /** The sample's loss. */
  loss: number;
  /**
   * blame[l][j]: how much the loss moves per unit change of neuron j's weighted sum z in layer l
   * (∂loss/∂z). Each weight's gradient is its neuron's blame times the input that weight multiplied.
   */
  blame: number[][];
  /**
   * blameOnOutput[l][j]: the blame that reaches neuron j's output a from the layer above (∂loss/∂a),
   * before it passes back through the bend's local effect.
   */
  blameOnOutput: number[][];
  /** ∂loss/∂weight and ∂loss/∂bias for every knob. */
  gradients: Gradients;
}

/**
 * The backward pass, backpropagation, for one sample (notebook 10). Blame starts at the loss's slope, goes
 * back through each bend's local effect, and passes on to the layer before, scaled by the connecting weights.
 * Every weight's gradient is then its neuron's blame × the input it multiplied. Uses the weights as they
 * were in the forward pass.
 */
export function backward(net: Network, trace: Trace, target: readonly number[], lossName: LossName): Backward {
  const { blame, blameOnOutput } = handOutBlame(net, trace, target, lossName);
  return { loss: loss(lossName, trace.output, target), blame, blameOnOutput, gradients: gradientsFromBlame(net, trace, blame) };
}

/**
 * The blame sweep of the backward pass (notebook 10): each neuron's blame, from the output layer back to the
 * first. `backward` adds the loss and the gradients; training one sample at a time needs only the blame.
 * The blame goes into `room`, a new one unless training hands in one to reuse for every sample.
 */
export function handOutBlame(net: Network, trace: Trace, target: readonly number[], lossName: LossName, room: Blame = emptyBlame(net)): Blame {
  const { blame, blameOnOutput } = room;
  const last = net.layers.length - 1;
  lossDerivative(lossName, trace.output, target, blameOnOutput[last]);
  outputBlame(net.layers[last].activation, lossName, trace.layers[last], target, blameOnOutput[last], blame[last]);
  for (let l = last; l > 0; l--) {
    blameOnInputs(net.layers[l], blame[l], blameOnOutput[l - 1]);
    const { preActivations, activations } = trace.layers[l - 1];
    activationBlame(net.layers[l - 1].activation, preActivations, activations, blameOnOutput[l - 1], blame[l - 1]);
  }
  return room;
}

/** Every neuron's blame and the blame on its output (notebook 10): what `handOutBlame` finds. */
export type Blame = Pick<Backward, "blame" | "blameOnOutput">;

/** Room for every neuron's blame, for `handOutBlame` to fill (notebook 10). */
export function emptyBlame(net: Network): Blame {
  return { blame: net.layers.map((layer) => roomFor(layer.biases.length)), blameOnOutput: net.layers.map((layer) => roomFor(layer.biases.length)) };
}

/**
 * The blame on the output layer's weighted sums (notebooks 10 and 14): the loss's slope through the bend.
 * Softmax followed by cross-entropy multiply out to the simple a − y.
 */
export function outputBlame(activation: ActivationName, lossName: LossName, output: LayerTrace, target: readonly number[], blameOnOutput: readonly number[], blame: number[] = []): number[] {
  if (activation !== "softmax" || lossName !== "crossEntropy") return activationBlame(activation, output.preActivations, output.activations, blameOnOutput, blame);
  for (let j = 0; j < target.length; j++) blame[j] = output.activations[j] - target[j];
  return blame;
}

/** The blame each input of a layer collects: the blame of every neuron it feeds, scaled by their weight (notebook 10). */
function blameOnInputs(layer: Layer, blame: readonly number[], collected: number[]): void {
  collected.fill(0);
  for (let j = 0; j < layer.weights.length; j++) {
    const row = layer.weights[j];
    for (let i = 0; i < row.length; i++) collected[i] += blame[j] * row[i];
  }
}

/**
 * Each weight's gradient is its neuron's blame × the input it multiplied; each bias's is the blame (notebook 10).
 * The pile starts at −0, not 0: −0 + x is exactly x for every x, even −0, so adding onto it only copies.
 */
export function gradientsFromBlame(net: Network, trace: Trace, blame: readonly number[][]): Gradients {
  const gradients = net.layers.map((layer) => ({ weights: layer.weights.map((row) => row.map(() => -0)), biases: layer.biases.map(() => -0) }));
  addBlameGradients(gradients, trace, blame);
  return gradients;
}

/** Adds one sample's gradients, blame × input for each weight and blame for each bias, onto a pile (notebooks 08 and 11). */
export function addBlameGradients(pile: Gradients, trace: Trace, blame: readonly number[][]): void {
  for (let l = 0; l < pile.length; l++) {
    const inputs = l === 0 ? trace.input : trace.layers[l - 1].activations;
    const layer = pile[l];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j];
      const b = blame[l][j];
      for (let i = 0; i < row.length; i++) row[i] += b * inputs[i];
      layer.biases[j] += b;
    }
  }
}

/**
 * Gradients of zero for every knob: the empty pile that per-sample gradients are added to (notebook 08).
 * Each list is a copy of the network's list set to 0, so that JavaScript stores it the same way.
 */
export function zeroGradients(net: Network): Gradients {
  return net.layers.map((layer) => ({ weights: layer.weights.map((row) => row.slice().fill(0)), biases: layer.biases.slice().fill(0) }));
}

/** Adds `g` into `total`, knob by knob (notebook 08). */
export function addGradients(total: Gradients, g: Gradients): void {
  for (let l = 0; l < total.length; l++) {
    const layer = total[l];
    const add = g[l];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j];
      for (let i = 0; i < row.length; i++) row[i] += add.weights[j][i];
      layer.biases[j] += add.biases[j];
    }
  }
}

/** Every gradient divided by `count`: turns a sum over samples into their average (notebook 08). */
export function averageGradients(total: Gradients, count: number): Gradients {
  return total.map((layer) => ({ weights: layer.weights.map((row) => dividedBy(row, count)), biases: dividedBy(layer.biases, count) }));
}

/** Each value divided by `count`, in a copy of the list, so that the copy is stored the same way as the list. */
function dividedBy(values: readonly number[], count: number): number[] {
  const result = values.slice();
  for (let i = 0; i < result.length; i++) result[i] = values[i] / count;
  return result;
}

/** Gradient descent (notebook 08): every knob steps against its gradient, new = old − learning rate × gradient. */
export function updateWeights(net: Network, gradients: Gradients, learningRate: number): void {
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const g = gradients[l];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j];
      for (let i = 0; i < row.length; i++) row[i] -= learningRate * g.weights[j][i];
      layer.biases[j] -= learningRate * g.biases[j];
    }
  }
}

/**
 * The per-sample update straight from the blame (notebook 12): every weight moves by (learning rate × blame)
 * × the input it multiplied, every bias by learning rate × blame. Multiplying in this order reproduces the
 * XOR program's arithmetic bit for bit.
 */
export function updateFromBlame(net: Network, trace: Trace, blame: readonly number[][], learningRate: number): void {
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const inputs = l === 0 ? trace.input : trace.layers[l - 1].activations;
    for (let j = 0; j < layer.weights.length; j++) {
      const step = learningRate * blame[l][j];
      const row = layer.weights[j];
      for (let i = 0; i < row.length; i++) row[i] -= step * inputs[i];
      layer.biases[j] -= step;
    }
  }
}
