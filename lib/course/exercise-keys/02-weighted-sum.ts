// Answer keys for notebook 02's exercises. The reference answers come from the engine's neuron and perceptron.
import { neuronSteps, perceptron, weightedSum } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

const productsOf = (weights: number[], inputs: number[]) => neuronSteps({ weights: weights, bias: 0, activation: "identity" }, inputs).products;

export const keys: ExerciseKey[] = [
  {
    id: "02.1",
    name: "votes",
    reimplements: ["neuronSteps"],
    cases: () => [[[3, 1], [2, 5]], [[0, 1], [200, 5]], [[0.5, -2, 1], [4, 1, 3]]],
    answer: (weights: number[], inputs: number[]) => productsOf(weights, inputs),
    hint: "each input is multiplied by the weight in the same position: the first by the first, the second by the second.",
  },
  {
    id: "02.2",
    name: "weightedSumOf",
    reimplements: ["weightedSum", "neuronSteps"],
    cases: () => [[[3, 1], [2, 5]], [[0.5, -2, 1], [4, 1, 3]], [[2], [7]], [[1, 1, 1, 1], [1, 2, 3, 4]]],
    answer: (weights: number[], inputs: number[]) => weightedSum(weights, inputs),
    hint: "multiply in pairs first, then add the products. The loop should visit every position once.",
  },
  {
    id: "02.3",
    name: "perceptronAnswer",
    reimplements: ["perceptron"],
    cases: () => [[[3, 1], 10, [2, 5]], [[3, 1], 10, [1, 4]], [[3, 1], 10, [3, 1]], [[1, -1], 0, [2, 1]], [[1, -1], 0, [1, 2]]],
    // The engine's perceptron takes the threshold as a bias with its sign flipped (notebook 02).
    answer: (weights: number[], threshold: number, inputs: number[]) => perceptron(weights, -threshold, inputs),
    hint: "compute the weighted sum first. Then look closely at the rule: what should happen when the sum is exactly equal to the threshold?",
    mistakes: [
      {
        answer: (weights: number[], threshold: number, inputs: number[]) => (weightedSum(weights, inputs) >= threshold ? 1 : 0),
        hint: "your function answers 1 when the sum equals the threshold. The rule says above the threshold: is 10 above 10?",
      },
    ],
  },
];
