/// <reference lib="dom" />
/**
 * A live network diagram in SVG: neurons in columns showing their values, connections coloured by the
 * sign of their weight (blue positive, red negative) and as thick as its size. `update` redraws it
 * for new weights and values without rebuilding anything.
 */
import type { Network } from "../../engine/network";
import { colors, mix, set, setText, svg } from "./dom";
import { fixed, signed } from "./format";

export interface NetworkViewOptions {
  /** Layer sizes, inputs first. */
  sizes: number[];
  width: number;
  height: number;
  /** Disc radius of the neurons of each layer. */
  radius: (layer: number) => number;
  /** A title above each column (plain text). */
  layerTitles?: readonly string[];
  /** Names beside the inputs and the outputs (plain text). */
  inputLabels?: readonly string[];
  outputLabels?: readonly string[];
  /** Write each weight on its connection (small networks). */
  showWeights?: boolean;
  /** Write each neuron's bias under it (small networks). */
  showBiases?: boolean;
  /** A weight this large (or larger) gets the thickest line: one number, or one per layer of weights. */
  weightScale: number | readonly number[];
  /** Decimals of the values written in the neurons. */
  digits: number;
  /** Shade each neuron by its value from 0 (light) to 1 (dark), as for pixels and probabilities. */
  shade?: boolean;
  /** Line widths: thinnest and thickest. */
  thinnest?: number;
  thickest?: number;
  onNode?: (layer: number, index: number) => void;
  /** `layer` is the layer the weight belongs to (1 = first layer after the inputs). */
  onEdge?: (layer: number, neuron: number, input: number) => void;
}

export interface NetworkView {
  svg: SVGSVGElement;
  /** Redraws weights and values: `values[l]` are the outputs of column l (column 0 = the inputs). */
  update(net: Network, values: readonly (readonly number[])[]): void;
  /** Replaces the names beside the outputs (plain text). */
  labelOutputs(texts: readonly string[]): void;
  /** Outlines one neuron or connection (or nothing). */
  select(what: { node: [number, number] } | { edge: [number, number, number] } | null): void;
}

interface Spot {
  x: number;
  y: number;
}

export function networkView(options: NetworkViewOptions): NetworkView {
  const { sizes, width, height } = options;
  const top = options.layerTitles ? 34 : 14;
  const bottom = height - (options.showBiases ? 30 : 14);
  const sideLeft = options.inputLabels ? 56 : 24;
  const sideRight = options.outputLabels ? 96 : 24;
  const columnX = (l: number) => sideLeft + ((width - sideLeft - sideRight) * l) / Math.max(1, sizes.length - 1);
  const spots: Spot[][] = sizes.map((size, l) => {
    const r = options.radius(l);
    const gap = Math.min(3.6 * r + 8, size > 1 ? (bottom - top - 2 * r) / (size - 1) : 0);
    const middle = (top + bottom) / 2;
    return Array.from({ length: size }, (_, j) => ({ x: columnX(l), y: middle + (j - (size - 1) / 2) * gap }));
  });

  const root = svg("svg", { class: "nnw-svg", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  const edgeLayer = svg("g");
  const hitLayer = svg("g");
  const labelLayer = svg("g");
  const nodeLayer = svg("g");
  root.append(edgeLayer, hitLayer, labelLayer, nodeLayer);

  const { edges, edgeLabels } = drawConnections(options, spots, edgeLayer, hitLayer, labelLayer, nameOf);

  function nameOf(layer: number, index: number): string {
    // Numbered from 1, as in the notebooks' text (positions in code count from 0).
    if (layer === 0) return options.inputLabels?.[index] ?? `input ${index + 1}`;
    if (layer === sizes.length - 1) return options.outputLabels?.[index] ?? `output ${index + 1}`;
    return `hidden neuron ${index + 1}`;
  }

  const { discs, values, biases } = drawNeurons(options, spots, nodeLayer, labelLayer, nameOf);
  options.inputLabels?.forEach((label, i) => {
    const s = spots[0][i];
    if (s) labelLayer.appendChild(svg("text", { class: "nnw-label", x: s.x - options.radius(0) - 7, y: s.y + 4, "text-anchor": "end", "font-size": 12 }, label));
  });
  const outputTexts: SVGTextElement[] = [];
  options.outputLabels?.forEach((label, i) => {
    const s = spots[sizes.length - 1][i];
    if (!s) return;
    const t = svg("text", { class: "nnw-label", x: s.x + options.radius(sizes.length - 1) + 7, y: s.y + 4, "text-anchor": "start", "font-size": 12, "data-nn-output-label": i }, label);
    labelLayer.appendChild(t);
    outputTexts.push(t);
  });
  options.layerTitles?.forEach((title, l) => {
    labelLayer.appendChild(svg("text", { class: "nnw-label", x: columnX(l), y: 14, "text-anchor": "middle", "font-weight": "bold", "font-size": 12 }, title));
  });

  let selected: Element | null = null;

  return {
    svg: root,
    update(net, layerValues) {
      paint(options, { edges, edgeLabels, discs, values, biases }, net, layerValues);
    },
    labelOutputs(texts) {
      texts.forEach((t, i) => outputTexts[i] && setText(outputTexts[i], t));
    },
    select(what) {
      if (selected) selected.classList.remove("nnw-selected");
      selected = null;
      if (!what) return;
      if ("node" in what) selected = discs[what.node[0]]?.[what.node[1]] ?? null;
      else selected = edges[what.edge[0] - 1]?.[what.edge[1]]?.[what.edge[2]] ?? null;
      if (selected) {
        selected.classList.add("nnw-selected");
        // A chosen connection is drawn above the others; neurons keep their place under their values.
        if ("edge" in what && selected.parentNode) selected.parentNode.appendChild(selected);
      }
    },
  };
}

/** The drawn parts `update` changes: every connection (and its label), every neuron's disc, value and bias. */
interface Drawn {
  edges: SVGLineElement[][][];
  edgeLabels: SVGTextElement[][][];
  discs: SVGCircleElement[][];
  values: SVGTextElement[][];
  biases: SVGTextElement[][];
}

/** Draws the connections; edges[l][j][i] joins input i of layer l (0-based over weight layers) to its neuron j. */
function drawConnections(
  options: NetworkViewOptions,
  spots: Spot[][],
  edgeLayer: SVGGElement,
  hitLayer: SVGGElement,
  labelLayer: SVGGElement,
  nameOf: (layer: number, index: number) => string,
): Pick<Drawn, "edges" | "edgeLabels"> {
  const { sizes } = options;
  // Connections: edges[l][j][i] joins input i of layer l (0-based over weight layers) to its neuron j.
  const edges: SVGLineElement[][][] = [];
  const edgeLabels: SVGTextElement[][][] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    edges.push([]);
    edgeLabels.push([]);
    const t = sizes[l + 1] <= sizes[l] ? 0.3 : 0.7;
    for (let j = 0; j < sizes[l + 1]; j++) {
      edges[l].push([]);
      edgeLabels[l].push([]);
      for (let i = 0; i < sizes[l]; i++) {
        const a = spots[l][i];
        const b = spots[l + 1][j];
        const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-linecap": "round" });
        edgeLayer.appendChild(line);
        edges[l][j].push(line);
        if (options.onEdge) {
          const hit = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: "transparent", "stroke-width": 7, class: "nnw-clickable", "data-nn-edge": `${l + 1}-${j}-${i}` });
          hit.appendChild(svg("title", {}, `weight from ${nameOf(l, i)} to ${nameOf(l + 1, j)}`));
          const layer = l + 1;
          hit.addEventListener("click", () => options.onEdge!(layer, j, i));
          hitLayer.appendChild(hit);
        }
        if (options.showWeights) {
          const label = svg("text", {
            x: a.x + (b.x - a.x) * t,
            y: a.y + (b.y - a.y) * t + 4,
            "text-anchor": "middle",
            "font-weight": "bold",
            stroke: colors.node,
            "stroke-width": 4,
            "paint-order": "stroke",
            "data-nn-weight": `${l + 1}-${j}-${i}`,
          });
          labelLayer.appendChild(label);
          edgeLabels[l][j].push(label);
        }
      }
    }
  }
  return { edges, edgeLabels };
}

/** Draws the neurons, each with its value written inside when there is room, and its bias under it when asked. */
function drawNeurons(
  options: NetworkViewOptions,
  spots: Spot[][],
  nodeLayer: SVGGElement,
  labelLayer: SVGGElement,
  nameOf: (layer: number, index: number) => string,
): Pick<Drawn, "discs" | "values" | "biases"> {
  const { sizes } = options;
  // Neurons, each with its value written inside when there is room.
  const discs: SVGCircleElement[][] = [];
  const values: SVGTextElement[][] = [];
  const biases: SVGTextElement[][] = [];
  sizes.forEach((size, l) => {
    discs.push([]);
    values.push([]);
    biases.push([]);
    const r = options.radius(l);
    for (let j = 0; j < size; j++) {
      const { x, y } = spots[l][j];
      const disc = svg("circle", { cx: x, cy: y, r, fill: colors.node, stroke: colors.nodeStroke, "stroke-width": 1.5, "data-nn-node": `${l}-${j}` });
      disc.appendChild(svg("title", {}, nameOf(l, j)));
      const text = svg("text", { x, y: y + 4, "text-anchor": "middle", "font-weight": "bold", fill: colors.nodeText, "pointer-events": "none", "data-nn-value": `${l}-${j}` });
      if (options.onNode) {
        disc.setAttribute("class", "nnw-clickable");
        disc.addEventListener("click", () => options.onNode!(l, j));
      }
      nodeLayer.append(disc);
      discs[l].push(disc);
      if (r >= 11) {
        nodeLayer.append(text);
        values[l].push(text);
      }
      if (options.showBiases && l > 0) {
        const b = svg("text", { class: "nnw-label", x, y: y + r + 14, "text-anchor": "middle", "font-size": 10, opacity: 0.85, "data-nn-bias": `${l}-${j}` });
        labelLayer.appendChild(b);
        biases[l].push(b);
      }
    }
  });
  return { discs, values, biases };
}

/** Redraws weights and values: each connection's colour, width and label, each neuron's value, shade and bias. */
function paint(options: NetworkViewOptions, { edges, edgeLabels, discs, values, biases }: Drawn, net: Network, layerValues: readonly (readonly number[])[]): void {
  const thinnest = options.thinnest ?? 0.6;
  const thickest = options.thickest ?? 6;
  const scaleOf = (l: number) => {
    const s = options.weightScale;
    return Math.max(1e-9, typeof s === "number" ? s : (s[l] ?? 1));
  };
  for (let l = 0; l < net.layers.length; l++) {
    const layer = net.layers[l];
    for (let j = 0; j < layer.weights.length; j++) {
      for (let i = 0; i < layer.weights[j].length; i++) {
        const w = layer.weights[j][i];
        set(edges[l][j][i], {
          stroke: w >= 0 ? colors.positive : colors.negative,
          "stroke-width": (thinnest + (thickest - thinnest) * Math.min(1, Math.abs(w) / scaleOf(l))).toFixed(2),
          "stroke-opacity": options.showWeights ? 0.85 : 0.6,
        });
        const label = edgeLabels[l][j][i];
        if (label) {
          setText(label, signed(w, 2));
          label.setAttribute("fill", w >= 0 ? colors.positive : colors.negative);
        }
      }
      const b = biases[l + 1]?.[j];
      if (b) setText(b, `b ${fixed(layer.biases[j], 2)}`);
    }
  }
  layerValues.forEach((column, l) => {
    column.forEach((v, j) => {
      const text = values[l]?.[j];
      if (text) setText(text, fixed(v, options.digits));
      if (options.shade) {
        const shade = Math.min(1, Math.max(0, v));
        discs[l][j].setAttribute("fill", mix(colors.node, colors.ink, shade));
        if (text) text.setAttribute("fill", shade > 0.55 ? "#ffffff" : colors.nodeText);
      }
    });
  });
}
