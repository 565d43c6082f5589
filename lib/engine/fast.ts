/**
 * The fast engine: the same dense network and the same mini-batch training as network.ts and train.ts,
 * with every layer's weights in one typed array and the whole dataset in another, so that thousands of
 * 28×28 digits train in seconds. The arithmetic is the plain engine's, step for step and in the same
 * order, so both engines give the same numbers bit for bit (tests/engine/fast.test.ts checks it).
 * Read network.ts first: this file is the same algorithm with the bookkeeping made cheap.
 */
import { ActivationName, activationNames, checkActivationName } from "./activations";
import { checkFiniteNumber, checkNumbers, checkWholeNumber, unknownName } from "./checks";
import { Sample } from "./data";
import { LossName, checkLossName, lossNames } from "./losses";
import { Network, checkNetwork } from "./network";
import { shuffle } from "./random";
import { EpochRecord, TrainOptions, readTrainOptions } from "./train";

/** One layer, its weights packed row by row: weights[j * fanIn + i] is the weight neuron j gives to input i. */
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

/** A whole network for the fast engine: the same content as a `Network`, packed into typed arrays. */
export interface FastNetwork {
  inputSize: number;
  layers: FastLayer[];
}

/**
 * A dataset packed into two typed arrays: sample n's input is inputs[n * inputSize … (n + 1) * inputSize − 1],
 * its target targets[n * targetSize … (n + 1) * targetSize − 1].
 */
export interface FastSamples {
  count: number;
  inputSize: number;
  targetSize: number;
  inputs: Float64Array;
  targets: Float64Array;
}

/** Copies a network into the fast engine's packed form. */
export function toFastNetwork(net: Network): FastNetwork {
  checkNetwork(net);
  let fanIn = net.inputSize;
  const layers = net.layers.map((layer) => {
    const size = layer.biases.length;
    const weights = new Float64Array(size * fanIn);
    for (let j = 0; j < size; j++) weights.set(layer.weights[j], j * fanIn);
    const packed: FastLayer = { fanIn, size, weights, biases: Float64Array.from(layer.biases), activation: layer.activation };
    fanIn = size;
    return packed;
  });
  return { inputSize: net.inputSize, layers };
}

/** Copies a fast network back into the plain engine's form (lists of rows), e.g. to draw or inspect it. */
export function fromFastNetwork(fast: FastNetwork): Network {
  checkFastNetwork(fast);
  return {
    inputSize: fast.inputSize,
    layers: fast.layers.map((layer) => {
      const weights: number[][] = [];
      for (let j = 0; j < layer.size; j++) weights.push(Array.from(layer.weights.subarray(j * layer.fanIn, (j + 1) * layer.fanIn)));
      return { weights, biases: Array.from(layer.biases), activation: layer.activation };
    }),
  };
}

/** Packs ordinary samples ({ input, target } lists, all of the same sizes) into typed arrays. */
export function packSamples(samples: readonly Sample[]): FastSamples {
  if (!Array.isArray(samples) || samples.length === 0) throw new Error("packSamples needs a non-empty array of samples like { input: [...], target: [...] }");
  const first = samples[0];
  if (!first || typeof first !== "object") throw new Error("sample 0 must look like { input: [...], target: [...] }");
  checkNumbers("sample 0's input", first.input);
  checkNumbers("sample 0's target", first.target);
  const inputSize = first.input.length;
  const targetSize = first.target.length;
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
 * Packs inputs and class labels: `inputs` holds every sample's input one after the other, `labels[n]` is
 * sample n's class, which becomes a one-hot target over `classes` outputs.
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

/** Everything `trainFast` needs: the same options as `train` (without snapshots), for a fast network. */
export interface FastTrainOptions extends Omit<TrainOptions, "snapshotEpochs" | "onEpoch"> {
  /** Called after every epoch with its record and the network as it is now. */
  onEpoch?: (record: EpochRecord, net: FastNetwork) => void;
}

/** A fast training run: one record per epoch. */
export interface FastHistory {
  records: EpochRecord[];
}

/**
 * Trains `net` in place, exactly as `train` does (notebooks 08 and 10): for each group of samples, a
 * forward pass, the blame sweeping backward, the gradients added up and averaged, then one step
 * w −= learning rate × gradient. Stops with an error if the loss or a weight stops being finite.
 */
export function trainFast(net: FastNetwork, data: FastSamples, options: FastTrainOptions): FastHistory {
  checkFastNetwork(net);
  checkSampleLayout(net, data);
  const { batchSize, report, measureAccuracy, first } = readTrainOptions(options, data.count);

  const work = makeWork(net, data);
  const gradients = zeroFastGradients(net);
  // The sample order, shuffled in place epoch after epoch exactly like train's copy of the data.
  const order: number[] = [];
  for (let n = 0; n < data.count; n++) order.push(n);
  const history: FastHistory = { records: [] };
  for (let epoch = first; epoch < first + options.epochs; epoch++) {
    if (options.shuffle) shuffle(options.shuffle, order);
    let totalLoss = 0;
    let correct = 0;
    for (let start = 0; start < data.count; start += batchSize) {
      const end = Math.min(start + batchSize, data.count);
      // Like train: each batch's losses are added up first, then the batch total joins the epoch's.
      let batchLoss = 0;
      for (let k = start; k < end; k++) {
        const n = order[k];
        forwardSample(net, n, work);
        batchLoss += sampleLoss(options.loss, work, data.targets, n * data.targetSize);
        if (sampleCorrect(work, data.targets, n * data.targetSize)) correct++;
        findBlameFast(net, options.loss, data.targets, n * data.targetSize, work);
        if (batchSize === 1) stepFromBlameFast(net, work, options.learningRate);
        else addBlameGradientsFast(net, work, gradients);
      }
      totalLoss += batchLoss;
      if (batchSize !== 1) updateWeightsFast(net, gradients, end - start, options.learningRate);
    }
    const record: EpochRecord = { epoch, loss: report === "sum" ? totalLoss : totalLoss / data.count };
    if (measureAccuracy) record.accuracy = correct / data.count;
    if (!Number.isFinite(record.loss) || !allFiniteFast(net)) {
      throw new Error(
        `training blew up in epoch ${epoch}: the loss became ${record.loss}` +
          ` and the weights are no longer finite numbers. A learning rate of ${options.learningRate} is probably too big; try a smaller one.`,
      );
    }
    history.records.push(record);
    if (options.onEpoch) options.onEpoch(record, net);
  }
  return history;
}

/** The mean loss and the accuracy of `net` on `data`, without changing any weight (like `evaluate`). */
export function evaluateFast(net: FastNetwork, data: FastSamples, lossName: LossName): { loss: number; accuracy: number } {
  checkFastNetwork(net);
  checkSampleLayout(net, data);
  checkLossName(lossName);
  const work = makeWork(net, data);
  let total = 0;
  let correct = 0;
  for (let n = 0; n < data.count; n++) {
    forwardSample(net, n, work);
    total += sampleLoss(lossName, work, data.targets, n * data.targetSize);
    if (sampleCorrect(work, data.targets, n * data.targetSize)) correct++;
  }
  return { loss: total / data.count, accuracy: correct / data.count };
}

/** The network's answer for one input. */
export function predictFast(net: FastNetwork, input: ArrayLike<number>): number[] {
  checkFastNetwork(net);
  checkNumbers("the input", input, net.inputSize, "one per input neuron");
  const packed = Float64Array.from(input);
  const work = makeWork(net, { count: 1, inputSize: net.inputSize, targetSize: 0, inputs: packed, targets: new Float64Array(0) });
  forwardSample(net, 0, work);
  return Array.from(work.activations[net.layers.length - 1]);
}

/** Gradients shaped like a fast network: one Float64Array of weight gradients and one of bias gradients per layer. */
export interface FastGradients {
  weights: Float64Array[];
  biases: Float64Array[];
}

/** Gradients of zero for every knob of `net`. */
export function zeroFastGradients(net: FastNetwork): FastGradients {
  return {
    weights: net.layers.map((layer) => new Float64Array(layer.weights.length)),
    biases: net.layers.map((layer) => new Float64Array(layer.size)),
  };
}

/**
 * The averaged gradients of the samples numbered in `which` (default: all of them), with the weights
 * frozen: one batch's worth of `gradientStep`, for gradient checks and for looking inside a step.
 */
export function gradientStepFast(net: FastNetwork, data: FastSamples, lossName: LossName, which?: readonly number[]): { gradients: FastGradients; totalLoss: number; correct: number } {
  checkFastNetwork(net);
  checkSampleLayout(net, data);
  checkLossName(lossName);
  const indices = which ?? Array.from({ length: data.count }, (_, n) => n);
  if (indices.length === 0) throw new Error("a gradient step needs at least one sample");
  indices.forEach((n) => checkWholeNumber("a sample number", n, 0));
  const work = makeWork(net, data);
  const sums = zeroFastGradients(net);
  let totalLoss = 0;
  let correct = 0;
  for (const n of indices) {
    if (n >= data.count) throw new Error(`there is no sample ${n}: the dataset has ${data.count}`);
    forwardSample(net, n, work);
    totalLoss += sampleLoss(lossName, work, data.targets, n * data.targetSize);
    if (sampleCorrect(work, data.targets, n * data.targetSize)) correct++;
    findBlameFast(net, lossName, data.targets, n * data.targetSize, work);
    addBlameGradientsFast(net, work, sums);
  }
  const gradients: FastGradients = {
    weights: sums.weights.map((g) => g.map((v) => v / indices.length)),
    biases: sums.biases.map((g) => g.map((v) => v / indices.length)),
  };
  return { gradients, totalLoss, correct };
}

/**
 * Working room, made once per run: every layer's weighted sums (z), activations (a), blame (∂loss/∂z)
 * and blame on its outputs (∂loss/∂a), and, for every layer, the list of its inputs that are not 0.
 *
 * An input that is exactly 0 adds exactly nothing to a weighted sum, and it gives its weights a gradient of
 * exactly 0: w × 0 is ±0, and a sum that starts at +0 never becomes −0, so adding ±0 leaves it as it was.
 * So the loops run over the inputs that are not 0, and the sums come out bit for bit the same as the plain
 * engine's. Most pixels of a digit are blank paper (about 150 of 784 are inked), and a ReLU layer's zeros
 * are skipped the same way.
 */
interface Work {
  preActivations: Float64Array[];
  activations: Float64Array[];
  blame: Float64Array[];
  blameOnOutput: Float64Array[];
  /**
   * Layer l's inputs that are not 0: for k from 0 to liveCount[l] − 1, input number
   * liveInputs[l][liveStart[l] + k] has the value liveValues[l][liveStart[l] + k].
   */
  liveInputs: Int32Array[];
  liveValues: Float64Array[];
  liveStart: Int32Array;
  liveCount: Int32Array;
  /** Room for the numbers of the neurons whose blame is not 0, and their blame. */
  blamed: Int32Array;
  blamedBy: Float64Array;
  /** The dataset's lists, found once per run: sample n's run from sampleStart[n] to sampleStart[n + 1]. */
  sampleInputs: Int32Array;
  sampleValues: Float64Array;
  sampleStart: Int32Array;
}

function makeWork(net: FastNetwork, data: FastSamples): Work {
  const sizes = net.layers.map((layer) => layer.size);
  const room = () => sizes.map((n) => new Float64Array(n));
  const { inputs, inputSize, count } = data;
  // One pass over the inputs (the biggest array by far) lists every sample's inputs that are not 0 and
  // checks that they are finite. The lists start with room for a quarter of the values and double when full.
  let sampleInputs = new Int32Array(Math.max(16, (count * inputSize) >> 2));
  let sampleValues = new Float64Array(sampleInputs.length);
  const sampleStart = new Int32Array(count + 1);
  let at = 0;
  let finite = 0;
  for (let n = 0; n < count; n++) {
    sampleStart[n] = at;
    if (at + inputSize > sampleInputs.length) {
      const longer = new Int32Array(Math.max(2 * sampleInputs.length, at + inputSize));
      longer.set(sampleInputs);
      sampleInputs = longer;
      const longerValues = new Float64Array(longer.length);
      longerValues.set(sampleValues);
      sampleValues = longerValues;
    }
    const offset = n * inputSize;
    for (let i = 0; i < inputSize; i++) {
      const v = inputs[offset + i];
      if (v !== 0) {
        finite += v * 0; // stays 0 while every value is finite (see allFiniteFast); NaN !== 0 lands here too
        sampleInputs[at] = i;
        sampleValues[at] = v;
        at++;
      }
    }
  }
  sampleStart[count] = at;
  if (finite !== 0) checkFiniteValues("the inputs", inputs, count * inputSize, inputSize, "sample");
  return {
    preActivations: room(),
    activations: room(),
    blame: room(),
    blameOnOutput: room(),
    // Layer 0 reads its lists straight from the dataset's; the other layers fill their own.
    liveInputs: net.layers.map((layer, l) => (l === 0 ? sampleInputs : new Int32Array(layer.fanIn))),
    liveValues: net.layers.map((layer, l) => (l === 0 ? sampleValues : new Float64Array(layer.fanIn))),
    liveStart: new Int32Array(net.layers.length),
    liveCount: new Int32Array(net.layers.length),
    blamed: new Int32Array(Math.max(...sizes) + 3),
    blamedBy: new Float64Array(Math.max(...sizes) + 3),
    sampleInputs,
    sampleValues,
    sampleStart,
  };
}

/**
 * The forward pass for sample n (notebook 05): each neuron's weighted sum plus bias, then the layer's
 * activation; each layer then lists its outputs that are not 0 for the next layer.
 */
function forwardSample(net: FastNetwork, n: number, work: Work): void {
  work.liveStart[0] = work.sampleStart[n];
  work.liveCount[0] = work.sampleStart[n + 1] - work.sampleStart[n];
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const z = work.preActivations[l];
    weightedSums(layer, work.liveInputs[l], work.liveValues[l], work.liveStart[l], work.liveCount[l], z);
    const a = work.activations[l];
    activateLayer(layer.activation, z, a);
    if (l + 1 < net.layers.length) {
      const live = work.liveInputs[l + 1];
      const values = work.liveValues[l + 1];
      let count = 0;
      for (let i = 0; i < a.length; i++) {
        if (a[i] !== 0) {
          live[count] = i;
          values[count] = a[i];
          count++;
        }
      }
      work.liveCount[l + 1] = count;
    }
  }
}

/**
 * z[j] = (Σ over the live inputs i, in increasing order, of w[j][i] × x[i]) + b[j], as `forwardInto`
 * computes it. Eight neurons are summed side by side, so each input's position and value are read once for
 * eight weights; every neuron still adds its own terms in the same order, so nothing changes in the result.
 */
function weightedSums(layer: FastLayer, live: Int32Array, values: Float64Array, start: number, count: number, z: Float64Array): void {
  const { weights: w, biases, fanIn, size } = layer;
  const end = start + count;
  let j = 0;
  for (; j + 8 <= size; j += 8) {
    const row = j * fanIn;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    for (let k = start; k < end; k++) {
      const at = row + live[k];
      const v = values[k];
      s0 += w[at] * v;
      s1 += w[at + fanIn] * v;
      s2 += w[at + 2 * fanIn] * v;
      s3 += w[at + 3 * fanIn] * v;
      s4 += w[at + 4 * fanIn] * v;
      s5 += w[at + 5 * fanIn] * v;
      s6 += w[at + 6 * fanIn] * v;
      s7 += w[at + 7 * fanIn] * v;
    }
    z[j] = s0 + biases[j];
    z[j + 1] = s1 + biases[j + 1];
    z[j + 2] = s2 + biases[j + 2];
    z[j + 3] = s3 + biases[j + 3];
    z[j + 4] = s4 + biases[j + 4];
    z[j + 5] = s5 + biases[j + 5];
    z[j + 6] = s6 + biases[j + 6];
    z[j + 7] = s7 + biases[j + 7];
  }
  for (; j < size; j++) {
    const row = j * fanIn;
    let sum = 0;
    for (let k = start; k < end; k++) sum += w[row + live[k]] * values[k];
    z[j] = sum + biases[j];
  }
}

/** The activation of a whole layer, the same formulas as activations.ts. */
function activateLayer(name: ActivationName, z: Float64Array, a: Float64Array): void {
  const n = z.length;
  switch (name) {
    case "identity":
      for (let i = 0; i < n; i++) a[i] = z[i];
      return;
    case "relu":
      for (let i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : 0;
      return;
    case "sigmoid":
      for (let i = 0; i < n; i++) a[i] = 1 / (1 + Math.exp(-z[i]));
      return;
    case "tanh":
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]);
      return;
    case "softmax": {
      // Subtract the largest first so e^z cannot overflow; the result is the same.
      let largest = -Infinity;
      for (let i = 0; i < n; i++) if (z[i] > largest) largest = z[i];
      let total = 0;
      for (let i = 0; i < n; i++) {
        a[i] = Math.exp(z[i] - largest);
        total += a[i];
      }
      for (let i = 0; i < n; i++) a[i] = a[i] / total;
      return;
    }
    default:
      unknownName("activation", name, activationNames);
  }
}

/** One sample's loss (losses.ts), from the output layer's activations and the target at targets[offset]. */
function sampleLoss(name: LossName, work: Work, targets: Float64Array, offset: number): number {
  const output = work.activations[work.activations.length - 1];
  let total = 0;
  switch (name) {
    case "squaredError":
    case "halfSquaredError":
      for (let i = 0; i < output.length; i++) {
        const miss = output[i] - targets[offset + i];
        total += miss * miss;
      }
      return name === "squaredError" ? total : 0.5 * total;
    case "crossEntropy":
      for (let i = 0; i < output.length; i++) {
        const y = targets[offset + i];
        if (y !== 0) total -= y * Math.log(output[i]);
      }
      return total;
    default:
      return unknownName("loss", name, lossNames);
  }
}

/** Whether the output counts as right, as in `isCorrect`: the largest output is the target's class. */
function sampleCorrect(work: Work, targets: Float64Array, offset: number): boolean {
  const output = work.activations[work.activations.length - 1];
  if (output.length === 1) return output[0] >= 0.5 === targets[offset] >= 0.5;
  let guess = 0;
  let answer = 0;
  for (let i = 1; i < output.length; i++) {
    if (output[i] > output[guess]) guess = i;
    if (targets[offset + i] > targets[offset + answer]) answer = i;
  }
  return guess === answer;
}

/**
 * The backward sweep of blame (notebook 10), as `findBlameInto`: blame starts at the loss's slope, passes
 * back through each activation's local effect, and each layer's inputs collect the blame of every neuron
 * they feed, scaled by the connecting weight.
 */
function findBlameFast(net: FastNetwork, lossName: LossName, targets: Float64Array, offset: number, work: Work): void {
  const last = net.layers.length - 1;
  const output = work.activations[last];
  const simple = net.layers[last].activation === "softmax" && lossName === "crossEntropy";
  if (!simple) {
    const d = work.blameOnOutput[last];
    for (let i = 0; i < output.length; i++) {
      const y = targets[offset + i];
      if (lossName === "squaredError") d[i] = 2 * (output[i] - y);
      else if (lossName === "halfSquaredError") d[i] = output[i] - y;
      else d[i] = y === 0 ? 0 : -y / output[i];
    }
  }
  for (let l = last; l >= 0; l--) {
    const layer = net.layers[l];
    const blame = work.blame[l];
    const z = work.preActivations[l];
    const a = work.activations[l];
    const g = work.blameOnOutput[l];
    const n = layer.size;
    if (l === last && simple) {
      // Softmax followed by cross-entropy: the two local effects multiply out to the simple a − y.
      for (let j = 0; j < n; j++) blame[j] = a[j] - targets[offset + j];
    } else {
      switch (layer.activation) {
        case "identity":
          for (let j = 0; j < n; j++) blame[j] = g[j] * 1;
          break;
        case "relu":
          for (let j = 0; j < n; j++) blame[j] = g[j] * (z[j] > 0 ? 1 : 0);
          break;
        case "sigmoid":
          for (let j = 0; j < n; j++) blame[j] = g[j] * (a[j] * (1 - a[j]));
          break;
        case "tanh":
          for (let j = 0; j < n; j++) blame[j] = g[j] * (1 - a[j] * a[j]);
          break;
        case "softmax": {
          let mix = 0;
          for (let j = 0; j < n; j++) mix += a[j] * g[j];
          for (let j = 0; j < n; j++) blame[j] = a[j] * (g[j] - mix);
          break;
        }
      }
    }
    if (l > 0) {
      // Input i of this layer is neuron i of the layer before: it collects blame[j] × weight for every j,
      // in the order j = 0, 1, 2, … as findBlameInto adds them. Four inputs are summed side by side.
      const previous = work.blameOnOutput[l - 1];
      const fanIn = layer.fanIn;
      const w = layer.weights;
      let i = 0;
      for (; i + 4 <= fanIn; i += 4) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < n; j++) {
          const b = blame[j];
          const at = j * fanIn + i;
          s0 += b * w[at];
          s1 += b * w[at + 1];
          s2 += b * w[at + 2];
          s3 += b * w[at + 3];
        }
        previous[i] = s0;
        previous[i + 1] = s1;
        previous[i + 2] = s2;
        previous[i + 3] = s3;
      }
      for (; i < fanIn; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += blame[j] * w[j * fanIn + i];
        previous[i] = sum;
      }
    }
  }
}

/**
 * Adds one sample's gradients onto the batch's running sums, as `addBlameGradients`: each weight's gradient
 * is its neuron's blame × the input it multiplied, each bias's is the blame. Inputs of 0 add exactly 0 and
 * are skipped (see `Work`), and so are neurons without blame; four neurons share each pass over the
 * inputs, as in `weightedSums`. Every sum still receives the same terms in the same order.
 */
function addBlameGradientsFast(net: FastNetwork, work: Work, sums: FastGradients): void {
  for (let l = 0; l < net.layers.length; l++) {
    const { fanIn, size } = net.layers[l];
    const blame = work.blame[l];
    const live = work.liveInputs[l];
    const values = work.liveValues[l];
    const start = work.liveStart[l];
    const end = start + work.liveCount[l];
    const gw = sums.weights[l];
    const gb = sums.biases[l];
    for (let j = 0; j < size; j++) gb[j] += blame[j];
    // The neurons with blame (a ReLU neuron that stayed at 0 has none), four at a time. A last group of
    // fewer than four is filled up with the first one's row and a blame of 0, which adds 0 and changes nothing.
    const blamed = work.blamed;
    const blamedBy = work.blamedBy;
    let m = 0;
    for (let j = 0; j < size; j++) {
      if (blame[j] !== 0) {
        blamed[m] = j;
        blamedBy[m] = blame[j];
        m++;
      }
    }
    if (m === 0) continue;
    for (; m % 4 !== 0; m++) {
      blamed[m] = blamed[0];
      blamedBy[m] = 0;
    }
    for (let q = 0; q < m; q += 4) {
      const b0 = blamedBy[q];
      const b1 = blamedBy[q + 1];
      const b2 = blamedBy[q + 2];
      const b3 = blamedBy[q + 3];
      const r0 = blamed[q] * fanIn;
      const r1 = blamed[q + 1] * fanIn;
      const r2 = blamed[q + 2] * fanIn;
      const r3 = blamed[q + 3] * fanIn;
      for (let k = start; k < end; k++) {
        const i = live[k];
        const v = values[k];
        gw[r0 + i] += b0 * v;
        gw[r1 + i] += b1 * v;
        gw[r2 + i] += b2 * v;
        gw[r3 + i] += b3 * v;
      }
    }
  }
}

/**
 * Gradient descent after a batch (notebook 08), as `averageGradients` then `updateWeights`: every knob
 * steps by learning rate × (its summed gradient / batch size); the sums are then reset for the next batch.
 */
function updateWeightsFast(net: FastNetwork, sums: FastGradients, count: number, learningRate: number): void {
  // For a power of two (a batch of 32, say) 1 / count is exact, so g × (1 / count) and g / count are the
  // same real number and round to the same double; a multiplication is several times faster than a division.
  const powerOfTwo = (count & (count - 1)) === 0;
  const inverse = 1 / count;
  for (let l = 0; l < net.layers.length; l++) {
    const w = net.layers[l].weights;
    const bias = net.layers[l].biases;
    const gw = sums.weights[l];
    const gb = sums.biases[l];
    if (powerOfTwo) for (let i = 0; i < w.length; i++) w[i] -= learningRate * (gw[i] * inverse);
    else for (let i = 0; i < w.length; i++) w[i] -= learningRate * (gw[i] / count);
    for (let j = 0; j < bias.length; j++) bias[j] -= learningRate * (gb[j] / count);
    gw.fill(0);
    gb.fill(0);
  }
}

/**
 * The per-sample update (method "sample"), as train.ts's: every weight moves by (learning rate × blame) ×
 * its input, every bias by learning rate × blame. Inputs of 0 would move their weights by 0, so they are skipped.
 */
function stepFromBlameFast(net: FastNetwork, work: Work, learningRate: number): void {
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    const live = work.liveInputs[l];
    const values = work.liveValues[l];
    const start = work.liveStart[l];
    const end = start + work.liveCount[l];
    const w = layer.weights;
    for (let j = 0; j < layer.size; j++) {
      const step = learningRate * work.blame[l][j];
      const row = j * layer.fanIn;
      for (let k = start; k < end; k++) w[row + live[k]] -= step * values[k];
      layer.biases[j] -= step;
    }
  }
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

/** Throws a clear error unless `data` fits `net` (input and target sizes) and holds only finite numbers. */
export function checkFastSamples(net: FastNetwork, data: FastSamples): void {
  checkSampleLayout(net, data);
  checkFiniteValues("the inputs", data.inputs, data.count * data.inputSize, data.inputSize, "sample");
}

/** `checkFastSamples` except the finiteness of the inputs, which `makeWork` checks on its pass over them. */
function checkSampleLayout(net: FastNetwork, data: FastSamples): void {
  if (!data || typeof data !== "object" || !(data.inputs instanceof Float64Array) || !(data.targets instanceof Float64Array)) {
    throw new Error("the dataset must look like { count, inputSize, targetSize, inputs: Float64Array, targets: Float64Array }; make it with packSamples or labelledSamples");
  }
  checkWholeNumber("the number of samples", data.count, 1);
  if (data.inputSize !== net.inputSize) throw new Error(`each sample has ${data.inputSize} inputs, but the network reads ${net.inputSize} (one per input neuron)`);
  const outputs = outputSize(net);
  if (data.targetSize !== outputs) throw new Error(`each target has ${data.targetSize} numbers, but the network has ${outputs} outputs (one per output neuron)`);
  if (data.inputs.length !== data.count * data.inputSize) {
    throw new Error(`the inputs hold ${data.inputs.length} numbers, but ${data.count} samples of ${data.inputSize} inputs need ${data.count * data.inputSize}`);
  }
  checkFiniteValues("the targets", data.targets, data.count * data.targetSize, data.targetSize, "sample");
}

/** Length and finiteness of a packed array; a bad value is named by its row (`rowName` n) and position. */
function checkFiniteValues(what: string, values: Float64Array, length: number, rowLength: number, rowName = "neuron"): void {
  if (values.length !== length) throw new Error(`${what} hold ${values.length} numbers, but ${length} were expected (${rowLength} per ${rowName})`);
  // x × 0 is 0 for every finite x and NaN for NaN or ±Infinity: one quick pass, then a slow one only to
  // say where the bad value is.
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] * 0;
  if (sum === 0) return;
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      const where = rowLength === 1 ? `[${k}]` : ` (${rowName} ${Math.floor(k / rowLength)}, position ${k % rowLength})`;
      checkFiniteNumber(`${what}${where}`, values[k]);
    }
  }
}

function outputSize(net: FastNetwork): number {
  return net.layers[net.layers.length - 1].size;
}

function allFiniteFast(net: FastNetwork): boolean {
  // x × 0 is 0 for every finite x and NaN for NaN or ±Infinity, so the sum is 0 only if all are finite.
  let sum = 0;
  for (const layer of net.layers) {
    for (let i = 0; i < layer.weights.length; i++) sum += layer.weights[i] * 0;
    for (let j = 0; j < layer.biases.length; j++) sum += layer.biases[j] * 0;
  }
  return sum === 0;
}
