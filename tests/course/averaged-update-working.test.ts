// The worked averaged-update lines agree with hand arithmetic and with the engine's full-batch update.
import { describe, expect, it } from "vitest";
import { averagedUpdateWorking } from "../../lib/course/averaged-update-working";
import { PythonRandom, gradientStep, networkFrom, updateWeights } from "../../lib/engine";
import { checkWorkedLine, workedLinesIn } from "../../lib/tools/claims/arithmetic";

describe("averagedUpdateWorking", () => {
  it("adds, averages, steps and updates (hand arithmetic)", () => {
    expect(averagedUpdateWorking(0.5, 1.2, [0.1, 0, 0.2, -0.06])).toEqual([
      "sum of the 4 gradients = 0.24",
      "average = 0.24 / 4 = 0.06",
      "step = −1.2 × 0.06 = −0.072",
      "new weight = 0.5 + (−0.072) = 0.428",
    ]);
  });

  it("shows a line's inputs with an extra digit where the rounded ones would give another last digit", () => {
    // Two gradients of 0.0209033: sum 0.0418066, average 0.0209033, step −1.2 × 0.0209033 = −0.02508396,
    // new weight 0.2578383 − 0.02508396 = 0.23275434, printed 0.2328. On paper at 4 decimals the last line
    // gives 0.2578 − 0.0251 = 0.2327; at 5 decimals 0.25784 − 0.02508 = 0.23276, which rounds to 0.2328.
    // The other lines hold at 4: 0.0418 / 2 = 0.0209, and −1.2 × 0.0209 = −0.02508, which rounds to −0.0251.
    expect(averagedUpdateWorking(0.2578383, 1.2, [0.0209033, 0.0209033])).toEqual([
      "sum of the 2 gradients = 0.0418",
      "average = 0.0418 / 2 = 0.0209",
      "step = −1.2 × 0.0209 = −0.0251",
      "new weight = 0.25784 + (−0.02508) = 0.2328",
    ]);
  });

  it("prints lines that hold on paper with the numbers as printed (checked by the claims' line checker)", () => {
    const rng = new PythonRandom(3);
    for (let k = 0; k < 300; k++) {
      const gradients = Array.from({ length: 1 + Math.floor(rng.random() * 30) }, () => rng.random() * 0.4 - 0.2);
      for (const text of averagedUpdateWorking(rng.random() * 2 - 1, 0.1 + rng.random() * 2, gradients).slice(1)) {
        const [line] = workedLinesIn(text);
        expect(checkWorkedLine(line), text).toMatchObject({ status: "verified" });
      }
    }
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
