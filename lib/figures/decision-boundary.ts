/**
 * Decision boundaries: a network's answer over a square of 2-D inputs, drawn as a few filled bands,
 * with the 0.5 contour where its answer flips, and the data points on top (notebooks 02, 11).
 */
import { ContourOptions, Plot } from "./plot";
import { Described, Figure, mix, palette, panelRow, plotFigure } from "./render";

/** A labelled point of the input square. */
export interface LabelledPoint {
  x: number;
  y: number;
  /** 0 or 1. */
  label: number;
}

export interface BoundaryOptions extends Described {
  /** The network's output at (x, y). */
  surface: (x: number, y: number) => number;
  points?: readonly LabelledPoint[];
  /** The input square: [low, high] for both axes. Default [−0.25, 1.25]. */
  domain?: [number, number];
  /** Where the answer flips. Default 0.5. */
  boundary?: number;
  /** A title drawn above the panel, such as "epoch 40". */
  title?: string;
  width?: number;
  /** Axis labels. Default "x₁" and "x₂". */
  xLabel?: string;
  yLabel?: string;
}

/** Band edges: outputs are grouped into bands 0.1 wide, with everything below 0 or above 1 in the end bands. */
const bandEdges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Colours of the bands, from class 0's colour through a pale middle to class 1's. */
export const bandColors = Array.from({ length: bandEdges.length + 1 }, (_, k) => {
  const t = k / bandEdges.length;
  return t < 0.5 ? mix(palette.class0, "#e9eef2", t * 2) : mix("#e9eef2", palette.class1, (t - 0.5) * 2);
});

/** One decision-boundary panel. */
export function decisionBoundary(options: BoundaryOptions): Figure {
  const [low, high] = options.domain ?? [-0.25, 1.25];
  const size = options.width ?? 300;
  const boundary = options.boundary ?? 0.5;
  // Clamping to the band range keeps the end bands closed, so every part of the square is filled.
  const value = (x: number, y: number) => Math.min(1.05, Math.max(-0.05, options.surface(x, y)));
  const region = { x1: low, y1: low, x2: high, y2: high, pixelSize: 5 };
  const points = options.points ?? [];
  return plotFigure({
    width: size,
    height: size + (options.title ? 20 : 0),
    marginTop: options.title ? 30 : 10,
    marginLeft: 40,
    marginRight: 10,
    caption: options.caption,
    description:
      options.description ??
      `The network's output over the input square, in bands from 0 (blue) to 1 (green); the white line marks output ${boundary}.`,
    x: { domain: [low, high], label: options.xLabel ?? "x₁", ticks: 5 },
    y: { domain: [low, high], label: options.yLabel ?? "x₂", ticks: 5 },
    color: { type: "threshold", domain: bandEdges, range: bandColors },
    marks: [
      Plot.contour({ ...region, fill: value, thresholds: [-0.05, ...bandEdges], stroke: "none" } as ContourOptions),
      Plot.contour({ ...region, value, thresholds: [boundary], stroke: "white", strokeWidth: 2.5, fill: "none" } as ContourOptions),
      Plot.dot(points, {
        x: "x",
        y: "y",
        r: 7,
        fill: (p: LabelledPoint) => (p.label >= 0.5 ? palette.class1 : palette.class0),
        stroke: "#1b1b1b",
        strokeWidth: 1.5,
      }),
      Plot.text(points, { x: "x", y: "y", text: (p: LabelledPoint) => String(p.label), fill: "#1b1b1b", fontSize: 9, fontWeight: "bold" }),
      options.title ? Plot.text([options.title], { frameAnchor: "top", dy: -22, fontSize: 13, fontWeight: "bold" }) : null,
    ],
  });
}

/** Several decision-boundary panels side by side, such as epochs 0, 40 and 3000. */
export function boundaryPanels(panels: readonly BoundaryOptions[], options: Described = {}): Figure {
  return panelRow(
    panels.map((p) => decisionBoundary({ ...p, caption: undefined, width: p.width ?? 250 })),
    options,
  );
}
