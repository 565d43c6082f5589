/**
 * One neuron (notebooks 01–04): multiply each input by its weight, add them up, add the bias, bend the
 * result. A layer (network.ts) is several of these side by side.
 */
import { ActivationName, activate } from "./activations";

/** A single neuron: one weight per input, one bias, one activation (notebook 04). */
export interface Neuron {
  weights: number[];
  bias: number;
  activation: ActivationName;
}

/** The weighted sum: each input times its own weight, all added up; (3 × 2) + (1 × 5) = 11 (notebook 02). */
export function weightedSum(weights: readonly number[], inputs: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i] * inputs[i];
  return total;
}

/** Every step of one neuron's work, kept so that a learner can see each of them (notebooks 01–04). */
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

/** Runs one neuron on `inputs` and returns every step: products, weighted sum, plus bias, output (notebook 01). */
export function neuronSteps(neuron: Neuron, inputs: readonly number[]): NeuronSteps {
  const products = neuron.weights.map((w, i) => w * inputs[i]);
  const sum = weightedSum(neuron.weights, inputs);
  const preActivation = sum + neuron.bias;
  return { products, weightedSum: sum, preActivation, output: activate(neuron.activation, [preActivation])[0] };
}

/** What one neuron outputs for `inputs`: activation(weighted sum + bias) (notebook 04). */
export function neuronOutput(neuron: Neuron, inputs: readonly number[]): number {
  return neuronSteps(neuron, inputs).output;
}

/**
 * The perceptron's threshold rule, the first classifier (notebook 02): answer 1 when weighted sum + bias is
 * above 0, otherwise 0. Its answers change in a jump, so it has no useful slope to learn from.
 */
export function perceptron(weights: readonly number[], bias: number, inputs: readonly number[]): 0 | 1 {
  return weightedSum(weights, inputs) + bias > 0 ? 1 : 0;
}
