/// <reference lib="dom" />
/**
 * The decision boundary over time (notebook 12). The page re-runs the seeded training with the engine,
 * keeping the weights at every epoch; an epoch slider (and Play) redraws the network's answer over the
 * input square, its 0.5 boundary, and the loss chart with that epoch marked. The loss shown is the loss
 * of the answers shown (the weights of that epoch, frozen); with updates after every sample, the
 * epoch's logged loss, a running record over weights that move, is given beside it.
 */
import { Sample } from "../../engine/data";
import { LossName } from "../../engine/losses";
import { Network, copyNetwork, predict } from "../../engine/network";
import { UpdateMethod, evaluate, train } from "../../engine/train";
import { chart, linePath } from "./chart";
import { Slider, button, colors, el, playButton, set, setText, slider, svg, widgetRoot } from "./dom";
import { fixed, lossText } from "./format";

export interface BoundaryData {
  network: Network;
  samples: Sample[];
  training: { epochs: number; learningRate: number; loss: LossName; method: UpdateMethod; lossReport: "sum" | "mean" };
  domain: [number, number];
  /** Band edges and colours, as the still figure draws them. */
  bandEdges: number[];
  bandColors: string[];
  boundary: number;
  title?: string;
  lossLabel: string;
}

/** The line segments where a grid of values crosses `level` (marching squares), as an SVG path. */
export function contourPath(values: number[][], level: number, x: (i: number) => number, y: (j: number) => number): string {
  let d = "";
  const n = values.length - 1;
  const at = (a: number, b: number) => (level - a) / (b - a);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      // Corners: v00 at (i, j), v10 at (i + 1, j), v11 at (i + 1, j + 1), v01 at (i, j + 1).
      const v00 = values[j][i];
      const v10 = values[j][i + 1];
      const v11 = values[j + 1][i + 1];
      const v01 = values[j + 1][i];
      const code = (v00 > level ? 1 : 0) | (v10 > level ? 2 : 0) | (v11 > level ? 4 : 0) | (v01 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      const top = () => [x(i + at(v00, v10)), y(j)];
      const right = () => [x(i + 1), y(j + at(v10, v11))];
      const bottom = () => [x(i + at(v01, v11)), y(j + 1)];
      const left = () => [x(i), y(j + at(v00, v01))];
      const segments: number[][][] = [];
      const centreHigh = (v00 + v10 + v11 + v01) / 4 > level;
      switch (code) {
        case 1: case 14: segments.push([left(), top()]); break;
        case 2: case 13: segments.push([top(), right()]); break;
        case 3: case 12: segments.push([left(), right()]); break;
        case 4: case 11: segments.push([right(), bottom()]); break;
        case 6: case 9: segments.push([top(), bottom()]); break;
        case 7: case 8: segments.push([left(), bottom()]); break;
        case 5: segments.push(...(centreHigh ? [[left(), bottom()], [top(), right()]] : [[left(), top()], [right(), bottom()]])); break;
        case 10: segments.push(...(centreHigh ? [[left(), top()], [right(), bottom()]] : [[left(), bottom()], [top(), right()]])); break;
      }
      for (const [a, b] of segments) d += `M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`;
    }
  }
  return d;
}

/** The key to the bands' colours: a strip of the bands with the answers where they meet under it. */
function bandKey(colors: string[], edges: number[], left: number): SVGSVGElement {
  const band = 24;
  const width = left + colors.length * band + 44;
  const key = svg("svg", { class: "nnw-svg", width, height: 46, viewBox: `0 0 ${width} 46`, "data-nn-key": "" });
  key.appendChild(svg("text", { class: "nnw-label", x: left, y: 11, "font-weight": "bold" }, "the network's answer"));
  colors.forEach((fill, k) => key.appendChild(svg("rect", { x: left + k * band, y: 16, width: band, height: 11, fill, stroke: "#9ca3af", "stroke-width": 0.5 })));
  edges.forEach((edge, k) => key.appendChild(svg("text", { class: "nnw-label", x: left + (k + 1) * band, y: 39, "text-anchor": "middle" }, String(edge))));
  key.appendChild(svg("text", { class: "nnw-label", x: left - 4, y: 25, "text-anchor": "end" }, "below"));
  key.appendChild(svg("text", { class: "nnw-label", x: left + colors.length * band + 4, y: 25, "text-anchor": "start" }, "above"));
  return key;
}

/** The training, re-run in the page. */
interface Replay {
  /** The weights before every epoch, and at the end. */
  nets: Network[];
  /** Each epoch's loss as training logged it. */
  logged: number[];
  /** The loss of each of `nets`, frozen: what the answers in the table cost, reported as training reports it. */
  losses: number[];
}

function replayTraining(data: BoundaryData): Replay {
  const history = train(copyNetwork(data.network), data.samples, { ...data.training, snapshotEpochs: "all" });
  const nets = history.snapshots.map((s) => s.network);
  const logged = history.records.map((r) => r.loss);
  const count = data.training.lossReport === "sum" ? data.samples.length : 1;
  const losses = nets.map((net) => evaluate(net, data.samples, data.training.loss).loss * count);
  return { nets, logged, losses };
}

export function start(host: HTMLElement, data: BoundaryData): void {
  const { epochs } = data.training;
  const { nets, logged, losses } = replayTraining(data);
  const movesDuringEpoch = data.training.method !== "batch";
  let epoch = 0;
  const redraw = (): void => {
    const net = nets[epoch];
    answers.draw(net);
    table.show(net);
    const when = epoch < epochs ? `the weights at the start of epoch ${epoch}` : `the weights after all ${epochs} epochs (0 to ${epochs - 1})`;
    const log = movesDuringEpoch && epoch < epochs ? `; logged during epoch ${epoch}, while the weights moved: ${lossText(logged[epoch])}` : "";
    setText(info, `${when}: these answers' ${data.lossLabel} ${lossText(losses[epoch])}${log}`);
    lossChart.mark(epoch, losses[epoch]);
  };
  const toEpoch = (e: number): void => {
    epoch = Math.min(epochs, Math.max(0, e));
    epochSlider.show(epoch);
    redraw();
  };
  const epochSlider = logEpochSlider(epochs, (e) => {
    epoch = e;
    redraw();
  });
  // Early epochs change the picture most: Play steps one epoch at a time at first, then faster.
  const player = playButton(
    () => {
      if (epoch >= epochs) epoch = 0;
    },
    () => {
      toEpoch(epoch + Math.max(1, Math.floor(epoch / 40)));
      return epoch < epochs;
    },
    40,
  );
  const stepButton = (label: string, by: number) =>
    button(
      label,
      () => {
        player.pause();
        toEpoch(epoch + by);
      },
      by < 0 ? "back" : "forward",
    );
  const info = el("div", { class: "nnw-note", "data-nn-epoch-info": "" });
  const answers = answerMap(data);
  const lossChart = logLossChart(losses, epochs, data.lossLabel);
  const table = answerTable(data.samples);

  const root = widgetRoot(data.title);
  root.append(
    el(
      "div",
      { class: "nnw-row" },
      el("div", { class: "nnw-column" }, answers.stage, answers.key),
      el("div", { class: "nnw-column" }, el("div", { class: "nnw-buttons" }, player.button, stepButton("− 1 epoch", -1), stepButton("+ 1 epoch", 1)), epochSlider.row, info, lossChart.svg, table.element),
    ),
  );
  host.appendChild(root);
  redraw();
}

/** The network's answer over the input square, in bands, with its boundary line, the samples on top, and a key. */
function answerMap(data: BoundaryData): { stage: HTMLElement; key: SVGSVGElement; draw(net: Network): void } {
  const size = 300;
  const frame = chart({
    width: size + 50,
    height: size + 56,
    margin: { top: 22, right: 4, bottom: 34, left: 46 },
    x: { domain: data.domain, label: "x₁" },
    y: { domain: data.domain, label: "x₂" },
  });
  const width = frame.right - frame.left;
  const height = frame.bottom - frame.top;
  // The answer over the square, painted on a canvas under the chart's lines and points.
  const grid = 75;
  const canvas = el("canvas", { width: String(grid), height: String(grid), style: `position: absolute; left: ${frame.left}px; top: ${frame.top}px; width: ${width}px; height: ${height}px;` });
  const stage = el("div", { style: `position: relative; width: ${size + 50}px; height: ${size + 56}px;` }, canvas, frame.svg);
  const key = bandKey(data.bandColors, data.bandEdges, frame.left);
  frame.svg.setAttribute("style", "position: absolute; left: 0; top: 0;");
  const contour = svg("path", { fill: "none", stroke: "white", "stroke-width": 2.5, "data-nn-contour": "" });
  frame.marks.appendChild(contour);
  for (const s of data.samples) frame.marks.append(...samplePoint(frame.x(s.input[0]), frame.y(s.input[1]), s.target[0]));
  const paint = bandPainter(canvas, grid, data);
  const draw = (net: Network): void => {
    paint(net);
    const corners = answerGrid(net, grid, data.domain);
    contour.setAttribute("d", contourPath(corners, data.boundary, (i) => frame.left + (i / grid) * width, (j) => frame.top + (j / grid) * height));
  };
  return { stage, key, draw };
}

/** A sample on the map: a disc in its class's colour with its target written in it. */
function samplePoint(cx: number, cy: number, target: number): SVGElement[] {
  return [
    svg("circle", { cx, cy, r: 8, fill: target >= 0.5 ? colors.class1 : colors.class0, stroke: "#1b1b1b", "stroke-width": 1.5 }),
    svg("text", { x: cx, y: cy + 3.5, "text-anchor": "middle", "font-size": 10, "font-weight": "bold", fill: "#1b1b1b" }, String(target)),
  ];
}

/** Paints the canvas's `grid` × `grid` pixels in the band colour of the answer at each pixel's centre. */
function bandPainter(canvas: HTMLCanvasElement, grid: number, data: BoundaryData): (net: Network) => void {
  const [low, high] = data.domain;
  const context = canvas.getContext("2d");
  const image = context ? context.createImageData(grid, grid) : null;
  const rgb = data.bandColors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  const band = (v: number) => {
    let k = 0;
    while (k < data.bandEdges.length && v >= data.bandEdges[k]) k++;
    return k;
  };
  return (net) => {
    if (!context || !image) return;
    for (let r = 0; r < grid; r++) {
      for (let c = 0; c < grid; c++) {
        const x = low + ((c + 0.5) / grid) * (high - low);
        const y = high - ((r + 0.5) / grid) * (high - low);
        const colour = rgb[band(predict(net, [x, y])[0])];
        const p = 4 * (r * grid + c);
        image.data[p] = colour[0];
        image.data[p + 1] = colour[1];
        image.data[p + 2] = colour[2];
        image.data[p + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
  };
}

/** The answer at the corners of the canvas's cells, top row first, for the contour. */
function answerGrid(net: Network, grid: number, [low, high]: [number, number]): number[][] {
  const corners: number[][] = [];
  for (let j = 0; j <= grid; j++) {
    const row: number[] = [];
    for (let i = 0; i <= grid; i++) row.push(predict(net, [low + (i / grid) * (high - low), high - (j / grid) * (high - low)])[0]);
    corners.push(row);
  }
  return corners;
}

/** The loss chart, on a log axis from the largest loss all the way down to the smallest, with an epoch marked. */
function logLossChart(losses: number[], epochs: number, label: string): { svg: SVGSVGElement; mark(epoch: number, loss: number): void } {
  const positive = losses.filter((l) => l > 0);
  const floor = 10 ** Math.floor(Math.log10(Math.min(...positive)));
  const ceiling = 10 ** Math.ceil(Math.log10(Math.max(...positive)));
  // The loss falls in the first few hundred epochs of thousands, so epochs go on a log axis too
  // (epoch e is drawn at log(e + 1), so that epoch 0 has a place).
  const ticks = [1, 10, 100, 1000, 10000, 100000].filter((t) => t <= epochs).map((t) => t + 1);
  const lossChart = chart({
    width: 330,
    height: 200,
    margin: { top: 22, right: 12, bottom: 34, left: 46 },
    x: { domain: [1, epochs + 1], label: "epoch (log scale)", log: true, ticks: [1, ...ticks], format: (v) => String(Math.round(v - 1)) },
    y: { domain: [floor, ceiling], label, log: true },
  });
  const clampLoss = (l: number) => Math.min(ceiling, Math.max(floor, l));
  lossChart.clipped.appendChild(svg("path", { d: linePath(losses.map((l, e) => ({ x: lossChart.x(e + 1), y: lossChart.y(clampLoss(l)) }))), fill: "none", stroke: colors.blue, "stroke-width": 1.8 }));
  const marker = svg("line", { y1: lossChart.top, y2: lossChart.bottom, stroke: "currentColor", "stroke-dasharray": "4,3", "stroke-opacity": 0.7 });
  const dot = svg("circle", { r: 4.5, fill: colors.orange, stroke: "currentColor" });
  lossChart.marks.append(marker, dot);
  const mark = (epoch: number, loss: number): void => {
    set(marker, { x1: lossChart.x(epoch + 1), x2: lossChart.x(epoch + 1) });
    set(dot, { cx: lossChart.x(epoch + 1), cy: lossChart.y(clampLoss(loss)) });
  };
  return { svg: lossChart.svg, mark };
}

/** The epoch slider, on a log scale too, so every early epoch can be reached; `show` takes an epoch. */
function logEpochSlider(epochs: number, onEpoch: (epoch: number) => void): { row: HTMLElement; show(epoch: number): void } {
  const positions = 1000;
  const epochAt = (position: number) => Math.round((epochs + 1) ** (position / positions) - 1);
  const positionOf = (e: number) => Math.round((positions * Math.log(e + 1)) / Math.log(epochs + 1));
  const epochSlider: Slider = slider({
    name: "epoch",
    min: 0,
    max: positions,
    step: 1,
    value: 0,
    format: (position) => String(epochAt(position)),
    key: "epoch",
    onInput: (position) => onEpoch(epochAt(position)),
  });
  epochSlider.row.style.gridTemplateColumns = "3.5em 230px 3.5em";
  epochSlider.input.style.width = "230px";
  return { row: epochSlider.row, show: (epoch) => epochSlider.show(positionOf(epoch), String(epoch)) };
}

/** A table of the samples: input, target, and the network's answer. */
function answerTable(samples: Sample[]): { element: HTMLElement; show(net: Network): void } {
  const answers = samples.map((_, k) => el("span", { class: "nnw-number", "data-nn-answer": String(k) }));
  const table = el("div", { class: "nnw-grid nnw-mono", style: "grid-template-columns: auto auto auto; justify-content: start; gap: 2px 14px;" });
  for (const head of ["input", "target", "answer"]) table.appendChild(el("span", { style: "font-weight: 600;" }, head));
  samples.forEach((s, k) => table.append(el("span", {}, `(${s.input.join(", ")})`), el("span", {}, String(s.target[0])), answers[k]));
  const show = (net: Network): void =>
    samples.forEach((s, k) => {
      const answer = predict(net, s.input)[0];
      setText(answers[k], fixed(answer, 3));
      answers[k].setAttribute("data-exact", String(answer));
    });
  return { element: table, show };
}
