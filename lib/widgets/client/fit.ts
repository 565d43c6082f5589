/// <reference lib="dom" />
/**
 * Weights by hand, then Train (notebook 11): a slider for every weight and bias of a network with one
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
  const redraw = (): void => {
    picture.draw(net);
    table.show(net);
    const loss = evaluate(net, data.samples, data.loss).loss;
    summary.show(loss, epochs);
    if (byHand) challenge.tick(loss);
  };
  const sliders: Slider[] = knobs.map((knob, k) =>
    knobSlider(data, k, knob.get(net), (v) => {
      knob.put(net, v);
      epochs = 0;
      redraw();
    }),
  );
  const stop = (): void => {
    if (running) running.stop();
    running = null;
    setText(trainButton, "Train");
    trainButton.setAttribute("aria-pressed", "false");
  };
  const go = (): void => {
    setText(trainButton, "Pause");
    trainButton.setAttribute("aria-pressed", "true");
    setText(status, "");
    const trained = (n: number): void => {
      epochs += n;
      byHand = false;
      knobs.forEach((knob, k) => sliders[k].show(knob.get(net)));
      redraw();
    };
    running = trainInFrames(net, data, trained, (message) => {
      setText(status, message);
      stop();
    });
  };
  const reset = (): void => {
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
  };
  const status = el("div", { class: "nnw-note", role: "status" });
  const trainButton = button("Train", () => (running ? stop() : go()), "train");
  const resetButton = button("Reset", reset, "reset");
  const challenge = goalList(data.goals ?? []);
  const picture = fitChart(data);
  const table = pointTable(data);
  const summary = lossSummary(data.loss);

  const root = widgetRoot(data.title);
  root.style.setProperty("--nnw-track", "130px");
  const note = `Train: gradient descent from the sliders' values, learning rate ${data.learningRate}, all ${data.samples.length} points in every step.`;
  root.append(
    el(
      "div",
      { class: "nnw-row" },
      el("div", { class: "nnw-column", style: "width: 290px;" }, ...sliders.map((s) => s.row), el("div", { class: "nnw-buttons" }, trainButton, resetButton), summary.element, ...(challenge.element ? [challenge.element] : []), status, el("div", { class: "nnw-note" }, note)),
      el("div", { class: "nnw-column" }, picture.svg, table.element),
    ),
  );
  host.appendChild(root);
  redraw();
}

/** The slider of knob number `k`. */
function knobSlider(data: FitData, k: number, value: number, onInput: (value: number) => void): Slider {
  return slider({ name: data.parameterNames[k] ?? `knob ${k + 1}`, min: data.range[0], max: data.range[1], step: data.step, value, format: (v) => fixed(v, 2), key: `p-${k}`, onInput });
}

/**
 * Trains `net` a few epochs per animation frame, calling `trained` with the epochs of each frame, until
 * `maxEpochs`, or the loss is below `stopBelow`, or training fails; then `finished` with what to tell.
 */
function trainInFrames(net: Network, data: FitData, trained: (epochs: number) => void, finished: (message: string) => void): { stop(): void } {
  let done = 0;
  return animate(() => {
    const n = Math.min(data.epochsPerFrame, data.maxEpochs - done);
    try {
      train(net, data.samples, { epochs: n, learningRate: data.learningRate, loss: data.loss, method: "batch" });
    } catch (e) {
      finished((e as Error).message);
      return false;
    }
    done += n;
    trained(n);
    const loss = evaluate(net, data.samples, data.loss).loss;
    if (done >= data.maxEpochs || loss < data.stopBelow) {
      finished(loss < data.stopBelow ? `Stopped after ${done} epochs: the loss is below ${lossText(data.stopBelow)}.` : `Stopped after ${done} epochs; press Train to go on.`);
      return false;
    }
    return true;
  });
}

/** The challenge: a list of targets, each ticked off once a loss set by hand is below it (none: no list). */
function goalList(goals: { below: number; text: string }[]): { element: HTMLElement | null; tick(loss: number): void } {
  const reached = goals.map(() => false);
  const marks = goals.map(() => el("span", { "aria-hidden": "true" }, "☐"));
  const rows = goals.map((g, k) => el("div", { "data-nn-goal": String(k), "data-state": "open" }, marks[k], " ", `a mean loss below ${lossText(g.below)}${g.text ? `: ${g.text}` : ""}`));
  const element = goals.length ? el("div", { class: "nnw-note", role: "status", "data-nn-challenge": "" }, el("div", { style: "font-weight: 600;" }, "By hand, from the start or after Reset, without Train, can you reach"), ...rows) : null;
  const tick = (loss: number): void =>
    goals.forEach((g, k) => {
      if (reached[k] || !(loss < g.below)) return;
      reached[k] = true;
      setText(marks[k], "✅");
      rows[k].setAttribute("data-state", "reached");
    });
  return { element, tick };
}

/** The chart: data points, the network's curve, and each point's miss as a dashed line. */
function fitChart(data: FitData): { svg: SVGSVGElement; draw(net: Network): void } {
  const frame = chart({
    width: 410,
    height: 260,
    margin: { top: 22, right: 14, bottom: 36, left: 46 },
    // Every whole x as a tick when there are few, so each data point sits on one.
    x: { domain: data.domain, label: "x", ticks: wholeTicks(data.domain) },
    y: { domain: data.yDomain, label: "y" },
  });
  const curve = svg("path", { fill: "none", stroke: colors.blue, "stroke-width": 2.5, "data-nn-curve": "" });
  const misses = data.samples.map(() => svg("line", { stroke: colors.orange, "stroke-width": 1.5, "stroke-dasharray": "4,3" }));
  frame.clipped.append(curve, ...misses);
  for (const s of data.samples) frame.marks.appendChild(svg("circle", { cx: frame.x(s.input[0]), cy: frame.y(s.target[0]), r: 5, fill: "currentColor" }));
  const [low, high] = data.domain;
  const draw = (net: Network): void => {
    const points = Array.from({ length: 121 }, (_, k) => {
      const x = low + ((high - low) * k) / 120;
      return { x: frame.x(x), y: frame.y(predict(net, [x])[0]) };
    });
    curve.setAttribute("d", linePath(points));
    data.samples.forEach((s, k) => {
      const x = frame.x(s.input[0]);
      set(misses[k], { x1: x, x2: x, y1: frame.y(s.target[0]), y2: frame.y(predict(net, s.input)[0]) });
    });
  };
  return { svg: frame.svg, draw };
}

/** A table of the points: x, target, answer, loss. */
function pointTable(data: FitData): { element: HTMLElement; show(net: Network): void } {
  const table = el("div", { class: "nnw-grid nnw-mono", style: "grid-template-columns: repeat(4, auto); justify-content: start; gap: 2px 20px; margin-left: 46px;" });
  for (const head of ["x", "y", "ŷ", lossFormula[data.loss] ?? "loss"]) table.appendChild(el("span", { style: "font-weight: 600;" }, head));
  const predictions = data.samples.map((_, k) => el("span", { "data-nn-prediction": String(k) }));
  const pointLosses = data.samples.map((_, k) => el("span", { "data-nn-point-loss": String(k) }));
  data.samples.forEach((s, k) => table.append(el("span", {}, plain(s.input[0])), el("span", {}, plain(s.target[0])), predictions[k], pointLosses[k]));
  const show = (net: Network): void =>
    data.samples.forEach((s, k) => {
      const answer = predict(net, s.input)[0];
      setText(predictions[k], fixed(answer, 3));
      predictions[k].setAttribute("data-exact", String(answer));
      setText(pointLosses[k], lossText(evaluate(net, [s], data.loss).loss));
    });
  return { element: table, show };
}

/** The mean loss and the epochs trained. */
function lossSummary(loss: LossName): { element: HTMLElement; show(value: number, epochs: number): void } {
  const lossValue = el("span", { class: "nnw-number", "data-nn-loss": "", style: "font-size: 15px; font-weight: 600;" });
  const epochValue = el("span", { class: "nnw-number", "data-nn-epochs": "" });
  const element = el(
    "div",
    { class: "nnw-grid", style: "grid-template-columns: auto auto; justify-content: start; gap: 2px 12px; margin-top: 4px;" },
    el("span", {}, lossFormula[loss] ? `mean of ${lossFormula[loss]}` : "mean loss"),
    lossValue,
    el("span", {}, "epochs trained"),
    epochValue,
  );
  const show = (value: number, epochs: number): void => {
    setText(lossValue, lossText(value));
    lossValue.setAttribute("data-exact", String(value));
    setText(epochValue, String(epochs));
  };
  return { element, show };
}
