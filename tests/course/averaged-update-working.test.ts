// The worked averaged-update lines agree with hand arithmetic and with the engine's full-batch update.
import { describe, expect, it } from "vitest";
import { averagedUpdateWorking } from "../../lib/course/averaged-update-working";
import { gradientStep, networkFrom, updateWeights } from "../../lib/engine";

describe("averagedUpdateWorking", () => {
  it("adds, averages, steps and updates (hand arithmetic)", () => {
    expect(averagedUpdateWorking(0.5, 1.2, [0.1, 0, 0.2, -0.06])).toEqual([
      "sum of the 4 gradients = 0.24",
      "average = 0.24 / 4 = 0.06",
      "step = −1.2 × 0.06 = −0.072",
      "new weight = 0.5 + (−0.072) = 0.428",
    ]);
  });

  it("lands exactly where the engine's full-batch update puts the weight", () => {
    const net = networkFrom(2, [{ weights: [[0.4, -0.7]], biases: [0.1], activation: "sigmoid" }]);
    const data = [
      { input: [1, 0], target: [1] },
      { input: [0.5, 1], target: [0] },
      { input: [1, 1], target: [1] },
    ];
    const perSample = data.map((s) => gradientStep(net, [s], "halfSquaredError").gradients[0].weights[0][0]);
    const lines = averagedUpdateWorking(0.4, 0.8, perSample, 12);
    const step = gradientStep(net, data, "halfSquaredError");
    updateWeights(net, step.gradients, 0.8);
    expect(Number(lines[3].split("= ").pop())).toBeCloseTo(net.layers[0].weights[0][0], 12);
  });
});
