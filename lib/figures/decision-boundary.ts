/**
 * Decision boundaries: a network's answer over a square of 2-D inputs, drawn as a few filled bands,
 * with the 0.5 contour where its answer flips, and the data points on top (notebooks 02, 11).
 */
import { ContourOptions, Plot } from "./plot";
import { Described, Figure, PanelOptions, mix, palette, panelRow, plotFigure } from "./render";

/** A labelled point of the input square. */
export interface LabelledPoint {
  x: number;
  y: number;
  /** 0 or 1. */
  label: number;
}

/** Axis labels default to "x₁" and "x₂". */
export interface BoundaryOptions extends PanelOptions {
  /** The network's output at (x, y). */
  surface: (x: number, y: number) => number;
  points?: readonly LabelledPoint[];
  /** The input square: [low, high] for both axes. Default [−0.25, 1.25]. */
  domain?: [number, number];
  /** Where the answer flips. Default 0.5. */
  boundary?: number;
}

/** Band edges: outputs are grouped into bands 0.1 wide, with everything below 0.1 or above 0.9 in the end bands. */
export const bandEdges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Colours of the bands, from class 0's colour through a pale middle to class 1's. */
export const bandColors = Array.from({ length: bandEdges.length + 1 }, (_, k) => {
  const t = k / bandEdges.length;
  return t < 0.5 ? mix(palette.class0, "#e9eef2", t * 2) : mix("#e9eef2", palette.class1, (t - 0.5) * 2);
});

/** The key to the bands' colours: each band's colour, the answers where it starts and ends. */
export function boundaryKey(label = "the network's answer"): Figure {
  const bands = bandColors.map((fill, k) => ({ k, fill }));
  const edges = bandEdges.map((edge, k) => ({ x: k + 1, text: String(edge) }));
  return plotFigure({
    width: 330,
    height: 52,
    margin: 0,
    marginLeft: 34,
    marginRight: 34,
    marginTop: 18,
    marginBottom: 16,
    description: `The key to the colours: ${bandColors.length} bands of the network's answer, from below ${bandEdges[0]} (darkest blue, negative answers included) to ${bandEdges[bandEdges.length - 1]} and above (darkest green, answers above 1 included), with the boundary ${0.5} in the middle.`,
    x: { domain: [0, bandColors.length], axis: null },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.rect(bands, { x1: "k", x2: (d: { k: number }) => d.k + 1, y1: 0, y2: 1, fill: (d: { fill: string }) => d.fill, stroke: "#9ca3af", strokeWidth: 0.5 }),
      Plot.text(edges, { x: "x", y: 0, dy: 9, text: "text", fontSize: 10 }),
      Plot.text(["below"], { x: 0, y: 0.5, dx: -4, textAnchor: "end", text: (d: string) => d, fontSize: 10 }),
      Plot.text(["above"], { x: bandColors.length, y: 0.5, dx: 4, textAnchor: "start", text: (d: string) => d, fontSize: 10 }),
      Plot.text([label], { x: 0, y: 1, dy: -10, textAnchor: "start", text: (d: string) => d, fontSize: 11, fontWeight: "bold" }),
    ],
  });
}

/** One decision-boundary panel, with the key to its colours under it. */
export function decisionBoundary(options: BoundaryOptions): Figure {
  const { caption, ...panel } = options;
  return panelRow([boundaryPanel(panel)], { caption, description: options.description ?? panelDescription(options.boundary ?? 0.5), key: boundaryKey() });
}

const panelDescription = (boundary: number) =>
  `The network's output over the input square, in bands from below 0.1 (blue) to 0.9 and above (green); the white line marks output ${boundary}.`;

/** One panel without a key or caption. */
function boundaryPanel(options: BoundaryOptions): Figure {
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
    description: options.description ?? panelDescription(boundary),
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

/** Several decision-boundary panels side by side, such as epochs 0, 40 and 3000, with one key under them. */
export function boundaryPanels(panels: readonly BoundaryOptions[], options: Described = {}): Figure {
  return panelRow(
    panels.map((p) => boundaryPanel({ ...p, caption: undefined, width: p.width ?? 250 })),
    { ...options, key: boundaryKey() },
  );
}
