// Hand arithmetic from the course's first notebooks.
import { describe, expect, it } from "vitest";
import { neuronOutput, neuronSteps, perceptron, weightedSum } from "../../lib/engine";

describe("one neuron", () => {
  it("multiplies: weight 3 times input 2 is 6", () => {
    expect(weightedSum([3], [2])).toBe(6);
  });

  it("adds up weighted inputs: (3 × 2) + (1 × 5) = 11", () => {
    expect(weightedSum([3, 1], [2, 5])).toBe(11);
  });

  it("adds its bias and bends: 11 + 4 = 15, ReLU(15) = 15", () => {
    const steps = neuronSteps({ weights: [3, 1], bias: 4, activation: "relu" }, [2, 5]);
    expect(steps).toEqual({ products: [6, 5], weightedSum: 11, preActivation: 15, output: 15 });
  });

  it("outputs its bias when every input is 0", () => {
    expect(neuronOutput({ weights: [3, 1], bias: 4, activation: "identity" }, [0, 0])).toBe(4);
  });

  it("is silenced by ReLU when its sum is negative: (1 × 2) + (−3 × 5) + 2 = −11 → 0", () => {
    const steps = neuronSteps({ weights: [1, -3], bias: 2, activation: "relu" }, [2, 5]);
    expect(steps.preActivation).toBe(-11);
    expect(steps.output).toBe(0);
  });

  it("classifies with the perceptron's threshold", () => {
    // 1·x + 1·y − 1.5 > 0 only at (1, 1): the AND of two bits.
    expect([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => perceptron([1, 1], -1.5, x))).toEqual([0, 0, 0, 1]);
  });
});
