// Answer keys for notebook 05's exercises. The reference answers come from the engine's forward pass
// and its count of a network's parameters.
import { countParameters, forward, networkFrom } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

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
    name: "countKnobs",
    cases: () => [[[2, 3, 1]], [[25, 8, 3]], [[784, 16, 16, 10]], [[3, 4]]],
    answer: (sizes: number[]) => countParameters(sizes),
    hint: "layer by layer: how many weights does a layer of n neurons reading m numbers have, and what else does each neuron own?",
    mistakes: [
      {
        answer: (sizes: number[]) => sizes.slice(1).reduce((s, n, l) => s + sizes[l] * n, 0),
        hint: "your count has every weight but no bias. Each neuron also owns one bias.",
      },
    ],
  },
  {
    id: "05.3",
    name: "tinyNetwork",
    cases: () => [[0.5, 0.5], [1, 0], [0, 1], [0.2, 0.9]],
    answer: (x1: number, x2: number) => forward(small(), [x1, x2]).output[0],
    hint: "work the hidden layer first (sum, bias, ReLU for each of the three hidden neurons), then the output neuron's sum and bias, then the sigmoid.",
  },
];
