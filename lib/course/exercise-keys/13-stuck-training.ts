// Answer keys for notebook 13's exercises. The dead neurons come from the engine's list of them; the loss of
// inputs that share one answer from a formula of its own, Σt² − (Σt)² / n, not the mean and the misses.
import { deadNeurons, networkFrom, train, xorData } from "../../engine/index";
import type { ExerciseKey } from "../exercises";
import { xorNetwork } from "./12-xor";

/** How many neurons of a ReLU layer the engine finds dead on these inputs. */
function engineDead(weights: number[][], biases: number[], inputs: number[][]): number {
  const net = networkFrom(inputs[0].length, [
    { weights: weights, biases: biases, activation: "relu" },
    { weights: [weights.map(() => 1)], biases: [0], activation: "identity" },
  ]);
  return deadNeurons(net, inputs.map((x) => ({ input: x, target: [0] }))).length;
}

const xorInputs = () => xorData().map((s) => s.input);

export const keys: ExerciseKey[] = [
  {
    id: "13.1",
    name: "countDead",
    reimplements: ["deadNeurons"],
    cases: () => {
      const trained = xorNetwork();
      train(trained, xorData(), { epochs: 3001, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum" });
      const untrained = xorNetwork().layers[0];
      return [
        [untrained.weights, untrained.biases, xorInputs()],
        [trained.layers[0].weights, trained.layers[0].biases, xorInputs()],
        [[[1, 1], [-1, -1], [0, 0], [1, -1]], [0, 0, 0, -1], xorInputs()],
      ];
    },
    answer: (weights: number[][], biases: number[], inputs: number[][]) => engineDead(weights, biases, inputs),
    call: (weights: number[][], _biases: number[], inputs: number[][]) => `countDead(a layer of ${weights.length} neurons, its biases, ${inputs.length} inputs)`,
    hint: "for each neuron, compute bias + Σ weight × input for every input; the neuron is dead only if none of these is above 0. A sum of exactly 0 is silent too.",
  },
  {
    id: "13.2",
    name: "stuckLoss",
    cases: () => [[[0, 1, 0]], [[0, 1, 1, 0]], [[0, 1]], [[1, 1, 0]]],
    answer: (targets: number[]) => {
      const sum = targets.reduce((a, t) => a + t, 0);
      return targets.reduce((a, t) => a + t * t, 0) - (sum * sum) / targets.length;
    },
    hint: "the shared answer that costs least is the average of the targets; then add up, over the inputs, (shared answer − target)².",
    mistakes: [
      {
        answer: (targets: number[]) => targets.reduce((a, t) => a + t, 0) / targets.length,
        hint: "your function returns the shared answer itself, the average of the targets. The exercise asks what that answer still costs: the sum of its squared misses.",
      },
      {
        answer: (targets: number[]) => {
          const mean = targets.reduce((a, t) => a + t, 0) / targets.length;
          return targets.reduce((a, t) => a + (mean - t) ** 2, 0) / targets.length;
        },
        hint: "your function averages the squared misses. The loss here is their sum, as the XOR log adds up its samples' losses.",
      },
    ],
  },
];
