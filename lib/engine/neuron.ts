/**
 * One neuron: multiply each input by its weight, add them up, add the bias, bend the result.
 * Introduced in notebooks 01–04; a layer (network.ts) is just several of these side by side.
 */
import { ActivationName, activate, checkActivationName } from "./activations";
import { checkFiniteNumber, checkNumbers } from "./checks";

/** A single neuron: one weight per input, one bias, one activation. */
export interface Neuron {
  weights: number[];
  bias: number;
  activation: ActivationName;
}

/** The weighted sum: each input times its own weight, all added up. (3 × 2) + (1 × 5) = 11. */
export function weightedSum(weights: readonly number[], inputs: readonly number[]): number {
  checkNumbers("the weights", weights);
  checkNumbers("the inputs", inputs, weights.length, "one input per weight");
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] * inputs[i];
  return total;
}

/** Every step of one neuron's work, kept so that a learner can see each of them. */
export interface NeuronSteps {
  /** weight × input, one per input. */
  products: number[];
  /** The products added up. */
  weightedSum: number;
  /** The weighted sum plus the bias: what goes into the activation. */
  preActivation: number;
  /** The activation's output: what the neuron passes on. */
  output: number;
}

/** Runs one neuron on `inputs` and returns every step: products, weighted sum, plus bias, output. */
export function neuronSteps(neuron: Neuron, inputs: readonly number[]): NeuronSteps {
  checkActivationName(neuron.activation);
  checkFiniteNumber("the bias", neuron.bias);
  if (neuron.activation === "softmax") {
    throw new Error("softmax works on a whole layer, not on one neuron; use a layer of neurons instead");
  }
  const sum = weightedSum(neuron.weights, inputs);
  const products = neuron.weights.map((w, i) => w * inputs[i]);
  const preActivation = sum + neuron.bias;
  const output = activate(neuron.activation, [preActivation])[0];
  return { products, weightedSum: sum, preActivation, output };
}

/** What one neuron outputs for `inputs`: activation(weighted sum + bias). */
export function neuronOutput(neuron: Neuron, inputs: readonly number[]): number {
  return neuronSteps(neuron, inputs).output;
}

/**
 * The perceptron's threshold rule, the first classifier: answer 1 when weighted sum + bias is above 0,
 * otherwise 0. Its answers change in a jump, so it has no useful slope to learn from (notebook 02).
 */
export function perceptron(weights: readonly number[], bias: number, inputs: readonly number[]): 0 | 1 {
  checkFiniteNumber("the bias", bias);
  return weightedSum(weights, inputs) + bias > 0 ? 1 : 0;
}
