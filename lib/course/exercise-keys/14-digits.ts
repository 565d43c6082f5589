// Answer keys for notebook 14's exercises. The reference answers come from the engine's softmax and
// cross-entropy.
import { crossEntropy, oneHot, softmax } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

export const keys: ExerciseKey[] = [
  {
    id: "14.1",
    name: "softmaxOf",
    reimplements: ["softmax"],
    cases: () => [[[2.1, 0.5, -0.3]], [[0, 0, 0]], [[1, 2, 3, 4]], [[-1.5, 0.2]]],
    answer: (scores: number[]) => softmax(scores),
    hint: "raise e to the power of every score with Math.exp, add those powers up, then divide each power by the total.",
    mistakes: [
      {
        answer: (scores: number[]) => scores.map((z) => z / scores.reduce((a, b) => a + b, 0)),
        hint: "your function divides the scores themselves by their total. Softmax first raises e to the power of each score (Math.exp), which makes every one positive.",
      },
    ],
  },
  {
    id: "14.2",
    name: "crossEntropyOf",
    reimplements: ["crossEntropy", "meanLoss"],
    cases: () => [[[0.7, 0.2, 0.1], 0], [[0.7, 0.2, 0.1], 2], [[0.05, 0.9, 0.05], 1], [[0.98, 0.01, 0.01], 2]],
    answer: (probabilities: number[], label: number) => crossEntropy(probabilities, oneHot(label, probabilities.length)),
    hint: "only the probability the network gave the right digit matters: take probabilities[label], its natural logarithm, and flip the sign.",
    mistakes: [{ answer: (probabilities: number[], label: number) => Math.log(probabilities[label]), hint: "your losses are negative: ln p is below 0 for every p below 1. Flip the sign." }],
  },
];
