/**
 * The perceptron's straight line through a plane of two inputs (notebooks 02, 03). The line is every
 * input (x₁, x₂) where w₁·x₁ + w₂·x₂ + bias is exactly 0; on one side the perceptron answers 1, on the
 * other 0. Drawn exactly (not sampled), with the two sides shaded and labelled.
 */
import { Markish, Plot } from "./plot";
import { LabelledPoint } from "./decision-boundary";
import { Described, Figure, PanelOptions, palette, panelRow, plotFigure, seriesColors } from "./render";

/** One perceptron's line: two weights and a bias. */
export interface PerceptronLine {
  /** w₁ and w₂: one weight per input. */
  weights: readonly number[];
  bias: number;
  /** Shown in the legend when there are several lines, such as "bias −10". */
  label?: string;
}

/** A point drawn in the page's own colour with a short label beside it, such as "(2, 5)". */
export interface PlaneMarker {
  x: number;
  y: number;
  label?: string;
}

/** Axis labels default to "input x₁" and "input x₂". */
export interface PerceptronPlaneOptions extends PanelOptions {
  /** One line, or several (the same weights with different biases, say). */
  lines: readonly PerceptronLine[];
  /** Which line's two sides are shaded and labelled "answer 1" / "answer 0". Default 0; false: none. */
  shade?: number | false;
  /** Points coloured by their class (0 or 1), with the class written on them. */
  points?: readonly LabelledPoint[];
  /** Points without a class, drawn in the page's colour with a label. */
  markers?: readonly PlaneMarker[];
  /** The input square: [low, high] for both axes. Default [0, 6]. */
  domain?: [number, number];
}

type Pt = { x: number; y: number };

/** The part of the square where `side` × (w·x + b) ≥ 0, as a convex polygon (clipped against one line). */
function halfSquare(line: PerceptronLine, side: 1 | -1, low: number, high: number): Pt[] {
  const f = (p: Pt) => side * (line.weights[0] * p.x + line.weights[1] * p.y + line.bias);
  const square: Pt[] = [
    { x: low, y: low },
    { x: high, y: low },
    { x: high, y: high },
    { x: low, y: high },
  ];
  const out: Pt[] = [];
  for (let i = 0; i < square.length; i++) {
    const p = square[i];
    const q = square[(i + 1) % square.length];
    const fp = f(p);
    const fq = f(q);
    if (fp >= 0) out.push(p);
    if ((fp > 0 && fq < 0) || (fp < 0 && fq > 0)) {
      const t = fp / (fp - fq);
      out.push({ x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y) });
    }
  }
  return out;
}

/** Twice the signed area of a polygon (its size decides whether a side gets a label). */
function area(polygon: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i];
    const q = polygon[(i + 1) % polygon.length];
    a += p.x * q.y - q.x * p.y;
  }
  return Math.abs(a) / 2;
}

/** The piece of the line inside the square: its two ends, or none when the line misses the square. */
function segment(line: PerceptronLine, low: number, high: number): Pt[] {
  const [w1, w2] = line.weights;
  const ends: Pt[] = [];
  const add = (p: Pt) => {
    const inside = p.x >= low - 1e-9 && p.x <= high + 1e-9 && p.y >= low - 1e-9 && p.y <= high + 1e-9;
    if (inside && !ends.some((e) => Math.abs(e.x - p.x) < 1e-9 && Math.abs(e.y - p.y) < 1e-9)) ends.push(p);
  };
  if (w2 !== 0) for (const x of [low, high]) add({ x, y: -(line.bias + w1 * x) / w2 });
  if (w1 !== 0) for (const y of [low, high]) add({ x: -(line.bias + w2 * y) / w1, y });
  return ends.length >= 2 ? ends.slice(0, 2) : [];
}

/**
 * A plane of two inputs with one or more perceptron lines: the shaded sides show where the perceptron
 * answers 1 and where 0; points are coloured by the class they were given.
 */
export function perceptronPlane(options: PerceptronPlaneOptions): Figure {
  const [low, high] = options.domain ?? [0, 6];
  const size = options.width ?? 360;
  const lines = options.lines;
  if (lines.length === 0) throw new Error("perceptronPlane needs at least one line");
  for (const l of lines) {
    if (l.weights.length !== 2) throw new Error(`a line in the plane needs exactly 2 weights, got ${l.weights.length}`);
    if (l.weights[0] === 0 && l.weights[1] === 0) throw new Error("with both weights 0 there is no line: every input gets the same answer");
  }
  const several = lines.length > 1;
  const labels = lines.map((l, i) => l.label ?? `line ${i + 1}`);
  const shaded = options.shade === false ? undefined : lines[options.shade ?? 0];
  const marks: Markish[] = shaded ? shadedSides(shaded, low, high) : [];
  marks.push(Plot.frame({ strokeOpacity: 0.25 }));
  const segments = lines.flatMap((l, i) => segment(l, low, high).map((p) => ({ ...p, line: labels[i] })));
  lines.forEach((_, i) => {
    marks.push(
      Plot.line(
        segments.filter((s) => s.line === labels[i]),
        { x: "x", y: "y", stroke: several ? "line" : "currentColor", strokeWidth: 2.5 },
      ),
    );
  });
  const points = options.points ?? [];
  marks.push(
    Plot.dot(points, { x: "x", y: "y", r: 8, fill: (p: LabelledPoint) => (p.label >= 0.5 ? palette.class1 : palette.class0), stroke: "#1b1b1b", strokeWidth: 1.5 }),
    Plot.text(points, { x: "x", y: "y", text: (p: LabelledPoint) => String(p.label), fill: "#1b1b1b", fontSize: 10, fontWeight: "bold" }),
  );
  const markers = options.markers ?? [];
  marks.push(
    Plot.dot(markers, { x: "x", y: "y", r: 5, fill: "currentColor" }),
    Plot.text(markers, { x: "x", y: "y", text: (m: PlaneMarker) => m.label ?? "", dx: 9, textAnchor: "start", fontSize: 12, fontWeight: "bold", fill: "currentColor" }),
  );
  if (options.title) marks.push(Plot.text([options.title], { frameAnchor: "top", dy: -26, fontSize: 13, fontWeight: "bold" }));
  return plotFigure({
    width: size,
    height: size + (options.title ? 20 : 0),
    marginLeft: 44,
    marginBottom: 40,
    marginRight: 14,
    marginTop: options.title ? 34 : 24,
    caption: options.caption,
    description:
      options.description ??
      `A plane of two inputs with ${several ? `${lines.length} perceptron lines (${labels.join(", ")})` : "a perceptron's line"}: on one side it answers 1, on the other 0.`,
    x: { domain: [low, high], label: options.xLabel ?? "input x₁", grid: true, ticks: 6 },
    y: { domain: [low, high], label: options.yLabel ?? "input x₂", grid: true, ticks: 6 },
    color: several ? { legend: true, domain: labels, range: seriesColors } : undefined,
    marks,
  });
}

/** Several perceptron planes side by side with one caption, such as the same weights with three biases. */
export function perceptronPanels(panels: readonly PerceptronPlaneOptions[], options: Described = {}): Figure {
  return panelRow(
    panels.map((p) => perceptronPlane({ ...p, caption: undefined, width: p.width ?? 250 })),
    options,
  );
}

export interface ThresholdSweepOptions extends Described {
  /** The knob being turned, for the x axis, such as "first weight". */
  knob: string;
  /** The knob's range. */
  domain: [number, number];
  /** What the perceptron compares with its threshold, for each setting of the knob (its weighted sum). */
  score: (knob: number) => number;
  /** The perceptron's answer for each setting of the knob (0 or 1). */
  answer: (knob: number) => number;
  threshold: number;
  /** Mark this setting of the knob with a dot in both panels. */
  at?: number;
  /** The left panel's y label. Default "weighted sum". */
  scoreLabel?: string;
  /** Width of each panel. Default 340. */
  width?: number;
  /** Samples across the domain. Default 401. */
  samples?: number;
}

/**
 * One knob of a perceptron turned across a range, in two panels: the weighted sum it compares with its
 * threshold (a smooth ramp) and the answer it gives (flat, with one jump where the ramp crosses).
 */
export function thresholdSweep(options: ThresholdSweepOptions): Figure {
  const [low, high] = options.domain;
  const n = options.samples ?? 401;
  const ks = Array.from({ length: n }, (_, i) => low + ((high - low) * i) / (n - 1));
  const width = options.width ?? 340;
  const at = options.at;
  const common = { width, height: 250, marginLeft: 44, marginRight: 16, marginTop: 30, marginBottom: 40 };
  const x = { label: options.knob, domain: [low, high], grid: true, ticks: 6 };
  const scores = ks.map((k) => ({ k, v: options.score(k) }));
  const left = plotFigure({
    ...common,
    x,
    y: { label: options.scoreLabel ?? "weighted sum", grid: true },
    marks: [
      Plot.ruleY([options.threshold], { stroke: palette.orange, strokeWidth: 2, strokeDasharray: "6,4" }),
      Plot.text([options.threshold], { y: (t: number) => t, frameAnchor: "right", dy: -8, dx: -4, textAnchor: "end", text: (t: number) => `threshold ${String(t).replace("-", "−")}`, fill: palette.orange, fontWeight: "bold" }),
      Plot.line(scores, { x: "k", y: "v", stroke: palette.blue, strokeWidth: 2.5 }),
      Plot.dot(at === undefined ? [] : [{ k: at, v: options.score(at) }], { x: "k", y: "v", r: 5, fill: "currentColor" }),
    ],
  });
  const answers = ks.map((k) => ({ k, v: options.answer(k) }));
  const right = plotFigure({
    ...common,
    x,
    y: { label: "perceptron's answer", domain: [-0.15, 1.15], ticks: [0, 1], tickFormat: "~g", grid: true },
    marks: [
      Plot.line(answers, { x: "k", y: "v", stroke: palette.green, strokeWidth: 2.5 }),
      Plot.dot(at === undefined ? [] : [{ k: at, v: options.answer(at) }], { x: "k", y: "v", r: 5, fill: "currentColor" }),
    ],
  });
  return panelRow([left, right], {
    caption: options.caption,
    description:
      options.description ??
      `Two panels over ${options.knob} from ${low} to ${high}: the weighted sum rises smoothly past the threshold ${options.threshold}, while the answer stays flat and jumps once.`,
  });
}

/** The two sides of a perceptron's line, shaded by its answer, each labelled when it is big enough to hold its label. */
function shadedSides(shaded: PerceptronLine, low: number, high: number): Markish[] {
  const marks: Markish[] = [];
  const sides = [
    { polygon: halfSquare(shaded, 1, low, high), fill: palette.class1, text: "answer 1" },
    { polygon: halfSquare(shaded, -1, low, high), fill: palette.class0, text: "answer 0" },
  ];
  const whole = (high - low) ** 2;
  for (const side of sides) {
    if (side.polygon.length < 3) continue;
    marks.push(Plot.line(side.polygon, { x: "x", y: "y", fill: side.fill, fillOpacity: 0.28, stroke: "none", curve: "linear-closed" }));
    if (area(side.polygon) > 0.12 * whole) {
      // In the corner of the square farthest from the line, where points rarely sit.
      const score = (p: Pt) => Math.abs(shaded.weights[0] * p.x + shaded.weights[1] * p.y + shaded.bias);
      const corner = side.polygon.reduce((best, p) => (score(p) > score(best) ? p : best));
      const right = corner.x > (low + high) / 2;
      const top = corner.y > (low + high) / 2;
      marks.push(
        Plot.text([corner], {
          x: "x",
          y: "y",
          text: () => side.text,
          textAnchor: right ? "end" : "start",
          dx: right ? -7 : 7,
          dy: top ? 11 : -11,
          fontSize: 13,
          fontWeight: "bold",
          fill: "currentColor",
        }),
      );
    }
  }
  return marks;
}
