/**
 * A histogram: how many values fall into each bin of equal width, with, optionally, the bell curve
 * the values were drawn from, scaled to the same counts (notebook 15's He starting weights).
 */
import { Plot } from "./plot";
import { Described, Figure, palette, plotFigure } from "./render";

/** A normal (bell-curve) distribution to draw over the bars. */
export interface BellCurve {
  mean: number;
  standardDeviation: number;
  /** Its name in the legend. Default "expected (bell curve)". */
  label?: string;
}

export interface HistogramOptions extends Described {
  /** The width of every bin. */
  binWidth: number;
  /** One bin edge falls on this value (so bins can be centred on 0 or start at 0). Default 0. */
  origin?: number;
  /** The bell curve expected for the values, drawn as the count each bin should hold on average. */
  bell?: BellCurve;
  /** What the values are, for the legend. Default "values". */
  label?: string;
  /** The x interval to show. Default: all the bins, and ±4 standard deviations of the bell curve. */
  domain?: [number, number];
  xLabel?: string;
  width?: number;
  height?: number;
}

/** One bin: its edges and how many values fell into it. */
export interface Bin {
  x1: number;
  x2: number;
  count: number;
}

/** Counts `values` into bins of width `binWidth`, one edge at `origin`; each bin holds x1 ≤ v < x2. */
export function binValues(values: readonly number[], binWidth: number, origin = 0): Bin[] {
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) throw new Error(`the bin width must be a finite number above 0, got ${binWidth}`);
  if (values.length === 0) throw new Error("a histogram needs at least one value");
  const counts = new Map<number, number>();
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`every value must be a finite number, got ${v}`);
    const k = Math.floor((v - origin) / binWidth);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const bins: Bin[] = [];
  for (let k = first; k <= last; k++) bins.push({ x1: origin + k * binWidth, x2: origin + (k + 1) * binWidth, count: counts.get(k) ?? 0 });
  return bins;
}

/** A histogram of `values`, with the expected bell curve on top when `bell` is given. */
export function histogram(values: readonly number[], options: HistogramOptions): Figure {
  const bins = binValues(values, options.binWidth, options.origin ?? 0);
  const label = options.label ?? "values";
  const bell = options.bell;
  const bellLabel = bell?.label ?? "expected (bell curve)";
  let [low, high] = options.domain ?? [bins[0].x1, bins[bins.length - 1].x2];
  if (bell && !options.domain) {
    low = Math.min(low, bell.mean - 4 * bell.standardDeviation);
    high = Math.max(high, bell.mean + 4 * bell.standardDeviation);
  }
  const curve = bell
    ? Array.from({ length: 201 }, (_, k) => {
        const x = low + ((high - low) * k) / 200;
        const u = (x - bell.mean) / bell.standardDeviation;
        // Expected count in a bin of width binWidth around x: N × binWidth × the bell curve's height.
        const density = Math.exp(-0.5 * u * u) / (bell.standardDeviation * Math.sqrt(2 * Math.PI));
        return { x, y: values.length * options.binWidth * density };
      })
    : [];
  return plotFigure({
    width: options.width ?? 520,
    height: options.height ?? 260,
    marginLeft: 44,
    caption: options.caption,
    description:
      options.description ??
      `A histogram of ${values.length} ${label} in bins ${options.binWidth} wide` +
        (bell ? `, with the bell curve of mean ${bell.mean} and standard deviation ${Number(bell.standardDeviation.toPrecision(3))} scaled to the same counts.` : "."),
    x: { label: options.xLabel ?? "value", domain: [low, high], grid: true },
    y: { label: "count", grid: true },
    color: { legend: true, domain: bell ? [label, bellLabel] : [label], range: [palette.blue, palette.orange] },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: () => label, fillOpacity: 0.85, inset: 0.5 }),
      Plot.ruleY([0], { strokeOpacity: 0.4 }),
      bell ? Plot.line(curve, { x: "x", y: "y", stroke: () => bellLabel, strokeWidth: 2.5 }) : null,
    ],
  });
}
