/// <reference lib="dom" />
/**
 * Weights by hand, then Train (notebook 10): a slider for every weight and bias of a network with one
 * input and one output, its curve through the data points and its loss, redrawn as the sliders move.
 * Train runs the engine's full-batch gradient descent from wherever the sliders are, a few epochs per
 * frame, moving the sliders as it goes.
 */
import { Sample } from "../../engine/data";
import { LossName } from "../../engine/losses";
import { Network, copyNetwork, predict } from "../../engine/network";
import { evaluate, train } from "../../engine/train";
import { linePath, chart } from "./chart";
import { Slider, animate, button, colors, el, set, setText, slider, svg, widgetRoot } from "./dom";
import { fixed, lossText } from "./format";

export interface FitData {
  network: Network;
  samples: Sample[];
  learningRate: number;
  loss: LossName;
  /** x range of the chart, and its y range. */
  domain: [number, number];
  yDomain: [number, number];
  /** One name per knob, layer by layer and neuron by neuron: its weights, then its bias. */
  parameterNames: string[];
  range: [number, number];
  step: number;
  epochsPerFrame: number;
  /** Epochs per press of Train. */
  maxEpochs: number;
  /** Train stops early once the loss is below this. */
  stopBelow: number;
  /** Targets for weights set by hand: each is ticked off once the mean loss is below `below`. */
  goals?: { below: number; text: string }[];
  title?: string;
}

interface Knob {
  get(net: Network): number;
  put(net: Network, value: number): void;
}

/** Every weight and bias of `net`, in the order the sliders show them. */
function knobsOf(net: Network): Knob[] {
  const knobs: Knob[] = [];
  net.layers.forEach((layer, l) => {
    layer.weights.forEach((row, j) => {
      row.forEach((_, i) => knobs.push({ get: (n) => n.layers[l].weights[j][i], put: (n, v) => (n.layers[l].weights[j][i] = v) }));
      knobs.push({ get: (n) => n.layers[l].biases[j], put: (n, v) => (n.layers[l].biases[j] = v) });
    });
  });
  return knobs;
}

/** Each whole number of a short interval, or undefined to let the chart choose. */
function wholeTicks([low, high]: [number, number]): number[] | undefined {
  if (high - low > 10) return undefined;
  const ticks: number[] = [];
  for (let x = Math.ceil(low); x <= high; x++) ticks.push(x);
  return ticks;
}

/** Whole numbers as they are, others with two decimals. */
const plain = (v: number) => (Number.isInteger(v) ? fixed(v, 0) : fixed(v, 2));

const lossFormula: Record<string, string> = { halfSquaredError: "½(ŷ − y)²", squaredError: "(ŷ − y)²", crossEntropy: "−y ln ŷ" };

export function start(host: HTMLElement, data: FitData): void {
  const net = copyNetwork(data.network);
  const knobs = knobsOf(net);
  let epochs = 0;
  let running: { stop(): void } | null = null;
  // Whether the weights now shown were set by hand alone: true until Train runs, and again after Reset.
  let byHand = true;
  const goals = data.goals ?? [];
  const reached = goals.map(() => false);

  const root = widgetRoot(data.title);
  root.style.setProperty("--nnw-track", "130px");
  const sliders: Slider[] = knobs.map((knob, k) =>
    slider({
      name: data.parameterNames[k] ?? `knob ${k + 1}`,
      min: data.range[0],
      max: data.range[1],
      step: data.step,
      value: knob.get(net),
      format: (v) => fixed(v, 2),
      key: `p-${k}`,
      onInput: (v) => {
        knob.put(net, v);
        epochs = 0;
        redraw();
      },
    }),
  );

  const status = el("div", { class: "nnw-note", role: "status" });
  const lossValue = el("span", { class: "nnw-number", "data-nn-loss": "" });
  const epochValue = el("span", { class: "nnw-number", "data-nn-epochs": "" });
  const trainButton = button("Train", () => (running ? stop() : go()), "train");
  const resetButton = button(
    "Reset",
    () => {
      stop();
      const initial = copyNetwork(data.network);
      knobs.forEach((knob, k) => {
        knob.put(net, knob.get(initial));
        sliders[k].show(knob.get(net));
      });
      epochs = 0;
      byHand = true;
      setText(status, "");
      redraw();
    },
    "reset",
  );

  // The challenge: a list of targets, ticked off as the sliders reach them.
  const goalMarks = goals.map(() => el("span", { "aria-hidden": "true" }, "☐"));
  const goalRows = goals.map((g, k) =>
    el("div", { "data-nn-goal": String(k), "data-state": "open" }, goalMarks[k], " ", `a mean loss below ${lossText(g.below)}${g.text ? `: ${g.text}` : ""}`),
  );
  const challenge = goals.length ? el("div", { class: "nnw-note", role: "status", "data-nn-challenge": "" }, el("div", { style: "font-weight: 600;" }, "By hand, from the start or after Reset, without Train, can you reach"), ...goalRows) : null;

  // The chart: data points, the network's curve, and each point's miss as a dashed line.
  const frame = chart({
    width: 410,
    height: 260,
    margin: { top: 22, right: 14, bottom: 36, left: 46 },
    // Every whole x as a tick when there are few, so each data point sits on one.
    x: { domain: data.domain, label: "x", ticks: wholeTicks(data.domain) },
    y: { domain: data.yDomain, label: "y" },
  });
  const plotArea = frame.clipped;
  const curve = svg("path", { fill: "none", stroke: colors.blue, "stroke-width": 2.5, "data-nn-curve": "" });
  const misses = data.samples.map(() => svg("line", { stroke: colors.orange, "stroke-width": 1.5, "stroke-dasharray": "4,3" }));
  plotArea.append(curve, ...misses);
  for (const s of data.samples) frame.marks.appendChild(svg("circle", { cx: frame.x(s.input[0]), cy: frame.y(s.target[0]), r: 5, fill: "currentColor" }));

  // A table of the points: x, target, answer, loss.
  const table = el("div", { class: "nnw-grid nnw-mono", style: "grid-template-columns: repeat(4, auto); justify-content: start; gap: 2px 20px; margin-left: 46px;" });
  for (const head of ["x", "y", "ŷ", lossFormula[data.loss] ?? "loss"]) table.appendChild(el("span", { style: "font-weight: 600;" }, head));
  const predictions: HTMLElement[] = [];
  const pointLosses: HTMLElement[] = [];
  data.samples.forEach((s, k) => {
    const p = el("span", { "data-nn-prediction": String(k) });
    const l = el("span", { "data-nn-point-loss": String(k) });
    predictions.push(p);
    pointLosses.push(l);
    table.append(el("span", {}, plain(s.input[0])), el("span", {}, plain(s.target[0])), p, l);
  });

  lossValue.setAttribute("style", "font-size: 15px; font-weight: 600;");
  const summary = el(
    "div",
    { class: "nnw-grid", style: "grid-template-columns: auto auto; justify-content: start; gap: 2px 12px; margin-top: 4px;" },
    el("span", {}, lossFormula[data.loss] ? `mean of ${lossFormula[data.loss]}` : "mean loss"),
    lossValue,
    el("span", {}, "epochs trained"),
    epochValue,
  );
  root.append(
    el(
      "div",
      { class: "nnw-row" },
      el(
        "div",
        { class: "nnw-column", style: "width: 290px;" },
        ...sliders.map((s) => s.row),
        el("div", { class: "nnw-buttons" }, trainButton, resetButton),
        summary,
        ...(challenge ? [challenge] : []),
        status,
        el("div", { class: "nnw-note" }, `Train: gradient descent from the sliders' values, learning rate ${data.learningRate}, all ${data.samples.length} points in every step.`),
      ),
      el("div", { class: "nnw-column" }, frame.svg, table),
    ),
  );
  host.appendChild(root);

  function redraw(): void {
    const [low, high] = data.domain;
    const points = Array.from({ length: 121 }, (_, k) => {
      const x = low + ((high - low) * k) / 120;
      return { x: frame.x(x), y: frame.y(predict(net, [x])[0]) };
    });
    curve.setAttribute("d", linePath(points));
    data.samples.forEach((s, k) => {
      const answer = predict(net, s.input)[0];
      const x = frame.x(s.input[0]);
      set(misses[k], { x1: x, x2: x, y1: frame.y(s.target[0]), y2: frame.y(answer) });
      setText(predictions[k], fixed(answer, 3));
      predictions[k].setAttribute("data-exact", String(answer));
      const one = evaluate(net, [s], data.loss).loss;
      setText(pointLosses[k], lossText(one));
    });
    const loss = evaluate(net, data.samples, data.loss).loss;
    setText(lossValue, lossText(loss));
    lossValue.setAttribute("data-exact", String(loss));
    setText(epochValue, String(epochs));
    goals.forEach((g, k) => {
      if (reached[k] || !byHand || !(loss < g.below)) return;
      reached[k] = true;
      setText(goalMarks[k], "✅");
      goalRows[k].setAttribute("data-state", "reached");
    });
  }

  function go(): void {
    let done = 0;
    setText(trainButton, "Pause");
    trainButton.setAttribute("aria-pressed", "true");
    setText(status, "");
    running = animate(() => {
      const n = Math.min(data.epochsPerFrame, data.maxEpochs - done);
      try {
        train(net, data.samples, { epochs: n, learningRate: data.learningRate, loss: data.loss, method: "batch" });
      } catch (e) {
        setText(status, (e as Error).message);
        stop();
        return false;
      }
      done += n;
      epochs += n;
      byHand = false;
      knobs.forEach((knob, k) => sliders[k].show(knob.get(net)));
      redraw();
      const loss = evaluate(net, data.samples, data.loss).loss;
      if (done >= data.maxEpochs || loss < data.stopBelow) {
        setText(status, loss < data.stopBelow ? `Stopped after ${done} epochs: the loss is below ${lossText(data.stopBelow)}.` : `Stopped after ${done} epochs; press Train to go on.`);
        stop();
        return false;
      }
      return true;
    });
  }

  function stop(): void {
    if (running) running.stop();
    running = null;
    setText(trainButton, "Train");
    trainButton.setAttribute("aria-pressed", "false");
  }

  redraw();
}
