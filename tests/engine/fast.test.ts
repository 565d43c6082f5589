// The fast engine against the plain one: same weights, same losses, same gradients, on many small shapes.
import { describe, expect, it } from "vitest";
import {
  ActivationName,
  FastNetwork,
  LossName,
  Network,
  PythonRandom,
  Sample,
  UpdateMethod,
  bumpData,
  checkFastNetwork,
  copyNetwork,
  createNetwork,
  evaluate,
  evaluateFast,
  forward,
  fromFastNetwork,
  digitSamples,
  he,
  labelledSamples,
  networkFrom,
  oneHot,
  packSamples,
  parseDigitImages,
  predict,
  predictFast,
  toFastNetwork,
  train,
  trainFast,
  uniformIn,
  xavier,
  xorData,
  zeros,
} from "../../lib/engine";
import { readFileSync } from "node:fs";

/** The largest relative difference between two lists of numbers (0 when they are identical). */
function maxRelativeDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), Math.abs(b[i]), 1e-300);
    if (a[i] !== b[i]) worst = Math.max(worst, d);
  }
  return worst;
}

/** Every weight and bias of a network, in one list: layer by layer, each neuron's weights, then the biases. */
function knobValues(net: Network): number[] {
  return net.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
}

/**
 * Random inputs with some exact zeros among them (the fast engine skips zero inputs, so they must be there),
 * and targets that suit the loss: one-hot for softmax, 0/1 for cross-entropy on sigmoid outputs.
 */
function randomData(rng: PythonRandom, inputs: number, outputs: number, count: number, kind: "regression" | "classes" | "binary"): Sample[] {
  return Array.from({ length: count }, (_, n) => ({
    input: Array.from({ length: inputs }, () => (rng.random() < 0.3 ? 0 : rng.uniform(-1.5, 1.5))),
    target:
      kind === "classes"
        ? oneHot(n % outputs, outputs)
        : Array.from({ length: outputs }, () => (kind === "binary" ? (rng.random() < 0.5 ? 1 : 0) : rng.uniform(-1, 1))),
  }));
}

interface Case {
  sizes: number[];
  activations: ActivationName[];
  loss: LossName;
  method: UpdateMethod;
  shuffle: boolean;
}

// Every activation in a hidden layer and as an output, every loss, and every way of grouping samples.
const cases: Case[] = [
  { sizes: [3, 5, 2], activations: ["relu", "identity"], loss: "squaredError", method: { batchSize: 4 }, shuffle: true },
  { sizes: [3, 5, 2], activations: ["sigmoid", "sigmoid"], loss: "halfSquaredError", method: { batchSize: 3 }, shuffle: false },
  { sizes: [4, 6, 3], activations: ["tanh", "tanh"], loss: "squaredError", method: "batch", shuffle: false },
  { sizes: [4, 6, 3], activations: ["identity", "softmax"], loss: "squaredError", method: { batchSize: 5 }, shuffle: true },
  { sizes: [5, 8, 4], activations: ["relu", "softmax"], loss: "crossEntropy", method: { batchSize: 4 }, shuffle: true },
  { sizes: [6, 7, 5, 3], activations: ["tanh", "relu", "softmax"], loss: "crossEntropy", method: { batchSize: 7 }, shuffle: true },
  { sizes: [2, 4, 2], activations: ["tanh", "sigmoid"], loss: "crossEntropy", method: { batchSize: 2 }, shuffle: true },
  { sizes: [2, 8, 1], activations: ["relu", "identity"], loss: "squaredError", method: "sample", shuffle: false },
  { sizes: [3, 9, 9, 2], activations: ["sigmoid", "relu", "identity"], loss: "halfSquaredError", method: { batchSize: 1 }, shuffle: true },
  { sizes: [20, 16, 16, 10], activations: ["relu", "relu", "softmax"], loss: "crossEntropy", method: { batchSize: 8 }, shuffle: true },
];

function kindOf(c: Case): "regression" | "classes" | "binary" {
  if (c.activations[c.activations.length - 1] === "softmax") return "classes";
  return c.loss === "crossEntropy" ? "binary" : "regression";
}

function label(c: Case): string {
  return `${c.sizes.join("→")} ${c.activations.join("/")}, ${c.loss}, ${typeof c.method === "string" ? c.method : `batches of ${c.method.batchSize}`}${c.shuffle ? ", shuffled" : ""}`;
}

/** Trains the same start with both engines; returns both networks and both histories. */
function trainBoth(c: Case, k: number) {
  const rng = new PythonRandom(500 + k);
  const start = createNetwork({ sizes: c.sizes, activations: c.activations }, { weights: k % 2 ? xavier : uniformIn(-1, 1), biases: uniformIn(-0.3, 0.3), rng });
  const data = randomData(rng, c.sizes[0], c.sizes[c.sizes.length - 1], 23, kindOf(c));
  const options = { epochs: 6, learningRate: 0.05, loss: c.loss, method: c.method };
  const plain = copyNetwork(start);
  const plainHistory = train(plain, data, { ...options, shuffle: c.shuffle ? new PythonRandom(9) : undefined });
  const fast = toFastNetwork(start);
  const fastHistory = trainFast(fast, packSamples(data), { ...options, shuffle: c.shuffle ? new PythonRandom(9) : undefined });
  return { start, data, plain, plainHistory, fast: fromFastNetwork(fast), fastHistory };
}

describe("toFastNetwork and fromFastNetwork", () => {
  it("pack the weights row by row, neuron j's weight for input i at j × fanIn + i, and unpack them unchanged", () => {
    const net = createNetwork({ sizes: [3, 2, 1], activations: ["relu", "sigmoid"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(3) });
    const fast = toFastNetwork(net);
    expect(fast.layers.map((l) => [l.fanIn, l.size])).toEqual([
      [3, 2],
      [2, 1],
    ]);
    expect(fast.layers[0].weights[1 * 3 + 2]).toBe(net.layers[0].weights[1][2]);
    expect(fromFastNetwork(fast)).toEqual(net);
    fast.layers[0].weights[0] = 42; // a copy: the plain network does not change
    expect(net.layers[0].weights[0][0]).not.toBe(42);
  });
});

describe("trainFast gives the plain engine's numbers", () => {
  for (const [k, c] of cases.entries()) {
    it(label(c), () => {
      const { plain, plainHistory, fast, fastHistory } = trainBoth(c, k);
      // The same weights after 6 epochs, to 1e-12 relative: the two engines add the same terms in the same
      // order everywhere (fast.ts skips only inputs and blame that are exactly 0, which add exactly 0).
      expect(maxRelativeDifference(knobValues(fast), knobValues(plain))).toBeLessThan(1e-12);
      expect(maxRelativeDifference(fastHistory.records.map((r) => r.loss), plainHistory.records.map((r) => r.loss))).toBeLessThan(1e-12);
      expect(fastHistory.records.map((r) => r.accuracy)).toEqual(plainHistory.records.map((r) => r.accuracy));
      expect(fastHistory.records.map((r) => r.epoch)).toEqual([0, 1, 2, 3, 4, 5]);
    });
  }

  it("and in fact bit for bit, in every case above", () => {
    for (const [k, c] of cases.entries()) {
      const { plain, plainHistory, fast, fastHistory } = trainBoth(c, k);
      expect(knobValues(fast)).toEqual(knobValues(plain));
      expect(fastHistory.records).toEqual(plainHistory.records);
    }
  });

  it("reports summed losses, accuracy on request, later epoch numbers, and calls onEpoch with the fast network", () => {
    const net = createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
    const options = { epochs: 40, learningRate: 0.1, loss: "squaredError" as const, method: "sample" as const, lossReport: "sum" as const, accuracy: true, firstEpoch: 10 };
    const plainHistory = train(copyNetwork(net), xorData(), options);
    const seen: number[] = [];
    const fast = toFastNetwork(net);
    const fastHistory = trainFast(fast, packSamples(xorData()), { ...options, onEpoch: (r, n) => seen.push(r.epoch + (n === fast ? 0 : NaN)) });
    expect(fastHistory.records).toEqual(plainHistory.records);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, e) => 10 + e));
  });

  it("evaluate and predict agree with the plain engine", () => {
    const c = cases[5];
    const rng = new PythonRandom(77);
    const net = createNetwork({ sizes: c.sizes, activations: c.activations }, { weights: xavier, biases: uniformIn(-0.3, 0.3), rng });
    const data = randomData(rng, c.sizes[0], 3, 9, "classes");
    const fast = toFastNetwork(net);
    expect(evaluateFast(fast, packSamples(data), "crossEntropy")).toEqual(evaluate(net, data, "crossEntropy"));
    expect(predictFast(fast, data[4].input)).toEqual(predict(net, data[4].input));
  });
});

/** Trains copies of `start` on `data` with both engines and expects the same weights and records, bit for bit. */
function expectSameTraining(start: Network, data: Sample[], options: { epochs: number; learningRate: number; loss: LossName; method: UpdateMethod; seed?: number }) {
  const shuffle = () => (options.seed === undefined ? undefined : new PythonRandom(options.seed));
  const plain = copyNetwork(start);
  const plainHistory = train(plain, data, { ...options, shuffle: shuffle() });
  const fast = toFastNetwork(start);
  const fastHistory = trainFast(fast, packSamples(data), { ...options, shuffle: shuffle() });
  expect(knobValues(fromFastNetwork(fast))).toEqual(knobValues(plain));
  expect(fastHistory.records).toEqual(plainHistory.records);
  // The training moved the weights: the two engines agree on something that happened.
  expect(knobValues(plain)).not.toEqual(knobValues(start));
}

describe("trainFast gives the course's own runs bit for bit", () => {
  it("XOR 2→8→1, the article's program: 300 epochs, one sample at a time", () => {
    const start = createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
    expectSameTraining(start, xorData(), { epochs: 300, learningRate: 0.1, loss: "squaredError", method: "sample" });
  });

  it("the bump network of notebook 11 (w1 = 0.5, b1 = −0.1, w2 = 0.3, b2 = 0.2): full batch and mini-batches of 3", () => {
    const bump = networkFrom(1, [
      { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
      { weights: [[0.3]], biases: [0.2], activation: "identity" },
    ]);
    expectSameTraining(bump, bumpData(), { epochs: 200, learningRate: 0.5, loss: "halfSquaredError", method: "batch" });
    expectSameTraining(bump, bumpData(), { epochs: 50, learningRate: 0.5, loss: "halfSquaredError", method: { batchSize: 3 }, seed: 4 });
  });

  it("the digits 25→8→3 of notebook 15: sigmoid, softmax and cross-entropy, full batch", () => {
    const digits = digitSamples(parseDigitImages(readFileSync("assets/digits.txt", "utf8")));
    const start = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(0) });
    expectSameTraining(start, digits, { epochs: 60, learningRate: 1.2, loss: "crossEntropy", method: "batch" });
  });

  it("random 784-input networks on sparse, digit-like inputs, in batches of 32 and of 20", () => {
    for (const [k, activations] of ([["relu", "relu", "softmax"], ["sigmoid", "tanh", "softmax"]] as ActivationName[][]).entries()) {
      const rng = new PythonRandom(60 + k);
      const data = Array.from({ length: 70 }, (_, n) => ({
        // About one pixel in five is inked, as in a real digit; the rest are exactly 0.
        input: Array.from({ length: 784 }, () => (rng.random() < 0.2 ? rng.random() : 0)),
        target: oneHot(n % 10, 10),
      }));
      const start = createNetwork({ sizes: [784, 16, 16, 10], activations }, { weights: he, biases: uniformIn(-0.1, 0.1), rng });
      expectSameTraining(start, data, { epochs: 3, learningRate: 0.1, loss: "crossEntropy", method: { batchSize: k === 0 ? 32 : 20 }, seed: 2 });
    }
  });
});

describe("trainFast at the edges of its groups", () => {
  // The fast path takes 8 neurons side by side in a forward pass, 4 inputs side by side when blame is
  // collected and 4 blamed neurons side by side when gradients are added, and it divides by a batch's size
  // in two ways (power of two or not). Layers of 13 and 9 neurons leave a remainder in every one of those
  // groups; 37 samples in batches of 32 leave a last batch of 5.
  const sparseData = (rng: PythonRandom, inputs: number, count: number) =>
    Array.from({ length: count }, (_, n) => ({
      // Sample 0 has no input that is not 0 at all; the others about one in three.
      input: Array.from({ length: inputs }, () => (n > 0 && rng.random() < 0.35 ? rng.uniform(-1, 1.5) : 0)),
      target: oneHot(n % 6, 6),
    }));

  for (const batchSize of [1, 3, 5, 32]) {
    it(`30→13→9→6, 37 samples in batches of ${batchSize}`, () => {
      const rng = new PythonRandom(80 + batchSize);
      const start = createNetwork({ sizes: [30, 13, 9, 6], activations: ["relu", "tanh", "softmax"] }, { weights: he, biases: uniformIn(-0.2, 0.2), rng });
      expectSameTraining(start, sparseData(rng, 30, 37), { epochs: 4, learningRate: 0.1, loss: "crossEntropy", method: { batchSize }, seed: 5 });
    });
  }

  it("ReLU neurons that output 0 are skipped as inputs and as blame, and change nothing", () => {
    const rng = new PythonRandom(90);
    const start = createNetwork({ sizes: [30, 13, 9, 6], activations: ["relu", "relu", "softmax"] }, { weights: he, biases: zeros, rng });
    // Neuron 0 of the first layer can never fire (a bias far below any weighted sum), neurons 1-3 rarely.
    start.layers[0].biases[0] = -100;
    for (const j of [1, 2, 3]) start.layers[0].biases[j] = -1.5;
    const data = sparseData(rng, 30, 37);
    // Counted with the plain engine: the first layer really has outputs of exactly 0, more than the dead neuron's.
    const zerosSeen = data.reduce((sum, s) => sum + forward(start, s.input).layers[0].activations.filter((a) => a === 0).length, 0);
    expect(zerosSeen).toBeGreaterThan(37 * 4);
    expectSameTraining(start, data, { epochs: 4, learningRate: 0.1, loss: "crossEntropy", method: { batchSize: 5 }, seed: 6 });
    expectSameTraining(start, data, { epochs: 2, learningRate: 0.1, loss: "crossEntropy", method: "sample", seed: 6 });
  });

  it("evaluateFast and predictFast give the plain engine's numbers, also for a sample with no input that is not 0", () => {
    const rng = new PythonRandom(91);
    const net = createNetwork({ sizes: [30, 13, 9, 6], activations: ["relu", "sigmoid", "softmax"] }, { weights: he, biases: uniformIn(-0.5, 0.5), rng });
    const data = sparseData(rng, 30, 37);
    const fast = toFastNetwork(net);
    expect(evaluateFast(fast, packSamples(data), "crossEntropy")).toEqual(evaluate(net, data, "crossEntropy"));
    for (const s of data) expect(predictFast(fast, s.input)).toEqual(predict(net, s.input));
  });
});

describe("bad input to the fast engine", () => {
  const net = () => toFastNetwork(createNetwork({ sizes: [2, 3, 2], activations: ["relu", "softmax"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(1) }));
  const data = () => labelledSamples(Float64Array.from([0, 1, 1, 0, 1, 1]), 2, [0, 1, 0], 2);
  const options = { epochs: 1, learningRate: 0.1, loss: "crossEntropy" as const };

  it("samples that do not fit the network", () => {
    const wide = labelledSamples(new Float64Array(9), 3, [0, 1, 0], 2);
    expect(() => trainFast(net(), wide, options)).toThrow("each sample has 3 inputs, but the network reads 2 (one per input neuron)");
    expect(() => trainFast(net(), labelledSamples(new Float64Array(6), 2, [0, 1, 2], 3), options)).toThrow("each target has 3 numbers, but the network has 2 outputs");
    expect(() => labelledSamples(new Float64Array(5), 2, [0, 1, 0], 2)).toThrow("3 labels need 6 input values (2 per sample), got 5");
    expect(() => labelledSamples(new Float64Array(6), 2, [0, 2, 0], 2)).toThrow("label 1 is 2; with 2 classes a label is a whole number from 0 to 1");
    expect(() => packSamples([{ input: [1, 2], target: [1] }, { input: [1], target: [0] }])).toThrow("sample 1's input has 1 number, but 2 were expected (the same as sample 0's)");
  });

  it("a value that is not a finite number, named by sample and position", () => {
    const bad = data();
    bad.inputs[3] = NaN;
    expect(() => trainFast(net(), bad, options)).toThrow("the inputs (sample 1, position 1) is NaN; it must be a finite number");
    expect(() => evaluateFast(net(), bad, "crossEntropy")).toThrow("the inputs (sample 1, position 1) is NaN");
    const badNet = net();
    badNet.layers[1].weights[4] = Infinity;
    expect(() => trainFast(badNet, data(), options)).toThrow("layer 2's weights (neuron 1, position 1) is Infinity; it must be a finite number");
  });

  it("bad options, with the plain engine's messages", () => {
    expect(() => trainFast(net(), data(), { ...options, learningRate: 0 })).toThrow("the learning rate must be a finite number greater than 0, got 0");
    expect(() => trainFast(net(), data(), { ...options, loss: "crossEntropie" as LossName })).toThrow('Did you mean "crossEntropy"?');
    expect(() => trainFast(net(), data(), { ...options, method: { batchSize: 0 } })).toThrow("the batch size must be a whole number of at least 1, got 0");
    expect(() => trainFast(net(), data(), { ...options, epochs: 1.5 })).toThrow("the number of epochs must be a whole number of at least 0, got 1.5");
  });

  it("a network whose layers do not chain", () => {
    const broken: FastNetwork = net();
    broken.layers[1].fanIn = 4;
    expect(() => checkFastNetwork(broken)).toThrow("layer 2 reads 4 inputs, but the layer before it has 3 outputs");
    expect(() => trainFast({ inputSize: 2, layers: [{ ...net().layers[0], weights: [1, 2] as unknown as Float64Array }] }, data(), options)).toThrow(
      "layer 1's weights and biases must be Float64Arrays; make the network with toFastNetwork(net)",
    );
  });

  it("a learning rate that blows training up, with the plain engine's message", () => {
    // A learning rate of 5 on XOR makes the steps overshoot further every time.
    const xor = createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
    const options = { epochs: 1000, learningRate: 5, loss: "squaredError" as const, method: "sample" as const };
    const message = (run: () => void) => {
      try {
        run();
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    const fastMessage = message(() => trainFast(toFastNetwork(xor), packSamples(xorData()), options));
    expect(fastMessage).toMatch(/^training blew up in epoch \d+: the loss became (NaN|Infinity) and the weights are no longer finite numbers\. A learning rate of 5/);
    expect(fastMessage).toBe(message(() => train(xor, xorData(), options)));
});
});
