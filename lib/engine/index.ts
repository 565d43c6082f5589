/**
 * The engine as a learner calls it. The engine's own functions (network.ts, train.ts, …) trust their
 * arguments, so that their code reads like the course; the functions here are the same ones with the
 * arguments checked first, once, where a learner calls in. A bad value gets a sentence that says what was
 * wrong (checks.ts), not NaN or a stack trace from deep inside.
 */
import * as activations from "./activations";
import {
  checkActivationName,
  checkDataset,
  checkFiniteNumber,
  checkInitializer,
  checkLayerSizes,
  checkLearningRate,
  checkLossName,
  checkNetwork,
  checkNumbers,
  checkShape,
  checkSomeNumbers,
  checkTrainOptions,
  checkUniformRange,
  checkWholeNumber,
  outputCount,
} from "./checks";
import { Sample } from "./data";
import * as dead from "./dead-neurons";
import * as init from "./init";
import * as losses from "./losses";
import * as network from "./network";
import * as neuron from "./neuron";
import * as nudging from "./nudging";
import * as training from "./train";

export { ActivationName, activationNames, identity, relu, sigmoid, tanh } from "./activations";
export { Sample, argmax, bumpData, oneHot, xorData } from "./data";
export { DigitImage, digitSamples, parseDigitImages } from "./digits";
export { Initializer, he, heStandardDeviation, xavier, xavierStandardDeviation, zeros } from "./init";
export { LossName, crossEntropy, halfSquaredError, lossNames, squaredError } from "./losses";
export { Backward, Gradients, Layer, LayerGradients, LayerTrace, Network, NetworkShape, StartingValues, Trace, addGradients, averageGradients, copyNetwork, parameterCount, zeroGradients } from "./network";
export { Neuron, NeuronSteps } from "./neuron";
export { GradientCheck, Knob, getKnob, knobs, setKnob } from "./nudging";
export { PythonRandom, RandomSource, normal, shuffle, uniform } from "./random";
export { EpochRecord, History, Snapshot, Step, TrainOptions, UpdateMethod } from "./train";
export * from "./fast/index";

/** The weighted sum (notebook 02), after checking one finite input per weight. */
export function weightedSum(weights: readonly number[], inputs: readonly number[]): number {
  checkNumbers("the weights", weights);
  checkNumbers("the inputs", inputs, weights.length, "one input per weight");
  return neuron.weightedSum(weights, inputs);
}

/** Every step of one neuron's work (notebook 01), after checking the neuron and its inputs. */
export function neuronSteps(n: neuron.Neuron, inputs: readonly number[]): neuron.NeuronSteps {
  checkActivationName(n.activation);
  checkFiniteNumber("the bias", n.bias);
  if (n.activation === "softmax") throw new Error("softmax works on a whole layer, not on one neuron; use a layer of neurons instead");
  weightedSum(n.weights, inputs);
  return neuron.neuronSteps(n, inputs);
}

/** What one neuron outputs (notebook 04), after checking the neuron and its inputs. */
export function neuronOutput(n: neuron.Neuron, inputs: readonly number[]): number {
  return neuronSteps(n, inputs).output;
}

/** The perceptron's threshold rule (notebook 02), after checking the bias, the weights and the inputs. */
export function perceptron(weights: readonly number[], bias: number, inputs: readonly number[]): 0 | 1 {
  checkFiniteNumber("the bias", bias);
  weightedSum(weights, inputs);
  return neuron.perceptron(weights, bias, inputs);
}

/** Softmax (notebook 14), after checking that there is at least one finite number. */
export function softmax(z: readonly number[]): number[] {
  checkSomeNumbers("softmax input", z, "softmax needs at least one number");
  return activations.softmax(z);
}

/** A whole layer's bend (notebook 04), after checking the activation's name. */
export function activate(name: activations.ActivationName, z: readonly number[]): number[] {
  checkActivationName(name);
  return activations.activate(name, z);
}

/** An activation's local effect (notebook 09), after checking its name. */
export function activationDerivative(name: activations.ActivationName, z: number, a: number): number {
  checkActivationName(name);
  return activations.activationDerivative(name, z, a);
}

/** Blame through a layer's bend (notebook 10), after checking the activation's name. */
export function activationBlame(name: activations.ActivationName, z: readonly number[], a: readonly number[], blameOnA: readonly number[]): number[] {
  checkActivationName(name);
  return activations.activationBlame(name, z, a, blameOnA);
}

/** The named loss of one sample (notebook 06), after checking the name and one finite target per output. */
export function loss(name: losses.LossName, output: readonly number[], target: readonly number[]): number {
  checkNumbers("the output", output);
  checkNumbers("the target", target, output.length, "one per output neuron");
  checkLossName(name);
  return losses.loss(name, output, target);
}

/** The loss's slope at each output (notebook 06), after checking the loss's name. */
export function lossDerivative(name: losses.LossName, output: readonly number[], target: readonly number[]): number[] {
  checkLossName(name);
  return losses.lossDerivative(name, output, target);
}

/** The mean of a list of numbers (notebook 06), after checking that there is at least one. */
export function mean(values: readonly number[]): number {
  checkSomeNumbers("the list", values, "cannot take the mean of an empty list");
  return losses.mean(values);
}

/** Every value the same number (notebook 15), after checking that it is finite. */
export function constant(value: number): init.Initializer {
  checkFiniteNumber("the constant starting value", value);
  return init.constant(value);
}

/** Uniform between `low` and `high` (notebook 12), after checking that low < high. */
export function uniformIn(low: number, high: number): init.Initializer {
  checkUniformRange(low, high);
  return init.uniformIn(low, high);
}

/** Builds a network of the given shape (notebooks 05 and 12), after checking the shape and the starting values. */
export function createNetwork(shape: network.NetworkShape, start: network.StartingValues): network.Network {
  checkShape(shape);
  checkInitializer(start.weights, start.rng);
  checkInitializer(start.biases, start.rng);
  return network.createNetwork(shape, start);
}

/** A network written out by hand (notebook 05), after checking that its layers chain and its values are finite. */
export function networkFrom(inputSize: number, layers: network.Layer[]): network.Network {
  const net = network.networkFrom(inputSize, layers);
  checkNetwork(net);
  return net;
}

/** How many knobs a network of these layer sizes has (notebooks 03 and 05), after checking the sizes. */
export function countParameters(sizes: readonly number[]): number {
  checkLayerSizes(sizes);
  return network.countParameters(sizes);
}

/** The forward pass (notebook 05), after checking one finite input per input neuron. */
export function forward(net: network.Network, input: readonly number[]): network.Trace {
  checkNumbers("the input", input, net.inputSize, "one per input neuron");
  return network.forward(net, input);
}

/** Just the network's answer (notebook 05), after checking the input. */
export function predict(net: network.Network, input: readonly number[]): number[] {
  return forward(net, input).output;
}

/** The backward pass (notebook 10), after checking the loss's name and one finite target per output. */
export function backward(net: network.Network, trace: network.Trace, target: readonly number[], lossName: losses.LossName): network.Backward {
  checkLossName(lossName);
  checkNumbers("the target", target, outputCount(net), "one per output neuron");
  return network.backward(net, trace, target, lossName);
}

/** Gradient descent (notebook 08), after checking the learning rate. */
export function updateWeights(net: network.Network, gradients: network.Gradients, learningRate: number): void {
  checkLearningRate(learningRate);
  network.updateWeights(net, gradients, learningRate);
}

/** The per-sample update from the blame (notebook 12), after checking the learning rate. */
export function updateFromBlame(net: network.Network, trace: network.Trace, blame: readonly number[][], learningRate: number): void {
  checkLearningRate(learningRate);
  network.updateFromBlame(net, trace, blame, learningRate);
}

/** Trains `net` in place (notebook 08), after checking the network, every sample and the options. */
export function train(net: network.Network, data: readonly Sample[], options: training.TrainOptions): training.History {
  checkNetwork(net);
  checkDataset(net, data);
  checkTrainOptions(options);
  return training.train(net, data, options);
}

/** Everything one update needs (notebook 08), after checking the batch and the loss's name. */
export function gradientStep(net: network.Network, batch: readonly Sample[], lossName: losses.LossName): training.Step {
  checkDataset(net, batch, "the batch");
  checkLossName(lossName);
  return training.gradientStep(net, batch, lossName);
}

/** The mean loss and the accuracy (notebook 08), after checking the data and the loss's name. */
export function evaluate(net: network.Network, data: readonly Sample[], lossName: losses.LossName): { loss: number; accuracy: number } {
  checkDataset(net, data);
  checkLossName(lossName);
  return training.evaluate(net, data, lossName);
}

/** The forward nudge (notebook 07), after checking the point and the nudge. */
export function nudgeSlope(f: (x: number) => number, x: number, h: number): number {
  checkNudge(x, h);
  return nudging.nudgeSlope(f, x, h);
}

/** The central difference (notebook 07), after checking the point and the nudge. */
export function centralSlope(f: (x: number) => number, x: number, h: number): number {
  checkNudge(x, h);
  return nudging.centralSlope(f, x, h);
}

function checkNudge(x: number, h: number): void {
  checkFiniteNumber("the point x", x);
  checkFiniteNumber("the nudge h", h);
  if (h === 0) throw new Error("the nudge h must not be 0: dividing by 0 gives no slope");
}

/** The mean loss of `net` over `data` (notebook 07), after checking the data and the loss's name. */
export function meanLoss(net: network.Network, data: readonly Sample[], lossName: losses.LossName): number {
  return evaluate(net, data, lossName).loss;
}

/** Every knob's gradient measured by nudging (notebook 10), after checking the data, the loss and the nudge. */
export function nudgedGradients(net: network.Network, data: readonly Sample[], lossName: losses.LossName, options: { h?: number; method?: "forward" | "central" } = {}): network.Gradients {
  checkDataset(net, data);
  checkLossName(lossName);
  checkNudge(0, options.h ?? 1e-5);
  return nudging.nudgedGradients(net, data, lossName, options);
}

/** Backpropagation compared with central differences on every knob (notebook 10), after checking the data and the loss. */
export function gradientCheck(net: network.Network, data: readonly Sample[], lossName: losses.LossName, h = 1e-5): nudging.GradientCheck {
  checkDataset(net, data);
  checkLossName(lossName);
  checkNudge(0, h);
  return nudging.gradientCheck(net, data, lossName, h);
}

/** The dead ReLU neurons of a layer (notebook 13), after checking the network, the data and the layer. */
export function deadNeurons(net: network.Network, data: readonly Sample[], layer = 0): number[] {
  checkNetwork(net);
  checkDataset(net, data);
  checkWholeNumber("the layer number", layer, 0);
  if (layer >= net.layers.length) throw new Error(`there is no layer ${layer}: this network's layers are numbered 0 to ${net.layers.length - 1}`);
  const activation = net.layers[layer].activation;
  if (activation !== "relu") throw new Error(`layer ${layer} uses ${activation}, not relu: only a ReLU neuron goes silent when its weighted sum is negative`);
  return dead.deadNeurons(net, data, layer);
}
