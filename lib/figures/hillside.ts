/**
 * The loss as a hillside: the loss against one weight, drawn as a curve. On it: marked points, straight
 * lines whose steepness is a slope (a nudged one or the exact one, notebook 07), and the steps gradient
 * descent takes down the hill (notebook 08).
 */
import { Plot } from "./plot";
import { Described, Figure, PanelOptions, palette, panelRow, plotFigure } from "./render";

/** A straight line through the hillside's point at `x`, with steepness `slope`. */
export interface SlopeLine {
  label: string;
  x: number;
  slope: number;
  dashed?: boolean;
}

/** Axis labels default to "weight" and "loss". */
export interface HillsideOptions extends PanelOptions {
  /** The loss for a given value of the weight. */
  loss: (weight: number) => number;
  /** The weight values to draw over. */
  domain: [number, number];
  /** The loss axis. Default: from 0 to a little above the highest point of the curve. */
  yDomain?: [number, number];
  /** Points on the curve, each with a short label drawn above and to the right of it. */
  points?: readonly { x: number; label: string }[];
  /** Straight lines through points of the curve: a nudged slope, the exact slope. */
  lines?: readonly SlopeLine[];
  /** Gradient descent: the weight before the first step and after each step; drawn as numbered dots joined by arrows. */
  steps?: readonly number[];
  height?: number;
}

const lineColors = [palette.orange, palette.green, palette.purple, palette.red];

/** The loss against one weight, with optional points, slope lines and gradient-descent steps. */
export function hillside(options: HillsideOptions): Figure {
  const [low, high] = options.domain;
  const n = 161;
  const curve = Array.from({ length: n }, (_, k) => {
    const x = low + ((high - low) * k) / (n - 1);
    return { x, y: options.loss(x) };
  });
  const top = Math.max(...curve.map((p) => p.y));
  const bottom = Math.min(0, ...curve.map((p) => p.y));
  const yDomain = options.yDomain ?? [bottom, top * 1.08];
  const lines = options.lines ?? [];
  const lineData = lines.flatMap((l) => {
    const y0 = options.loss(l.x);
    return [low, high].map((x) => ({ x, y: y0 + l.slope * (x - l.x), label: l.label }));
  });
  const points = (options.points ?? []).map((p) => ({ ...p, y: options.loss(p.x) }));
  const steps = (options.steps ?? []).map((w, k) => ({ k, x: w, y: options.loss(w) }));
  const arrows = steps.slice(1).map((s, i) => ({ x1: steps[i].x, y1: steps[i].y, x2: s.x, y2: s.y }));
  // Number a step only where it stands clear of the one before, so that converging steps stay readable.
  const gap = (high - low) * 0.03;
  const numbered = steps.filter((s, i) => i === 0 || Math.abs(s.x - steps[i - 1].x) > gap);
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  return plotFigure({
    width,
    height: height + (options.title ? 20 : 0),
    marginTop: options.title ? 34 : 24,
    marginLeft: 52,
    marginRight: 16,
    caption: options.caption,
    description:
      options.description ??
      `The loss against the weight from ${low} to ${high}${lines.length ? `, with the lines ${lines.map((l) => l.label).join(" and ")}` : ""}${steps.length ? `, and ${steps.length - 1} steps of gradient descent` : ""}.`,
    x: { domain: [low, high], label: options.xLabel ?? "weight", grid: true },
    y: { domain: yDomain, label: options.yLabel ?? "loss", grid: true },
    color: lines.length ? { legend: true, domain: lines.map((l) => l.label), range: lineColors } : undefined,
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.35 }),
      Plot.line(curve, { x: "x", y: "y", stroke: palette.blue, strokeWidth: 2.5, clip: true }),
      ...lines.map((l) =>
        Plot.line(
          lineData.filter((d) => d.label === l.label),
          { x: "x", y: "y", stroke: "label", strokeWidth: 2, strokeDasharray: l.dashed ? "6,4" : undefined, clip: true },
        ),
      ),
      Plot.arrow(arrows, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: palette.orange, strokeWidth: 1.6, headLength: 7, inset: 4, clip: true }),
      Plot.dot(steps, { x: "x", y: "y", r: 3.5, fill: palette.orange, stroke: "currentColor", strokeWidth: 0.8, clip: true }),
      Plot.text(numbered, { x: "x", y: "y", text: (s: { k: number }) => String(s.k), dy: -11, fontSize: 11, fontWeight: "bold", clip: true }),
      Plot.dot(points, { x: "x", y: "y", r: 4.5, fill: "currentColor" }),
      Plot.text(points, { x: "x", y: "y", text: "label", textAnchor: "start", dx: 8, dy: -10, fontSize: 12 }),
      options.title ? Plot.text([options.title], { frameAnchor: "top", dy: -26, fontSize: 13, fontWeight: "bold" }) : null,
    ],
  });
}

/** Several hillsides side by side, such as the same hill walked with three learning rates. */
export function hillsidePanels(panels: readonly HillsideOptions[], options: Described = {}): Figure {
  return panelRow(
    panels.map((p) => hillside({ ...p, caption: undefined, width: p.width ?? 290, height: p.height ?? 250 })),
    options,
  );
}
