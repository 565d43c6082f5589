// Answer keys for notebook 13's exercise. The reference answer comes from the engine's list of dead neurons.
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
];
