// Answer keys for notebook 15's exercises. The reference answers come from the engine's update rule (one case
// is the weight traced by hand in the notebook) and from its evaluate, which measures accuracy.
import { backward, evaluate, forward, networkFrom, oneHot, updateWeights } from "../../engine/index";
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

/** The engine's accuracy for answers that are exactly these probabilities: a network whose outputs are its weights, on the input 1. */
function engineAccuracy(probabilities: number[][], labels: number[]): number {
  const samples = probabilities.map((p, n) => {
    const net = networkFrom(1, [{ weights: p.map((v) => [v]), biases: p.map(() => 0), activation: "identity" }]);
    return { net, sample: { input: [1], target: oneHot(labels[n], p.length) } };
  });
  const right = samples.reduce((total, { net, sample }) => total + evaluate(net, [sample], "squaredError").accuracy, 0);
  return right / probabilities.length;
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
  {
    id: "15.2",
    name: "accuracyOf",
    reimplements: ["evaluate", "evaluateFast"],
    cases: () => [
      [[[0.7, 0.2, 0.1], [0.3, 0.6, 0.1]], [0, 2]],
      [[[0.1, 0.9], [0.8, 0.2], [0.6, 0.4], [0.3, 0.7]], [1, 0, 1, 1]],
      [[[0.2, 0.3, 0.5]], [2]],
    ],
    answer: (probabilities: number[][], labels: number[]) => engineAccuracy(probabilities, labels),
    call: (probabilities: number[][], labels: number[]) => `accuracyOf(the answers for ${probabilities.length} image${probabilities.length === 1 ? "" : "s"}, their ${labels.length} right digit${labels.length === 1 ? "" : "s"})`,
    hint: "for each image, find the digit with the largest probability and compare it with the right digit; count the images read right and divide by how many images there are.",
    mistakes: [
      {
        answer: (probabilities: number[][], labels: number[]) => engineAccuracy(probabilities, labels) * probabilities.length,
        hint: "your function counts the images read right. Accuracy is a share: divide the count by the number of images.",
      },
    ],
  },
];
