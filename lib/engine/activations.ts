/**
 * Activation functions: the bend after the weighted sum. Introduced in notebook 04.
 * Each one is a pair: the function itself, and its derivative (its local effect, used by backprop).
 */
import { checkNumbers, unknownName } from "./checks";

/** The names of the activations a layer can use. */
export type ActivationName = "identity" | "relu" | "sigmoid" | "tanh" | "softmax";

/** Every activation name, in the order the course meets them. */
export const activationNames: readonly ActivationName[] = ["identity", "relu", "sigmoid", "tanh", "softmax"];

/** No bend at all: the output is the weighted sum itself. */
export function identity(z: number): number {
  return z;
}

/** ReLU: negative numbers become 0, positive numbers pass unchanged. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** Sigmoid: squeezes any number into the range 0 to 1. σ(z) = 1 / (1 + e^(−z)). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Tanh: squeezes any number into the range −1 to 1. */
export function tanh(z: number): number {
  return Math.tanh(z);
}

/**
 * Softmax: turns a list of numbers into probabilities that add up to 1.
 * Each number is raised as a power of e, then divided by the total. (Subtracting the largest number
 * first changes nothing in the result but keeps e^z from overflowing.)
 */
export function softmax(z: readonly number[]): number[] {
  checkNumbers("softmax input", z);
  if (z.length === 0) throw new Error("softmax needs at least one number");
  let largest = -Infinity;
  for (const v of z) if (v > largest) largest = v;
  const powers = z.map((v) => Math.exp(v - largest));
  let total = 0;
  for (const p of powers) total += p;
  return powers.map((p) => p / total);
}

/**
 * The local effect of an activation: how much its output moves per unit its input moves,
 * given the input z and the output a. Sigmoid's is a(1 − a); tanh's is 1 − a²; ReLU's is 1 or 0.
 */
export function activationDerivative(name: ActivationName, z: number, a: number): number {
  switch (name) {
    case "identity":
      return 1;
    case "relu":
      return z > 0 ? 1 : 0;
    case "sigmoid":
      return a * (1 - a);
    case "tanh":
      return 1 - a * a;
    case "softmax":
      throw new Error("softmax has no single derivative per neuron; use activationBlame for a whole layer");
    default:
      return unknownName("activation", name, activationNames);
  }
}

/** Applies the named activation to a whole layer's weighted sums (softmax needs all of them at once). */
export function activate(name: ActivationName, z: readonly number[]): number[] {
  const a = new Array<number>(z.length);
  activateInto(name, z, a);
  return a;
}

/** `activate`, writing the outputs into `a` instead of a new list. */
export function activateInto(name: ActivationName, z: readonly number[], a: number[]): void {
  if (name === "softmax") {
    const p = softmax(z);
    for (let i = 0; i < p.length; i++) a[i] = p[i];
    return;
  }
  // One loop per activation, so each calls a single known function (fast in a JavaScript engine).
  switch (name) {
    case "identity":
      for (let i = 0; i < z.length; i++) a[i] = identity(z[i]);
      return;
    case "relu":
      for (let i = 0; i < z.length; i++) a[i] = relu(z[i]);
      return;
    case "sigmoid":
      for (let i = 0; i < z.length; i++) a[i] = sigmoid(z[i]);
      return;
    case "tanh":
      for (let i = 0; i < z.length; i++) a[i] = tanh(z[i]);
      return;
    default:
      unknownName("activation", name, activationNames);
  }
}

/**
 * Carries blame back through a layer's activation: from "how much the loss cares about each output a"
 * to "how much it cares about each weighted sum z". For one-neuron activations that is a
 * multiplication by the local effect; softmax mixes the whole layer: a_i × (g_i − Σ_j a_j g_j).
 */
export function activationBlame(name: ActivationName, z: readonly number[], a: readonly number[], blameOnA: readonly number[]): number[] {
  const blame = new Array<number>(z.length);
  activationBlameInto(name, z, a, blameOnA, blame);
  return blame;
}

/** `activationBlame`, writing into `blame` instead of a new list. */
export function activationBlameInto(name: ActivationName, z: readonly number[], a: readonly number[], blameOnA: readonly number[], blame: number[]): void {
  if (name === "softmax") {
    let mix = 0;
    for (let j = 0; j < a.length; j++) mix += a[j] * blameOnA[j];
    for (let i = 0; i < a.length; i++) blame[i] = a[i] * (blameOnA[i] - mix);
    return;
  }
  for (let i = 0; i < z.length; i++) blame[i] = blameOnA[i] * activationDerivative(name, z[i], a[i]);
}

/** Throws a helpful error unless `name` is a known activation. */
export function checkActivationName(name: unknown): asserts name is ActivationName {
  if (typeof name !== "string" || !(activationNames as readonly string[]).includes(name)) {
    unknownName("activation", name, activationNames);
  }
}
