/**
 * Measured slopes against the size of the nudge (notebook 07): as the nudge shrinks, the one-sided
 * estimate slides toward the exact slope; the two-sided one is on it from the start.
 */
import { Plot } from "./plot";
import { Described, Figure, palette, plotFigure } from "./render";

/** The slopes measured with one nudge size. */
export interface NudgeRow {
  /** The nudge h. */
  nudge: number;
  /** (f(x + h) − f(x)) / h. */
  forward: number;
  /** (f(x + h) − f(x − h)) / 2h, when measured. */
  central?: number;
}

export interface NudgeSizesOptions extends Described {
  /** The exact slope, drawn as a dashed line. */
  exact?: number;
  /** Names of the two series. Default "one-sided nudge" and "two-sided nudge". */
  labels?: [string, string];
  width?: number;
  height?: number;
}

/** Measured slope against nudge size, on a logarithmic axis with the nudge shrinking to the right. */
export function nudgeSizes(rows: readonly NudgeRow[], options: NudgeSizesOptions = {}): Figure {
  const [forwardLabel, centralLabel] = options.labels ?? ["one-sided nudge", "two-sided nudge"];
  const data = rows.flatMap((r) => [
    { nudge: r.nudge, slope: r.forward, kind: forwardLabel },
    ...(r.central === undefined ? [] : [{ nudge: r.nudge, slope: r.central, kind: centralLabel }]),
  ]);
  const kinds = rows.some((r) => r.central !== undefined) ? [forwardLabel, centralLabel] : [forwardLabel];
  const exact = options.exact;
  return plotFigure({
    width: options.width ?? 560,
    height: options.height ?? 280,
    marginLeft: 56,
    marginRight: 70,
    caption: options.caption,
    description:
      options.description ??
      `Measured slope for nudges from ${rows[0]?.nudge} down to ${rows[rows.length - 1]?.nudge}${exact === undefined ? "" : `, approaching the exact slope ${exact}`}.`,
    x: { type: "log", reverse: true, label: "size of the nudge, shrinking to the right →", labelArrow: "none", tickFormat: "~g", grid: true },
    y: { label: "measured slope", grid: true, insetTop: 8, insetBottom: 14 },
    color: { legend: true, domain: kinds, range: [palette.blue, palette.orange] },
    marks: [
      exact === undefined
        ? null
        : Plot.text([exact], { y: (v: number) => v, frameAnchor: "right", dx: 66, text: (v: number) => `exact ${String(v).replace("-", "−")}`, textAnchor: "end", fontSize: 11 }),
      Plot.line(data, { x: "nudge", y: "slope", stroke: "kind", strokeWidth: 2, strokeOpacity: 0.85 }),
      exact === undefined ? null : Plot.ruleY([exact], { stroke: "currentColor", strokeDasharray: "5,4", strokeOpacity: 0.8 }),
      Plot.dot(data, { x: "nudge", y: "slope", fill: "kind", r: 4, stroke: "currentColor", strokeWidth: 0.6 }),
    ],
  });
}
