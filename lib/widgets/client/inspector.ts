/// <reference lib="dom" />
/**
 * The training inspector (notebook 15). The page re-runs the training with the engine (full batch,
 * cross-entropy), keeping the weights at every epoch, and shows them: an epoch slider and a sample
 * slider; a click on a neuron shows its whole calculation, a click on a connection its gradient and
 * update at that epoch; Play runs through the epochs; the loss chart marks the current epoch; and a
 * 5 × 5 pad lets you draw a digit for the trained network to read.
 */
import { argmax, Sample } from "../../engine/data";
import { Network, backward, copyNetwork, forward } from "../../engine/network";
import { neuronSteps } from "../../engine/neuron";
import { evaluate, train } from "../../engine/train";
import { formatNumber } from "../../course/arithmetic";
import { softmaxWorking } from "../../course/softmax-working";
import { averagedUpdateWorking } from "../../course/averaged-update-working";
import { chart, linePath } from "./chart";
import { Slider, button, colors, el, playButton, set, setText, slider, svg, widgetRoot } from "./dom";
import { lossText, percent, subscript } from "./format";
import { NetworkView, networkView } from "./network-view";

export interface InspectorData {
  /** The starting weights. */
  network: Network;
  samples: Sample[];
  /** A short name per sample, such as "round" (plain text). */
  sampleNames: string[];
  /** A name per output class, such as "digit 0" (plain text). */
  classNames: string[];
  learningRate: number;
  epochs: number;
  /** Images are side × side pixels. */
  side: number;
  title?: string;
}

/** What the details panel shows. */
type Selection = { node: [number, number] } | { edge: [number, number, number] } | null;

/** The training, re-run in the page, and where the learner is in it. */
interface Inspection {
  data: InspectorData;
  /** The weights before every epoch, and at the end. */
  nets: Network[];
  /** Each of those networks' mean loss and accuracy on the samples. */
  scores: { loss: number; accuracy: number }[];
  /** The weights at the end. */
  trained: Network;
  /** Layer sizes, inputs first. */
  sizes: number[];
  epoch: number;
  sample: number;
  selection: Selection;
}

const f4 = (x: number) => formatNumber(x, 4);
// Neurons and pixels are numbered from 1, as in the notebooks' text (positions in code count from 0).
const hiddenName = (j: number) => `h${subscript(j + 1)}`;
const classOf = (s: Sample) => argmax(s.target);

export function start(host: HTMLElement, data: InspectorData): void {
  const state = replayTraining(data);
  const redraw = (): void => {
    const net = state.nets[state.epoch];
    const s = data.samples[state.sample];
    showNetwork(view, net, s, state);
    const score = state.scores[state.epoch];
    setText(epochInfo, `epoch ${state.epoch} of ${data.epochs} · mean loss ${lossText(score.loss)} · ${Math.round(score.accuracy * data.samples.length)} of ${data.samples.length} right`);
    const name = data.sampleNames[state.sample];
    setText(sampleInfo, `sample ${state.sample + 1}: ${data.classNames[classOf(s)]}${name ? ` (${name})` : ""}`);
    picture.show(s.input);
    lossChart.mark(state.epoch, score.loss);
    details.replaceChildren(...detailsOf(state, net, s));
  };
  const toEpoch = (epoch: number): void => {
    state.epoch = epoch;
    epochSlider.show(epoch);
    redraw();
  };
  const epochSlider = countSlider("epoch", 0, data.epochs, (v) => {
    state.epoch = v;
    redraw();
  });
  // Samples are numbered from 1 on screen, like neurons and pixels.
  const sampleSlider = countSlider("sample", 1, data.samples.length, (v) => {
    state.sample = v - 1;
    redraw();
  });
  // Play starts again from epoch 0 at the end, and steps one epoch at a time.
  const player = playButton(
    () => toEpoch(state.epoch >= data.epochs ? 0 : state.epoch),
    () => {
      toEpoch(Math.min(data.epochs, state.epoch + 1));
      return state.epoch < data.epochs;
    },
    110,
  );
  const epochInfo = el("div", { class: "nnw-note", "data-nn-epoch-info": "" });
  const sampleInfo = el("div", { class: "nnw-note", "data-nn-sample-info": "" });
  const picture = samplePicture(data.side);
  const lossChart = clickableLossChart(state.scores, data.epochs, toEpoch);
  const view = clickableNetwork(state, (what) => {
    state.selection = what;
    redraw();
  });
  const details = el("div", { class: "nnw-panel", "data-nn-details": "", "aria-live": "polite", style: "min-height: 120px;" });
  const pad = drawingPad(data, state.trained, () => data.samples[state.sample].input);

  const root = widgetRoot(data.title);
  root.append(
    el(
      "div",
      { class: "nnw-row" },
      el("div", { class: "nnw-column", style: "width: 300px;" }, el("div", { class: "nnw-buttons" }, player.button), epochSlider.row, epochInfo, sampleSlider.row, el("div", { class: "nnw-buttons" }, picture.svg, sampleInfo), lossChart.svg),
      el("div", { class: "nnw-column" }, view.svg, el("div", { class: "nnw-note" }, "Click a neuron or a connection to see its calculation at this epoch.")),
    ),
    details,
    pad.row,
  );
  host.appendChild(root);
  redraw();
  pad.redraw();
}

/** Trains exactly as the notebook does, keeping a copy of the weights before every epoch and at the end. */
function replayTraining(data: InspectorData): Inspection {
  const history = train(copyNetwork(data.network), data.samples, {
    epochs: data.epochs,
    learningRate: data.learningRate,
    loss: "crossEntropy",
    method: "batch",
    snapshotEpochs: "all",
  });
  const nets = history.snapshots.map((s) => s.network);
  const scores = nets.map((net) => evaluate(net, data.samples, "crossEntropy"));
  const trained = nets[nets.length - 1];
  const sizes = [trained.inputSize, ...trained.layers.map((l) => l.biases.length)];
  return { data, nets, scores, trained, sizes, epoch: 0, sample: 0, selection: { node: [sizes.length - 1, classOf(data.samples[0])] } };
}

/** A slider over the whole numbers 0 to `max`. */
function countSlider(key: string, min: number, max: number, onInput: (value: number) => void): Slider {
  return slider({ name: key, min, max, step: 1, value: min, format: (v) => String(v), key, onInput });
}

/** The sample's picture, a square per pixel. */
function samplePicture(side: number): { svg: SVGSVGElement; show(input: readonly number[]): void } {
  const cell = 16;
  const pixels: SVGRectElement[] = [];
  const picture = svg("svg", { class: "nnw-svg", width: side * cell + 2, height: side * cell + 2, viewBox: `-1 -1 ${side * cell + 2} ${side * cell + 2}` });
  for (let p = 0; p < side * side; p++) {
    const rect = svg("rect", { x: (p % side) * cell, y: Math.floor(p / side) * cell, width: cell - 1, height: cell - 1, rx: 2 });
    picture.appendChild(rect);
    pixels.push(rect);
  }
  return { svg: picture, show: (input) => input.forEach((v, p) => pixels[p].setAttribute("fill", v ? colors.ink : "#eef2f6")) };
}

/** The loss chart, with the current epoch marked; a click on it picks the epoch under the pointer. */
function clickableLossChart(scores: { loss: number }[], epochs: number, pick: (epoch: number) => void): { svg: SVGSVGElement; mark(epoch: number, loss: number): void } {
  const highest = Math.max(...scores.map((s) => s.loss));
  const lossChart = chart({
    width: 300,
    height: 190,
    margin: { top: 22, right: 12, bottom: 34, left: 44 },
    x: { domain: [0, epochs], label: "epoch" },
    y: { domain: [0, Math.ceil(highest * 10) / 10], label: "mean loss" },
  });
  lossChart.marks.appendChild(svg("path", { d: linePath(scores.map((s, e) => ({ x: lossChart.x(e), y: lossChart.y(s.loss) }))), fill: "none", stroke: colors.blue, "stroke-width": 2 }));
  const marker = svg("line", { y1: lossChart.top, y2: lossChart.bottom, stroke: "currentColor", "stroke-dasharray": "4,3", "stroke-opacity": 0.7 });
  const dot = svg("circle", { r: 4.5, fill: colors.orange, stroke: "currentColor", "stroke-width": 1 });
  lossChart.marks.append(marker, dot);
  lossChart.svg.classList.add("nnw-clickable");
  lossChart.svg.addEventListener("click", (event) => {
    const box = lossChart.svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * Number(lossChart.svg.getAttribute("width"));
    const e = Math.round(((x - lossChart.left) / (lossChart.right - lossChart.left)) * epochs);
    pick(Math.min(epochs, Math.max(0, e)));
  });
  const mark = (epoch: number, loss: number): void => {
    set(marker, { x1: lossChart.x(epoch), x2: lossChart.x(epoch) });
    set(dot, { cx: lossChart.x(epoch), cy: lossChart.y(loss) });
  };
  return { svg: lossChart.svg, mark };
}

/** The network, its neurons and connections clickable, drawn on one scale for every epoch. */
function clickableNetwork({ nets, trained, sizes, data }: Inspection, choose: (what: Selection) => void): NetworkView {
  const scale = trained.layers.map((_, l) => Math.max(...nets.map((n) => Math.max(...n.layers[l].weights.map((row) => Math.max(...row.map(Math.abs)))))));
  return networkView({
    sizes,
    width: 430,
    height: Math.max(300, 18 * sizes[0] + 50),
    radius: (l) => (l === 0 ? 6.5 : l === sizes.length - 1 ? 17 : 15),
    layerTitles: [`${sizes[0]} pixels`, `${sizes[1]} hidden (sigmoid)`, `${sizes[sizes.length - 1]} outputs (softmax)`],
    outputLabels: data.classNames,
    weightScale: scale,
    digits: 2,
    shade: true,
    thinnest: 0.25,
    thickest: 3.2,
    onNode: (l, j) => choose({ node: [l, j] }),
    onEdge: (l, j, i) => choose({ edge: [l, j, i] }),
  });
}

/** The network at this epoch, reading this sample, with the chosen neuron or connection outlined. */
function showNetwork(view: NetworkView, net: Network, s: Sample, { data, selection }: Inspection): void {
  const trace = forward(net, s.input);
  view.update(net, [trace.input, ...trace.layers.map((l) => l.activations)]);
  view.labelOutputs(data.classNames.map((name, k) => `${name}  ${percent(trace.output[k])}`));
  view.select(selection);
}

/** The drawing pad, read by the trained network: its squares, Clear and Copy, and a bar per class. */
function drawingPad(data: InspectorData, trained: Network, sampleInput: () => readonly number[]): { row: HTMLElement; redraw(): void } {
  const pad: number[] = new Array(data.side * data.side).fill(0);
  const squares = padSquares(data.side, pad, () => redraw());
  const bars = data.classNames.map(probabilityBar);
  const reading = el("div", { "data-nn-reading": "" });
  const redraw = (): void => {
    pad.forEach((v, p) => set(squares.cells[p], { fill: v ? colors.ink : "#eef2f6", stroke: "#9ca3af" }));
    const probabilities = forward(trained, pad).output;
    bars.forEach((b, k) => b.show(probabilities[k]));
    const best = argmax(probabilities);
    setText(reading, pad.some((v) => v) ? `Its answer: ${data.classNames[best]} (${percent(probabilities[best])}).` : "An empty pad: draw by clicking or dragging over the squares.");
  };
  const clearButton = button(
    "Clear",
    () => {
      pad.fill(0);
      redraw();
    },
    "clear",
  );
  const copyButton = button(
    "Copy the sample",
    () => {
      sampleInput().forEach((v, p) => (pad[p] = v));
      redraw();
    },
    "copy",
  );
  const row = el(
    "div",
    { class: "nnw-row", style: "margin-top: 10px; align-items: center;" },
    el("div", { class: "nnw-column" }, el("div", { style: "font-weight: 600;" }, "Draw a digit"), squares.svg, el("div", { class: "nnw-buttons" }, clearButton, copyButton)),
    el("div", { class: "nnw-column" }, el("div", {}, `The trained network (epoch ${data.epochs}) reads your drawing:`), ...bars.map((b) => b.row), reading),
  );
  return { row, redraw };
}

/** The pad's squares: pressing on one flips it, dragging on paints the others the same. */
function padSquares(side: number, pad: number[], changed: () => void): { svg: SVGSVGElement; cells: SVGRectElement[] } {
  const padCell = 30;
  const cells: SVGRectElement[] = [];
  const padSvg = svg("svg", {
    class: "nnw-svg",
    width: side * padCell + 2,
    height: side * padCell + 2,
    viewBox: `-1 -1 ${side * padCell + 2} ${side * padCell + 2}`,
    style: "touch-action: none; user-select: none;",
    "data-nn-pad": "",
  });
  let paint: number | null = null;
  const setPixel = (p: number, value: number): void => {
    if (pad[p] === value) return;
    pad[p] = value;
    changed();
  };
  for (let p = 0; p < pad.length; p++) {
    const rect = svg("rect", { x: (p % side) * padCell, y: Math.floor(p / side) * padCell, width: padCell - 2, height: padCell - 2, rx: 3, class: "nnw-clickable", "data-nn-pad-cell": p });
    rect.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      paint = pad[p] ? 0 : 1;
      setPixel(p, paint);
    });
    rect.addEventListener("pointerenter", () => {
      if (paint !== null) setPixel(p, paint);
    });
    padSvg.appendChild(rect);
    cells.push(rect);
  }
  const endPaint = () => (paint = null);
  padSvg.addEventListener("pointerup", endPaint);
  padSvg.addEventListener("pointerleave", endPaint);
  return { svg: padSvg, cells };
}

/** One class's probability as a bar and a percentage. */
function probabilityBar(name: string, k: number): { row: HTMLElement; show(probability: number): void } {
  const fill = svg("rect", { x: 0, y: 3, height: 14, rx: 2, fill: colors.blue });
  const value = el("span", { class: "nnw-number", "data-nn-probability": String(k) });
  const row = el(
    "div",
    { class: "nnw-grid", style: "grid-template-columns: 4.5em 164px 4.2em; align-items: center;" },
    el("span", {}, name),
    svg("svg", { class: "nnw-svg", width: 160, height: 20, viewBox: "0 0 160 20" }, svg("rect", { class: "nnw-bar-track", x: 0, y: 3, width: 160, height: 14, rx: 2 }), fill),
    value,
  );
  const show = (probability: number): void => {
    set(fill, { width: (160 * probability).toFixed(1) });
    setText(value, percent(probability));
    value.setAttribute("data-exact", String(probability));
  };
  return { row, show };
}

function line(text: string, key?: string): HTMLElement {
  const node = el("div", { class: "nnw-lines nnw-mono" }, text);
  if (key) node.setAttribute("data-nn-line", key);
  return node;
}

function heading(text: string): HTMLElement {
  return el("div", { style: "font-weight: 600; margin-bottom: 4px;" }, text);
}

/** The details panel's lines for the chosen pixel, neuron or connection. */
function detailsOf(state: Inspection, net: Network, s: Sample): Node[] {
  const { selection } = state;
  if (!selection) return [line("Click a neuron or a connection.")];
  if ("edge" in selection) return connectionDetails(state, net, selection.edge);
  const [l, j] = selection.node;
  const where = `epoch ${state.epoch}, sample ${state.sample + 1} (${state.data.classNames[classOf(s)]})`;
  return l === 0 ? pixelDetails(state.data.side, s, j, where) : neuronDetails(state, net, s, [l, j], where);
}

/** A pixel: where it is and its value. */
function pixelDetails(side: number, s: Sample, j: number, where: string): Node[] {
  const r = Math.floor(j / side);
  const c = j % side;
  return [heading(`Pixel ${j + 1} (row ${r + 1}, column ${c + 1}) · ${where}`), line(`x${subscript(j + 1)} = ${s.input[j]} (${s.input[j] ? "ink" : "paper"})`, "pixel")];
}

/** A neuron's whole calculation: each term, their sum, plus the bias, then sigmoid or softmax. */
function neuronDetails({ data, sizes }: Inspection, net: Network, s: Sample, [l, j]: [number, number], where: string): Node[] {
  const trace = forward(net, s.input);
  const layer = net.layers[l - 1];
  const inputs = l === 1 ? trace.input : trace.layers[l - 2].activations;
  const last = l === sizes.length - 1;
  const name = last ? `Output ${data.classNames[j]}` : `Hidden neuron ${hiddenName(j)}`;
  const steps = neuronSteps({ weights: layer.weights[j], bias: layer.biases[j], activation: last ? "identity" : layer.activation }, inputs);
  const z = `z = ${f4(steps.weightedSum)} + ${bracket(layer.biases[j])} = ${f4(steps.preActivation)}`;
  const nodes: Node[] = [
    heading(`${name} · ${where}`),
    el("div", { class: "nnw-note" }, l === 1 ? "Each pixel x times its weight w (w × x = term), laid out like the picture:" : "Each hidden neuron's output a times its weight w (w × a = term):"),
    termsGrid(l === 1 ? data.side : 0, layer.weights[j], inputs, steps.products),
    line(`sum of the ${steps.products.length} terms = ${f4(steps.weightedSum)}`, "sum"),
    line(`${z}   (the sum plus the bias ${f4(layer.biases[j])})`, "z"),
  ];
  if (!last) return [...nodes, line(`a = σ(${f4(steps.preActivation)}) = 1 / (1 + e^(${f4(-steps.preActivation)})) = ${f4(steps.output)}`, "a")];
  return [...nodes, ...softmaxDetails(data, trace.layers[l - 1].preActivations, s, trace.output)];
}

/** Each term w × input of a neuron's weighted sum: laid out like the picture (`side` pixels a row), or four a row naming hidden neurons (`side` 0). */
function termsGrid(side: number, weights: readonly number[], inputs: readonly number[], products: readonly number[]): HTMLElement {
  const grid = el("div", { class: "nnw-grid nnw-mono", style: `grid-template-columns: repeat(${side || 4}, auto); justify-content: start; gap: 3px 14px; margin: 4px 0;` });
  products.forEach((term, i) => {
    const label = side ? "" : `${hiddenName(i)}: `;
    const cellNode = el("span", { "data-nn-term": String(i) }, `${label}${f4(weights[i])} × ${f4(inputs[i])} = ${f4(term)}`);
    if (side && inputs[i] === 0) cellNode.setAttribute("style", "opacity: 0.45;");
    grid.appendChild(cellNode);
  });
  return grid;
}

/** Softmax over the outputs' z, and this sample's loss. */
function softmaxDetails(data: InspectorData, zs: readonly number[], s: Sample, output: readonly number[]): Node[] {
  const target = classOf(s);
  const p = output[target];
  return [
    el("div", { class: "nnw-note", style: "margin-top: 6px;" }, `Softmax over all ${zs.length} outputs (z = ${zs.map((v) => f4(v)).join(", ")}): raise e to each z, add the powers, divide.`),
    ...softmaxWorking(zs, 3).map((text, k) => line(text, `softmax-${k}`)),
    line(`this sample's loss: −ln(${f4(p)}) = ${f4(-Math.log(p))}   (the probability of the right answer, ${data.classNames[target]})`, "loss"),
  ];
}

/** A connection: its gradient for every sample, then the averaged update and the weight it gives. */
function connectionDetails({ data, sizes, nets, epoch }: Inspection, net: Network, [L, j, i]: [number, number, number]): Node[] {
  const from = L === 1 ? `pixel ${i + 1}` : hiddenName(i);
  const to = L === sizes.length - 1 ? `output ${data.classNames[j]}` : hiddenName(j);
  const old = net.layers[L - 1].weights[j][i];
  const gradients: number[] = [];
  const grid = el("div", { class: "nnw-grid nnw-mono", style: "grid-template-columns: repeat(3, auto); justify-content: start; gap: 2px 18px; margin: 4px 0;" });
  data.samples.forEach((sm, n) => {
    const t = forward(net, sm.input);
    const b = backward(net, t, sm.target, "crossEntropy");
    const input = L === 1 ? t.input[i] : t.layers[L - 2].activations[i];
    const g = b.gradients[L - 1].weights[j][i];
    gradients.push(g);
    grid.appendChild(el("span", { "data-nn-gradient": String(n) }, `${n + 1}: ${f4(b.blame[L - 1][j])} × ${f4(input)} = ${f4(g)}`));
  });
  return [
    heading(`The weight from ${from} to ${to} · epoch ${epoch}'s update`),
    el("div", { class: "nnw-note" }, `For each of the ${data.samples.length} samples its gradient is the blame of ${to} (∂loss/∂z) times the input it multiplies (${L === 1 ? "the pixel" : `the output of ${from}`}):`),
    grid,
    ...averagedUpdateWorking(old, data.learningRate, gradients, 4).map((text, k) => line(text, `update-${k}`)),
    epoch < data.epochs
      ? line(`✓ after the update (epoch ${epoch + 1}) the weight is ${f4(nets[epoch + 1].layers[L - 1].weights[j][i])}`, "check")
      : line(`Training stopped after ${data.epochs} updates, so this step was never taken.`, "check"),
  ];
}

/** A number in brackets when negative: "+ (−0.0562)". */
function bracket(x: number): string {
  const s = formatNumber(x, 4);
  return x < 0 ? `(${s})` : s;
}
