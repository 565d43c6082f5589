/**
 * Training (notebooks 08, 10 and 11): forward, loss, backward, update, repeat. One loop covers the three
 * ways of grouping samples into updates: one sample at a time (stochastic), all of them (full batch), or
 * small groups (mini-batches).
 */
import { argmax, Sample } from "./data";
import { LossName, loss } from "./losses";
import { Blame, Gradients, Network, Trace, addBlameGradients, averageGradients, copyNetwork, emptyBlame, emptyTrace, forward, handOutBlame, updateFromBlame, updateWeights, zeroGradients } from "./network";
import { RandomSource, shuffle } from "./random";

/**
 * How samples are grouped into updates (notebook 08):
 * - "sample": update after every sample (stochastic gradient descent), in the data's order;
 * - "batch": average the gradients of all samples, then update once per epoch (full batch);
 * - { batchSize }: average over groups of that many samples (mini-batches).
 */
export type UpdateMethod = "sample" | "batch" | { batchSize: number };

/** Everything `train` needs besides the network and the data (notebook 08). */
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
 * What one epoch looked like (notebook 08). The loss (and accuracy) is measured on each sample as it passes
 * through the network during the epoch; with per-sample updates the weights move between those measurements.
 */
export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy?: number;
}

/** The weights after `epoch` epochs of training (notebook 12). */
export interface Snapshot {
  epoch: number;
  network: Network;
}

/** A training run: one record per epoch, and the snapshots asked for (notebook 08). */
export interface History {
  records: EpochRecord[];
  snapshots: Snapshot[];
}

/**
 * Trains `net` in place on `data` and returns its history (notebook 08). Stops with an error naming the epoch
 * if the loss or any weight stops being a finite number, the usual sign of a learning rate that is too big.
 */
export function train(net: Network, data: readonly Sample[], options: TrainOptions): History {
  const settings = trainSettings(options, data.length);
  const wanted = options.snapshotEpochs ?? [];
  const keep = (epoch: number) => wanted === "all" || wanted.includes(epoch);
  const history: History = { records: [], snapshots: [] };
  const order = data.slice();
  const end = settings.firstEpoch + options.epochs;
  const room = makeRoom(net);
  for (let epoch = settings.firstEpoch; epoch < end; epoch++) {
    if (keep(epoch)) history.snapshots.push({ epoch, network: copyNetwork(net) });
    if (options.shuffle) shuffle(options.shuffle, order);
    const seen = settings.batchSize === 1 ? epochBySample(net, order, options, room) : epochByBatches(net, order, settings.batchSize, options, room);
    const record = epochRecord(epoch, seen, order.length, settings);
    stopIfBlownUp(record, weightsFinite(net), options.learningRate);
    history.records.push(record);
    options.onEpoch?.(record, net);
  }
  if (keep(end)) history.snapshots.push({ epoch: end, network: copyNetwork(net) });
  return history;
}

/**
 * Room for one sample's forward and backward pass (notebook 12): made once per training run and filled again
 * for every sample, so that training does not make thousands of small new lists per epoch.
 */
export interface Room {
  trace: Trace;
  blame: Blame;
}

/** Room for one sample's numbers in `net`: an empty trace and empty blame. */
export function makeRoom(net: Network): Room {
  return { trace: emptyTrace(net), blame: emptyBlame(net) };
}

/** What an epoch saw: its samples' losses added up, and how many of them were classified right. */
export interface EpochSums {
  totalLoss: number;
  correct: number;
}

/** One epoch of per-sample updates (notebook 12): forward, loss, blame, update, for each sample in turn. */
function epochBySample(net: Network, samples: readonly Sample[], options: TrainOptions, room: Room): EpochSums {
  const { loss: lossName, learningRate } = options;
  const { trace } = room;
  let totalLoss = 0;
  let correct = 0;
  for (let n = 0; n < samples.length; n++) {
    const sample = samples[n];
    forward(net, sample.input, trace);
    const { blame } = handOutBlame(net, trace, sample.target, lossName, room.blame);
    totalLoss += loss(lossName, trace.output, sample.target);
    if (isCorrect(trace.output, sample.target)) correct++;
    updateFromBlame(net, trace, blame, learningRate);
  }
  return { totalLoss, correct };
}

/** One epoch of batch updates (notebook 08): for each group of samples, average their gradients, then update once. */
function epochByBatches(net: Network, samples: readonly Sample[], batchSize: number, options: TrainOptions, room: Room): EpochSums {
  let totalLoss = 0;
  let correct = 0;
  for (let start = 0; start < samples.length; start += batchSize) {
    const step = gradientStep(net, samples.slice(start, start + batchSize), options.loss, room);
    totalLoss += step.totalLoss;
    correct += step.correct;
    updateWeights(net, step.gradients, options.learningRate);
  }
  return { totalLoss, correct };
}

/** The averaged gradients of a group of samples, their summed loss and how many were classified right (notebook 08). */
export interface Step extends EpochSums {
  gradients: Gradients;
}

/**
 * Everything one update needs (notebook 08): forward and backward for every sample of `batch` with the
 * weights frozen, their gradients added up, then averaged.
 */
export function gradientStep(net: Network, batch: readonly Sample[], lossName: LossName, room: Room = makeRoom(net)): Step {
  const total = zeroGradients(net);
  let totalLoss = 0;
  let correct = 0;
  const { trace } = room;
  for (const sample of batch) {
    forward(net, sample.input, trace);
    const { blame } = handOutBlame(net, trace, sample.target, lossName, room.blame);
    totalLoss += loss(lossName, trace.output, sample.target);
    if (isCorrect(trace.output, sample.target)) correct++;
    addBlameGradients(total, trace, blame);
  }
  return { gradients: averageGradients(total, batch.length), totalLoss, correct };
}

/** The mean loss and the accuracy of `net` on `data`, without changing any weight (notebook 08). */
export function evaluate(net: Network, data: readonly Sample[], lossName: LossName): { loss: number; accuracy: number } {
  let total = 0;
  let correct = 0;
  for (const sample of data) {
    const output = forward(net, sample.input).output;
    total += loss(lossName, output, sample.target);
    if (isCorrect(output, sample.target)) correct++;
  }
  return { loss: total / data.length, accuracy: correct / data.length };
}

/**
 * Whether an output counts as right (notebooks 12 and 15): for several outputs the largest one must be the
 * target's class; for a single output, it must land on the same side of 0.5 as the target.
 */
export function isCorrect(output: ArrayLike<number>, target: ArrayLike<number>): boolean {
  if (output.length === 1) return output[0] >= 0.5 === target[0] >= 0.5;
  return argmax(output) === argmax(target);
}

/** The options of a training run with their defaults filled in; shared with the speed path (fast/train.ts). */
export interface TrainSettings {
  batchSize: number;
  report: "sum" | "mean";
  measureAccuracy: boolean;
  firstEpoch: number;
}

/** Fills in the defaults of `options` for a dataset of `count` samples. */
export function trainSettings(options: Omit<TrainOptions, "snapshotEpochs" | "onEpoch">, count: number): TrainSettings {
  const method = options.method ?? "batch";
  const batchSize = method === "sample" ? 1 : method === "batch" ? count : method.batchSize;
  const measureAccuracy = options.accuracy ?? options.loss === "crossEntropy";
  return { batchSize, report: options.lossReport ?? "mean", measureAccuracy, firstEpoch: options.firstEpoch ?? 0 };
}

/** An epoch's record from what it saw: its loss (summed or averaged) and, when asked for, its accuracy. */
export function epochRecord(epoch: number, seen: EpochSums, count: number, settings: TrainSettings): EpochRecord {
  const record: EpochRecord = { epoch, loss: settings.report === "sum" ? seen.totalLoss : seen.totalLoss / count };
  if (settings.measureAccuracy) record.accuracy = seen.correct / count;
  return record;
}

/** Stops training with a clear error once the loss or a weight is no longer a finite number. */
export function stopIfBlownUp(record: EpochRecord, weightsFinite: boolean, learningRate: number): void {
  if (Number.isFinite(record.loss) && weightsFinite) return;
  throw new Error(
    `training blew up in epoch ${record.epoch}: the loss became ${record.loss}` +
      ` and the weights are no longer finite numbers. A learning rate of ${learningRate} is probably too big; try a smaller one.`,
  );
}

/** Whether every weight and bias of `net` is a finite number. */
function weightsFinite(net: Network): boolean {
  for (const layer of net.layers) {
    if (!allFinite(layer.biases)) return false;
    for (const row of layer.weights) if (!allFinite(row)) return false;
  }
  return true;
}

/** Whether every value is a finite number: x × 0 is 0 for every finite x and NaN for NaN or ±Infinity. */
export function allFinite(values: ArrayLike<number>): boolean {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k] * 0;
  return sum === 0;
}
