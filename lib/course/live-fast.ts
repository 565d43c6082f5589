/**
 * Live training with the fast engine (notebook 16): the same view as `trainLive` — a progress bar and
 * the loss curve so far, redrawn in one output, then a clean final loss curve — over `trainFast`.
 */
import * as tslab from "tslab";
import { FastHistory, FastNetwork, FastSamples, FastTrainOptions, trainFastEpochs } from "../engine/index";
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
 * Trains exactly as `trainFast` does (same records, same weights, bit for bit), with a pause after some
 * epochs so that the notebook can redraw the view. Use it with await: `await trainFastLive(...)`.
 * It is one run of `trainFastEpochs`, which trains one epoch each time the loop asks for the next record.
 */
export async function trainFastLive(net: FastNetwork, data: FastSamples, options: FastLiveOptions, display: LiveDisplay = tslab.newDisplay()): Promise<FastHistory> {
  const frames = Math.max(1, Math.min(options.frames ?? 10, options.epochs));
  const label = options.label ?? "training";
  const { frames: _f, curve, label: _l, ...trainOptions } = options;
  const history: FastHistory = { records: [] };
  // Frame k of `frames` is drawn after epoch round(epochs × k / frames); the last frame is the final curve.
  let frame = 1;
  for (const record of trainFastEpochs(net, data, trainOptions)) {
    history.records.push(record);
    const done = history.records.length;
    while (frame < frames && done >= Math.round((options.epochs * frame) / frames)) {
      await showProgress(display, label, done, options.epochs, history);
      frame++;
    }
  }
  display.html(withStill(finalCurve(label, options.epochs, history, curve)));
  return history;
}
