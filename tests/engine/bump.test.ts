// The bump network (1 → 1 sigmoid → 1), checked against tests/fixtures/bump-reference.json, which an
// independent numpy program (tests/fixtures/bump_reference.py) wrote.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { backward, bumpData, forward, gradientStep, networkFrom, predict, train } from "../../lib/engine";

const ref = JSON.parse(readFileSync("tests/fixtures/bump-reference.json", "utf8"));

function bumpNetwork() {
  return networkFrom(1, [
    { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
    { weights: [[0.3]], biases: [0.2], activation: "identity" },
  ]);
}

/** Equal to within a few units in the last place. */
function close(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
}

describe("the bump network from w1 = 0.5, b1 = −0.1, w2 = 0.3, b2 = 0.2", () => {
  it("has the reference forward values, losses and per-sample gradients", () => {
    const net = bumpNetwork();
    bumpData().forEach((sample, n) => {
      const row = ref.rows[n];
      const trace = forward(net, sample.input);
      close(trace.layers[0].preActivations[0], row.z1);
      close(trace.layers[0].activations[0], row.a1);
      close(trace.output[0], row.y_hat);
      const b = backward(net, trace, sample.target, "halfSquaredError");
      close(b.loss, row.loss);
      close(b.gradients[0].weights[0][0], row.grad.w1);
      close(b.gradients[0].biases[0], row.grad.b1);
      close(b.gradients[1].weights[0][0], row.grad.w2);
      close(b.gradients[1].biases[0], row.grad.b2);
    });
  });

  it("has the reference averaged gradients", () => {
    const g = gradientStep(bumpNetwork(), bumpData(), "halfSquaredError").gradients;
    close(g[0].weights[0][0], ref.average.w1);
    close(g[0].biases[0], ref.average.b1);
    close(g[1].weights[0][0], ref.average.w2);
    close(g[1].biases[0], ref.average.b2);
  });

  it("trains like the reference: 2000 full-batch epochs at learning rate 0.5", () => {
    const net = bumpNetwork();
    const history = train(net, bumpData(), { epochs: 2000, learningRate: 0.5, loss: "halfSquaredError", method: "batch" });
    for (const { epoch, loss } of ref.log) {
      expect(Math.abs(history.records[epoch].loss - loss)).toBeLessThan(1e-12);
    }
    bumpData().forEach((s, n) => expect(Math.abs(predict(net, s.input)[0] - ref.final_predictions[n])).toBeLessThan(1e-12));
    // The printed forms the article's program shows.
    expect(ref.log.map((r: { loss: number }) => r.loss.toFixed(4))).toEqual(["0.1267", "0.0970", "0.0882", "0.0862"]);
    expect(bumpData().map((s) => predict(net, s.input)[0].toFixed(3))).toEqual(["0.024", "0.645", "0.666", "0.666"]);
  });
});
