// Examples of the general figure types, built from real engine runs.
import { readFileSync } from "node:fs";
import {
  PythonRandom,
  createNetwork,
  digitSamples,
  forward,
  he,
  networkFrom,
  parseDigitImages,
  predict,
  softmax,
  train,
  uniformIn,
  xorData,
  zeros,
} from "../../../lib/engine";
import {
  Figure,
  activationsFigure,
  boundaryPanels,
  curves,
  decisionBoundary,
  fitCurve,
  imageGrid,
  lossCurve,
  networkDiagram,
  probabilityBars,
} from "../../../lib/figures";

function xorRun() {
  const net = createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
  const history = train(net, xorData(), { epochs: 3001, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum", snapshotEpochs: [0, 40, 3000] });
  return { net, history };
}

const xorPoints = xorData().map((s) => ({ x: s.input[0], y: s.input[1], label: s.target[0] }));

export const examples: Record<string, () => Figure> = {
  "loss-curve": () => {
    const { history } = xorRun();
    return lossCurve({ label: "XOR", losses: history.records.slice(0, 201).map((r) => r.loss) }, { caption: "The XOR network's loss over its first 200 epochs.", markEpoch: 40 });
  },
  "loss-curve-log-overlaid": () => {
    const runs = [0.02, 0.1, 0.3].map((rate) => {
      const net = createNetwork({ sizes: [2, 4, 1], activations: ["tanh", "sigmoid"] }, { weights: he, biases: zeros, rng: new PythonRandom(2) });
      const h = train(net, xorData(), { epochs: 400, learningRate: rate, loss: "squaredError", method: "sample" });
      return { label: `rate ${rate}`, losses: h.records.map((r) => r.loss) };
    });
    return lossCurve(runs, { log: true, caption: "Three learning rates on XOR, on a logarithmic loss axis.", markEpoch: 200 });
  },
  "decision-boundary": () => {
    const { net } = xorRun();
    return decisionBoundary({ surface: (x, y) => predict(net, [x, y])[0], points: xorPoints, caption: "The trained XOR network's answer over the input square." });
  },
  "decision-boundary-panels": () => {
    const { history } = xorRun();
    return boundaryPanels(
      history.snapshots.map((s) => ({ title: `epoch ${s.epoch}`, surface: (x: number, y: number) => predict(s.network, [x, y])[0], points: xorPoints })),
      { caption: "The XOR network's decision boundary at epochs 0, 40 and 3000.", description: "Three panels of the network's output over the input square." },
    );
  },
  "fit-curve": () => {
    const one = networkFrom(1, [
      { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
      { weights: [[0.3]], biases: [0.2], activation: "identity" },
    ]);
    return fitCurve(
      [1, 2, 3, 4].map((x, i) => ({ x, y: [0, 1, 1, 0][i] })),
      [
        { label: "starting weights", f: (x) => predict(one, [x])[0] },
        { label: "a bump", f: (x) => Math.exp(-((x - 2.5) ** 2)), dashed: true },
      ],
      { domain: [0, 5], caption: "The bump data with two curves.", yDomain: [-0.2, 1.2] },
    );
  },
  "curves-weights": () =>
    curves(
      [3, 1, 0.5, 0, -1].map((w) => ({ label: `weight ${w}`, f: (x: number) => w * x })),
      { domain: [-3, 3], caption: "Output against input for five weights.", xLabel: "input", yLabel: "output" },
    ),
  activations: () => activationsFigure(["relu", "sigmoid", "tanh"], { caption: "ReLU, sigmoid and tanh with their derivatives." }),
  "network-diagram-small": () => {
    const net = networkFrom(2, [
      { weights: [[0.5, -0.3], [0.8, 0.2], [0.7, -0.4]], biases: [0, 0, 0], activation: "relu" },
      { weights: [[0.6, -0.5, 0.9]], biases: [0], activation: "sigmoid" },
    ]);
    return networkDiagram(net, {
      trace: forward(net, [0.5, 0.5]),
      inputLabels: ["x₁", "x₂"],
      outputLabels: ["ŷ"],
      layerTitles: ["inputs", "hidden (ReLU)", "output (sigmoid)"],
      showWeights: true,
      caption: "A 2–3–1 network with its values for the input (0.5, 0.5).",
    });
  },
  "network-diagram-digits": () => {
    const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    const digits = digitSamples(parseDigitImages(readFileSync("assets/digits.txt", "utf8")));
    return networkDiagram(net, { trace: forward(net, digits[0].input), outputLabels: ["0", "1", "2"], layerTitles: ["25 pixels", "8 hidden (sigmoid)", "3 outputs (softmax)"], caption: "The 25–8–3 digits network before training." });
  },
  "image-grid": () => {
    const images = parseDigitImages(readFileSync("assets/digits.txt", "utf8"));
    return imageGrid(images.map((d) => ({ pixels: d.pixels, title: `${d.label}` })), { caption: "The 24 training digits.", cellSize: 48 });
  },
  "weight-grid": () => {
    const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    return imageGrid(net.layers[0].weights.map((row, j) => ({ pixels: row, title: `h${j + 1}` })), { scale: "weights", caption: "Each hidden neuron's 25 weights, as a 5 × 5 image." });
  },
  "probability-bars": () => probabilityBars(["digit 0", "digit 1", "digit 2"], softmax([2.1, 0.5, -0.3]), { highlight: 0, caption: "Softmax of (2.1, 0.5, −0.3)." }),
};
