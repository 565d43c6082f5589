/**
 * A network drawn as circles and lines: neurons with their values, connections coloured by the sign of
 * their weight and as thick as its size (notebooks 05, 10, 12). Readable from 2-3-1 up to 25-8-3.
 */
import { Plot } from "./plot";
import { Network, Trace } from "../engine/index";
import { Described, Figure, palette, plotFigure } from "./render";

export interface DiagramOptions extends Described {
  /** A forward pass to show: each neuron is labelled with its value. */
  trace?: Trace;
  /** Names for the inputs and outputs, such as ["x₁", "x₂"]. */
  inputLabels?: readonly string[];
  outputLabels?: readonly string[];
  /** A title above each column, inputs first. */
  layerTitles?: readonly string[];
  /** Write each weight's value on its connection (for small networks). */
  showWeights?: boolean;
  /** Write each neuron's bias under it (for small networks). */
  showBiases?: boolean;
  /** Decimals for the values shown. Default 2. */
  digits?: number;
  width?: number;
  height?: number;
}

/** Neurons are light discs with dark text, readable on light and dark pages alike. */
const nodeFill = "#f3f4f6";

interface Node {
  layer: number;
  index: number;
  x: number;
  y: number;
  r: number;
  value?: number;
  label?: string;
  bias?: number;
}

interface Edge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  /** Where along the line the weight's label goes, from 0 (start) to 1 (end). */
  t: number;
}

/** Draws `net` (and, when given, the values of one forward pass through it). */
export function networkDiagram(net: Network, options: DiagramOptions = {}): Figure {
  const sizes = [net.inputSize, ...net.layers.map((l) => l.biases.length)];
  const digits = options.digits ?? 2;
  const { nodes, inner, radiusOf } = placeNeurons(net, sizes, options);
  const edges = connections(net, sizes, nodes);
  const largest = Math.max(1e-12, ...edges.map((e) => Math.abs(e.weight)));
  const thick = edges.length <= 40;
  const height = options.height ?? Math.round(inner + 110);
  const width = options.width ?? Math.max(360, 190 * (sizes.length - 1) + 120);
  const format = (v: number) => (Math.abs(v) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : v.toFixed(digits));
  const weightSpot = (e: Edge) => ({ x: e.x1 + (e.x2 - e.x1) * e.t, y: e.y1 + (e.y2 - e.y1) * e.t, weight: e.weight });
  const titles = options.layerTitles ?? sizes.map((_, l) => (l === 0 ? "inputs" : l === sizes.length - 1 ? "output" : `hidden ${l}`));
  const shown = (n: Node) => n.value !== undefined && n.r >= 11;

  return plotFigure({
    width,
    height,
    margin: 40,
    marginTop: 50,
    caption: options.caption,
    description:
      options.description ??
      `A ${sizes.join("–")} network: ${sizes.length} columns of neurons joined by ${edges.length} connections; blue lines are positive weights, red lines negative, thicker lines larger weights.`,
    x: { axis: null, domain: [-0.35, sizes.length - 1 + 0.35] },
    y: { axis: null, domain: [-inner / 2 - 22, inner / 2 + 22] },
    r: { type: "identity" },
    marks: [
      Plot.link(edges, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: (e: Edge) => (e.weight >= 0 ? palette.positive : palette.negative),
        strokeWidth: (e: Edge) => 0.4 + (thick ? 5 : 2.6) * (Math.abs(e.weight) / largest),
        strokeOpacity: thick ? 0.85 : 0.55,
      }),
      options.showWeights
        ? Plot.text(edges.map(weightSpot), {
            x: "x",
            y: "y",
            text: (d: { weight: number }) => `${d.weight >= 0 ? "+" : ""}${format(d.weight)}`,
            fill: (d: { weight: number }) => (d.weight >= 0 ? palette.positive : palette.negative),
            fontSize: 11,
            fontWeight: "bold",
            stroke: nodeFill,
            strokeWidth: 4,
            paintOrder: "stroke",
          })
        : null,
      // Neurons too small for a number show it as a shade instead: dark for values of 0.5 and above.
      Plot.dot(nodes, { x: "x", y: "y", r: "r", fill: (n: Node) => (!shown(n) && n.value !== undefined && n.value >= 0.5 ? "#1f3a68" : nodeFill), stroke: "#4b5563", strokeWidth: 1.5 }),
      Plot.text(nodes.filter(shown), { x: "x", y: "y", text: (n: Node) => format(n.value!), fontSize: 11, fontWeight: "bold", fill: "#111827" }),
      Plot.text(
        nodes.filter((n) => n.label !== undefined && n.layer === 0),
        { x: "x", y: "y", text: "label", dx: -radiusOf(sizes[0]) - 6, textAnchor: "end", fontSize: 12 },
      ),
      Plot.text(
        nodes.filter((n) => n.label !== undefined && n.layer > 0),
        { x: "x", y: "y", text: "label", dx: radiusOf(sizes[sizes.length - 1]) + 6, textAnchor: "start", fontSize: 12 },
      ),
      options.showBiases
        ? Plot.text(
            nodes.filter((n) => n.bias !== undefined && n.r >= 11),
            { x: "x", y: "y", dy: 26, text: (n: Node) => `b ${format(n.bias!)}`, fontSize: 10, fillOpacity: 0.8 },
          )
        : null,
      Plot.text(
        titles.map((title, l) => ({ title, x: l })),
        { x: "x", y: () => inner / 2 + 22, text: "title", dy: -18, fontSize: 12, fontWeight: "bold" },
      ),
    ],
  });
}

/** Where each neuron goes: one column per layer, every column sharing one height. */
function placeNeurons(net: Network, sizes: readonly number[], options: DiagramOptions): { nodes: Node[]; inner: number; radiusOf: (n: number) => number } {
  const tallest = Math.max(...sizes);
  // Every column shares one height; small columns spread out (up to 62 px apart), big ones pack tight.
  const inner = Math.max(tallest <= 10 ? (tallest - 1) * 62 : tallest * 20, 62);
  const gapOf = (n: number) => (n === 1 ? 62 : Math.min(62, inner / (n - 1)));
  const radiusOf = (n: number) => Math.max(3.5, Math.min(17, gapOf(n) * 0.4));
  const nodes: Node[] = [];
  sizes.forEach((size, layer) => {
    const gap = gapOf(size);
    for (let index = 0; index < size; index++) {
      const values = options.trace ? (layer === 0 ? options.trace.input : options.trace.layers[layer - 1].activations) : undefined;
      const label = layer === 0 ? options.inputLabels?.[index] : layer === sizes.length - 1 ? options.outputLabels?.[index] : undefined;
      nodes.push({
        layer,
        index,
        x: layer,
        y: ((size - 1) / 2 - index) * gap,
        r: radiusOf(size),
        value: values?.[index],
        label,
        bias: layer > 0 ? net.layers[layer - 1].biases[index] : undefined,
      });
    }
  });
  return { nodes, inner, radiusOf };
}

/** One line per weight, from the neuron it reads to the neuron it feeds. */
function connections(net: Network, sizes: readonly number[], nodes: readonly Node[]): Edge[] {
  const at = (layer: number, index: number) => nodes[sizes.slice(0, layer).reduce((a, b) => a + b, 0) + index];
  const edges: Edge[] = [];
  net.layers.forEach((layer, l) => {
    // A weight's label sits near whichever end has fewer connections per neuron, where labels crowd less.
    const t = sizes[l + 1] <= sizes[l] ? 0.3 : 0.7;
    layer.weights.forEach((row, j) => {
      row.forEach((weight, i) => {
        const from = at(l, i);
        const to = at(l + 1, j);
        edges.push({ x1: from.x, y1: from.y, x2: to.x, y2: to.y, weight, t });
      });
    });
  });
  return edges;
}
