/**
 * Live training with the fast engine (notebook 16): the same view as `trainLive` — a progress bar and
 * the loss curve so far, redrawn in one output, then a clean final loss curve — over `trainFast`.
 */
import * as tslab from "tslab";
import { FastHistory, FastNetwork, FastSamples, FastTrainOptions, RandomSource, shuffle, trainFast } from "../engine/index";
import { LossCurveOptions } from "../figures/loss-curve";
import { withStill } from "../figures/render";
// The view is trainLive's, so that both kinds of training look alike.
import { LiveDisplay, finalCurve, showProgress } from "./live";

export interface FastLiveOptions extends FastTrainOptions {
  /** How many times the view is redrawn during training. Default 10. */
  frames?: number;
  /** Options for the final loss curve (caption, log scale, …). */
  curve?: LossCurveOptions;
  /** A name for the run, shown in the progress line and the legend. Default "training". */
  label?: string;
}

/**
 * Trains exactly as `trainFast` does (same records, same weights, bit for bit), in pieces with a pause
 * between them so that the notebook can redraw the view. Use it with await: `await trainFastLive(...)`.
 *
 * Each piece is one call of `trainFast`, and every call starts from the samples in the order they are
 * stored. A single long call would instead carry on shuffling the order the last epoch left. So when the
 * run shuffles, each piece after the first gets the samples rearranged into that left-over order: the
 * network then meets the same samples in the same order as in one call.
 */
export async function trainFastLive(net: FastNetwork, data: FastSamples, options: FastLiveOptions, display: LiveDisplay = tslab.newDisplay()): Promise<FastHistory> {
  const frames = Math.max(1, Math.min(options.frames ?? 10, options.epochs));
  const label = options.label ?? "training";
  const { frames: _f, curve, label: _l, ...trainOptions } = options;
  const first = options.firstEpoch ?? 0;
  const history: FastHistory = { records: [] };
  // The order one long call would have reached: position k holds the number of a sample in `data`.
  const order = Array.from({ length: data.count }, (_, n) => n);
  const source = options.shuffle;
  let done = 0;
  for (let frame = 1; frame <= frames; frame++) {
    const until = Math.round((options.epochs * frame) / frames);
    const draws: number[] = [];
    const piece = trainFast(net, source && done > 0 ? inOrder(data, order) : data, {
      ...trainOptions,
      epochs: until - done,
      firstEpoch: first + done,
      // The same random numbers as one long call, written down to replay them on `order` afterwards.
      shuffle: source ? recording(source, draws) : undefined,
    });
    if (source) {
      const replay = draws.values();
      const again: RandomSource = { random: () => replay.next().value as number };
      for (let e = done; e < until; e++) shuffle(again, order);
    }
    history.records.push(...piece.records);
    done = until;
    if (frame < frames) await showProgress(display, label, done, options.epochs, history);
  }
  display.html(withStill(finalCurve(label, options.epochs, history, curve)));
  return history;
}

/** A random source that hands out `source`'s numbers and writes each one down in `draws`. */
function recording(source: RandomSource, draws: number[]): RandomSource {
  return {
    random: () => {
      const value = source.random();
      draws.push(value);
      return value;
    },
  };
}

/** The samples of `data` rearranged so that sample k of the result is sample order[k] of `data`. */
function inOrder(data: FastSamples, order: readonly number[]): FastSamples {
  const { inputSize, targetSize } = data;
  const inputs = new Float64Array(data.inputs.length);
  const targets = new Float64Array(data.targets.length);
  order.forEach((n, k) => {
    inputs.set(data.inputs.subarray(n * inputSize, (n + 1) * inputSize), k * inputSize);
    targets.set(data.targets.subarray(n * targetSize, (n + 1) * targetSize), k * targetSize);
  });
  return { count: data.count, inputSize, targetSize, inputs, targets };
}
