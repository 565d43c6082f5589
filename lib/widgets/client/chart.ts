/// <reference lib="dom" />
/**
 * A plain SVG chart frame for the widgets: linear or logarithmic axes with ticks, grid lines and
 * labels. Lines and dots are drawn by the caller with the scales it returns.
 */
import { svg } from "./dom";
import { fixed } from "./format";

export interface AxisOptions {
  domain: [number, number];
  label?: string;
  log?: boolean;
  /** Tick values; default: about five round numbers (powers of ten on a log axis). */
  ticks?: number[];
  format?: (value: number) => string;
}

export interface ChartOptions {
  width: number;
  height: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  x: AxisOptions;
  y: AxisOptions;
}

export interface Chart {
  svg: SVGSVGElement;
  /** Where marks go (drawn above the grid). */
  marks: SVGGElement;
  /** Where marks go that must not spill out of the plotting area (an inner viewport that clips). */
  clipped: SVGSVGElement;
  x(value: number): number;
  y(value: number): number;
  /** The plotting area. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** About `count` round tick values covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const span = high - low;
  if (!(span > 0)) return [low];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step - 1e-9) * step; v <= high + 1e-9 * step; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return ticks;
}

function logTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  const first = Math.ceil(Math.log10(low) - 1e-9);
  const last = Math.floor(Math.log10(high) + 1e-9);
  const every = Math.max(1, Math.ceil((last - first + 1) / 6));
  for (let e = first; e <= last; e += every) ticks.push(10 ** e);
  return ticks;
}

function defaultFormat(ticks: number[]): (v: number) => string {
  const decimals = Math.max(0, ...ticks.map((t) => (String(t).split(".")[1] ?? "").length));
  return (v) => fixed(v, Math.min(decimals, 4));
}

/** "10⁻³" for a power of ten on a log axis. */
function powerOfTen(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e === 0) return "1";
  if (e === 1) return "10";
  return `10${String(e).replace("-", "⁻").replace(/[0-9]/g, (c) => "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)])}`;
}

function scale(axis: AxisOptions, from: number, to: number): (v: number) => number {
  const [a, b] = axis.domain;
  if (axis.log) {
    const la = Math.log10(a);
    const lb = Math.log10(b);
    return (v) => from + ((Math.log10(Math.max(v, a * 1e-3)) - la) / (lb - la)) * (to - from);
  }
  return (v) => from + ((v - a) / (b - a)) * (to - from);
}

/** Draws the frame of a chart: grid, axes, ticks and axis labels. */
export function chart(options: ChartOptions): Chart {
  const margin = options.margin ?? { top: 12, right: 14, bottom: 34, left: 46 };
  const root = svg("svg", { class: "nnw-svg", width: options.width, height: options.height, viewBox: `0 0 ${options.width} ${options.height}` });
  const left = margin.left;
  const right = options.width - margin.right;
  const top = margin.top;
  const bottom = options.height - margin.bottom;
  const x = scale(options.x, left, right);
  const y = scale(options.y, bottom, top);
  const grid = svg("g");
  const axes = svg("g", { class: "nnw-axis" });
  root.append(grid, axes);

  const xTicks = options.x.ticks ?? (options.x.log ? logTicks(...options.x.domain) : niceTicks(...options.x.domain, Math.max(2, Math.round((right - left) / 80))));
  const yTicks = options.y.ticks ?? (options.y.log ? logTicks(...options.y.domain) : niceTicks(...options.y.domain, Math.max(2, Math.round((bottom - top) / 45))));
  const xFormat = options.x.format ?? (options.x.log ? powerOfTen : defaultFormat(xTicks));
  const yFormat = options.y.format ?? (options.y.log ? powerOfTen : defaultFormat(yTicks));
  for (const t of xTicks) {
    const px = x(t);
    grid.appendChild(svg("line", { class: "nnw-gridline", x1: px, x2: px, y1: top, y2: bottom }));
    axes.appendChild(svg("line", { x1: px, x2: px, y1: bottom, y2: bottom + 4 }));
    axes.appendChild(svg("text", { class: "nnw-label", x: px, y: bottom + 15, "text-anchor": "middle" }, xFormat(t)));
  }
  for (const t of yTicks) {
    const py = y(t);
    grid.appendChild(svg("line", { class: "nnw-gridline", x1: left, x2: right, y1: py, y2: py }));
    axes.appendChild(svg("line", { x1: left - 4, x2: left, y1: py, y2: py }));
    axes.appendChild(svg("text", { class: "nnw-label", x: left - 7, y: py + 3.5, "text-anchor": "end" }, yFormat(t)));
  }
  axes.appendChild(svg("path", { d: `M${left},${top}V${bottom}H${right}` }));
  if (options.x.label) axes.appendChild(svg("text", { class: "nnw-label", x: right, y: bottom + 29, "text-anchor": "end" }, `${options.x.label} →`));
  if (options.y.label) axes.appendChild(svg("text", { class: "nnw-label", x: 4, y: Math.max(10, top - 10), "text-anchor": "start" }, `↑ ${options.y.label}`));
  const clipped = svg("svg", { x: left, y: top, width: right - left, height: bottom - top, viewBox: `${left} ${top} ${right - left} ${bottom - top}` });
  const marks = svg("g");
  root.append(clipped, marks);
  return { svg: root, marks, clipped, x, y, left, right, top, bottom };
}

/** An SVG path through points, skipping points that are not finite. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    pen = true;
  }
  return d;
}
