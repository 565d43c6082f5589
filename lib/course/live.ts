/**
 * Training with a live view: a progress bar and the loss curve so far, redrawn in one output while the
 * network trains, then replaced by a clean final loss curve (which is what the saved notebook keeps).
 */
import * as tslab from "tslab";
import { EpochRecord, History, Network, Sample, TrainOptions, train } from "../engine/index";
import { LossCurveOptions, lossCurve } from "../figures/loss-curve";
import { escapeHtml, withStill } from "../figures/render";

/** Something that shows HTML and can replace it: tslab's newDisplay(), or a stand-in in tests. */
export interface LiveDisplay {
  html(content: string): void;
}

export interface LiveOptions extends TrainOptions {
  /** How many times the view is redrawn during training. Default 20. */
  frames?: number;
  /** Options for the final loss curve (caption, log scale, …). */
  curve?: LossCurveOptions;
  /** A name for the run, shown in the progress line and the legend. Default "training". */
  label?: string;
}

/**
 * Trains exactly as `train` does (same results, bit for bit), pausing between pieces so that the
 * notebook can redraw a progress bar and the loss curve. Use it with await: `await trainLive(...)`.
 */
export async function trainLive(net: Network, data: readonly Sample[], options: LiveOptions, display: LiveDisplay = tslab.newDisplay()): Promise<History> {
  const frames = Math.max(1, Math.min(options.frames ?? 20, options.epochs));
  const label = options.label ?? "training";
  const history: History = { records: [], snapshots: [] };
  const { frames: _f, curve, label: _l, ...trainOptions } = options;
  const first = options.firstEpoch ?? 0;
  const wanted =
    trainOptions.snapshotEpochs === "all"
      ? Array.from({ length: options.epochs + 1 }, (_, e) => first + e)
      : (trainOptions.snapshotEpochs ?? []);
  let done = 0;
  for (let frame = 1; frame <= frames; frame++) {
    const until = Math.round((options.epochs * frame) / frames);
    const piece = train(net, data, {
      ...trainOptions,
      epochs: until - done,
      firstEpoch: first + done,
      // A piece's end is the next piece's start: take that snapshot once, at the start of the next piece.
      snapshotEpochs: wanted.filter((e) => frame === frames || e !== first + until),
    });
    history.records.push(...piece.records);
    history.snapshots.push(...piece.snapshots);
    done = until;
    if (frame < frames) await showProgress(display, label, done, options.epochs, history);
  }
  display.html(withStill(finalCurve(label, options.epochs, history, curve)));
  return history;
}

/** Redraws the live view for the epochs done so far, and lets the notebook send it before the next piece. */
export async function showProgress(display: LiveDisplay, label: string, done: number, total: number, history: { records: readonly EpochRecord[] }): Promise<void> {
  display.html(progressView(label, done, total, history));
  await new Promise((resolve) => setImmediate(resolve));
}

/** The clean loss curve that replaces the live view once training is over (what the saved notebook keeps). */
export function finalCurve(label: string, epochs: number, history: { records: readonly EpochRecord[] }, curve?: LossCurveOptions): string {
  const last = history.records[history.records.length - 1];
  const ending = last ? `; the last epoch's loss is ${formatLoss(last.loss)}` : "";
  const losses = history.records.map((r) => ({ epoch: r.epoch, loss: r.loss }));
  return lossCurve({ label, losses }, { caption: `Loss during ${epochs} epochs of ${label}${ending}.`, ...curve }).html;
}

/** A loss as the live view prints it: 4 decimals, or powers of ten once it gets tiny. */
export function formatLoss(loss: number): string {
  return loss !== 0 && Math.abs(loss) < 1e-4 ? loss.toExponential(2) : loss.toFixed(4);
}

/** One frame of the live view: a progress line and bar, and the loss curve so far. */
export function progressView(label: string, done: number, total: number, history: { records: readonly EpochRecord[] }): string {
  const last = history.records[history.records.length - 1];
  const percent = Math.round((100 * done) / total);
  const bar =
    `<div style="font: 13px system-ui, sans-serif; margin: 4px 0;">${escapeHtml(label)}: epoch ${done} of ${total}` +
    ` · loss ${formatLoss(last.loss)}${last.accuracy !== undefined ? ` · accuracy ${(last.accuracy * 100).toFixed(1)} %` : ""}</div>` +
    `<div style="width: 360px; height: 8px; border-radius: 4px; background: rgba(128,128,128,0.25);">` +
    `<div style="width: ${percent}%; height: 8px; border-radius: 4px; background: #3b82c4;"></div></div>`;
  const curve = lossCurve({ label, losses: history.records.map((r) => ({ epoch: r.epoch, loss: r.loss })) }, { caption: "Loss so far.", width: 480, height: 220 });
  return bar + curve.html;
}
