/**
 * The speed path's data: a network whose layers keep their weights in one typed array each, and a dataset
 * packed into two typed arrays (notebook 16). Conversions to and from the teaching engine's plain arrays,
 * and the checks a learner's call meets at the door.
 */
import { ActivationName } from "../activations";
import { checkActivationName, checkFiniteNumber, checkNetwork, checkNumbers, checkWholeNumber } from "../checks";
import { Sample } from "../data";
import { Network } from "../network";
import { allFinite } from "../train";

/** One layer, its weights packed neuron by neuron: weights[j * fanIn + i] is the weight neuron j gives to input i. */
export interface FastLayer {
  /** How many inputs every neuron reads: the size of the layer before. */
  fanIn: number;
  /** How many neurons the layer has. */
  size: number;
  /** size × fanIn weights, neuron by neuron. */
  weights: Float64Array;
  /** One bias per neuron. */
  biases: Float64Array;
  activation: ActivationName;
}

/** A whole network for the speed path (notebook 16): the same content as a `Network`, packed into typed arrays. */
export interface FastNetwork {
  inputSize: number;
  layers: FastLayer[];
}

/**
 * A dataset packed into two typed arrays (notebook 16): sample n's input is inputs[n × inputSize …
 * (n + 1) × inputSize − 1], its target targets[n × targetSize … (n + 1) × targetSize − 1].
 */
export interface FastSamples {
  count: number;
  inputSize: number;
  targetSize: number;
  inputs: Float64Array;
  targets: Float64Array;
}

/** Copies a network into the speed path's packed form (notebook 16). */
export function toFastNetwork(net: Network): FastNetwork {
  checkNetwork(net);
  let fanIn = net.inputSize;
  const layers = net.layers.map((layer) => {
    const size = layer.biases.length;
    const weights = new Float64Array(size * fanIn);
    layer.weights.forEach((row, j) => weights.set(row, j * fanIn));
    const packed: FastLayer = { fanIn, size, weights, biases: Float64Array.from(layer.biases), activation: layer.activation };
    fanIn = size;
    return packed;
  });
  return { inputSize: net.inputSize, layers };
}

/** Copies a fast network back into the teaching engine's form, lists of rows, e.g. to draw or inspect it (notebook 16). */
export function fromFastNetwork(fast: FastNetwork): Network {
  checkFastNetwork(fast);
  const layers = fast.layers.map((layer) => {
    const weights = Array.from({ length: layer.size }, (_, j) => Array.from(layer.weights.subarray(j * layer.fanIn, (j + 1) * layer.fanIn)));
    return { weights, biases: Array.from(layer.biases), activation: layer.activation };
  });
  return { inputSize: fast.inputSize, layers };
}

/** Packs ordinary samples ({ input, target } lists, all of the same sizes) into typed arrays (notebook 16). */
export function packSamples(samples: readonly Sample[]): FastSamples {
  if (!Array.isArray(samples) || samples.length === 0) throw new Error("packSamples needs a non-empty array of samples like { input: [...], target: [...] }");
  const first = samples[0];
  if (!first || typeof first !== "object") throw new Error("sample 0 must look like { input: [...], target: [...] }");
  checkNumbers("sample 0's input", first.input);
  checkNumbers("sample 0's target", first.target);
  const [inputSize, targetSize] = [first.input.length, first.target.length];
  const inputs = new Float64Array(samples.length * inputSize);
  const targets = new Float64Array(samples.length * targetSize);
  samples.forEach((s, n) => {
    if (!s || typeof s !== "object") throw new Error(`sample ${n} must look like { input: [...], target: [...] }`);
    checkNumbers(`sample ${n}'s input`, s.input, inputSize, "the same as sample 0's");
    checkNumbers(`sample ${n}'s target`, s.target, targetSize, "the same as sample 0's");
    inputs.set(s.input, n * inputSize);
    targets.set(s.target, n * targetSize);
  });
  return { count: samples.length, inputSize, targetSize, inputs, targets };
}

/**
 * Packs inputs and class labels (notebook 16): `inputs` holds every sample's input one after the other,
 * `labels[n]` is sample n's class, which becomes a one-hot target over `classes` outputs.
 */
export function labelledSamples(inputs: Float64Array, inputSize: number, labels: ArrayLike<number>, classes: number): FastSamples {
  checkWholeNumber("the input size", inputSize, 1);
  checkWholeNumber("the number of classes", classes, 1);
  if (!(inputs instanceof Float64Array)) throw new Error("the inputs must be one Float64Array holding every sample's input one after the other");
  if (inputs.length !== labels.length * inputSize) {
    throw new Error(`${labels.length} labels need ${labels.length * inputSize} input values (${inputSize} per sample), got ${inputs.length}`);
  }
  const targets = new Float64Array(labels.length * classes);
  for (let n = 0; n < labels.length; n++) {
    const label = labels[n];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`label ${n} is ${label}; with ${classes} classes a label is a whole number from 0 to ${classes - 1}`);
    }
    targets[n * classes + label] = 1;
  }
  return { count: labels.length, inputSize, targetSize: classes, inputs, targets };
}

/** Throws a clear error unless the layers chain, the arrays have the right lengths and every value is finite. */
export function checkFastNetwork(net: FastNetwork): void {
  if (!net || typeof net !== "object") throw new Error("a fast network must look like { inputSize, layers }; make one with toFastNetwork(net)");
  checkWholeNumber("the number of inputs", net.inputSize, 1);
  if (!Array.isArray(net.layers) || net.layers.length === 0) throw new Error("a network needs at least one layer");
  let fanIn = net.inputSize;
  net.layers.forEach((layer, l) => {
    const name = `layer ${l + 1}`;
    checkActivationName(layer.activation);
    if (layer.activation === "softmax" && l !== net.layers.length - 1) throw new Error("softmax can only be the activation of the last layer");
    if (layer.fanIn !== fanIn) throw new Error(`${name} reads ${layer.fanIn} inputs, but the layer before it has ${fanIn} outputs`);
    checkWholeNumber(`the size of ${name}`, layer.size, 1);
    if (!(layer.weights instanceof Float64Array) || !(layer.biases instanceof Float64Array)) {
      throw new Error(`${name}'s weights and biases must be Float64Arrays; make the network with toFastNetwork(net)`);
    }
    checkFiniteValues(`${name}'s weights`, layer.weights, layer.size * fanIn, fanIn);
    checkFiniteValues(`${name}'s biases`, layer.biases, layer.size, 1);
    fanIn = layer.size;
  });
}

/**
 * Throws a clear error unless `data` fits `net` (input and target sizes) and its targets are finite. The
 * inputs' finiteness is checked by the caller's own pass over them (see `nonZeroInputs` in train.ts).
 */
export function checkSampleLayout(net: FastNetwork, data: FastSamples): void {
  if (!data || typeof data !== "object" || !(data.inputs instanceof Float64Array) || !(data.targets instanceof Float64Array)) {
    throw new Error("the dataset must look like { count, inputSize, targetSize, inputs: Float64Array, targets: Float64Array }; make it with packSamples or labelledSamples");
  }
  checkWholeNumber("the number of samples", data.count, 1);
  if (data.inputSize !== net.inputSize) throw new Error(`each sample has ${data.inputSize} inputs, but the network reads ${net.inputSize} (one per input neuron)`);
  const outputs = net.layers[net.layers.length - 1].size;
  if (data.targetSize !== outputs) throw new Error(`each target has ${data.targetSize} numbers, but the network has ${outputs} outputs (one per output neuron)`);
  if (data.inputs.length !== data.count * data.inputSize) {
    throw new Error(`the inputs hold ${data.inputs.length} numbers, but ${data.count} samples of ${data.inputSize} inputs need ${data.count * data.inputSize}`);
  }
  checkFiniteValues("the targets", data.targets, data.count * data.targetSize, data.targetSize, "sample");
}

/** Length and finiteness of a packed array; a bad value is named by its row (`rowName` n) and position. */
export function checkFiniteValues(what: string, values: Float64Array, length: number, rowLength: number, rowName = "neuron"): void {
  if (values.length !== length) throw new Error(`${what} hold ${values.length} numbers, but ${length} were expected (${rowLength} per ${rowName})`);
  if (allFinite(values)) return; // a plain loop: several times faster than findIndex, which only names the culprit
  const bad = values.findIndex((v) => !Number.isFinite(v));
  const where = rowLength === 1 ? `[${bad}]` : ` (${rowName} ${Math.floor(bad / rowLength)}, position ${bad % rowLength})`;
  checkFiniteNumber(`${what}${where}`, values[bad]);
}
