/** The loss curve: how the loss falls, epoch by epoch (notebooks 08, 10–13). */
import { Markish, Plot } from "./plot";
import { Described, Figure, plotFigure, seriesColors, thin } from "./render";

/** One training run's losses, one per epoch. */
export interface LossRun {
  label: string;
  /** Loss per epoch, or (epoch, loss) pairs when the epochs are not 0, 1, 2, … */
  losses: readonly number[] | readonly { epoch: number; loss: number }[];
}

export interface LossCurveOptions extends Described {
  /** Use a logarithmic y axis (for losses that fall by many powers of ten). */
  log?: boolean;
  /** Mark one epoch with a vertical rule and a dot on each curve. */
  markEpoch?: number;
  /** The y axis label. Default "loss". */
  yLabel?: string;
  width?: number;
  height?: number;
}

/** A loss curve; several runs are overlaid in different colours with a legend. */
export function lossCurve(runs: LossRun | readonly LossRun[], options: LossCurveOptions = {}): Figure {
  const list = Array.isArray(runs) ? (runs as readonly LossRun[]) : [runs as LossRun];
  const points = list.flatMap((run) => {
    const pairs = run.losses.map((v, i) => (typeof v === "number" ? { epoch: i, loss: v } : v));
    // A log axis cannot show 0 or negative values; a loss of exactly 0 is left off the curve.
    const shown = options.log ? pairs.filter((p) => p.loss > 0) : pairs;
    return thin(shown, 500).map((p) => ({ ...p, run: run.label }));
  });
  const several = list.length > 1;
  const marks: Markish[] = [
    Plot.ruleY(options.log ? [] : [0], { strokeOpacity: 0.3 }),
    Plot.line(points, { x: "epoch", y: "loss", stroke: several ? "run" : seriesColors[0], strokeWidth: 2 }),
  ];
  if (options.markEpoch !== undefined) {
    const at = options.markEpoch;
    const marked = list.flatMap((run) => {
      const pairs = run.losses.map((v, i) => (typeof v === "number" ? { epoch: i, loss: v } : v));
      const hit = pairs.find((p) => p.epoch === at);
      return hit && (!options.log || hit.loss > 0) ? [{ ...hit, run: run.label }] : [];
    });
    marks.push(Plot.ruleX([at], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 }));
    marks.push(Plot.dot(marked, { x: "epoch", y: "loss", fill: several ? "run" : seriesColors[0], r: 4, stroke: "currentColor" }));
  }
  return plotFigure({
    width: options.width ?? 560,
    height: options.height ?? 280,
    marginLeft: 56,
    caption: options.caption,
    description: options.description ?? `Loss against epoch${several ? ` for ${list.map((r) => r.label).join(", ")}` : ""}.`,
    x: { label: "epoch", grid: true },
    y: { label: options.yLabel ?? "loss", grid: true, type: options.log ? "log" : "linear", tickFormat: options.log ? "~g" : undefined },
    color: several ? { legend: true, domain: list.map((r) => r.label), range: seriesColors } : undefined,
    marks,
  });
}
