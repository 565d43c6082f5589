/**
 * A grid of outcomes: one small square per run, one row per setting, coloured by how the run ended
 * (notebook 13: which seeds leave an XOR network stuck, for each number of hidden neurons).
 */
import { Plot } from "./plot";
import { Described, Figure, palette, plotFigure } from "./render";

/** One row of the grid: a setting and the outcome of each of its runs, in column order. */
export interface OutcomeRow {
  label: string;
  outcomes: readonly string[];
}

export interface OutcomeGridOptions extends Described {
  /** Every possible outcome, in legend order. */
  categories: readonly string[];
  /** One colour per category. Default: green, orange, red, purple, gray. */
  colors?: readonly string[];
  /** Count this outcome in every row and write "<count> <outcome>" at the row's end. */
  tally?: string;
  /** What the columns are, such as "seed". Columns are numbered from `firstColumn`. */
  columnLabel?: string;
  firstColumn?: number;
  /** Side of one square in pixels. Default 11. */
  cellSize?: number;
}

/** Squares in rows and columns, coloured by outcome, with an optional count per row. */
export function outcomeGrid(rows: readonly OutcomeRow[], options: OutcomeGridOptions): Figure {
  if (rows.length === 0) throw new Error("outcomeGrid needs at least one row");
  const columns = Math.max(...rows.map((r) => r.outcomes.length));
  const first = options.firstColumn ?? 0;
  rows.forEach((r) =>
    r.outcomes.forEach((o) => {
      if (!options.categories.includes(o)) throw new Error(`row "${r.label}" has the outcome "${o}", which is not among the categories ${options.categories.join(", ")}`);
    }),
  );
  const cells = rows.flatMap((r) => r.outcomes.map((outcome, k) => ({ row: r.label, column: first + k, outcome })));
  const tally = options.tally;
  const counts = tally ? rows.map((r) => ({ row: r.label, text: `${r.outcomes.filter((o) => o === tally).length} ${tally}` })) : [];
  const size = options.cellSize ?? 11;
  const columnDomain = Array.from({ length: columns }, (_, k) => first + k);
  const every = columns > 20 ? 10 : 5;
  // Room for the longest row label at about 7 pixels a character (text is not measured).
  const margin = { left: 16 + 7 * Math.max(...rows.map((r) => r.label.length)), right: tally ? 90 : 20, top: 12, bottom: 38 };
  // Each column is `size` pixels wide and each row half as tall again, so the squares stand apart in rows.
  const rowHeight = Math.round(size * 1.5);
  const pad = (rowHeight - size) / 2 + 1;
  return plotFigure({
    width: margin.left + columns * size + margin.right,
    height: margin.top + rows.length * rowHeight + margin.bottom,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: margin.bottom,
    caption: options.caption,
    description:
      options.description ??
      `${rows.length} rows of ${columns} squares, each square one run coloured by its outcome (${options.categories.join(", ")})` +
        (tally ? `; each row ends with its count of "${tally}": ${counts.map((c) => `${c.row}: ${c.text}`).join("; ")}.` : "."),
    x: { type: "band", padding: 0, domain: columnDomain, label: options.columnLabel ?? null, ticks: columnDomain.filter((c) => c % every === 0), tickSize: 0 },
    y: { type: "band", padding: 0, domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    color: { legend: true, domain: options.categories as string[], range: (options.colors ?? [palette.green, palette.orange, palette.red, palette.purple, palette.gray]) as string[] },
    marks: [
      Plot.cell(cells, { x: "column", y: "row", fill: "outcome", insetLeft: 1, insetRight: 1, insetTop: pad, insetBottom: pad, rx: 2 }),
      tally ? Plot.text(counts, { x: () => first + columns - 1, y: "row", text: "text", dx: size / 2 + 8, textAnchor: "start", fontSize: 12 }) : null,
    ],
  });
}
