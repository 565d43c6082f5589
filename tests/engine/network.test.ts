// Forward and backward passes checked against the course's hand-worked examples.
import { describe, expect, it } from "vitest";
import {
  backward,
  countParameters,
  createNetwork,
  forward,
  networkFrom,
  parameterCount,
  updateWeights,
  zeros,
  constant,
} from "../../lib/engine";

/** (2, 5) → three ReLU neurons → one ReLU output, as in notebook 05. */
function layerExample() {
  return networkFrom(2, [
    { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
    { weights: [[1, 2, -1]], biases: [0], activation: "relu" },
  ]);
}

/** x = 2; hidden a = 3, b = 1 (ReLU); output p = 1, q = 2; no biases. Notebook 10. */
function fourKnobs() {
  return networkFrom(1, [
    { weights: [[3], [1]], biases: [0, 0], activation: "relu" },
    { weights: [[1, 2]], biases: [0], activation: "identity" },
  ]);
}

describe("forward pass", () => {
  it("(2, 5) → (15, 1, 0) → 17", () => {
    const trace = forward(layerExample(), [2, 5]);
    expect(trace.layers[0].preActivations).toEqual([15, 1, -11]);
    expect(trace.layers[0].activations).toEqual([15, 1, 0]);
    expect(trace.output).toEqual([17]);
  });
});

describe("backward pass", () => {
  it("gives the four-knob network's hand-computed blame and gradients", () => {
    const net = fourKnobs();
    const trace = forward(net, [2]);
    expect(trace.layers[0].activations).toEqual([6, 2]);
    expect(trace.output).toEqual([10]);
    const b = backward(net, trace, [6], "squaredError");
    expect(b.loss).toBe(16);
    expect(b.blame[1]).toEqual([8]); // 2 × (10 − 6)
    expect(b.gradients[1].weights).toEqual([[48, 16]]); // p: 8 × 6, q: 8 × 2
    expect(b.blame[0]).toEqual([8, 16]); // 8 × p, 8 × q, through ReLU's local effect 1
    expect(b.gradients[0].weights).toEqual([[16], [32]]); // a: 8 × 2, b: 16 × 2
  });

  it("gives the output weight's exact slope 2 × (17 − 20) × 15 = −90", () => {
    const net = layerExample();
    const b = backward(net, forward(net, [2, 5]), [20], "squaredError");
    expect(b.gradients[1].weights[0][0]).toBe(-90);
  });
});

describe("update", () => {
  it("moves a weight against its gradient: 1 − 0.001 × (−67.5) = 1.0675", () => {
    const net = networkFrom(1, [{ weights: [[1]], biases: [0], activation: "identity" }]);
    updateWeights(net, [{ weights: [[-67.5]], biases: [0] }], 0.001);
    expect(net.layers[0].weights[0][0]).toBeCloseTo(1.0675, 15);
  });
});

describe("counting parameters", () => {
  it("counts weights plus biases, layer by layer", () => {
    expect(countParameters([25, 8, 3])).toBe(25 * 8 + 8 + 8 * 3 + 3);
    expect(countParameters([25, 8, 3])).toBe(235);
    expect(countParameters([784, 16, 16, 10])).toBe(13002);
    const net = createNetwork({ sizes: [2, 3, 1], activations: ["relu", "sigmoid"] }, { weights: constant(0.5), biases: zeros });
    expect(parameterCount(net)).toBe(13);
  });
});
