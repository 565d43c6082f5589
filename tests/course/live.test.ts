import { describe, expect, it } from "vitest";
import { PythonRandom, createNetwork, train, uniformIn, xorData } from "../../lib/engine";
import { trainLive } from "../../lib/course/live";

function xorNet() {
  return createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
}

describe("trainLive", () => {
  it("trains exactly like train, with the same records and snapshots", async () => {
    const options = { epochs: 301, learningRate: 0.1, loss: "squaredError" as const, method: "sample" as const, lossReport: "sum" as const, snapshotEpochs: [0, 40, 150, 301] };
    const a = xorNet();
    const b = xorNet();
    const plain = train(a, xorData(), options);
    const shown: string[] = [];
    const live = await trainLive(b, xorData(), { ...options, frames: 7 }, { html: (s) => shown.push(s) });
    expect(b).toEqual(a);
    expect(live.records).toEqual(plain.records);
    expect(live.snapshots).toEqual(plain.snapshots);
    // Six progress frames, then the final curve.
    expect(shown).toHaveLength(7);
    expect(shown[0]).toContain("epoch 43 of 301");
    expect(shown[6]).not.toContain("epoch 43 of 301");
    expect(shown[6]).toContain("Loss during 301 epochs of training");
  });

  it("keeps every snapshot once with snapshotEpochs: all", async () => {
    const live = await trainLive(xorNet(), xorData(), { epochs: 10, learningRate: 0.1, loss: "squaredError", method: "sample", snapshotEpochs: "all", frames: 3 }, { html: () => {} });
    expect(live.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
