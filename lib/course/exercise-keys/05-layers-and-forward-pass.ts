// Answer keys for notebook 05's exercises. The reference answers come from the engine's forward pass
// through ReLU layers and the small sigmoid network.
import { forward, networkFrom } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** A layer as exercise 05.2 writes it: one row of weights per neuron, and one bias each. */
type Layer = { weights: number[][]; biases: number[] };

/** The engine's forward pass through ReLU layers. */
const reluNetwork = (layers: Layer[], inputs: number[]) => forward(networkFrom(inputs.length, layers.map((l) => ({ weights: l.weights, biases: l.biases, activation: "relu" as const }))), inputs).output;

/** Neurons A, B and C of the notebook: one row of weights per neuron. */
const abc = { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2] };

/** The notebook's small network: 2 inputs, 3 ReLU neurons, 1 sigmoid output. */
const small = () =>
  networkFrom(2, [
    { weights: [[0.5, -0.3], [0.8, 0.2], [0.7, -0.4]], biases: [0.15, -0.1, -0.3], activation: "relu" },
    { weights: [[0.6, -0.5, 0.9]], biases: [0.1], activation: "sigmoid" },
  ]);

export const keys: ExerciseKey[] = [
  {
    id: "05.1",
    name: "reluLayer",
    reimplements: ["forward", "predict"],
    cases: () => [[abc.weights, abc.biases, [2, 5]], [abc.weights, abc.biases, [1, 1]], [abc.weights, abc.biases, [0, 0]], [[[1, -1, 2]], [-1], [3, 1, 0.5]]],
    answer: (weights: number[][], biases: number[], inputs: number[]) => forward(networkFrom(inputs.length, [{ weights: weights, biases: biases, activation: "relu" }]), inputs).output,
    hint: "each neuron: multiply each input by its own weight, add them up, add the neuron's bias, then turn a negative result into 0.",
    mistakes: [
      {
        answer: (weights: number[][], biases: number[], inputs: number[]) => forward(networkFrom(inputs.length, [{ weights: weights, biases: biases, activation: "identity" }]), inputs).output,
        hint: "your layer leaves negative sums as they are. Each neuron ends with ReLU: a negative result becomes 0.",
      },
    ],
  },
  {
    id: "05.2",
    name: "forwardPass",
    reimplements: ["forward", "predict"],
    cases: () => [
      [[abc], [2, 5]],
      [[abc, { weights: [[1, 1, 1]], biases: [-5] }], [2, 5]],
      [[{ weights: [[1, -1], [-1, 1]], biases: [0, 0] }, { weights: [[2, 3], [1, -1]], biases: [1, 0] }, { weights: [[0.5, 2]], biases: [-1] }], [3, 1]],
    ],
    answer: (layers: Layer[], inputs: number[]) => reluNetwork(layers, inputs),
    call: (layers: Layer[], inputs: number[]) => `forwardPass(${layers.length === 1 ? "one layer" : `${layers.length} layers`}, [${inputs.join(", ")}])`,
    hint: "the first layer reads the inputs; each later layer reads the outputs of the layer before it. Keep the latest outputs in a variable, hand them to the next layer, and return them after the last layer.",
    mistakes: [
      {
        answer: (layers: Layer[], inputs: number[]) => reluNetwork(layers.slice(0, 1), inputs),
        hint: "your function returns the first layer's outputs. Every layer must run, each reading the outputs of the one before it.",
      },
    ],
  },
  {
    id: "05.3",
    name: "tinyNetwork",
    reimplements: ["forward", "predict"],
    cases: () => [[0.5, 0.5], [1, 0], [0, 1], [0.2, 0.9]],
    answer: (x1: number, x2: number) => forward(small(), [x1, x2]).output[0],
    hint: "work the hidden layer first (sum, bias, ReLU for each of the three hidden neurons), then the output neuron's sum and bias, then the sigmoid.",
  },
];
