// Answer keys for notebook 10's exercises. The reference answers come from the engine's backward pass.
import { backward, forward, networkFrom } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The output weights' gradients, from the engine: a network whose output neuron reads exactly these hidden outputs. */
function outputGradientsFromEngine(blame: number, hiddenOutputs: number[]): number[] {
  // Identity hidden neurons with weight h on input 1 output exactly h; a target `blame` below the output gives that blame.
  const n = networkFrom(1, [
    { weights: hiddenOutputs.map((h) => [h]), biases: hiddenOutputs.map(() => 0), activation: "identity" },
    { weights: [hiddenOutputs.map(() => 1)], biases: [0], activation: "identity" },
  ]);
  const t = forward(n, [1]);
  return backward(n, t, [t.output[0] - blame], "halfSquaredError").gradients[1].weights[0];
}

/** The hidden neurons' blame, from the engine: ReLU neurons with the given weighted sums (weight z on input 1). */
function hiddenBlameFromEngine(blame: number, outputWeights: number[], hiddenSums: number[]): number[] {
  const n = networkFrom(1, [
    { weights: hiddenSums.map((z) => [z]), biases: hiddenSums.map(() => 0), activation: "relu" },
    { weights: [outputWeights], biases: [0], activation: "identity" },
  ]);
  const t = forward(n, [1]);
  return backward(n, t, [t.output[0] - blame], "halfSquaredError").blame[0];
}

export const keys: ExerciseKey[] = [
  {
    id: "10.1",
    name: "outputGradients",
    reimplements: ["backward"],
    cases: () => [[8, [6, 2]], [-0.5, [0.2, 1.5, 0]]],
    answer: (blame: number, hiddenOutputs: number[]) => outputGradientsFromEngine(blame, hiddenOutputs),
    hint: "a weight's gradient is its neuron's blame times the input that weight multiplied.",
    mistakes: [{ answer: (blame: number, hiddenOutputs: number[]) => hiddenOutputs.map(() => blame), hint: "your function hands every weight the blame itself. A weight's gradient is the blame times the input that weight multiplied." }],
  },
  {
    id: "10.2",
    name: "hiddenBlame",
    reimplements: ["backward", "activationBlame"],
    cases: () => [[8, [1, 2], [6, 2]], [3, [0.5, -1, 2], [-1, 4, 0.5]], [2, [1, 1], [0, 3]]],
    answer: (blame: number, outputWeights: number[], hiddenSums: number[]) => hiddenBlameFromEngine(blame, outputWeights, hiddenSums),
    hint: "blame travels back scaled by the weight between the neurons, then through ReLU's local effect: what is it when the weighted sum was not above 0?",
    mistakes: [
      {
        answer: (blame: number, outputWeights: number[]) => outputWeights.map((w) => blame * w),
        hint: "your function passes blame back through the weights but forgets ReLU's local effect: a neuron whose weighted sum was 0 or below was switched off, and gets no blame.",
      },
    ],
  },
];
