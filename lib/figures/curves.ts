/**
 * Curves of one input: a model's fit through data points (notebooks 11 and 13), activation functions and
 * their derivatives (notebook 04), and any family of functions drawn over an interval (notebooks 01, 03).
 */
import { Plot } from "./plot";
import { ActivationName, activate, activationDerivative } from "../engine/index";
import { Described, Figure, palette, plotFigure, seriesColors } from "./render";

/** A named function of one number. */
export interface NamedCurve {
  label: string;
  f: (x: number) => number;
  /** Draw dashed (for a derivative or a reference line). */
  dashed?: boolean;
}

export interface CurvesOptions extends Described {
  /** The x interval to draw over. */
  domain: [number, number];
  /** Data points drawn on top. */
  points?: readonly { x: number; y: number }[];
  /** Clip the y axis to this interval. */
  yDomain?: [number, number];
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  /** Samples per curve. Default 161. */
  samples?: number;
}

/** One or more curves over an interval, with an optional set of data points. */
export function curves(list: readonly NamedCurve[], options: CurvesOptions): Figure {
  const [low, high] = options.domain;
  const n = options.samples ?? 161;
  const data = list.flatMap((c) =>
    Array.from({ length: n }, (_, k) => {
      const x = low + ((high - low) * k) / (n - 1);
      return { x, y: c.f(x), curve: c.label, dashed: !!c.dashed };
    }),
  );
  const several = list.length > 1;
  return plotFigure({
    width: options.width ?? 560,
    height: options.height ?? 280,
    marginLeft: 48,
    caption: options.caption,
    description: options.description ?? `${list.map((c) => c.label).join(", ")} drawn from x = ${low} to ${high}.`,
    x: { label: options.xLabel ?? "x", grid: true, domain: [low, high] },
    y: { label: options.yLabel ?? "y", grid: true, domain: options.yDomain },
    color: several ? { legend: true, domain: list.map((c) => c.label), range: seriesColors } : undefined,
    marks: [
      Plot.ruleY([0], { strokeOpacity: 0.35 }),
      Plot.ruleX(low < 0 && high > 0 ? [0] : [], { strokeOpacity: 0.35 }),
      ...list.map((c, i) =>
        Plot.line(
          data.filter((d) => d.curve === c.label),
          { x: "x", y: "y", stroke: several ? "curve" : seriesColors[i], strokeWidth: 2, strokeDasharray: c.dashed ? "5,4" : undefined, clip: true },
        ),
      ),
      Plot.dot(options.points ?? [], { x: "x", y: "y", r: 5, fill: "currentColor" }),
    ],
  });
}

/** Data points and one or more models' curves through them: a 1-D fit. */
export function fitCurve(points: readonly { x: number; y: number }[], models: readonly NamedCurve[], options: Omit<CurvesOptions, "points">): Figure {
  return curves(models, {
    ...options,
    points,
    description: options.description ?? `${points.length} data points and the curve${models.length > 1 ? "s" : ""} of ${models.map((m) => m.label).join(", ")}.`,
  });
}

/** Each activation in its own small panel: the function (solid) and its derivative (dashed). */
export function activationsFigure(names: readonly Exclude<ActivationName, "softmax">[], options: Described & { domain?: [number, number] } = {}): Figure {
  const [low, high] = options.domain ?? [-5, 5];
  const n = 201;
  const data = names.flatMap((name) =>
    Array.from({ length: n }, (_, k) => {
      const z = low + ((high - low) * k) / (n - 1);
      const a = activate(name, [z])[0];
      return [
        { name, z, value: a, part: "function" },
        { name, z, value: activationDerivative(name, z, a), part: "derivative (local effect)" },
      ];
    }).flat(),
  );
  return plotFigure({
    width: Math.min(900, 230 * names.length),
    height: 260,
    marginLeft: 40,
    caption: options.caption,
    description: options.description ?? `${names.join(", ")}: each function as a solid line and its derivative as a dashed line, for inputs from ${low} to ${high}.`,
    fx: { label: null, domain: names as string[] },
    x: { label: "z", grid: true },
    y: { label: null, grid: true, domain: [-1.2, 2.2] },
    color: { legend: true, domain: ["function", "derivative (local effect)"], range: [palette.blue, palette.orange] },
    marks: [
      Plot.frame({ strokeOpacity: 0.2 }),
      Plot.ruleY([0], { strokeOpacity: 0.35 }),
      Plot.line(
        data.filter((d) => d.part === "function"),
        { fx: "name", x: "z", y: "value", stroke: "part", strokeWidth: 2, clip: true },
      ),
      Plot.line(
        data.filter((d) => d.part !== "function"),
        { fx: "name", x: "z", y: "value", stroke: "part", strokeWidth: 2, strokeDasharray: "5,4", clip: true },
      ),
    ],
  });
}
