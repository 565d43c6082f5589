/**
 * Activation functions: the bend after the weighted sum (notebook 04). Each one comes with its local
 * effect, how much its output moves when its input moves, which backpropagation multiplies by (notebook 10).
 */

/** The names of the activations a layer can use (notebook 04; softmax in notebook 14). */
export type ActivationName = "identity" | "relu" | "sigmoid" | "tanh" | "softmax";

/** Every activation name, in the order the course meets them (notebook 04). */
export const activationNames: readonly ActivationName[] = ["identity", "relu", "sigmoid", "tanh", "softmax"];

/** No bend at all: the output is the weighted sum itself (notebook 04). */
export function identity(z: number): number {
  return z;
}

/** ReLU: negative numbers become 0, positive numbers pass unchanged (notebook 04). */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

/** Sigmoid: squeezes any number into the range 0 to 1, σ(z) = 1 / (1 + e^(−z)) (notebook 04). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Tanh: squeezes any number into the range −1 to 1 (notebook 04). */
export function tanh(z: number): number {
  return Math.tanh(z);
}

/**
 * Softmax: turns a layer's numbers into probabilities that add up to 1 (notebook 14). Each number becomes
 * a power of e, divided by the total. Subtracting the largest number first changes nothing in the result
 * but keeps e^z from overflowing. The probabilities go into `p`, a new list unless training hands in one
 * to reuse.
 */
export function softmax(z: readonly number[], p: number[] = []): number[] {
  let largest = -Infinity;
  for (const v of z) if (v > largest) largest = v;
  let total = 0;
  for (let i = 0; i < z.length; i++) {
    p[i] = Math.exp(z[i] - largest);
    total += p[i];
  }
  for (let i = 0; i < z.length; i++) p[i] = p[i] / total;
  return p;
}

/**
 * A whole layer's bend (notebooks 04 and 05): every weighted sum z through the named activation. The
 * outputs go into `a`, a new list unless training hands in one to reuse. Each activation has its own loop,
 * so each loop calls one known function: a JavaScript engine can then build that function into the loop.
 */
export function activate(name: ActivationName, z: readonly number[], a: number[] = []): number[] {
  switch (name) {
    case "identity":
      for (let i = 0; i < z.length; i++) a[i] = identity(z[i]);
      return a;
    case "relu":
      for (let i = 0; i < z.length; i++) a[i] = relu(z[i]);
      return a;
    case "sigmoid":
      for (let i = 0; i < z.length; i++) a[i] = sigmoid(z[i]);
      return a;
    case "tanh":
      for (let i = 0; i < z.length; i++) a[i] = tanh(z[i]);
      return a;
    case "softmax":
      return softmax(z, a);
  }
}

/**
 * The local effect of an activation (notebook 09): how much its output a moves per unit its input z moves.
 * Sigmoid's is a(1 − a), tanh's is 1 − a², ReLU's is 1 for a positive z and 0 otherwise.
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
  }
}

/**
 * Blame through a layer's bend (notebook 10): from how much the loss cares about each output a to how
 * much it cares about each weighted sum z. For one-neuron activations that is a multiplication by the
 * local effect; softmax mixes the whole layer: a_i × (g_i − Σ_j a_j g_j) (notebook 14). The result goes
 * into `blame`, a new list unless training hands in one to reuse.
 */
export function activationBlame(name: ActivationName, z: readonly number[], a: readonly number[], blameOnA: readonly number[], blame: number[] = []): number[] {
  if (name === "softmax") return softmaxBlame(a, blameOnA, blame);
  for (let i = 0; i < z.length; i++) blame[i] = blameOnA[i] * activationDerivative(name, z[i], a[i]);
  return blame;
}

/** Blame through softmax (notebook 14): a_i × (g_i − Σ_j a_j g_j), written into `blame`. */
function softmaxBlame(a: readonly number[], blameOnA: readonly number[], blame: number[]): number[] {
  let mix = 0;
  for (let j = 0; j < a.length; j++) mix += a[j] * blameOnA[j];
  for (let i = 0; i < a.length; i++) blame[i] = a[i] * (blameOnA[i] - mix);
  return blame;
}
