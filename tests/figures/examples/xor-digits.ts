// Examples of the figures added for notebooks 12 and 13 (XOR) and 14 and 15 (digits), built from real engine runs.
import { PythonRandom, createNetwork, he, heStandardDeviation, train, uniformIn, xorData, zeros } from "../../../lib/engine";
import { Figure, histogram, outcomeGrid } from "../../../lib/figures";

export const examples: Record<string, () => Figure> = {
  "histogram-he-weights": () => {
    const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    const sd = heStandardDeviation(25);
    return histogram(net.layers[0].weights.flat(), {
      binWidth: 0.1,
      bell: { mean: 0, standardDeviation: sd },
      label: "drawn weights",
      xLabel: "weight",
      caption: "The 200 first-layer starting weights of the digits network, against the He bell curve.",
    });
  },
  "outcome-grid-xor": () => {
    const rows = [1, 2, 4].map((width) => ({
      label: `${width} hidden neuron${width === 1 ? "" : "s"}`,
      outcomes: Array.from({ length: 20 }, (_, seed) => {
        const net = createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(seed) });
        const h = train(net, xorData(), { epochs: 500, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum" });
        return h.records[499].loss > 0.1 ? "stuck" : "solved";
      }),
    }));
    return outcomeGrid(rows, { categories: ["solved", "stuck"], tally: "stuck", columnLabel: "seed", caption: "XOR runs of 500 epochs for 20 seeds and three widths." });
  },
};
