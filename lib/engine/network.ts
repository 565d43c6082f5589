/**
 * A dense network: layers of neurons, each layer reading every output of the layer before.
 * Forward pass (notebook 05), backward pass with blame (notebook 10), and the gradient-descent update
 * (notebook 08), written as plain loops so each line matches a sentence of the course.
 */
import { ActivationName, activateInto, activationBlameInto, checkActivationName } from "./activations";
import { checkFiniteNumber, checkLearningRate, checkNumbers, checkWholeNumber } from "./checks";
import { LossName, checkLossName, loss as lossOf, lossDerivativeInto } from "./losses";
import { Initializer, drawValue } from "./init";
import { RandomSource } from "./random";

/** One layer: a row of neurons that all read the same inputs. */
export interface Layer {
  /** weights[j][i] is the weight neuron j gives to input i. */
  weights: number[][];
  /** biases[j] is neuron j's bias. */
  biases: number[];
  /** The bend every neuron of this layer applies to its weighted sum plus bias. */
  activation: ActivationName;
}

/** A whole network: how many inputs it reads, and its layers from first to last. */
export interface Network {
  inputSize: number;
  layers: Layer[];
}

/** How to build a network: layer sizes from input to output, and one activation per layer after the input. */
export interface NetworkShape {
  /** Layer sizes, inputs first: [2, 8, 1] is 2 inputs, 8 hidden neurons, 1 output. */
  sizes: number[];
  /** One activation per layer after the inputs, e.g. ["relu", "identity"]. */
  activations: ActivationName[];
}

/** Starting values: how to draw the weights and the biases, and where the randomness comes from. */
export interface StartingValues {
  weights: Initializer;
  biases: Initializer;
  /** Needed when an initializer is random. */
  rng?: RandomSource;
}

/**
 * Builds a network of the given shape with fresh starting values. Values are drawn layer by layer;
 * within a layer, all weights row by row (neuron by neuron), then all biases.
 */
export function createNetwork(shape: NetworkShape, start: StartingValues): Network {
  checkShape(shape);
  const layers: Layer[] = [];
  for (let l = 1; l < shape.sizes.length; l++) {
    const fanIn = shape.sizes[l - 1];
    const fanOut = shape.sizes[l];
    const weights: number[][] = [];
    for (let j = 0; j < fanOut; j++) {
      const row: number[] = [];
      for (let i = 0; i < fanIn; i++) row.push(drawValue(start.weights, fanIn, fanOut, start.rng));
      weights.push(row);
    }
    const biases: number[] = [];
    for (let j = 0; j < fanOut; j++) biases.push(drawValue(start.biases, fanIn, fanOut, start.rng));
    layers.push({ weights, biases, activation: shape.activations[l - 1] });
  }
  return { inputSize: shape.sizes[0], layers };
}

/** Builds a network from weights and biases written out by hand, checking that the layers chain. */
export function networkFrom(inputSize: number, layers: Layer[]): Network {
  const net: Network = { inputSize, layers: layers.map(copyLayer) };
  checkNetwork(net);
  return net;
}

/** The layer sizes of a network, inputs first. */
export function layerSizes(net: Network): number[] {
  return [net.inputSize, ...net.layers.map((layer) => layer.biases.length)];
}

/**
 * How many knobs a network of these layer sizes has: for each layer, (inputs × neurons) weights
 * plus one bias per neuron. [25, 8, 3] has 235; [784, 16, 16, 10] has 13,002.
 */
export function countParameters(sizes: readonly number[]): number {
  if (sizes.length < 2) throw new Error(`a network needs at least 2 layer sizes (inputs and outputs), got ${sizes.length}`);
  sizes.forEach((s, i) => checkWholeNumber(`layer size ${i}`, s, 1));
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += sizes[l - 1] * sizes[l] + sizes[l];
  return total;
}

/** How many knobs (weights and biases) this network has. */
export function parameterCount(net: Network): number {
  return countParameters(layerSizes(net));
}

/** What happened in one layer during a forward pass. */
export interface LayerTrace {
  /** z: each neuron's weighted sum plus its bias, before the bend. */
  preActivations: number[];
  /** a: each neuron's output after the activation. */
  activations: number[];
}

/** The whole record of a forward pass: the input, every layer's z and a, and the final output. */
export interface Trace {
  input: number[];
  layers: LayerTrace[];
  output: number[];
}

/** The forward pass: feeds `input` through every layer and records what each layer computed. */
export function forward(net: Network, input: readonly number[]): Trace {
  checkNumbers("the input", input, net.inputSize, "one per input neuron");
  return runForward(net, input);
}

/** The forward pass without checking the input first; `train` checks the whole dataset once instead. */
export function runForward(net: Network, input: readonly number[]): Trace {
  const trace = emptyTrace(net);
  forwardInto(net, input, trace);
  return trace;
}

/** A trace with room for every layer's numbers, to be filled by `forwardInto`. */
export function emptyTrace(net: Network): Trace {
  const layers = net.layers.map((layer) => ({
    preActivations: zerosList(layer.biases.length),
    activations: zerosList(layer.biases.length),
  }));
  return { input: zerosList(net.inputSize), layers, output: layers[layers.length - 1].activations };
}

/**
 * The forward pass, writing into an existing trace instead of making new lists. Training reuses one
 * trace for every sample, which spares the memory manager thousands of tiny lists per epoch.
 */
export function forwardInto(net: Network, input: readonly number[], trace: Trace): void {
  for (let i = 0; i < input.length; i++) trace.input[i] = input[i];
  let current: readonly number[] = trace.input;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const { preActivations, activations } = trace.layers[l];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j];
      let sum = 0;
      for (let i = 0; i < row.length; i++) sum += row[i] * current[i];
      preActivations[j] = sum + layer.biases[j];
    }
    activateInto(layer.activation, preActivations, activations);
    current = activations;
  }
}

/** Just the network's answer for `input`. */
export function predict(net: Network, input: readonly number[]): number[] {
  return forward(net, input).output;
}

/** A weight and bias gradient for every knob, shaped exactly like the network's layers. */
export interface LayerGradients {
  weights: number[][];
  biases: number[];
}

/** Gradients for a whole network, one entry per layer. */
export type Gradients = LayerGradients[];

/** What the backward pass found for one sample. */
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
   * before it passes back through the activation's local effect.
   */
  blameOnOutput: number[][];
  /** ∂loss/∂weight and ∂loss/∂bias for every knob. */
  gradients: Gradients;
}

/**
 * The backward pass (backpropagation) for one sample. Blame starts at the loss, goes back through each
 * activation's local effect, hands every weight the gradient blame × input, and passes on to the layer
 * before, scaled by the connecting weights. It uses the weights as they were in the forward pass.
 */
export function backward(net: Network, trace: Trace, target: readonly number[], lossName: LossName): Backward {
  checkLossName(lossName);
  checkNumbers("the target", target, net.layers[net.layers.length - 1].biases.length, "one per output neuron");
  const { blame, blameOnOutput } = findBlame(net, trace, target, lossName);
  return { loss: lossOf(lossName, trace.output, target), blame, blameOnOutput, gradients: gradientsFromBlame(net, trace, blame) };
}

/** Every neuron's blame, from the output layer back to the first, without the weight gradients. */
export function findBlame(net: Network, trace: Trace, target: readonly number[], lossName: LossName): { blame: number[][]; blameOnOutput: number[][] } {
  const room = emptyBlame(net);
  findBlameInto(net, trace, target, lossName, room);
  return room;
}

/** Room for every neuron's blame, to be filled by `findBlameInto`. */
export function emptyBlame(net: Network): { blame: number[][]; blameOnOutput: number[][] } {
  return {
    blame: net.layers.map((layer) => zerosList(layer.biases.length)),
    blameOnOutput: net.layers.map((layer) => zerosList(layer.biases.length)),
  };
}

/** The backward sweep of blame, writing into existing lists (see `forwardInto` for why). */
export function findBlameInto(
  net: Network,
  trace: Trace,
  target: readonly number[],
  lossName: LossName,
  room: { blame: number[][]; blameOnOutput: number[][] },
): void {
  const last = net.layers.length - 1;
  lossDerivativeInto(lossName, trace.output, target, room.blameOnOutput[last]);
  for (let l = last; l >= 0; l--) {
    const layer = net.layers[l];
    const { preActivations, activations } = trace.layers[l];
    const blame = room.blame[l];
    if (l === last && layer.activation === "softmax" && lossName === "crossEntropy") {
      // Softmax followed by cross-entropy: the two local effects multiply out to the simple a − y.
      for (let j = 0; j < blame.length; j++) blame[j] = activations[j] - target[j];
    } else {
      activationBlameInto(layer.activation, preActivations, activations, room.blameOnOutput[l], blame);
    }
    if (l > 0) {
      // Each input i of this layer collects the blame of every neuron j it feeds, scaled by their weight.
      const previous = room.blameOnOutput[l - 1];
      previous.fill(0);
      for (let j = 0; j < layer.weights.length; j++) {
        const row = layer.weights[j];
        for (let i = 0; i < row.length; i++) previous[i] += blame[j] * row[i];
      }
    }
  }
}

/** Each weight's gradient is its neuron's blame times the input it multiplied; each bias's is the blame. */
export function gradientsFromBlame(net: Network, trace: Trace, blame: readonly number[][]): Gradients {
  return net.layers.map((layer, l) => {
    const inputs = l === 0 ? trace.input : trace.layers[l - 1].activations;
    return {
      weights: layer.weights.map((_, j) => inputs.map((x) => blame[l][j] * x)),
      biases: blame[l].slice(),
    };
  });
}

/** Adds one sample's gradients (blame × input for each weight, blame for each bias) onto `total`. */
export function addBlameGradients(total: Gradients, trace: Trace, blame: readonly number[][]): void {
  for (let l = 0; l < total.length; l++) {
    const inputs = l === 0 ? trace.input : trace.layers[l - 1].activations;
    const g = total[l];
    for (let j = 0; j < g.weights.length; j++) {
      const row = g.weights[j];
      const b = blame[l][j];
      for (let i = 0; i < row.length; i++) row[i] += b * inputs[i];
      g.biases[j] += b;
    }
  }
}

/** Gradients of zero for every knob of `net`: the empty pile that per-sample gradients are added to. */
export function zeroGradients(net: Network): Gradients {
  return net.layers.map((layer) => ({
    weights: layer.weights.map((row) => row.map(() => 0)),
    biases: layer.biases.map(() => 0),
  }));
}

/** Adds `g` into `total`, knob by knob. */
export function addGradients(total: Gradients, g: Gradients): void {
  for (let l = 0; l < total.length; l++) {
    const t = total[l];
    const s = g[l];
    for (let j = 0; j < t.weights.length; j++) {
      for (let i = 0; i < t.weights[j].length; i++) t.weights[j][i] += s.weights[j][i];
      t.biases[j] += s.biases[j];
    }
  }
}

/** Divides every gradient by `count`: turns a sum over samples into their average. */
export function averageGradients(total: Gradients, count: number): Gradients {
  return total.map((layer) => ({
    weights: layer.weights.map((row) => row.map((v) => v / count)),
    biases: layer.biases.map((v) => v / count),
  }));
}

/**
 * Gradient descent: every knob steps against its gradient. new = old − learning rate × gradient.
 * Changes `net` in place.
 */
export function updateWeights(net: Network, gradients: Gradients, learningRate: number): void {
  checkLearningRate(learningRate);
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

/** A deep copy of a network, for snapshots: later training does not change the copy. */
export function copyNetwork(net: Network): Network {
  return { inputSize: net.inputSize, layers: net.layers.map(copyLayer) };
}

function copyLayer(layer: Layer): Layer {
  return { weights: layer.weights.map((row) => row.slice()), biases: layer.biases.slice(), activation: layer.activation };
}

/** Throws a clear error unless the sizes and activations describe a network that can be built. */
export function checkShape(shape: NetworkShape): void {
  if (!shape || !Array.isArray(shape.sizes)) throw new Error("the network shape needs `sizes`, e.g. { sizes: [2, 8, 1], activations: [\"relu\", \"identity\"] }");
  if (shape.sizes.length < 2) throw new Error(`a network needs at least 2 layer sizes (inputs and outputs), got ${shape.sizes.length}`);
  shape.sizes.forEach((s, i) => checkWholeNumber(i === 0 ? "the number of inputs" : `the size of layer ${i}`, s, 1));
  if (!Array.isArray(shape.activations) || shape.activations.length !== shape.sizes.length - 1) {
    const got = Array.isArray(shape.activations) ? shape.activations.length : 0;
    throw new Error(`${shape.sizes.length} layer sizes need ${shape.sizes.length - 1} activations (one per layer after the inputs), got ${got}`);
  }
  shape.activations.forEach((a, i) => {
    checkActivationName(a);
    if (a === "softmax" && i !== shape.activations.length - 1) throw new Error("softmax can only be the activation of the last layer");
  });
}

/** Throws a clear error unless every layer's weights fit the layer before it and every value is finite. */
export function checkNetwork(net: Network): void {
  checkWholeNumber("the number of inputs", net.inputSize, 1);
  if (!Array.isArray(net.layers) || net.layers.length === 0) throw new Error("a network needs at least one layer");
  let fanIn = net.inputSize;
  net.layers.forEach((layer, l) => {
    const name = `layer ${l + 1}`;
    checkActivationName(layer.activation);
    if (layer.activation === "softmax" && l !== net.layers.length - 1) throw new Error("softmax can only be the activation of the last layer");
    if (!Array.isArray(layer.weights) || layer.weights.length === 0) throw new Error(`${name} needs at least one neuron (one row of weights)`);
    checkNumbers(`${name}'s biases`, layer.biases, layer.weights.length, "one bias per neuron");
    layer.weights.forEach((row, j) => {
      checkNumbers(`${name}'s weights for neuron ${j}`, row, fanIn, l === 0 ? "one per input" : `one per neuron of layer ${l}`);
    });
    fanIn = layer.weights.length;
  });
}

/** Throws unless every weight and bias is a finite number; `when` says at what point it was checked. */
export function checkFiniteWeights(net: Network, when: string): void {
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    for (let j = 0; j < layer.weights.length; j++) {
      for (const w of layer.weights[j]) checkFiniteNumber(`a weight of layer ${l + 1} ${when}`, w);
      checkFiniteNumber(`a bias of layer ${l + 1} ${when}`, layer.biases[j]);
    }
  }
}

/** A list of `n` zeros. */
function zerosList(n: number): number[] {
  return Array.from({ length: n }, () => 0);
}
