// trainFastLive trains exactly like one call of trainFast: same records, same weights, also when it
// shuffles (it is one run, paused between frames, so the shuffled order carries on), and draws its frames.
import { describe, expect, it } from "vitest";
import { FastNetwork, FastSamples, PythonRandom, createNetwork, he, toFastNetwork, trainFast, zeros } from "../../lib/engine";
import { trainFastLive } from "../../lib/course/live-fast";
import { mnistSamples, splitMnist } from "../../lib/course/mnist";

const split = splitMnist(0);
const digits = mnistSamples(split.train.slice(0, 600));

function digitNet(): FastNetwork {
  return toFastNetwork(createNetwork({ sizes: [784, 16, 16, 10], activations: ["relu", "relu", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(1) }));
}

const recipe = { learningRate: 0.1, loss: "crossEntropy" as const, method: { batchSize: 32 } };

async function both(data: FastSamples, epochs: number, frames: number, shuffled: boolean) {
  const a = digitNet();
  const b = digitNet();
  const plainEpochs: number[] = [];
  const liveEpochs: number[] = [];
  const plain = trainFast(a, data, { ...recipe, epochs, shuffle: shuffled ? new PythonRandom(2) : undefined, onEpoch: (r) => plainEpochs.push(r.epoch) });
  const shown: string[] = [];
  const live = await trainFastLive(
    b,
    data,
    { ...recipe, epochs, frames, shuffle: shuffled ? new PythonRandom(2) : undefined, onEpoch: (r) => liveEpochs.push(r.epoch) },
    { html: (s) => shown.push(s) },
  );
  return { a, b, plain, live, shown, plainEpochs, liveEpochs };
}

describe("trainFastLive", () => {
  it("gives exactly trainFast's records and weights on shuffled mini-batches", async () => {
    const { a, b, plain, live, shown, plainEpochs, liveEpochs } = await both(digits, 7, 3, true);
    expect(live.records).toEqual(plain.records);
    expect(b).toEqual(a);
    expect(liveEpochs).toEqual(plainEpochs);
    expect(live.records.map((r) => r.epoch)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Two progress frames (after epochs 2 and 5 of 7), then the final curve.
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain("training: epoch 2 of 7");
    expect(shown[1]).toContain("training: epoch 5 of 7");
    expect(shown[2]).not.toContain("epoch 5 of 7");
    expect(shown[2]).toContain("Loss during 7 epochs of training");
  });

  it("gives exactly trainFast's numbers without shuffling, and with one frame per epoch", async () => {
    const unshuffled = await both(digits, 4, 4, false);
    expect(unshuffled.live.records).toEqual(unshuffled.plain.records);
    expect(unshuffled.b).toEqual(unshuffled.a);
    const everyEpoch = await both(digits, 5, 5, true);
    expect(everyEpoch.live.records).toEqual(everyEpoch.plain.records);
    expect(everyEpoch.b).toEqual(everyEpoch.a);
    expect(everyEpoch.shown).toHaveLength(5);
  });

  it("would differ if it trained in separate calls: a fresh trainFast call restarts from the stored order", () => {
    const a = digitNet();
    const b = digitNet();
    trainFast(a, digits, { ...recipe, epochs: 2, shuffle: new PythonRandom(2) });
    const rng = new PythonRandom(2);
    trainFast(b, digits, { ...recipe, epochs: 1, shuffle: rng });
    trainFast(b, digits, { ...recipe, epochs: 1, shuffle: rng, firstEpoch: 1 });
    expect(b).not.toEqual(a);
  });

  it("accepts a run of 0 epochs, like trainFast", async () => {
    const shown: string[] = [];
    const net = digitNet();
    const live = await trainFastLive(net, digits, { ...recipe, epochs: 0 }, { html: (s) => shown.push(s) });
    expect(live.records).toEqual([]);
    expect(net).toEqual(digitNet());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain("Loss during 0 epochs of training.");
  });

  it("names the run and keeps the caller's curve options", async () => {
    const shown: string[] = [];
    await trainFastLive(digitNet(), digits, { ...recipe, epochs: 2, label: "digits", curve: { caption: "My caption." } }, { html: (s) => shown.push(s) });
    expect(shown[0]).toContain("digits: epoch 1 of 2");
    expect(shown[1]).toContain("My caption.");
  });
});
