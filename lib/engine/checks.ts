/**
 * The engine's checks: each throws an Error that says what was wrong and what was expected, so a learner who
 * passes a bad value sees a sentence, not NaN or a stack trace from deep inside. The engine's functions trust
 * their arguments; the checked entries in index.ts call these once, where a learner calls in.
 */
import { activationNames } from "./activations";
import { Sample } from "./data";
import { Initializer } from "./init";
import { lossNames } from "./losses";
import { Network, NetworkShape } from "./network";
import { TrainOptions } from "./train";

/** Throws unless `value` is a finite number. `what` names the value in the message. */
export function checkFiniteNumber(what: string, value: unknown): asserts value is number {
  if (typeof value !== "number") {
    throw new Error(`${what} must be a number, got ${describe(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new Error(`${what} is ${value}; it must be a finite number`);
  }
}

/**
 * Throws unless `values` is an array of finite numbers, of length `length` when given.
 * `expected` explains where the length comes from, as in "one per input neuron".
 */
export function checkNumbers(what: string, values: unknown, length?: number, expected?: string): asserts values is number[] {
  if (!isArrayLike(values)) {
    throw new Error(`${what} must be an array of numbers, got ${describe(values)}`);
  }
  if (length !== undefined && values.length !== length) {
    const why = expected ? ` (${expected})` : "";
    throw new Error(`${what} has ${values.length} number${values.length === 1 ? "" : "s"}, but ${length} ${length === 1 ? "was" : "were"} expected${why}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") {
      throw new Error(`${what}[${i}] must be a number, got ${describe(v)}`);
    }
    if (!Number.isFinite(v)) {
      throw new Error(`${what}[${i}] is ${v}; every value must be a finite number`);
    }
  }
}

/** Throws unless the learning rate is a finite number greater than 0. */
export function checkLearningRate(learningRate: unknown): asserts learningRate is number {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(
      `the learning rate must be a finite number greater than 0, got ${describe(learningRate)}` +
        (learningRate === 0 ? " (with a rate of 0 no weight would ever move)" : ""),
    );
  }
}

/** Throws unless `value` is a whole number of at least `min`. */
export function checkWholeNumber(what: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${what} must be a whole number of at least ${min}, got ${describe(value)}`);
  }
}

/**
 * Throws an Error for an unknown name, listing the known ones and suggesting the closest.
 * Used for activation and loss names, where a typo is the usual mistake.
 */
export function unknownName(kind: string, name: unknown, known: readonly string[]): never {
  const list = known.map((k) => `"${k}"`).join(", ");
  let hint = "";
  if (typeof name === "string") {
    const best = closest(name, known);
    if (best) hint = ` Did you mean "${best}"?`;
  }
  throw new Error(`unknown ${kind} ${describe(name)}; choose one of ${list}.${hint}`);
}

/** A short, printable description of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `a value of type ${typeof value}`;
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** Throws a helpful error unless `name` is a known activation. */
export function checkActivationName(name: unknown): void {
  if (typeof name !== "string" || !(activationNames as readonly string[]).includes(name)) unknownName("activation", name, activationNames);
}

/** Throws a helpful error unless `name` is a known loss. */
export function checkLossName(name: unknown): void {
  if (typeof name !== "string" || !(lossNames as readonly string[]).includes(name)) unknownName("loss", name, lossNames);
}

/** Throws unless `values` holds at least one finite number (softmax, the mean). */
export function checkSomeNumbers(what: string, values: unknown, why: string): void {
  checkNumbers(what, values);
  if ((values as number[]).length === 0) throw new Error(why);
}

/** Throws a clear error unless the sizes and activations describe a network that can be built. */
export function checkShape(shape: NetworkShape): void {
  if (!shape || !Array.isArray(shape.sizes)) throw new Error('the network shape needs `sizes`, e.g. { sizes: [2, 8, 1], activations: ["relu", "identity"] }');
  checkLayerSizes(shape.sizes, (i) => (i === 0 ? "the number of inputs" : `the size of layer ${i}`));
  if (!Array.isArray(shape.activations) || shape.activations.length !== shape.sizes.length - 1) {
    const got = Array.isArray(shape.activations) ? shape.activations.length : 0;
    throw new Error(`${shape.sizes.length} layer sizes need ${shape.sizes.length - 1} activations (one per layer after the inputs), got ${got}`);
  }
  shape.activations.forEach((a, i) => checkLayerActivation(a, i, shape.activations.length));
}

/** Throws unless `sizes` lists at least two whole numbers of at least 1; `name` names size i in the message. */
export function checkLayerSizes(sizes: readonly unknown[], name = (i: number) => `layer size ${i}`): void {
  if (sizes.length < 2) throw new Error(`a network needs at least 2 layer sizes (inputs and outputs), got ${sizes.length}`);
  sizes.forEach((s, i) => checkWholeNumber(name(i), s, 1));
}

function checkLayerActivation(name: unknown, l: number, layerCount: number): void {
  checkActivationName(name);
  if (name === "softmax" && l !== layerCount - 1) throw new Error("softmax can only be the activation of the last layer");
}

/** Throws a clear error unless every layer's weights fit the layer before it and every value is finite. */
export function checkNetwork(net: Network): void {
  checkWholeNumber("the number of inputs", net.inputSize, 1);
  if (!Array.isArray(net.layers) || net.layers.length === 0) throw new Error("a network needs at least one layer");
  let fanIn = net.inputSize;
  net.layers.forEach((layer, l) => {
    const name = `layer ${l + 1}`;
    checkLayerActivation(layer.activation, l, net.layers.length);
    if (!Array.isArray(layer.weights) || layer.weights.length === 0) throw new Error(`${name} needs at least one neuron (one row of weights)`);
    checkNumbers(`${name}'s biases`, layer.biases, layer.weights.length, "one bias per neuron");
    layer.weights.forEach((row, j) => {
      checkNumbers(`${name}'s weights for neuron ${j}`, row, fanIn, l === 0 ? "one per input" : `one per neuron of layer ${l}`);
    });
    fanIn = layer.weights.length;
  });
}

/** The number of outputs of a network: the size of its last layer. */
export function outputCount(net: Network): number {
  return net.layers[net.layers.length - 1].biases.length;
}

/**
 * Throws a clear error unless `data` is a non-empty list of samples whose inputs and targets fit `net`
 * and hold only finite numbers.
 */
export function checkDataset(net: Network, data: readonly Sample[], what = "the dataset"): void {
  if (!Array.isArray(data)) throw new Error(`${what} must be an array of samples like { input: [...], target: [...] }`);
  if (data.length === 0) throw new Error(`${what} is empty; training and measuring need at least one sample`);
  data.forEach((sample, n) => {
    if (!sample || typeof sample !== "object") throw new Error(`sample ${n} of ${what} must look like { input: [...], target: [...] }`);
    checkNumbers(`sample ${n}'s input`, sample.input, net.inputSize, "one per input neuron");
    checkNumbers(`sample ${n}'s target`, sample.target, outputCount(net), "one per output neuron");
  });
}

/** Throws a clear error unless the options of a training run (train or trainFast) make sense for `count` samples. */
export function checkTrainOptions(options: Omit<TrainOptions, "snapshotEpochs" | "onEpoch">): void {
  checkWholeNumber("the number of epochs", options.epochs, 0);
  checkLearningRate(options.learningRate);
  checkLossName(options.loss);
  checkUpdateMethod(options.method ?? "batch");
  const report = options.lossReport ?? "mean";
  if (report !== "sum" && report !== "mean") throw new Error(`lossReport must be "sum" or "mean", got ${JSON.stringify(report)}`);
  checkWholeNumber("the first epoch", options.firstEpoch ?? 0, 0);
}

function checkUpdateMethod(method: unknown): void {
  if (method === "sample" || method === "batch") return;
  if (!method || typeof method !== "object") throw new Error(`unknown update method ${JSON.stringify(method)}; use "sample", "batch" or { batchSize: n }`);
  checkWholeNumber("the batch size", (method as { batchSize: unknown }).batchSize, 1);
}

/** Throws unless `low` and `high` are finite numbers with low < high. */
export function checkUniformRange(low: unknown, high: unknown): void {
  checkFiniteNumber("the low end of the uniform range", low);
  checkFiniteNumber("the high end of the uniform range", high);
  if (!(high > low)) throw new Error(`the uniform range needs low < high, got ${low} and ${high}`);
}

/** Throws unless `init` is one of the starting-value rules and, if it is random, an rng is there to draw from. */
export function checkInitializer(init: Initializer, rng: unknown): void {
  const kind = init && typeof init === "object" ? init.kind : undefined;
  if (kind === "constant") checkFiniteNumber("the constant starting value", (init as { value: unknown }).value);
  if (kind === "uniform") checkUniformRange((init as { low: unknown }).low, (init as { high: unknown }).high);
  if (kind !== "zeros" && kind !== "constant" && kind !== "uniform" && kind !== "he" && kind !== "xavier") {
    throw new Error(`unknown initializer ${JSON.stringify(init)}; use zeros, constant(v), uniformIn(low, high), he or xavier`);
  }
  if ((kind === "uniform" || kind === "he" || kind === "xavier") && !rng) throw new Error(`the "${kind}" initializer is random: pass an rng, e.g. new PythonRandom(7)`);
}
