/**
 * The speed path (notebook 16, the benchmarks, live training): the same training as train.ts, with the same
 * numbers bit for bit, made fast by bookkeeping alone. What it does differently, and why:
 * - Weights, a batch's numbers and the dataset live in flat typed arrays, not in lists of lists.
 * - It skips zeros. An input of exactly 0 adds exactly nothing to a weighted sum and gives its weights a
 *   gradient of exactly 0, so only the inputs that are not 0 are visited: about 150 of a digit's 784
 *   pixels, and the hidden ReLU neurons that did not fire.
 * - Four or eight neurons share each pass over a sample's inputs, so each input is read once for several weights.
 * - It does not take several samples through a layer together, as matrix libraries do. Each sample visits
 *   only its own inputs that are not 0, and four digits together ink about 300 different pixels, twice as
 *   many as one: to share each weight among them, every sample would multiply it by all 300, zeros
 *   included. Here the multiplications cost more than the readings they would save (tried: slower).
 * - Evaluating and predicting list each sample's inputs just before its forward pass, and keep no room
 *   for gradients.
 * Every formula (the activations, the losses, their slopes, the blame at the output) is the teaching
 * engine's, imported. This file only chooses the order and the memory in which the same products are
 * taken and added: every sum receives the same terms in the same order as in network.ts, so both engines
 * agree bit for bit (tests/engine/fast.test.ts checks it).
 */
import { ActivationName, activate, activationDerivative, identity, relu, sigmoid, tanh } from "../activations";
import { checkLossName, checkNumbers, checkTrainOptions } from "../checks";
import { LossName, loss, lossDerivative } from "../losses";
import { LayerTrace, outputBlame } from "../network";
import { shuffle } from "../random";
import { EpochRecord, EpochSums, TrainOptions, allFinite, epochRecord, isCorrect, stopIfBlownUp, trainSettings } from "../train";
import { FastLayer, FastNetwork, FastSamples, checkFastNetwork, checkFiniteValues, checkSampleLayout } from "./packing";

/** Everything `trainFast` needs (notebook 16): the options of `train`, without snapshots, for a fast network. */
export interface FastTrainOptions extends Omit<TrainOptions, "snapshotEpochs" | "onEpoch"> {
  /** Called after every epoch with its record and the network as it is now. */
  onEpoch?: (record: EpochRecord, net: FastNetwork) => void;
}

/** A fast training run: one record per epoch (notebook 16). */
export interface FastHistory {
  records: EpochRecord[];
}

/**
 * Trains `net` in place exactly as `train` does (notebook 16): for each group of samples a forward pass, the
 * blame sweeping backward, the averaged gradient, one step against it. Stops with `train`'s error if the loss
 * or a weight stops being finite.
 */
export function trainFast(net: FastNetwork, data: FastSamples, options: FastTrainOptions): FastHistory {
  return { records: Array.from(trainFastEpochs(net, data, options)) };
}

/**
 * `trainFast` one epoch at a time (live training, notebook 16): a loop over the result trains an epoch each
 * time it asks for the next record, so a caller can redraw a view between epochs. It is still one run: the
 * dataset is listed once and the shuffled order carries on, so the weights and records are `trainFast`'s.
 */
export function trainFastEpochs(net: FastNetwork, data: FastSamples, options: FastTrainOptions): Generator<EpochRecord, void, undefined> {
  checkFastNetwork(net);
  checkSampleLayout(net, data);
  checkTrainOptions(options);
  return epochs(startRun(net, data), options);
}

function* epochs(run: Run, options: FastTrainOptions): Generator<EpochRecord, void, undefined> {
  const { net, data } = run;
  const settings = trainSettings(options, data.count);
  const order = Array.from({ length: data.count }, (_, n) => n);
  for (let epoch = settings.firstEpoch; epoch < settings.firstEpoch + options.epochs; epoch++) {
    if (options.shuffle) shuffle(options.shuffle, order);
    const seen: EpochSums = { totalLoss: 0, correct: 0 };
    for (let start = 0; start < data.count; start += settings.batchSize) {
      const end = Math.min(start + settings.batchSize, data.count);
      const batchSeen = settings.batchSize === 1 ? sampleStep(run, order[start], options) : batchStep(run, order, start, end, options);
      seen.totalLoss += batchSeen.totalLoss;
      seen.correct += batchSeen.correct;
    }
    const record = epochRecord(epoch, seen, data.count, settings);
    stopIfBlownUp(record, net.layers.every((layer) => allFinite(layer.weights) && allFinite(layer.biases)), options.learningRate);
    options.onEpoch?.(record, net);
    yield record;
  }
}

/** The mean loss and the accuracy of `net` on `data`, without changing any weight (notebook 16; see `evaluate`). */
export function evaluateFast(net: FastNetwork, data: FastSamples, lossName: LossName): { loss: number; accuracy: number } {
  checkFastNetwork(net);
  checkSampleLayout(net, data);
  checkLossName(lossName);
  const room = makeRoom(net);
  const first = room.layers[0];
  let total = 0;
  let correct = 0;
  for (let n = 0; n < data.count; n++) {
    // One sample's inputs are listed just before its forward pass: a single pass over the dataset, which
    // is read once anyway, and no list of the whole dataset to write and read back.
    if (listNonZero(data.inputs, n * data.inputSize, data.inputSize, first) !== 0) badInputs(data);
    const output = forwardSample(room).activations;
    const target = targetOf(data, n, room.target);
    total += loss(lossName, output, target);
    if (isCorrect(output, target)) correct++;
  }
  return { loss: total / data.count, accuracy: correct / data.count };
}

/** The network's answer for one input (notebook 16; see `predict`). */
export function predictFast(net: FastNetwork, input: ArrayLike<number>): number[] {
  checkFastNetwork(net);
  checkNumbers("the input", input, net.inputSize, "one per input neuron");
  const room = makeRoom(net);
  listNonZero(Float64Array.from(input), 0, net.inputSize, room.layers[0]);
  return forwardSample(room).activations.slice();
}

/**
 * One layer's room for one sample: its z, a and blame, and its inputs that are not 0 (index[from … to − 1],
 * with their values).
 */
interface LayerWork {
  z: Float64Array;
  a: Float64Array;
  blame: Float64Array;
  from: number;
  to: number;
  /** In training, the first layer's lists are the dataset's own (the run's inputIndex and inputValue). */
  index: Int32Array;
  value: Float64Array;
}

/** Room for one sample's forward and backward pass, made once and filled again for every sample (see `makeRoom` in train.ts). */
interface Room {
  net: FastNetwork;
  layers: LayerWork[];
  /** One sample's output layer as the teaching engine's lists, and the blame on it (see `forwardSample`, `backwardSample`). */
  output: LayerTrace;
  blameOnOutput: number[];
  outputBlame: number[];
  /** One sample's target as a list, for the teaching engine's loss (see `targetOf`). */
  target: number[];
  /** Room for the blame a layer's inputs collect (see `blameOnInputs`). */
  collected: Float64Array;
  /** Room for one sample's neurons with blame, and their blame (see `addGradients`). */
  blamed: { neuron: Int32Array; blame: Float64Array };
}

/** What a training run keeps besides the room: the dataset's inputs that are not 0, and each layer's gradient sums. */
interface Run extends Room {
  data: FastSamples;
  /** Sample n's inputs that are not 0: inputIndex[sampleStart[n] … sampleStart[n + 1] − 1], with their values. */
  sampleStart: Int32Array;
  inputIndex: Int32Array;
  inputValue: Float64Array;
  /** The batch's gradient sums, shaped like each layer's weights and biases. */
  sums: { weights: Float64Array; biases: Float64Array }[];
}

function makeRoom(net: FastNetwork): Room {
  const layers = net.layers.map(({ fanIn, size }) => ({
    z: new Float64Array(size),
    a: new Float64Array(size),
    blame: new Float64Array(size),
    from: 0,
    to: 0,
    index: new Int32Array(fanIn),
    value: new Float64Array(fanIn),
  }));
  const widest = Math.max(...net.layers.map((layer) => layer.size));
  const blamed = { neuron: new Int32Array(widest), blame: new Float64Array(widest) };
  const outputs = () => Array.from({ length: net.layers[net.layers.length - 1].size }, () => 0.5);
  const output = { preActivations: outputs(), activations: outputs() };
  return { net, layers, output, blameOnOutput: outputs(), outputBlame: outputs(), target: outputs(), collected: new Float64Array(widest), blamed };
}

function startRun(net: FastNetwork, data: FastSamples): Run {
  const room = makeRoom(net);
  const nonZero = nonZeroInputs(data);
  room.layers[0].index = nonZero.inputIndex;
  room.layers[0].value = nonZero.inputValue;
  const sums = net.layers.map(({ fanIn, size }) => ({ weights: new Float64Array(size * fanIn), biases: new Float64Array(size) }));
  return { ...room, ...nonZero, data, sums };
}

/** Sample n's target as a list (into `row`), for the teaching engine's loss and its slope. */
function targetOf(data: FastSamples, n: number, row: number[]): number[] {
  const { targets, targetSize } = data;
  for (let k = 0, at = n * targetSize; k < targetSize; k++) row[k] = targets[at + k];
  return row;
}

/** Throws the clear error for the first input that is not a finite number. */
function badInputs(data: FastSamples): never {
  checkFiniteValues("the inputs", data.inputs, data.count * data.inputSize, data.inputSize, "sample");
  throw new Error("the inputs hold a value that is not a finite number");
}

/**
 * Lists every sample's inputs that are not 0, in one pass over the inputs (the biggest array by far), and
 * checks that they are finite (a 0 is). The lists start with room for a quarter of the values and double when full.
 */
function nonZeroInputs(data: FastSamples): { sampleStart: Int32Array; inputIndex: Int32Array; inputValue: Float64Array } {
  const { inputs, inputSize, count } = data;
  let inputIndex = new Int32Array(Math.max(16, (count * inputSize) >> 2));
  let inputValue = new Float64Array(inputIndex.length);
  const sampleStart = new Int32Array(count + 1);
  let at = 0;
  for (let n = 0; n < count; n++) {
    sampleStart[n] = at;
    if (at + inputSize > inputIndex.length) {
      const longer = Math.max(2 * inputIndex.length, at + inputSize);
      inputIndex = grow(inputIndex, new Int32Array(longer));
      inputValue = grow(inputValue, new Float64Array(longer));
    }
    for (let i = 0, offset = n * inputSize; i < inputSize; i++) {
      // Written every time, kept (at moves on) only when not 0: no branch to guess wrong on every pixel.
      const v = inputs[offset + i];
      inputIndex[at] = i;
      inputValue[at] = v;
      at += v !== 0 ? 1 : 0;
    }
  }
  sampleStart[count] = at;
  if (!allFinite(inputValue.subarray(0, at))) badInputs(data);
  return { sampleStart, inputIndex, inputValue };
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The forward pass for one sample (notebook 05), whose inputs that are not 0 the first layer has listed:
 * each layer takes its weighted sums plus biases over its listed inputs, bends them with the teaching
 * engine's activation and lists those outputs that are not 0 for the next layer. Returns the output
 * layer's z and a as the teaching engine's lists.
 */
function forwardSample(room: Room): LayerTrace {
  const layers = room.net.layers;
  const last = layers.length - 1;
  for (let l = 0; l <= last; l++) {
    const work = room.layers[l];
    if (l > 0) listNonZero(room.layers[l - 1].a, 0, layers[l].fanIn, work);
    weightedSums(layers[l], work);
    if (l < last) bendLayer(layers[l].activation, work.z, work.a);
  }
  // The output layer's a is only read from these lists (the loss, its slope, the blame at the output).
  const { z } = room.layers[last];
  const { preActivations, activations } = room.output;
  for (let j = 0; j < z.length; j++) preActivations[j] = z[j];
  activate(layers[last].activation, preActivations, activations);
  return room.output;
}

/** The forward pass for sample n of the run's dataset, whose inputs that are not 0 are listed already. */
function forwardListed(run: Run, n: number): LayerTrace {
  run.layers[0].from = run.sampleStart[n];
  run.layers[0].to = run.sampleStart[n + 1];
  return forwardSample(run);
}

/**
 * A hidden layer's bend: every z through the teaching engine's activation, one loop per activation so that
 * each loop calls one known function (softmax is only ever the output layer's, see `forwardSample`).
 */
function bendLayer(activation: ActivationName, z: Float64Array, a: Float64Array): void {
  switch (activation) {
    case "identity":
      for (let j = 0; j < z.length; j++) a[j] = identity(z[j]);
      return;
    case "relu":
      for (let j = 0; j < z.length; j++) a[j] = relu(z[j]);
      return;
    case "sigmoid":
      for (let j = 0; j < z.length; j++) a[j] = sigmoid(z[j]);
      return;
    case "tanh":
      for (let j = 0; j < z.length; j++) a[j] = tanh(z[j]);
      return;
  }
}

/**
 * Lists the values[offset … offset + length − 1] that are not 0 as a layer's inputs (a sample's inputs, or
 * the outputs of the layer before). Returns 0 when they are all finite (see `allFinite`), NaN otherwise.
 */
function listNonZero(values: Float64Array, offset: number, length: number, work: LayerWork): number {
  const { index, value } = work;
  let at = 0;
  let finite = 0;
  for (let i = 0; i < length; i++) {
    const v = values[offset + i];
    if (v === 0) continue;
    finite += v * 0;
    index[at] = i;
    value[at++] = v;
  }
  work.from = 0;
  work.to = at;
  return finite;
}

/**
 * z[j] = (Σ over the listed inputs i, in increasing order, of w[j][i] × x[i]) + b[j], as `forward`
 * computes it. Eight neurons are summed side by side, so each input's position and value are read once
 * for eight weights; every neuron still adds its own terms in the same order.
 */
function weightedSums(layer: FastLayer, work: LayerWork): void {
  const { weights: w, biases, fanIn, size } = layer;
  const { index, value, z, from, to } = work;
  let j = 0;
  for (; j + 8 <= size; j += 8) {
    const row = j * fanIn;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let e = from; e < to; e++) {
      const at = row + index[e];
      const v = value[e];
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
    let sum = 0;
    for (let e = from; e < to; e++) sum += w[j * fanIn + index[e]] * value[e];
    z[j] = sum + biases[j];
  }
}

/**
 * The backward pass for one sample (notebook 10), as `backward`: the teaching engine's blame at the output,
 * then layer by layer the blame each input collects (Σ over neurons j, in increasing order, of
 * blame[j] × w[j][i]) times the bend's local effect, `activationDerivative`.
 */
function backwardSample(run: Room, output: LayerTrace, target: readonly number[], lossName: LossName): void {
  const layers = run.net.layers;
  const last = layers.length - 1;
  const blameOnOutput = lossDerivative(lossName, output.activations, target, run.blameOnOutput);
  const blame = outputBlame(layers[last].activation, lossName, output, target, blameOnOutput, run.outputBlame);
  for (let j = 0; j < blame.length; j++) run.layers[last].blame[j] = blame[j];
  for (let l = last; l > 0; l--) {
    const { size, fanIn, weights: w } = layers[l];
    const below = run.layers[l - 1];
    const collected = blameOnInputs(w, size, fanIn, run.layers[l].blame, run.collected);
    blameThroughBend(layers[l - 1].activation, collected, below);
  }
}

/** blame = collected × the bend's local effect, `activationDerivative`, one loop per activation (see `bendLayer`). */
function blameThroughBend(activation: ActivationName, collected: Float64Array, work: LayerWork): void {
  const { z, a, blame } = work;
  switch (activation) {
    case "identity":
      for (let i = 0; i < z.length; i++) blame[i] = collected[i] * activationDerivative("identity", z[i], a[i]);
      return;
    case "relu":
      for (let i = 0; i < z.length; i++) blame[i] = collected[i] * activationDerivative("relu", z[i], a[i]);
      return;
    case "sigmoid":
      for (let i = 0; i < z.length; i++) blame[i] = collected[i] * activationDerivative("sigmoid", z[i], a[i]);
      return;
    case "tanh":
      for (let i = 0; i < z.length; i++) blame[i] = collected[i] * activationDerivative("tanh", z[i], a[i]);
      return;
  }
}

/**
 * The blame each input of a layer collects: Σ over neurons j, in increasing order, of blame[j] × w[j][i],
 * as `backward` adds them. Four inputs are summed side by side.
 */
function blameOnInputs(w: Float64Array, size: number, fanIn: number, blame: Float64Array, collected: Float64Array): Float64Array {
  let i = 0;
  for (; i + 4 <= fanIn; i += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < size; j++) {
      const b = blame[j];
      const at = j * fanIn + i;
      s0 += b * w[at];
      s1 += b * w[at + 1];
      s2 += b * w[at + 2];
      s3 += b * w[at + 3];
    }
    collected[i] = s0;
    collected[i + 1] = s1;
    collected[i + 2] = s2;
    collected[i + 3] = s3;
  }
  for (; i < fanIn; i++) {
    let sum = 0;
    for (let j = 0; j < size; j++) sum += blame[j] * w[j * fanIn + i];
    collected[i] = sum;
  }
  return collected;
}

/**
 * One mini-batch (notebook 08), as `gradientStep` then `updateWeights`: the samples order[start … end − 1]
 * forward and backward with the weights frozen, each adding its gradients onto the sums as it goes, then
 * one step per layer.
 */
function batchStep(run: Run, order: readonly number[], start: number, end: number, options: FastTrainOptions): EpochSums {
  const seen: EpochSums = { totalLoss: 0, correct: 0 };
  for (let k = start; k < end; k++) {
    const output = forwardListed(run, order[k]);
    const target = targetOf(run.data, order[k], run.target);
    seen.totalLoss += loss(options.loss, output.activations, target);
    if (isCorrect(output.activations, target)) seen.correct++;
    backwardSample(run, output, target, options.loss);
    for (let l = 0; l < run.layers.length; l++) addGradients(run.layers[l], run.sums[l], run.net.layers[l].fanIn, run.blamed);
  }
  for (let l = 0; l < run.layers.length; l++) stepLayer(run.net.layers[l], run.sums[l], end - start, options.learningRate);
  return seen;
}

/**
 * A layer's step against its averaged gradients (notebook 08), as `averageGradients` then `updateWeights`:
 * each weight and bias moves by learning rate × (sum / count). The sums then start again from 0.
 */
function stepLayer(layer: FastLayer, sums: { weights: Float64Array; biases: Float64Array }, count: number, learningRate: number): void {
  const { weights: w, biases } = layer;
  const { weights: weightSums, biases: biasSums } = sums;
  // For a power of two (a batch of 32, say) 1 / count is exact, so g × (1 / count) and g / count are the
  // same number; a multiplication is several times faster than a division.
  if ((count & (count - 1)) === 0) {
    const inverse = 1 / count;
    for (let at = 0; at < w.length; at++) {
      w[at] -= learningRate * (weightSums[at] * inverse);
      weightSums[at] = 0;
    }
  } else {
    for (let at = 0; at < w.length; at++) {
      w[at] -= learningRate * (weightSums[at] / count);
      weightSums[at] = 0;
    }
  }
  for (let j = 0; j < biases.length; j++) {
    biases[j] -= learningRate * (biasSums[j] / count);
    biasSums[j] = 0;
  }
}

/**
 * Adds one sample's gradients onto a layer's sums, as `addBlameGradients`: blame × input onto each weight's
 * (neuron j's weight for input i at j × fanIn + i), the blame onto each bias's. Only the inputs that are not
 * 0 and the neurons with blame are visited (they alone add anything). The neurons with blame are listed
 * first, then taken four at a time, and the last one to three one at a time.
 */
function addGradients(work: LayerWork, layerSums: Run["sums"][number], fanIn: number, blamed: Room["blamed"]): void {
  const { blame, from, to, index, value } = work;
  const { weights: sums, biases: biasSums } = layerSums;
  let m = 0;
  for (let j = 0; j < blame.length; j++) {
    biasSums[j] += blame[j];
    if (blame[j] === 0) continue;
    blamed.neuron[m] = j;
    blamed.blame[m++] = blame[j];
  }
  let q = 0;
  for (; q + 4 <= m; q += 4) {
    const b0 = blamed.blame[q];
    const b1 = blamed.blame[q + 1];
    const b2 = blamed.blame[q + 2];
    const b3 = blamed.blame[q + 3];
    const r0 = blamed.neuron[q] * fanIn;
    const r1 = blamed.neuron[q + 1] * fanIn;
    const r2 = blamed.neuron[q + 2] * fanIn;
    const r3 = blamed.neuron[q + 3] * fanIn;
    for (let e = from; e < to; e++) {
      const i = index[e];
      const v = value[e];
      sums[r0 + i] += b0 * v;
      sums[r1 + i] += b1 * v;
      sums[r2 + i] += b2 * v;
      sums[r3 + i] += b3 * v;
    }
  }
  for (; q < m; q++) {
    const b = blamed.blame[q];
    const row = blamed.neuron[q] * fanIn;
    for (let e = from; e < to; e++) sums[row + index[e]] += b * value[e];
  }
}

/**
 * One sample at a time (method "sample", notebook 12), as `updateFromBlame`: every weight moves by
 * (learning rate × blame) × its input, every bias by learning rate × blame. Inputs of 0 would move nothing.
 */
function sampleStep(run: Run, n: number, options: FastTrainOptions): EpochSums {
  const output = forwardListed(run, n);
  const target = targetOf(run.data, n, run.target);
  const seen = { totalLoss: loss(options.loss, output.activations, target), correct: isCorrect(output.activations, target) ? 1 : 0 };
  backwardSample(run, output, target, options.loss);
  for (let l = 0; l < run.layers.length; l++) {
    const { size, fanIn, weights: w, biases } = run.net.layers[l];
    const { from, to, index, value, blame } = run.layers[l];
    for (let j = 0; j < size; j++) {
      const step = options.learningRate * blame[j];
      for (let e = from; e < to; e++) w[j * fanIn + index[e]] -= step * value[e];
      biases[j] -= step;
    }
  }
  return seen;
}
