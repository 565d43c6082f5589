/**
 * A computation drawn as a chain: a row of values (w → z → loss), each link labelled with its local
 * effect ("× 3": how much the next value moves per unit the previous one moves), and the product of the
 * links, which is the chain rule (notebook 09). With `backward`, each value also shows how much the loss
 * moves per unit it moves, found from the loss backwards by multiplying one link at a time.
 */
import { Markish, Plot } from "./plot";
import { Described, Figure, palette, plotFigure } from "./render";

/** One value in the chain: its name and, when given, its value in this forward pass. */
export interface ChainNode {
  name: string;
  value?: number;
}

/** One link from a value to the next: its local effect, and a short note such as "z per w". */
export interface ChainLink {
  effect: number;
  note?: string;
}

export interface ChainOptions extends Described {
  /** Write the product of all the links under the chain ("loss per w = 3 × 4 = 12"). Default true. */
  showProduct?: boolean;
  /** Under each value, how much the last value moves per unit it moves (the running product from the end). */
  backward?: boolean;
  /** Decimals for the numbers shown. Default 4 (trailing zeros are dropped). */
  digits?: number;
  width?: number;
}

/** Neurons and values are light discs with dark text, readable on light and dark pages alike. */
const nodeFill = "#f3f4f6";

/** Draws `nodes` joined by `links` (one fewer than the nodes), left to right. */
export function chainDiagram(nodes: readonly ChainNode[], links: readonly ChainLink[], options: ChainOptions = {}): Figure {
  if (nodes.length < 2) throw new Error("a chain needs at least 2 values");
  if (links.length !== nodes.length - 1) throw new Error(`${nodes.length} values need ${nodes.length - 1} links between them, got ${links.length}`);
  const digits = options.digits ?? 4;
  const showProduct = options.showProduct ?? true;
  const format = (v: number) => {
    const text = String(Number(Number(v.toFixed(digits)).toPrecision(12)));
    return text.startsWith("-") ? `−${text.slice(1)}` : text;
  };
  const factor = (v: number) => (v < 0 ? `(${format(v)})` : format(v));

  // Laid out in pixels: values sit on one row, spaced evenly; the rows below hold the backward pass and the product.
  const r = 26;
  const spacing = 210;
  const width = options.width ?? Math.max(420, spacing * (nodes.length - 1) + 160);
  const left = (width - spacing * (nodes.length - 1)) / 2;
  const row = 62;
  const backArrow = row + r + 26;
  const backRow = backArrow + 24;
  const productRow = (options.backward ? backRow : row + r) + 36;
  const height = (showProduct ? productRow : options.backward ? backRow : row + r) + 22;
  const xOf = (i: number) => left + i * spacing;

  const first = nodes[0].name;
  const last = nodes[nodes.length - 1].name;
  const total = links.reduce((p, l) => p * l.effect, 1);
  // Running products from the end: how much the last value moves per unit each value moves.
  const perUnit = nodes.map((_, i) => links.slice(i).reduce((p, l) => p * l.effect, 1));

  const linkData = links.map((l, i) => ({ x1: xOf(i), x2: xOf(i + 1), mid: (xOf(i) + xOf(i + 1)) / 2, effect: l.effect, note: l.note ?? "" }));
  const nodeData = nodes.map((n, i) => ({ x: xOf(i), name: n.name, value: n.value }));

  const marks: Markish[] = [
    Plot.arrow(linkData, { x1: "x1", x2: "x2", y1: row, y2: row, inset: r + 6, stroke: palette.orange, strokeWidth: 2.5, headLength: 10 }),
    Plot.text(linkData, { x: "mid", y: row - 14, text: (d: { effect: number }) => `× ${format(d.effect)}`, fill: palette.orange, fontSize: 15, fontWeight: "bold" }),
    Plot.text(linkData, { x: "mid", y: row + 16, text: "note", fill: "currentColor", fontSize: 11, fillOpacity: 0.8 }),
    Plot.dot(nodeData, { x: "x", y: row, r, fill: nodeFill, stroke: "#4b5563", strokeWidth: 1.5 }),
    Plot.text(nodeData, { x: "x", y: row - r - 12, text: "name", fill: "currentColor", fontSize: 14, fontWeight: "bold" }),
    Plot.text(
      nodeData.filter((d) => d.value !== undefined),
      { x: "x", y: row, text: (d: { value?: number }) => format(d.value!), fill: "#111827", fontSize: 12, fontWeight: "bold" },
    ),
  ];
  if (options.backward) marks.push(...backwardMarks(nodeData, perUnit, last, [xOf(0), xOf(nodes.length - 1)], [backArrow, backRow], format));
  if (showProduct) {
    marks.push(
      Plot.text([`${last} per ${first} = ${links.map((l) => factor(l.effect)).join(" × ")} = ${format(total)}`], {
        x: width / 2,
        y: productRow,
        fill: "currentColor",
        fontSize: 14,
        fontWeight: "bold",
      }),
    );
  }

  return plotFigure({
    width,
    height,
    margin: 0,
    caption: options.caption,
    description:
      options.description ??
      `A chain of ${nodes.length} values, ${nodes.map((n) => (n.value === undefined ? n.name : `${n.name} = ${format(n.value)}`)).join(", then ")}; ` +
        `the links multiply by ${links.map((l) => format(l.effect)).join(", ")}, so ${last} moves ${format(total)} per unit of ${first}.`,
    x: { axis: null, domain: [0, width] },
    y: { axis: null, domain: [0, height], reverse: true },
    marks,
  });
}

/** The backward pass under the chain: an arrow from the last value to the first, and each value's running product. */
function backwardMarks(
  nodeData: readonly { x: number; name: string }[],
  perUnit: readonly number[],
  last: string,
  [firstX, lastX]: [number, number],
  [backArrow, backRow]: [number, number],
  format: (v: number) => string,
): Markish[] {
  const back = nodeData.map((d, i) => ({ x: d.x, text: i === nodeData.length - 1 ? `${last} per ${last}: 1` : `${last} per ${d.name}: ${format(perUnit[i])}` }));
  return [
    Plot.arrow([{ x1: lastX, x2: firstX }], {
      x1: "x1",
      x2: "x2",
      y1: backArrow,
      y2: backArrow,
      stroke: palette.purple,
      strokeWidth: 1.5,
      strokeDasharray: "5,4",
      headLength: 8,
    }),
    Plot.text([`backward: multiply one link at a time, starting from the ${last}`], {
      x: (firstX + lastX) / 2,
      y: backArrow - 11,
      fill: palette.purple,
      fontSize: 11,
    }),
    Plot.text(back, { x: "x", y: backRow, text: "text", fill: palette.purple, fontSize: 12, fontWeight: "bold" }),
  ];
}
