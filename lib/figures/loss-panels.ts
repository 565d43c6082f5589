/**
 * Loss curves in small titled panels side by side, each with its own loss axis: for runs whose losses
 * are too different to share one axis, such as a learning rate that is too small, one that is about
 * right, and one that blows up (notebook 08).
 */
import { Plot } from "./plot";
import { Described, Figure, panelRow, plotFigure, seriesColors, thin } from "./render";

/** One panel: a title and a run's losses, one per epoch. */
export interface LossPanel {
  title: string;
  losses: readonly number[];
  /** Use a logarithmic loss axis in this panel. */
  log?: boolean;
}

export interface LossPanelsOptions extends Described {
  /** Width of each panel. Default 290. */
  width?: number;
  /** Height of each panel. Default 230. */
  height?: number;
}

const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A log-axis tick: 0.01 to 10000 as plain numbers, anything beyond as a power of ten such as 10³⁰⁰. */
export function powerOfTen(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (exponent >= -2 && exponent <= 4) return String(Number(value.toPrecision(6)));
  const digits = String(Math.abs(exponent)).split("").map((d) => superscripts[Number(d)]).join("");
  const mantissa = value / 10 ** exponent;
  const lead = Math.abs(mantissa - 1) < 1e-6 ? "" : `${Number(mantissa.toPrecision(3))} × `;
  return `${lead}10${exponent < 0 ? "⁻" : ""}${digits}`;
}

/** One small loss curve with a title, for a row of panels. */
function panel(p: LossPanel, index: number, width: number, height: number): Figure {
  const points = thin(
    p.losses.map((loss, epoch) => ({ epoch, loss })).filter((d) => !p.log || d.loss > 0),
    400,
  );
  return plotFigure({
    width,
    height: height + 20,
    marginTop: 34,
    marginLeft: 56,
    marginRight: 14,
    description: `${p.title}: loss against epoch over ${p.losses.length} epochs${p.log ? ", on a logarithmic axis" : ""}.`,
    x: { label: "epoch", grid: true },
    y: { label: p.log ? "loss (log axis)" : "loss", grid: true, type: p.log ? "log" : "linear", tickFormat: p.log ? powerOfTen : undefined, ticks: p.log ? 5 : undefined },
    marks: [
      Plot.ruleY(p.log ? [] : [0], { strokeOpacity: 0.3 }),
      Plot.line(points, { x: "epoch", y: "loss", stroke: seriesColors[index % seriesColors.length], strokeWidth: 2 }),
      Plot.text([p.title], { frameAnchor: "top", dy: -26, fontSize: 13, fontWeight: "bold" }),
    ],
  });
}

/** Several loss curves side by side, each in its own titled panel with its own loss axis. */
export function lossPanels(panels: readonly LossPanel[], options: LossPanelsOptions = {}): Figure {
  const width = options.width ?? 290;
  const height = options.height ?? 230;
  return panelRow(
    panels.map((p, i) => panel(p, i, width, height)),
    { caption: options.caption, description: options.description ?? `Loss curves side by side: ${panels.map((p) => p.title).join("; ")}.` },
  );
}
