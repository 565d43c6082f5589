/// <reference lib="dom" />
/**
 * The network playground (notebook 05): sliders for the inputs and, on request, for every weight and
 * bias; every neuron shows its value as the sliders move, computed by the engine's forward pass.
 */
import { Network, copyNetwork, forward } from "../../engine/network";
import { Slider, button, colors, el, set, setText, slider, svg, widgetRoot } from "./dom";
import { fixed, subscript } from "./format";
import { networkView } from "./network-view";

export interface PlaygroundData {
  network: Network;
  inputs: number[];
  inputRange: [number, number];
  weightRange: [number, number];
  step: number;
  title?: string;
  inputLabels: string[];
  /** Names of the neurons of each layer after the inputs, e.g. [["h₁", "h₂", "h₃"], ["output"]]. */
  neuronLabels: string[][];
  layerTitles: string[];
  /** Show the weight sliders from the start. */
  showWeights: boolean;
}

export function start(host: HTMLElement, data: PlaygroundData): void {
  const initial = copyNetwork(data.network);
  const net = copyNetwork(data.network);
  const inputs = data.inputs.slice();
  const sizes = [net.inputSize, ...net.layers.map((l) => l.biases.length)];
  const last = net.layers[net.layers.length - 1];
  const bar = last.activation === "sigmoid" && last.biases.length === 1;
  const weightScale = Math.max(Math.abs(data.weightRange[0]), Math.abs(data.weightRange[1]));

  const root = widgetRoot(data.title);
  // Narrow sliders, so that sliders and picture fit side by side in classic Notebook's output area.
  root.style.setProperty("--nnw-track", "120px");
  const view = networkView({
    sizes,
    width: 480,
    height: Math.max(250, 80 * Math.max(...sizes) + 40),
    radius: () => 19,
    layerTitles: data.layerTitles,
    inputLabels: data.inputLabels,
    outputLabels: data.neuronLabels[data.neuronLabels.length - 1],
    showWeights: true,
    showBiases: true,
    weightScale,
    digits: 2,
  });

  const barWidth = 300;
  const { fill, outputText, barRow } = outputBar(data, barWidth);

  const inputSliders = inputSlidersFor(inputs, data, () => redraw());

  const { weightSliders, weightPanel } = weightSlidersFor(net, data, () => redraw());

  const toggle = button(
    "Show weight sliders",
    () => {
      const open = weightPanel.hidden;
      weightPanel.hidden = !open;
      toggle.setAttribute("aria-pressed", String(open));
      setText(toggle, open ? "Hide weight sliders" : "Show weight sliders");
    },
    "weights",
  );
  toggle.setAttribute("aria-pressed", "false");
  const reset = button(
    "Reset",
    () => {
      initial.layers.forEach((layer, l) => {
        layer.weights.forEach((row, j) => row.forEach((w, i) => (net.layers[l].weights[j][i] = w)));
        layer.biases.forEach((b, j) => (net.layers[l].biases[j] = b));
      });
      data.inputs.forEach((v, i) => {
        inputs[i] = v;
        inputSliders[i].show(v);
      });
      for (const w of weightSliders) w.reset();
      redraw();
    },
    "reset",
  );
  if (data.showWeights) toggle.click();

  const controls = el("div", { class: "nnw-column" }, ...inputSliders.map((s) => s.row), el("div", { class: "nnw-buttons" }, toggle, reset), weightPanel);
  root.appendChild(el("div", { class: "nnw-row" }, controls, el("div", { class: "nnw-column" }, view.svg, bar ? barRow : null)));
  if (!bar) root.appendChild(el("div", { class: "nnw-buttons" }, el("span", {}, "output:"), outputText));
  host.appendChild(root);

  function redraw(): void {
    const trace = forward(net, inputs);
    view.update(net, [trace.input, ...trace.layers.map((l) => l.activations)]);
    const out = trace.output[0];
    setText(outputText, fixed(out, 4));
    outputText.setAttribute("data-exact", String(out));
    if (bar) set(fill, { width: (barWidth * Math.min(1, Math.max(0, out))).toFixed(1) });
  }
  redraw();
}

/** One slider per input; moving one changes `inputs` and redraws. */
function inputSlidersFor(inputs: number[], data: PlaygroundData, redraw: () => void): Slider[] {
  const inputSliders: Slider[] = inputs.map((value, i) =>
    slider({
      name: data.inputLabels[i] ?? `x${subscript(i + 1)}`,
      min: data.inputRange[0],
      max: data.inputRange[1],
      step: data.step,
      value,
      format: (v) => fixed(v, 2),
      key: `in-${i}`,
      onInput: (v) => {
        inputs[i] = v;
        redraw();
      },
    }),
  );
  return inputSliders;
}

/** The output as a bar from 0 to 1, with its value written beside it. */
function outputBar(data: PlaygroundData, barWidth: number): { fill: SVGElement; outputText: HTMLElement; barRow: HTMLElement } {
  const fill = svg("rect", { x: 0, y: 4, height: 18, rx: 3, fill: colors.blue, "data-nn-bar": "" });
  const outputText = el("span", { class: "nnw-number", "data-nn-output": "" });
  const barRow = el(
    "div",
    { class: "nnw-buttons" },
    el("span", {}, `${data.neuronLabels[data.neuronLabels.length - 1][0] ?? "output"}:`),
    outputText,
    svg(
      "svg",
      { class: "nnw-svg", width: barWidth + 24, height: 40, viewBox: `-12 0 ${barWidth + 24} 40` },
      svg("rect", { class: "nnw-bar-track", x: 0, y: 4, width: barWidth, height: 18, rx: 3 }),
      fill,
      ...[0, 0.5, 1].map((t) => svg("text", { class: "nnw-label", x: t * barWidth, y: 36, "text-anchor": "middle" }, String(t))),
    ),
  );
  return { fill, outputText, barRow };
}

/** One slider per weight and bias of `net`, grouped by neuron, in a panel hidden until asked for. */
function weightSlidersFor(net: Network, data: PlaygroundData, redraw: () => void): { weightSliders: { slider: Slider; reset(): void }[]; weightPanel: HTMLElement } {
  // One slider per weight and bias, grouped by neuron; hidden until asked for.
  const weightSliders: { slider: Slider; reset(): void }[] = [];
  const weightPanel = el("div", { class: "nnw-column", hidden: "" });
  net.layers.forEach((layer, l) => {
    const sources = l === 0 ? data.inputLabels : data.neuronLabels[l - 1];
    layer.weights.forEach((row, j) => {
      const neuron = data.neuronLabels[l]?.[j] ?? `neuron ${j + 1}`;
      weightPanel.appendChild(el("div", { class: "nnw-group" }, neuron));
      const add = (name: string, key: string, get: () => number, put: (v: number) => void) => {
        const s = slider({
          name,
          min: data.weightRange[0],
          max: data.weightRange[1],
          step: data.step,
          value: get(),
          format: (v) => fixed(v, 2),
          key,
          onInput: (v) => {
            put(v);
            redraw();
          },
        });
        weightPanel.appendChild(s.row);
        weightSliders.push({ slider: s, reset: () => s.show(get()) });
      };
      row.forEach((_, i) =>
        add(
          `w ${sources?.[i] ?? i + 1}`,
          `w-${l + 1}-${j}-${i}`,
          () => net.layers[l].weights[j][i],
          (v) => (net.layers[l].weights[j][i] = v),
        ),
      );
      add(
        "bias",
        `b-${l + 1}-${j}`,
        () => net.layers[l].biases[j],
        (v) => (net.layers[l].biases[j] = v),
      );
    });
  });
  return { weightSliders, weightPanel };
}
