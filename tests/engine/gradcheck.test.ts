// Backpropagation against central differences, on random networks of several shapes.
import { describe, expect, it } from "vitest";
import {
  ActivationName,
  LossName,
  PythonRandom,
  Sample,
  createNetwork,
  gradientCheck,
  nudgeSlope,
  centralSlope,
  oneHot,
  uniformIn,
  xavier,
} from "../../lib/engine";

function randomData(rng: PythonRandom, inputs: number, outputs: number, count: number, classes: boolean): Sample[] {
  return Array.from({ length: count }, (_, n) => ({
    input: Array.from({ length: inputs }, () => rng.uniform(-1.5, 1.5)),
    target: classes ? oneHot(n % outputs, outputs) : Array.from({ length: outputs }, () => rng.uniform(-1, 1)),
  }));
}

const shapes: { sizes: number[]; activations: ActivationName[]; loss: LossName }[] = [
  { sizes: [1, 1, 1], activations: ["sigmoid", "identity"], loss: "halfSquaredError" },
  { sizes: [2, 3, 1], activations: ["tanh", "sigmoid"], loss: "squaredError" },
  { sizes: [3, 4, 2], activations: ["relu", "identity"], loss: "squaredError" },
  { sizes: [4, 5, 3, 2], activations: ["sigmoid", "tanh", "identity"], loss: "halfSquaredError" },
  { sizes: [5, 4, 3], activations: ["relu", "softmax"], loss: "crossEntropy" },
  { sizes: [3, 6, 4, 3], activations: ["tanh", "identity", "softmax"], loss: "crossEntropy" },
  { sizes: [2, 3, 3], activations: ["sigmoid", "softmax"], loss: "squaredError" },
  { sizes: [2, 4, 2], activations: ["identity", "sigmoid"], loss: "crossEntropy" },
];

describe("backprop equals central differences", () => {
  for (const [k, shape] of shapes.entries()) {
    it(`${shape.sizes.join("→")} with ${shape.activations.join(", ")} and ${shape.loss}`, () => {
      const rng = new PythonRandom(100 + k);
      const net = createNetwork(shape, { weights: k % 2 ? xavier : uniformIn(-1, 1), biases: uniformIn(-0.5, 0.5), rng });
      const outputs = shape.sizes[shape.sizes.length - 1];
      const isClassifier = shape.activations[shape.activations.length - 1] === "softmax";
      const data = randomData(rng, shape.sizes[0], outputs, 5, isClassifier).map((s) =>
        // Cross-entropy needs probabilities; a sigmoid output with 0/1 targets gives them.
        shape.loss === "crossEntropy" && !isClassifier ? { ...s, target: s.target.map((t) => (t > 0 ? 1 : 0)) } : s,
      );
      const check = gradientCheck(net, data, shape.loss, 1e-6);
      expect(check.maxRelativeError).toBeLessThan(1e-6);
    });
  }
});

describe("nudging", () => {
  // loss(w) = (15 w + 2 − 20)², the first output weight of notebook 07's network.
  const lossOfWeight = (w: number) => (15 * w + 2 - 20) ** 2;

  it("a nudge of 0.1 measures −67.5", () => {
    expect(nudgeSlope(lossOfWeight, 1, 0.1)).toBeCloseTo(-67.5, 10);
  });

  it("smaller nudges slide toward the exact −90: 0.01 → −87.75, 0.001 → −89.775", () => {
    expect(nudgeSlope(lossOfWeight, 1, 0.01)).toBeCloseTo(-87.75, 9);
    expect(nudgeSlope(lossOfWeight, 1, 0.001)).toBeCloseTo(-89.775, 7);
  });

  it("the central difference of a parabola is exact", () => {
    expect(centralSlope(lossOfWeight, 1, 0.1)).toBeCloseTo(-90, 10);
  });
});
