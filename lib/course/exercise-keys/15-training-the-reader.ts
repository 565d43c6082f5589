// Answer keys for notebook 15's exercise. The reference answer comes from the engine's update rule; one
// case is the weight traced by hand in the notebook.
import { backward, forward, networkFrom, updateWeights } from "../../engine/index";
import { digitsNetwork, trainingSamples } from "../digits-data";
import type { ExerciseKey } from "../exercises";

/** One full-batch step of the engine's update rule on a network with a single weight. */
function oneWeight(old: number, rate: number, gradients: number[]): number {
  const single = networkFrom(1, [{ weights: [[old]], biases: [0], activation: "identity" }]);
  const average = gradients.reduce((a, b) => a + b, 0) / gradients.length;
  updateWeights(single, [{ weights: [[average]], biases: [0] }], rate);
  return single.layers[0].weights[0][0];
}

/** The notebook's traced weight (pixel 12 of the picture to hidden neuron 0) and its 24 gradients in epoch 0. */
function tracedWeight(): [number, number, number[]] {
  const net = digitsNetwork();
  const gradients = trainingSamples().map((s) => backward(net, forward(net, s.input), s.target, "crossEntropy").gradients[0].weights[0][12]);
  return [net.layers[0].weights[0][12], 1.2, gradients];
}

export const keys: ExerciseKey[] = [
  {
    id: "15.1",
    name: "averagedStep",
    reimplements: ["updateWeights", "gradientStep"],
    cases: () => [[0.5, 1.2, [0.1, 0, 0.2, -0.06]], tracedWeight(), [-0.3, 0.5, [0.4, -0.2]]],
    answer: (old: number, learningRate: number, gradients: number[]) => oneWeight(old, learningRate, gradients),
    hint: "add the gradients up and divide by how many there are; then step against that average: old − learning rate × average.",
    mistakes: [
      {
        answer: (old: number, learningRate: number, gradients: number[]) => old - learningRate * gradients.reduce((a, b) => a + b, 0),
        hint: "your step uses the sum of the gradients. A full-batch update uses their average: divide the sum by the number of samples first.",
      },
      {
        answer: (old: number, learningRate: number, gradients: number[]) => old + (learningRate * gradients.reduce((a, b) => a + b, 0)) / gradients.length,
        hint: "your step goes uphill. Step against the average gradient: old − learning rate × average.",
      },
    ],
  },
];
