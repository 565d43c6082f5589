// Answer keys for notebook 01's exercises. The reference answers come from the engine's neuron.
import { neuronSteps } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** What the engine's one-input neuron outputs (no bias, no bend). */
const neuron = (weight: number, input: number) => neuronSteps({ weights: [weight], bias: 0, activation: "identity" }, [input]).output;

export const keys: ExerciseKey[] = [
  {
    id: "01.1",
    name: "neuronOutput",
    reimplements: ["neuronSteps"],
    cases: () => [[3, 2], [0.5, 2], [0, 7], [-1, 4]],
    answer: (weight: number, input: number) => neuron(weight, input),
    hint: "a neuron scales its input by its weight. Which operation scales one number by another?",
    mistakes: [{ answer: (weight: number, input: number) => weight + input, hint: "your function adds the weight and the input. A neuron scales its input by its weight: which operation does that?" }],
  },
  {
    id: "01.2",
    name: "weightFor",
    cases: () => [[10, 2], [-6, 3], [1, 4], [7, -2]],
    // The weight that gives `wanted`: the output for weight 1 is how much each unit of weight adds.
    answer: (wanted: number, input: number) => wanted / neuron(1, input),
    hint: "the neuron computes weight × input = wanted. Solve that for the weight: which operation undoes a multiplication?",
    mistakes: [
      { answer: (wanted: number, input: number) => wanted * input, hint: "your function multiplies. Multiplying gives an output from a weight; here you know the output and need the weight. Which operation undoes a multiplication?" },
      { answer: (wanted: number, input: number) => input / wanted, hint: "your division is upside down. Put your answer back into weight × input: does it give `wanted`?" },
    ],
  },
  {
    id: "01.3",
    name: "outputsFor",
    reimplements: ["neuronSteps"],
    cases: () => [[-1, [1, 2, 3]], [3, [-3, 0, 2]], [0.5, [4, 10]], [2, []]],
    answer: (weight: number, inputs: number[]) => inputs.map((x) => neuron(weight, x)),
    hint: "each input goes through the same neuron as in exercise 01.1. Collect the outputs in a new list, in the same order as the inputs.",
  },
];
