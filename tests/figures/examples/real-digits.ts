// Examples of the figures added for notebook 16 (real digits), built from the MNIST digits and a short
// fast-engine run.
import { PythonRandom, argmax, createNetwork, evaluateFast, he, predictFast, toFastNetwork, trainFast, zeros } from "../../../lib/engine";
import { Figure, confusionMatrix, rasterGrid } from "../../../lib/figures";
import { mnistSamples, splitMnist } from "../../../lib/course/mnist";

let cached: ReturnType<typeof run> | undefined;

/** One epoch on 2,000 training digits, judged on 500 test digits: quick, and already far from random. */
function run() {
  const split = splitMnist(0);
  const train = split.train.slice(0, 2000);
  const test = split.test.slice(0, 500);
  const net = toFastNetwork(createNetwork({ sizes: [784, 16, 16, 10], activations: ["relu", "relu", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(1) }));
  trainFast(net, mnistSamples(train), { epochs: 1, learningRate: 0.1, loss: "crossEntropy", method: { batchSize: 32 }, shuffle: new PythonRandom(2) });
  const answers = test.map((d) => predictFast(net, d.pixels));
  return { split, train, test, net, answers, accuracy: evaluateFast(net, mnistSamples(test), "crossEntropy").accuracy };
}
const once = () => (cached ??= run());

export const examples: Record<string, () => Figure> = {
  "raster-grid-digits": () => {
    const { train } = once();
    const picked = [0, 1, 2].flatMap((row) => Array.from({ length: 10 }, (_, d) => train.filter((x) => x.label === d)[row]));
    return rasterGrid(
      picked.map((d) => ({ pixels: d.pixels, title: String(d.label) })),
      { caption: "Three training digits of each kind, 28 × 28 pixels each.", description: "Thirty handwritten digits in three rows, zero to nine in each row." },
    );
  },
  "raster-grid-weights": () => {
    const { net } = once();
    const first = net.layers[0];
    const pictures = Array.from({ length: first.size }, (_, j) => ({ pixels: first.weights.subarray(j * 784, (j + 1) * 784), title: `h${j + 1}` }));
    return rasterGrid(pictures, { scale: "weights", columns: 8, cellSize: 84, caption: "The 16 first-layer neurons' weights after one epoch: blue positive, red negative." });
  },
  "raster-grid-mistakes": () => {
    const { test, answers } = once();
    const wrong = test.map((d, n) => ({ d, p: answers[n] })).filter(({ d, p }) => argmax(p) !== d.label).slice(0, 12);
    return rasterGrid(
      wrong.map(({ d, p }) => ({ pixels: d.pixels, title: `said ${argmax(p)} · ${(100 * p[argmax(p)]).toFixed(0)} %`, note: `is ${d.label} · ${(100 * p[d.label]).toFixed(0)} %` })),
      { columns: 6, cellSize: 70, caption: "Twelve test digits the network got wrong, with what it said and what it should have said." },
    );
  },
  "confusion-matrix": () => {
    const { test, answers } = once();
    const counts = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    test.forEach((d, n) => counts[d.label][argmax(answers[n])]++);
    return confusionMatrix(counts, { caption: "Where 500 test digits landed after one epoch: rows are the right digit, columns the network's answer." });
  },
};
