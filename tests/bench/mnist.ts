// Real digits, 784 → 16 → 16 → 10: the fast engine, TensorFlow.js (CPU backend) and numpy doing the same
// work in the same run: same split, same starting weights, same sample order every epoch, same
// hyperparameters. Times cover training only (no data loading, no interpreter start-up).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  ActivationName,
  FastNetwork,
  FastSamples,
  PythonRandom,
  createNetwork,
  evaluateFast,
  he,
  shuffle,
  toFastNetwork,
  train,
  trainFast,
  zeros,
} from "../../lib/engine/index";
import { MnistDigit, mnistSamples, splitMnist } from "../../lib/course/mnist";
import { Measurement, measure, median } from "./harness";

/**
 * Ten epochs: a usual length for a first MNIST run, and long enough that the one-off work of a run
 * (listing each digit's inked pixels) no longer dominates the comparison.
 * ReLU rather than sigmoid: with He starting values, a rate of 0.1 and batches of 32 it passes 90 % test
 * accuracy after 3 epochs for every seed tried (91.2–92.4 % over seven seeds), where sigmoid needs 4–5
 * epochs at a rate of 0.5, or a rate of 1 that makes it jumpy. A ReLU epoch is also cheaper (no e^z, and a
 * hidden neuron at 0 is skipped like a blank pixel), and the blame does not shrink by σ' ≤ 1/4 at every
 * layer on its way back. A rate of 0.05 needs an epoch more; 0.2 jumps around.
 */
const setup = {
  sizes: [784, 16, 16, 10],
  activations: ["relu", "relu", "softmax"] as ActivationName[],
  epochs: 10,
  batchSize: 32,
  learningRate: 0.1,
  splitSeed: 0,
  weightSeed: 1,
  shuffleSeed: 2,
};

function startingNetwork(): FastNetwork {
  return toFastNetwork(createNetwork({ sizes: setup.sizes, activations: setup.activations }, { weights: he, biases: zeros, rng: new PythonRandom(setup.weightSeed) }));
}

/** The sample order of every epoch, drawn exactly as trainFast draws it with the same seed. */
function epochOrders(count: number): number[][] {
  const rng = new PythonRandom(setup.shuffleSeed);
  const order = Array.from({ length: count }, (_, n) => n);
  const orders: number[][] = [];
  for (let e = 0; e < setup.epochs; e++) orders.push(shuffle(rng, order).slice());
  return orders;
}

function engineRun(trainSet: FastSamples): FastNetwork {
  const net = startingNetwork();
  trainFast(net, trainSet, {
    epochs: setup.epochs,
    learningRate: setup.learningRate,
    loss: "crossEntropy",
    method: { batchSize: setup.batchSize },
    shuffle: new PythonRandom(setup.shuffleSeed),
  });
  return net;
}

/** TensorFlow.js, pure-JavaScript CPU backend (not tfjs-node): the same model, optimizer and batches. */
// TensorFlow.js is not part of the default install (272 MB, for this one comparison): it is an optional
// peer in package.json. `npm install --no-save @tensorflow/tfjs@4.22.0` adds it; without it the row says so.
const tfjsPackage = "@tensorflow/tfjs";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TF = any;

async function tfjsRuns(split: { train: MnistDigit[]; test: MnistDigit[] }, runs: number): Promise<{ medianMs: number; accuracy: number } | string> {
  let tf: TF;
  try {
    tf = await import(tfjsPackage);
  } catch {
    return `${tfjsPackage} is not installed (npm install --no-save ${tfjsPackage}@4.22.0)`;
  }
  tf.enableProdMode(); // production mode: no debug checks, no "install tfjs-node" notice
  await tf.setBackend("cpu");
  await tf.ready();
  const pixels = (digits: MnistDigit[]) => {
    const flat = new Float32Array(digits.length * 784);
    digits.forEach((d, n) => flat.set(d.pixels, n * 784));
    return tf.tensor2d(flat, [digits.length, 784]);
  };
  const xTrain = pixels(split.train);
  const yTrain = tf.oneHot(tf.tensor1d(split.train.map((d) => d.label), "int32"), 10).toFloat();
  // fit(shuffle: false) keeps the order we give it; one fit per epoch, each with that epoch's order.
  const orders = epochOrders(split.train.length).map((o) => tf.tensor1d(o, "int32"));
  const xs = orders.map((o) => tf.gather(xTrain, o));
  const ys = orders.map((o) => tf.gather(yTrain, o));
  const start = startingNetwork();
  const times: number[] = [];
  let accuracy = NaN;
  for (let run = 0; run < runs + 1; run++) {
    const model = tf.sequential();
    start.layers.forEach((layer, l) => {
      model.add(tf.layers.dense({ units: layer.size, activation: layer.activation === "softmax" ? "softmax" : "relu", ...(l === 0 ? { inputShape: [layer.fanIn] } : {}) }));
    });
    // A Dense kernel is [inputs, units]: the transpose of our row-per-neuron weights.
    model.setWeights(
      start.layers.flatMap((layer) => [
        tf.tensor2d(Float32Array.from(layer.weights), [layer.size, layer.fanIn]).transpose(),
        tf.tensor1d(Float32Array.from(layer.biases)),
      ]),
    );
    model.compile({ optimizer: tf.train.sgd(setup.learningRate), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
    const t = performance.now();
    for (let e = 0; e < setup.epochs; e++) await model.fit(xs[e], ys[e], { epochs: 1, batchSize: setup.batchSize, shuffle: false, verbose: 0 });
    // The first run warms up the backend and is not counted.
    if (run > 0) times.push(performance.now() - t);
    const predicted = model.predict(pixels(split.test)).argMax(1).dataSync();
    accuracy = split.test.filter((d: MnistDigit, n: number) => predicted[n] === d.label).length / split.test.length;
    model.dispose();
  }
  return { medianMs: median(times), accuracy };
}

/** Writes the split, the starting weights and the epoch orders for tests/bench/mnist_numpy.py; a reason if numpy is missing. */
function numpyFolder(split: { train: MnistDigit[]; test: MnistDigit[] }): string | { dir: string } {
  try {
    execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
  } catch {
    return "python3 with numpy not found";
  }
  const dir = mkdtempSync(join(tmpdir(), "bench-mnist-"));
  // Raw little-endian values (the byte order of x86 and ARM alike), read back with numpy.fromfile.
  const write = (name: string, a: Float64Array | Uint8Array | Int32Array) => writeFileSync(join(dir, name), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  for (const [name, digits] of [["train", split.train], ["test", split.test]] as const) {
    write(`${name}-pixels.f64`, mnistSamples(digits).inputs);
    write(`${name}-labels.u8`, Uint8Array.from(digits.map((d) => d.label)));
  }
  write("orders.i32", Int32Array.from(epochOrders(split.train.length).flat()));
  startingNetwork().layers.forEach((layer, l) => {
    write(`weights${l}.f64`, layer.weights);
    write(`biases${l}.f64`, layer.biases);
  });
  // Two runs per start of Python: the first warms up (memory, BLAS threads) and is not counted.
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ ...setup, trainCount: split.train.length, testCount: split.test.length, runs: 2 }));
  return { dir };
}

/** One timed numpy training run (float64, like the engine); `threads` limits BLAS, or leaves its default. */
function numpyRun(dir: string, threads?: number): { ms: number; accuracy: number; version: string } {
  const limit = threads === undefined ? {} : { OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads) };
  const out = JSON.parse(execFileSync("python3", ["tests/bench/mnist_numpy.py", dir], { encoding: "utf8", env: { ...process.env, ...limit } }));
  return { ms: out.timesMs[out.timesMs.length - 1], accuracy: out.testAccuracy, version: out.numpy };
}

const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function mnistBenchmarks(): Promise<Measurement[]> {
  const split = splitMnist(setup.splitSeed);
  const trainSet = mnistSamples(split.train);
  const testSet = mnistSamples(split.test);
  const work = `${setup.epochs} epochs, batch ${setup.batchSize}, rate ${setup.learningRate}, ${split.train.length} digits`;
  const runs = 5;

  // The engine and numpy take turns, so that a busy moment on the machine hits both alike.
  const numpy = numpyFolder(split);
  let net = engineRun(trainSet); // warm-up
  const engineTimes: number[] = [];
  const numpyTimes: number[] = [];
  const numpyOneThreadTimes: number[] = [];
  let numpyResult: { accuracy: number; version: string } | string = typeof numpy === "string" ? numpy : { accuracy: NaN, version: "" };
  try {
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      net = engineRun(trainSet);
      engineTimes.push(performance.now() - t);
      if (typeof numpy !== "string" && typeof numpyResult !== "string") {
        try {
          const all = numpyRun(numpy.dir);
          numpyTimes.push(all.ms);
          numpyOneThreadTimes.push(numpyRun(numpy.dir, 1).ms);
          numpyResult = all;
        } catch (e) {
          numpyResult = `numpy run failed: ${(e as Error).message.split("\n")[0]}`;
        }
      }
    }
  } finally {
    if (typeof numpy !== "string") rmSync(numpy.dir, { recursive: true, force: true });
  }
  const engineMs = median(engineTimes);
  const engineAccuracy = evaluateFast(net, testSet, "crossEntropy").accuracy;
  const rows: Measurement[] = [
    {
      name: `MNIST 784→16→16→10 relu, ${work} (fast engine)`,
      medianMs: engineMs,
      runs,
      extra: { "test accuracy": percent(engineAccuracy), "per epoch ms": (engineMs / setup.epochs).toFixed(0) },
    },
  ];

  // The plain engine (lists of numbers) on one epoch of the same work, to show what the packing buys.
  const plainData = unpackSamples(trainSet);
  const plainNet = createNetwork({ sizes: setup.sizes, activations: setup.activations }, { weights: he, biases: zeros, rng: new PythonRandom(setup.weightSeed) });
  const plain = measure("the same, 1 epoch (plain engine, train.ts)", () => void train(plainNet, plainData, { epochs: 1, learningRate: setup.learningRate, loss: "crossEntropy", method: { batchSize: setup.batchSize } }), 1, 0);
  plain.extra = { "fast engine per epoch is faster by": ratio(plain.medianMs, engineMs / setup.epochs) };
  rows.push(plain);

  if (typeof numpyResult === "string") rows.push({ name: "the same work (numpy)", medianMs: NaN, runs: 0, extra: { skipped: numpyResult } });
  else {
    const numpyMs = median(numpyTimes);
    const oneThreadMs = median(numpyOneThreadTimes);
    rows.push({
      name: `the same work (numpy ${numpyResult.version}, float64, BLAS on all cores)`,
      medianMs: numpyMs,
      runs,
      extra: { "test accuracy": percent(numpyResult.accuracy), "engine time / numpy time": ratio(engineMs, numpyMs) },
    });
    rows.push({
      name: "the same work (numpy, BLAS on 1 thread like the engine)",
      medianMs: oneThreadMs,
      runs,
      extra: { "engine time / numpy time": ratio(engineMs, oneThreadMs) },
    });
  }

  const tfjs = await tfjsRuns(split, 2);
  if (typeof tfjs === "string") rows.push({ name: "the same work (TensorFlow.js)", medianMs: NaN, runs: 0, extra: { skipped: tfjs } });
  else rows.push({
    name: "the same work (TensorFlow.js 4.22 CPU backend, float32)",
    medianMs: tfjs.medianMs,
    runs: 3,
    extra: { "test accuracy": percent(tfjs.accuracy), "engine is faster by": ratio(tfjs.medianMs, engineMs) },
  });
  return rows;
}

/** Unpacks packed samples into the plain engine's { input, target } lists. */
function unpackSamples(data: FastSamples) {
  return Array.from({ length: data.count }, (_, n) => ({
    input: Array.from(data.inputs.subarray(n * data.inputSize, (n + 1) * data.inputSize)),
    target: Array.from(data.targets.subarray(n * data.targetSize, (n + 1) * data.targetSize)),
  }));
}
