// Answer keys for notebook 04's exercises. The reference answers come from the engine's activations
// and its forward pass.
import { forward, networkFrom, relu, sigmoid } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** What a stack of one-input neurons without biases or bends does to an input of 1. */
const stackOnOne = (weights: number[]) => forward(networkFrom(1, weights.map((w) => ({ weights: [[w]], biases: [0], activation: "identity" as const }))), [1]).output[0];

export const keys: ExerciseKey[] = [
  {
    id: "04.1",
    name: "myRelu",
    reimplements: ["relu", "neuronSteps", "forward", "predict"],
    cases: () => [[15], [-7], [3], [-0.2], [0]],
    answer: (z: number) => relu(z),
    hint: "negative numbers become 0; everything else comes out unchanged.",
  },
  {
    id: "04.2",
    name: "mySigmoid",
    reimplements: ["sigmoid", "neuronSteps", "forward", "predict"],
    cases: () => [[-5], [-2], [0], [2], [5]],
    answer: (z: number) => sigmoid(z),
    hint: "σ(z) = 1 / (1 + e^(−z)), and e^(−z) is Math.exp(-z). Large positive z should give an answer close to 1.",
    mistakes: [{ answer: (z: number) => 1 / (1 + Math.exp(z)), hint: "watch the sign inside Math.exp: your function gives answers close to 0 for large positive z, where σ is close to 1." }],
  },
  {
    id: "04.3",
    name: "stackWeight",
    reimplements: ["forward", "predict"],
    cases: () => [[[2, 3]], [[2, 3, 0.5, -1, 4, 0.25, 1.5, 2]], [[0.5, 0.5, 0.5]], [[-2, -3]]],
    // The one neuron that does the stack's job has, as its weight, what the stack makes of an input of 1.
    answer: (weights: number[]) => stackOnOne(weights),
    hint: "send an input of 1 through the stack by hand: each neuron multiplies what it receives by its weight. What comes out at the end?",
    mistakes: [{ answer: (weights: number[]) => weights.reduce((s, w) => s + w, 0), hint: "your function adds the weights. Each neuron multiplies what it receives: doubling and then tripling is not adding 2 and 3." }],
  },
];
