// The digits loader finds assets/ from any folder inside the course, and the notebook-12 run it
// repeats equals the run written out with the engine, snapshot for snapshot.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assetsFolder, digitsNetwork, digitsRecipe, digitsRun, newDigits, trainingDigits, trainingSamples } from "../../lib/course/digits-data";
import { PythonRandom, createNetwork, he, train, zeros } from "../../lib/engine";

const outside = mkdtempSync(join(tmpdir(), "no-assets-"));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe("the digits loader", () => {
  it("finds assets/ by walking up from the working folder or a folder below it", () => {
    expect(assetsFolder()).toBe(resolve("assets"));
    expect(assetsFolder(resolve("notebooks"))).toBe(resolve("assets"));
    expect(assetsFolder(resolve("lib/course"))).toBe(resolve("assets"));
  });

  it("finds the course's assets/ from a folder outside the course, through the location of lib", () => {
    expect(assetsFolder(outside)).toBe(resolve("assets"));
  });

  it("reads 24 training digits (8 each of 0, 1, 2) and 3 new ones", () => {
    const train24 = trainingDigits();
    expect(train24).toHaveLength(24);
    expect([0, 1, 2].map((d) => train24.filter((i) => i.label === d).length)).toEqual([8, 8, 8]);
    expect(train24[0].name).toBe("round");
    expect(train24[0].pixels.slice(0, 5)).toEqual([0, 1, 1, 1, 0]);
    expect(newDigits().map((d) => d.label)).toEqual([0, 1, 2]);
    const samples = trainingSamples();
    expect(samples[0].input).toEqual(train24[0].pixels);
    expect(samples[8].target).toEqual([0, 1, 0]);
  });
});

describe("the notebook-12 run", () => {
  it("starts from He weights drawn with PythonRandom(0) and zero biases", () => {
    const written = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    expect(digitsNetwork()).toEqual(written);
  });

  it("keeps a snapshot at every epoch and equals the engine's run written out", () => {
    const run = digitsRun();
    const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    const history = train(net, trainingSamples(), { epochs: 100, learningRate: 1.2, loss: "crossEntropy", method: "batch", snapshotEpochs: [0, 37, 100] });
    expect(run.history.snapshots.map((s) => s.epoch)).toEqual(Array.from({ length: digitsRecipe.epochs + 1 }, (_, e) => e));
    expect(run.history.records).toEqual(history.records);
    for (const s of history.snapshots) expect(run.history.snapshots[s.epoch].network).toEqual(s.network);
    expect(run.network).toEqual(net);
  });
});
