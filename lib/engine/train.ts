/**
 * Training: forward, loss, backward, update, repeat. Introduced in notebooks 08 and 10.
 * One loop covers the three ways of grouping samples into updates: one sample at a time (stochastic),
 * all of them (full batch), or small groups (mini-batches).
 */
import { argmax, checkDataset, Sample } from "./data";
import { checkLearningRate, checkWholeNumber } from "./checks";
import { LossName, checkLossName, lossValue as lossOf } from "./losses";
import {
  Gradients,
  Network,
  Trace,
  addBlameGradients,
  averageGradients,
  checkNetwork,
  copyNetwork,
  emptyBlame,
  emptyTrace,
  findBlame,
  findBlameInto,
  forward,
  forwardInto,
  gradientsFromBlame,
  runForward,
  updateWeights,
  zeroGradients,
} from "./network";
import { RandomSource, shuffle } from "./random";

/**
 * How samples are grouped into updates:
 * - "sample": update after every sample (stochastic gradient descent), in the data's order;
 * - "batch": average the gradients of all samples, then update once per epoch (full batch);
 * - { batchSize }: average over groups of that many samples (mini-batches).
 */
export type UpdateMethod = "sample" | "batch" | { batchSize: number };

/** Everything `train` needs besides the network and the data. */
export interface TrainOptions {
  /** How many passes over the data. */
  epochs: number;
  /** How big each step is: new = old − learningRate × gradient. */
  learningRate: number;
  /** Which loss to make small. */
  loss: LossName;
  /** How samples are grouped into updates. Default "batch". */
  method?: UpdateMethod;
  /** When given, the sample order is shuffled with it at the start of every epoch. */
  shuffle?: RandomSource;
  /** Whether an epoch's loss is the sum or the mean of its samples' losses. Default "mean". */
  lossReport?: "sum" | "mean";
  /** Record the share of samples classified right. Default: true for cross-entropy. */
  accuracy?: boolean;
  /** Keep a copy of the weights after these many epochs (0 = before training), or after every epoch. */
  snapshotEpochs?: readonly number[] | "all";
  /** Called after every epoch with its record and the network as it is now. */
  onEpoch?: (record: EpochRecord, net: Network) => void;
  /** The number of the first epoch, for training in several pieces. Default 0. */
  firstEpoch?: number;
}

/**
 * What one epoch looked like. The loss (and accuracy) is measured on each sample as it passes through
 * the network during the epoch; with per-sample updates the weights move between those measurements.
 */
export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy?: number;
}

/** The weights after `epoch` epochs of training. */
export interface Snapshot {
  epoch: number;
  network: Network;
}

/** A training run: one record per epoch, and the snapshots asked for. */
export interface History {
  records: EpochRecord[];
  snapshots: Snapshot[];
}

/**
 * Trains `net` in place on `data` and returns its history. Stops with an error naming the epoch if the
 * loss or any weight stops being a finite number (the usual sign of a learning rate that is too big).
 */
export function train(net: Network, data: readonly Sample[], options: TrainOptions): History {
  checkNetwork(net);
  checkDataset(net, data);
  const { batchSize, report, measureAccuracy, first } = readTrainOptions(options, data.length);
  const wanted = options.snapshotEpochs;
  const keep = (epoch: number) => wanted === "all" || (wanted !== undefined && wanted.includes(epoch));

  const history: History = { records: [], snapshots: [] };
  const order = data.slice();
  const room = makeRoom(net);
  for (let epoch = first; epoch < first + options.epochs; epoch++) {
    if (keep(epoch)) history.snapshots.push({ epoch, network: copyNetwork(net) });
    if (options.shuffle) shuffle(options.shuffle, order);
    const seen =
      batchSize === 1
        ? sampleByEpoch(net, order, options.loss, options.learningRate, room)
        : batchesEpoch(net, order, batchSize, options.loss, options.learningRate, room);
    const record: EpochRecord = { epoch, loss: report === "sum" ? seen.totalLoss : seen.totalLoss / order.length };
    if (measureAccuracy) record.accuracy = seen.correct / order.length;
    if (!Number.isFinite(record.loss) || !allFinite(net)) {
      throw new Error(
        `training blew up in epoch ${epoch}: the loss became ${record.loss}` +
          ` and the weights are no longer finite numbers. A learning rate of ${options.learningRate} is probably too big; try a smaller one.`,
      );
    }
    history.records.push(record);
    if (options.onEpoch) options.onEpoch(record, net);
  }
  const end = first + options.epochs;
  if (keep(end)) history.snapshots.push({ epoch: end, network: copyNetwork(net) });
  return history;
}

/** Lists made once per training run and reused for every sample. */
export interface Room {
  trace: Trace;
  blame: { blame: number[][]; blameOnOutput: number[][] };
}

/** Room for one sample's forward and backward pass through `net`. */
export function makeRoom(net: Network): Room {
  return { trace: emptyTrace(net), blame: emptyBlame(net) };
}

/** One epoch of per-sample updates: forward, loss, blame, update, for each sample in turn. */
function sampleByEpoch(net: Network, order: readonly Sample[], lossName: LossName, learningRate: number, room: Room) {
  let totalLoss = 0;
  let correct = 0;
  for (let n = 0; n < order.length; n++) {
    const sample = order[n];
    forwardInto(net, sample.input, room.trace);
    totalLoss += lossOf(lossName, room.trace.output, sample.target);
    if (isCorrect(room.trace.output, sample.target)) correct++;
    findBlameInto(net, room.trace, sample.target, lossName, room.blame);
    stepFromBlame(net, room.trace, room.blame.blame, learningRate);
  }
  return { totalLoss, correct };
}

/** One epoch of batch updates: for each group of samples, average their gradients, then update once. */
function batchesEpoch(net: Network, order: readonly Sample[], batchSize: number, lossName: LossName, learningRate: number, room: Room) {
  let totalLoss = 0;
  let correct = 0;
  for (let start = 0; start < order.length; start += batchSize) {
    const step = gradientStep(net, order.slice(start, start + batchSize), lossName, room);
    totalLoss += step.totalLoss;
    correct += step.correct;
    updateWeights(net, step.gradients, learningRate);
  }
  return { totalLoss, correct };
}

/**
 * The per-sample update, straight from the blame: every weight moves by learning rate × blame × the input
 * it multiplied, every bias by learning rate × blame. The blame was found with the weights as they were
 * in the forward pass, so it is pushed back before any weight changes. Multiplying in this order
 * (rate × blame first) reproduces the XOR program's arithmetic exactly, bit for bit.
 */
export function updateFromBlame(net: Network, trace: Trace, blame: readonly number[][], learningRate: number): void {
  checkLearningRate(learningRate);
  stepFromBlame(net, trace, blame, learningRate);
}

function stepFromBlame(net: Network, trace: Trace, blame: readonly number[][], learningRate: number): void {
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

/** The averaged gradients of a group of samples, with their summed loss and how many were classified right. */
export interface Step {
  gradients: Gradients;
  totalLoss: number;
  correct: number;
}

/**
 * Forward and backward for every sample of `batch` with the weights frozen, adding up the gradients,
 * then averaging them: everything one update needs.
 */
export function gradientStep(net: Network, batch: readonly Sample[], lossName: LossName, room: Room = makeRoom(net)): Step {
  const total = zeroGradients(net);
  let totalLoss = 0;
  let correct = 0;
  for (const sample of batch) {
    forwardInto(net, sample.input, room.trace);
    totalLoss += lossOf(lossName, room.trace.output, sample.target);
    if (isCorrect(room.trace.output, sample.target)) correct++;
    findBlameInto(net, room.trace, sample.target, lossName, room.blame);
    addBlameGradients(total, room.trace, room.blame.blame);
  }
  return { gradients: averageGradients(total, batch.length), totalLoss, correct };
}

/** The mean loss and the accuracy of `net` on `data`, without changing any weight. */
export function evaluate(net: Network, data: readonly Sample[], lossName: LossName): { loss: number; accuracy: number } {
  checkDataset(net, data);
  checkLossName(lossName);
  let total = 0;
  let correct = 0;
  for (const sample of data) {
    const output = forward(net, sample.input).output;
    total += lossOf(lossName, output, sample.target);
    if (isCorrect(output, sample.target)) correct++;
  }
  return { loss: total / data.length, accuracy: correct / data.length };
}

/**
 * Whether an output counts as right: for several outputs the largest one must be the target's class;
 * for a single output, it must land on the same side of 0.5 as the target.
 */
export function isCorrect(output: readonly number[], target: readonly number[]): boolean {
  if (output.length === 1) return output[0] >= 0.5 === target[0] >= 0.5;
  return argmax(output) === argmax(target);
}

/**
 * Checks the options every training loop shares and fills in their defaults: the batch size for
 * `count` samples, how the epoch loss is reported, whether accuracy is measured, the first epoch.
 */
export function readTrainOptions(
  options: Pick<TrainOptions, "epochs" | "learningRate" | "loss" | "method" | "lossReport" | "accuracy" | "firstEpoch">,
  count: number,
): { batchSize: number; report: "sum" | "mean"; measureAccuracy: boolean; first: number } {
  checkWholeNumber("the number of epochs", options.epochs, 0);
  checkLearningRate(options.learningRate);
  checkLossName(options.loss);
  const batchSize = batchSizeOf(options.method ?? "batch", count);
  const report = options.lossReport ?? "mean";
  if (report !== "sum" && report !== "mean") throw new Error(`lossReport must be "sum" or "mean", got ${JSON.stringify(report)}`);
  const first = options.firstEpoch ?? 0;
  checkWholeNumber("the first epoch", first, 0);
  return { batchSize, report, measureAccuracy: options.accuracy ?? options.loss === "crossEntropy", first };
}

/** How many samples go into one update under `method`, for a dataset of `count` samples. */
export function batchSizeOf(method: UpdateMethod, count: number): number {
  if (method === "sample") return 1;
  if (method === "batch") return count;
  if (method && typeof method === "object") {
    checkWholeNumber("the batch size", method.batchSize, 1);
    return method.batchSize;
  }
  throw new Error(`unknown update method ${JSON.stringify(method)}; use "sample", "batch" or { batchSize: n }`);
}

function allFinite(net: Network): boolean {
  // x × 0 is 0 for every finite x and NaN for NaN or ±Infinity, so the sum is 0 only if all are finite.
  let sum = 0;
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    for (let j = 0; j < layer.weights.length; j++) {
      const row = layer.weights[j];
      for (let i = 0; i < row.length; i++) sum += row[i] * 0;
      sum += layer.biases[j] * 0;
    }
  }
  return sum === 0;
}
