/**
 * The confusion matrix (notebook 16): one row per right answer, one column per answer the network gave,
 * and in each cell how many samples landed there. The diagonal holds the right answers; every other
 * cell is one kind of mistake.
 */
import { Plot } from "./plot";
import { Described, Figure, palette, plotFigure } from "./render";

export interface ConfusionMatrixOptions extends Described {
  /** The classes' names, in order. Default "0", "1", … */
  labels?: readonly string[];
  /** Side of one cell in pixels. Default 36. */
  cellSize?: number;
  /** Title of the rows. Default "right answer". */
  rowLabel?: string;
  /** Title of the columns. Default "the network's answer". */
  columnLabel?: string;
}

/**
 * counts[r][c]: how many samples whose right answer is class r the network gave class c. Right answers
 * (the diagonal) are blue, darker for a larger share of their row; mistakes are orange, darker for the
 * more frequent ones; a mistake that never happened is an empty cell.
 */
export function confusionMatrix(counts: readonly (readonly number[])[], options: ConfusionMatrixOptions = {}): Figure {
  const n = counts.length;
  if (n === 0) throw new Error("a confusion matrix needs at least one row");
  counts.forEach((row, r) => {
    if (row.length !== n) throw new Error(`row ${r} has ${row.length} counts; a confusion matrix of ${n} classes needs ${n} in every row`);
    row.forEach((v, c) => {
      if (!Number.isInteger(v) || v < 0) throw new Error(`the count in row ${r}, column ${c} is ${v}; counts are whole numbers of at least 0`);
    });
  });
  const labels = options.labels ?? Array.from({ length: n }, (_, i) => String(i));
  if (labels.length !== n) throw new Error(`${labels.length} labels for ${n} classes`);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  let mostMistakes = 0;
  counts.forEach((row, r) => row.forEach((v, c) => { if (r !== c) mostMistakes = Math.max(mostMistakes, v); }));
  const cells = counts.flatMap((row, r) =>
    row.map((count, c) => ({
      right: labels[r],
      said: labels[c],
      count,
      diagonal: r === c,
      // Opacities of one colour read on a light page and on a dark one, and the count stays readable on top.
      opacity: r === c ? 0.12 + 0.5 * (rowTotals[r] ? count / rowTotals[r] : 0) : count === 0 ? 0 : 0.12 + 0.5 * (count / mostMistakes),
    })),
  );
  const cell = options.cellSize ?? 36;
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const right = counts.reduce((sum, row, r) => sum + row[r], 0);
  return plotFigure({
    width: 50 + n * cell + 10,
    height: 50 + n * cell + 10,
    marginLeft: 50,
    marginTop: 50,
    marginRight: 10,
    marginBottom: 10,
    caption: options.caption,
    description:
      options.description ??
      `A ${n} by ${n} table of counts: ${right} of ${total} samples on the diagonal (right), ${total - right} off it (mistakes).`,
    x: { domain: labels as string[], axis: "top", label: `${options.columnLabel ?? "the network's answer"} →`, labelAnchor: "center", tickSize: 0, padding: 0 },
    y: { domain: labels as string[], label: options.rowLabel ?? "right answer", labelAnchor: "center", labelOffset: 30, tickSize: 0, padding: 0 },
    opacity: { type: "identity" },
    marks: [
      Plot.cell(cells.filter((d) => d.diagonal), { x: "said", y: "right", fill: palette.blue, fillOpacity: "opacity", inset: 1 }),
      Plot.cell(cells.filter((d) => !d.diagonal), { x: "said", y: "right", fill: palette.orange, fillOpacity: "opacity", inset: 1 }),
      Plot.frame({ strokeOpacity: 0.25 }),
      ...[true, false].map((diagonal) =>
        Plot.text(
          cells.filter((d) => d.diagonal === diagonal),
          {
            x: "said",
            y: "right",
            text: (d: { count: number }) => String(d.count),
            fill: "currentColor",
            fillOpacity: (d: { count: number }) => (d.count === 0 ? 0.35 : 1),
            fontWeight: diagonal ? "bold" : "normal",
            fontSize: 12,
          },
        ),
      ),
    ],
  });
}
