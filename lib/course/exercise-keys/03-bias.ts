// Answer keys for notebook 03's exercises. The reference answers come from the engine's neuron.
import { neuronSteps, weightedSum } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

const engineNeuron = (weights: number[], bias: number, inputs: number[]) => neuronSteps({ weights: weights, bias: bias, activation: "identity" }, inputs).output;

/**
 * Where a one-input neuron's output crosses 0, found by halving an interval around it with the engine's
 * neuron: a route that never solves the equation by algebra.
 */
function crossing(weight: number, bias: number): number {
  const f = (x: number) => engineNeuron([weight], bias, [x]);
  let low = -1e6;
  let high = 1e6;
  const rising = f(high) > f(low);
  for (let k = 0; k < 200; k++) {
    const middle = (low + high) / 2;
    if (f(middle) > 0 === rising) high = middle;
    else low = middle;
  }
  return (low + high) / 2;
}

export const keys: ExerciseKey[] = [
  {
    id: "03.1",
    name: "neuronWithBias",
    reimplements: ["neuronSteps"],
    cases: () => [[[3, 1], 4, [2, 5]], [[3, 1], 4, [0, 0]], [[0.5, -2, 1], -3, [4, 1, 3]], [[2], 0, [7]]],
    answer: (weights: number[], bias: number, inputs: number[]) => engineNeuron(weights, bias, inputs),
    hint: "the bias is added once, on its own: it is not multiplied by any input.",
    mistakes: [
      {
        answer: (weights: number[], bias: number, inputs: number[]) => weights.reduce((s, w, i) => s + (w * inputs[i] + bias), 0),
        hint: "your function adds the bias once for every input. The bias belongs to the neuron, not to an input: add it once.",
      },
    ],
  },
  {
    id: "03.2",
    name: "biasFor",
    cases: () => [[[3, 1], [2, 5], 20], [[3, 1], [2, 5], 0], [[3, 1], [0, 0], 4], [[0.5, -2, 1], [4, 1, 3], 1]],
    // The bias that gives `wanted`: whatever the neuron with bias 0 falls short by.
    answer: (weights: number[], inputs: number[], wanted: number) => wanted - engineNeuron(weights, 0, inputs),
    hint: "output = weighted sum + bias. You know the output you want and you can compute the weighted sum; solve for the bias.",
    mistakes: [
      {
        answer: (weights: number[], inputs: number[], wanted: number) => weightedSum(weights, inputs) - wanted,
        hint: "your bias has the wrong sign. Check it: add your bias to the weighted sum. Do you get the output you want?",
      },
    ],
  },
  {
    id: "03.3",
    name: "flipPoint",
    cases: () => [[3, -6], [3, -10], [3, 4], [-2, 1], [0.5, 0]],
    answer: (weight: number, bias: number) => crossing(weight, bias),
    hint: "the output is weight × input + bias. Which input makes that exactly 0? Put your answer back in to check it.",
    mistakes: [
      { answer: (weight: number, bias: number) => bias / weight, hint: "your answer has the wrong sign. Put it back in: weight × your answer + bias should be exactly 0." },
      { answer: (weight: number, bias: number) => -weight / bias, hint: "your division is upside down. Put your answer back in: weight × your answer + bias should be exactly 0." },
    ],
  },
];
