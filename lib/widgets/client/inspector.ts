/// <reference lib="dom" />
/**
 * The training inspector (notebook 12). The page re-runs the training with the engine (full batch,
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
import { Slider, button, colors, el, set, setText, slider, svg, widgetRoot } from "./dom";
import { lossText, percent, subscript } from "./format";
import { networkView } from "./network-view";

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

const f4 = (x: number) => formatNumber(x, 4);

export function start(host: HTMLElement, data: InspectorData): void {
  // Train exactly as the notebook does, keeping a copy of the weights before every epoch and at the end.
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
  // Neurons and pixels are numbered from 1, as in the notebooks' text (positions in code count from 0).
  const hiddenName = (j: number) => `h${subscript(j + 1)}`;
  const classOf = (s: Sample) => argmax(s.target);
  let epoch = 0;
  let sample = 0;
  let selection: Selection = { node: [sizes.length - 1, classOf(data.samples[0])] };
  let playing: number | null = null;

  const root = widgetRoot(data.title);

  // Controls: play, epoch, sample.
  const epochSlider: Slider = slider({
    name: "epoch",
    min: 0,
    max: data.epochs,
    step: 1,
    value: 0,
    format: (v) => String(v),
    key: "epoch",
    onInput: (v) => {
      epoch = v;
      redraw();
    },
  });
  const sampleSlider: Slider = slider({
    name: "sample",
    min: 0,
    max: data.samples.length - 1,
    step: 1,
    value: 0,
    format: (v) => String(v),
    key: "sample",
    onInput: (v) => {
      sample = v;
      redraw();
    },
  });
  const playButton = button("▶ Play", () => (playing === null ? play() : pause()), "play");
  const epochInfo = el("div", { class: "nnw-note", "data-nn-epoch-info": "" });
  const sampleInfo = el("div", { class: "nnw-note", "data-nn-sample-info": "" });

  // The sample's picture.
  const cell = 16;
  const pixels: SVGRectElement[] = [];
  const picture = svg("svg", { class: "nnw-svg", width: data.side * cell + 2, height: data.side * cell + 2, viewBox: `-1 -1 ${data.side * cell + 2} ${data.side * cell + 2}` });
  for (let p = 0; p < data.side * data.side; p++) {
    const rect = svg("rect", { x: (p % data.side) * cell, y: Math.floor(p / data.side) * cell, width: cell - 1, height: cell - 1, rx: 2 });
    picture.appendChild(rect);
    pixels.push(rect);
  }

  // The loss chart, with the current epoch marked.
  const highest = Math.max(...scores.map((s) => s.loss));
  const lossChart = chart({
    width: 300,
    height: 190,
    margin: { top: 22, right: 12, bottom: 34, left: 44 },
    x: { domain: [0, data.epochs], label: "epoch" },
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
    const e = Math.round(((x - lossChart.left) / (lossChart.right - lossChart.left)) * data.epochs);
    epoch = Math.min(data.epochs, Math.max(0, e));
    epochSlider.show(epoch);
    redraw();
  });

  // The network, clickable.
  const scale = trained.layers.map((_, l) => Math.max(...nets.map((n) => Math.max(...n.layers[l].weights.map((row) => Math.max(...row.map(Math.abs)))))));
  const view = networkView({
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

  // The details of the chosen neuron or connection.
  const details = el("div", { class: "nnw-panel", "data-nn-details": "", "aria-live": "polite", style: "min-height: 120px;" });

  // The drawing pad, read by the trained network.
  const pad: number[] = new Array(data.side * data.side).fill(0);
  const padCell = 30;
  const padCells: SVGRectElement[] = [];
  const padSvg = svg("svg", {
    class: "nnw-svg",
    width: data.side * padCell + 2,
    height: data.side * padCell + 2,
    viewBox: `-1 -1 ${data.side * padCell + 2} ${data.side * padCell + 2}`,
    style: "touch-action: none; user-select: none;",
    "data-nn-pad": "",
  });
  let paint: number | null = null;
  for (let p = 0; p < pad.length; p++) {
    const rect = svg("rect", { x: (p % data.side) * padCell, y: Math.floor(p / data.side) * padCell, width: padCell - 2, height: padCell - 2, rx: 3, class: "nnw-clickable", "data-nn-pad-cell": p });
    rect.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      paint = pad[p] ? 0 : 1;
      setPixel(p, paint);
    });
    rect.addEventListener("pointerenter", () => {
      if (paint !== null) setPixel(p, paint);
    });
    padSvg.appendChild(rect);
    padCells.push(rect);
  }
  const endPaint = () => (paint = null);
  padSvg.addEventListener("pointerup", endPaint);
  padSvg.addEventListener("pointerleave", endPaint);
  const bars = data.classNames.map((name, k) => {
    const fill = svg("rect", { x: 0, y: 3, height: 14, rx: 2, fill: colors.blue });
    const value = el("span", { class: "nnw-number", "data-nn-probability": String(k) });
    const row = el(
      "div",
      { class: "nnw-grid", style: "grid-template-columns: 4.5em 164px 4.2em; align-items: center;" },
      el("span", {}, name),
      svg("svg", { class: "nnw-svg", width: 160, height: 20, viewBox: "0 0 160 20" }, svg("rect", { class: "nnw-bar-track", x: 0, y: 3, width: 160, height: 14, rx: 2 }), fill),
      value,
    );
    return { row, fill, value };
  });
  const reading = el("div", { "data-nn-reading": "" });
  const clearButton = button(
    "Clear",
    () => {
      pad.fill(0);
      redrawPad();
    },
    "clear",
  );
  const copyButton = button(
    "Copy the sample",
    () => {
      data.samples[sample].input.forEach((v, p) => (pad[p] = v));
      redrawPad();
    },
    "copy",
  );

  root.append(
    el(
      "div",
      { class: "nnw-row" },
      el(
        "div",
        { class: "nnw-column", style: "width: 300px;" },
        el("div", { class: "nnw-buttons" }, playButton),
        epochSlider.row,
        epochInfo,
        sampleSlider.row,
        el("div", { class: "nnw-buttons" }, picture, sampleInfo),
        lossChart.svg,
      ),
      el("div", { class: "nnw-column" }, view.svg, el("div", { class: "nnw-note" }, "Click a neuron or a connection to see its calculation at this epoch.")),
    ),
    details,
    el(
      "div",
      { class: "nnw-row", style: "margin-top: 10px; align-items: center;" },
      el("div", { class: "nnw-column" }, el("div", { style: "font-weight: 600;" }, "Draw a digit"), padSvg, el("div", { class: "nnw-buttons" }, clearButton, copyButton)),
      el("div", { class: "nnw-column" }, el("div", {}, `The trained network (epoch ${data.epochs}) reads your drawing:`), ...bars.map((b) => b.row), reading),
    ),
  );
  host.appendChild(root);

  function choose(what: Selection): void {
    selection = what;
    redraw();
  }

  function play(): void {
    if (epoch >= data.epochs) epoch = 0;
    setText(playButton, "❚❚ Pause");
    playButton.setAttribute("aria-pressed", "true");
    playing = window.setInterval(() => {
      epoch = Math.min(data.epochs, epoch + 1);
      epochSlider.show(epoch);
      redraw();
      if (epoch >= data.epochs) pause();
    }, 110);
    epochSlider.show(epoch);
    redraw();
  }

  function pause(): void {
    if (playing !== null) window.clearInterval(playing);
    playing = null;
    setText(playButton, "▶ Play");
    playButton.setAttribute("aria-pressed", "false");
  }

  function setPixel(p: number, value: number): void {
    if (pad[p] === value) return;
    pad[p] = value;
    redrawPad();
  }

  function redrawPad(): void {
    pad.forEach((v, p) => set(padCells[p], { fill: v ? colors.ink : "#eef2f6", stroke: "#9ca3af" }));
    const probabilities = forward(trained, pad).output;
    bars.forEach((b, k) => {
      set(b.fill, { width: (160 * probabilities[k]).toFixed(1) });
      setText(b.value, percent(probabilities[k]));
      b.value.setAttribute("data-exact", String(probabilities[k]));
    });
    const best = argmax(probabilities);
    setText(reading, pad.some((v) => v) ? `Its answer: ${data.classNames[best]} (${percent(probabilities[best])}).` : "An empty pad: draw by clicking or dragging over the squares.");
  }

  function redraw(): void {
    const net = nets[epoch];
    const s = data.samples[sample];
    const trace = forward(net, s.input);
    view.update(net, [trace.input, ...trace.layers.map((l) => l.activations)]);
    view.labelOutputs(data.classNames.map((name, k) => `${name}  ${percent(trace.output[k])}`));
    view.select(selection);
    const score = scores[epoch];
    setText(epochInfo, `epoch ${epoch} of ${data.epochs} · mean loss ${lossText(score.loss)} · ${Math.round(score.accuracy * data.samples.length)} of ${data.samples.length} right`);
    const name = data.sampleNames[sample];
    setText(sampleInfo, `sample ${sample}: ${data.classNames[classOf(s)]}${name ? ` (${name})` : ""}`);
    s.input.forEach((v, p) => pixels[p].setAttribute("fill", v ? colors.ink : "#eef2f6"));
    set(marker, { x1: lossChart.x(epoch), x2: lossChart.x(epoch) });
    set(dot, { cx: lossChart.x(epoch), cy: lossChart.y(score.loss) });
    showDetails(net, s);
  }

  function line(text: string, key?: string): HTMLElement {
    const node = el("div", { class: "nnw-lines nnw-mono" }, text);
    if (key) node.setAttribute("data-nn-line", key);
    return node;
  }

  function heading(text: string): HTMLElement {
    return el("div", { style: "font-weight: 600; margin-bottom: 4px;" }, text);
  }

  function showDetails(net: Network, s: Sample): void {
    details.replaceChildren();
    const where = `epoch ${epoch}, sample ${sample} (${data.classNames[classOf(s)]})`;
    if (!selection) {
      details.appendChild(line("Click a neuron or a connection."));
      return;
    }
    const trace = forward(net, s.input);
    if ("node" in selection) {
      const [l, j] = selection.node;
      if (l === 0) {
        const r = Math.floor(j / data.side);
        const c = j % data.side;
        details.append(heading(`Pixel ${j + 1} (row ${r + 1}, column ${c + 1}) · ${where}`), line(`x${subscript(j + 1)} = ${s.input[j]} (${s.input[j] ? "ink" : "paper"})`, "pixel"));
        return;
      }
      const layer = net.layers[l - 1];
      const inputs = l === 1 ? trace.input : trace.layers[l - 2].activations;
      const last = l === sizes.length - 1;
      const name = last ? `Output ${data.classNames[j]}` : `Hidden neuron ${hiddenName(j)}`;
      const steps = neuronSteps({ weights: layer.weights[j], bias: layer.biases[j], activation: last ? "identity" : layer.activation }, inputs);
      details.appendChild(heading(`${name} · ${where}`));
      details.appendChild(el("div", { class: "nnw-note" }, l === 1 ? "Each pixel x times its weight w (w × x = term), laid out like the picture:" : "Each hidden neuron's output a times its weight w (w × a = term):"));
      const grid = el("div", { class: "nnw-grid nnw-mono", style: `grid-template-columns: repeat(${l === 1 ? data.side : 4}, auto); justify-content: start; gap: 3px 14px; margin: 4px 0;` });
      steps.products.forEach((term, i) => {
        const label = l === 1 ? "" : `${hiddenName(i)}: `;
        const cellNode = el("span", { "data-nn-term": String(i) }, `${label}${f4(layer.weights[j][i])} × ${f4(inputs[i])} = ${f4(term)}`);
        if (l === 1 && inputs[i] === 0) cellNode.setAttribute("style", "opacity: 0.45;");
        grid.appendChild(cellNode);
      });
      details.appendChild(grid);
      details.appendChild(line(`sum of the ${steps.products.length} terms = ${f4(steps.weightedSum)}`, "sum"));
      const z = `z = ${f4(steps.weightedSum)} + ${bracket(layer.biases[j])} = ${f4(steps.preActivation)}`;
      details.appendChild(line(`${z}   (the sum plus the bias ${f4(layer.biases[j])})`, "z"));
      if (!last) {
        details.appendChild(line(`a = σ(${f4(steps.preActivation)}) = 1 / (1 + e^(${f4(-steps.preActivation)})) = ${f4(steps.output)}`, "a"));
        return;
      }
      const zs = trace.layers[l - 1].preActivations;
      details.appendChild(el("div", { class: "nnw-note", style: "margin-top: 6px;" }, `Softmax over all ${zs.length} outputs (z = ${zs.map((v) => f4(v)).join(", ")}): raise e to each z, add the powers, divide.`));
      softmaxWorking(zs, 3).forEach((text, k) => details.appendChild(line(text, `softmax-${k}`)));
      const target = classOf(s);
      const p = trace.output[target];
      details.appendChild(line(`this sample's loss: −ln(${f4(p)}) = ${f4(-Math.log(p))}   (the probability of the right answer, ${data.classNames[target]})`, "loss"));
      return;
    }
    // A connection: its gradient for every sample, then the averaged update.
    const [L, j, i] = selection.edge;
    const from = L === 1 ? `pixel ${i + 1}` : hiddenName(i);
    const to = L === sizes.length - 1 ? `output ${data.classNames[j]}` : hiddenName(j);
    const old = net.layers[L - 1].weights[j][i];
    details.appendChild(heading(`The weight from ${from} to ${to} · epoch ${epoch}'s update`));
    details.appendChild(
      el("div", { class: "nnw-note" }, `For each of the ${data.samples.length} samples its gradient is the blame of ${to} (∂loss/∂z) times the input it multiplies (${L === 1 ? "the pixel" : `the output of ${from}`}):`),
    );
    const gradients: number[] = [];
    const grid = el("div", { class: "nnw-grid nnw-mono", style: "grid-template-columns: repeat(3, auto); justify-content: start; gap: 2px 18px; margin: 4px 0;" });
    data.samples.forEach((sm, n) => {
      const t = forward(net, sm.input);
      const b = backward(net, t, sm.target, "crossEntropy");
      const input = L === 1 ? t.input[i] : t.layers[L - 2].activations[i];
      const g = b.gradients[L - 1].weights[j][i];
      gradients.push(g);
      grid.appendChild(el("span", { "data-nn-gradient": String(n) }, `${n}: ${f4(b.blame[L - 1][j])} × ${f4(input)} = ${f4(g)}`));
    });
    details.appendChild(grid);
    averagedUpdateWorking(old, data.learningRate, gradients, 4).forEach((text, k) => details.appendChild(line(text, `update-${k}`)));
    details.appendChild(
      epoch < data.epochs
        ? line(`✓ after the update (epoch ${epoch + 1}) the weight is ${f4(nets[epoch + 1].layers[L - 1].weights[j][i])}`, "check")
        : line(`Training stopped after ${data.epochs} updates, so this step was never taken.`, "check"),
    );
  }

  redraw();
  redrawPad();
}

/** A number in brackets when negative: "+ (−0.0562)". */
function bracket(x: number): string {
  const s = formatNumber(x, 4);
  return x < 0 ? `(${s})` : s;
}
