import { describe, expect, it } from "vitest";
import {
  PythonRandom,
  bumpData,
  copyNetwork,
  createNetwork,
  evaluate,
  gradientStep,
  he,
  networkFrom,
  train,
  updateWeights,
  uniformIn,
  xorData,
  zeros,
} from "../../lib/engine";

function bump() {
  return networkFrom(1, [
    { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
    { weights: [[0.3]], biases: [0.2], activation: "identity" },
  ]);
}

describe("train", () => {
  it("full batch: one update per epoch with the averaged gradient", () => {
    const a = bump();
    const b = bump();
    train(a, bumpData(), { epochs: 3, learningRate: 0.5, loss: "halfSquaredError", method: "batch" });
    for (let e = 0; e < 3; e++) updateWeights(b, gradientStep(b, bumpData(), "halfSquaredError").gradients, 0.5);
    expect(a).toEqual(b);
  });

  it("a mini-batch as big as the data is the full batch", () => {
    const a = bump();
    const b = bump();
    train(a, bumpData(), { epochs: 5, learningRate: 0.5, loss: "halfSquaredError", method: "batch" });
    train(b, bumpData(), { epochs: 5, learningRate: 0.5, loss: "halfSquaredError", method: { batchSize: 4 } });
    expect(a).toEqual(b);
  });

  it("mini-batches of 2 make two updates per epoch, each from its own pair", () => {
    const a = bump();
    const b = bump();
    train(a, bumpData(), { epochs: 1, learningRate: 0.5, loss: "halfSquaredError", method: { batchSize: 2 } });
    const data = bumpData();
    updateWeights(b, gradientStep(b, data.slice(0, 2), "halfSquaredError").gradients, 0.5);
    updateWeights(b, gradientStep(b, data.slice(2), "halfSquaredError").gradients, 0.5);
    expect(a).toEqual(b);
  });

  it("the full-batch epoch loss is the loss before that epoch's update", () => {
    const net = bump();
    const before = evaluate(net, bumpData(), "halfSquaredError").loss;
    const history = train(net, bumpData(), { epochs: 1, learningRate: 0.5, loss: "halfSquaredError" });
    expect(history.records[0].loss).toBe(before);
  });

  it("keeps snapshots: epoch 0 is the start, epoch n the weights after n epochs", () => {
    const net = bump();
    const start = copyNetwork(net);
    const history = train(net, bumpData(), { epochs: 4, learningRate: 0.5, loss: "halfSquaredError", snapshotEpochs: [0, 2, 4] });
    expect(history.snapshots.map((s) => s.epoch)).toEqual([0, 2, 4]);
    expect(history.snapshots[0].network).toEqual(start);
    expect(history.snapshots[2].network).toEqual(net);
    const two = bump();
    train(two, bumpData(), { epochs: 2, learningRate: 0.5, loss: "halfSquaredError" });
    expect(history.snapshots[1].network).toEqual(two);
  });

  it("records accuracy for classifiers and calls onEpoch", () => {
    const rng = new PythonRandom(1);
    const net = createNetwork({ sizes: [2, 4, 2], activations: ["tanh", "softmax"] }, { weights: he, biases: zeros, rng });
    const data = xorData().map((s) => ({ input: s.input, target: s.target[0] ? [0, 1] : [1, 0] }));
    const seen: number[] = [];
    const history = train(net, data, { epochs: 3, learningRate: 0.5, loss: "crossEntropy", onEpoch: (r) => seen.push(r.epoch) });
    expect(seen).toEqual([0, 1, 2]);
    for (const r of history.records) expect([0, 0.25, 0.5, 0.75, 1]).toContain(r.accuracy);
  });

  it("gives bit-identical weights and losses for the same seed, also with shuffling", () => {
    const run = () => {
      const rng = new PythonRandom(11);
      const net = createNetwork({ sizes: [2, 5, 1], activations: ["tanh", "sigmoid"] }, { weights: he, biases: uniformIn(-0.1, 0.1), rng });
      const history = train(net, xorData(), { epochs: 50, learningRate: 0.5, loss: "squaredError", method: { batchSize: 2 }, shuffle: rng });
      return { net, losses: history.records.map((r) => r.loss) };
    };
    const a = run();
    const b = run();
    expect(a.net).toEqual(b.net);
    expect(a.losses).toEqual(b.losses);
    expect(Object.is(a.losses[49], b.losses[49])).toBe(true);
  });
});
