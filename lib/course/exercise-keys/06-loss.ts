// Answer keys for notebook 06's exercises. The reference answers come from the engine's losses.
import { crossEntropy, mean, squaredError } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

export const keys: ExerciseKey[] = [
  {
    id: "06.1",
    name: "squaredMiss",
    reimplements: ["squaredError", "meanLoss"],
    cases: () => [[17, 20], [23, 20], [20, 20], [-1, 2], [0.5, 0.25]],
    answer: (prediction: number, target: number) => squaredError([prediction], [target]),
    hint: "subtract the target from the prediction, then multiply the result by itself.",
    mistakes: [{ answer: (prediction: number, target: number) => prediction - target, hint: "your function returns the miss itself. The loss squares it, so that a miss either way costs the same." }],
  },
  {
    id: "06.2",
    name: "meanSquaredError",
    reimplements: ["squaredError", "meanLoss"],
    cases: () => [[[17, 8, 13, 14], [20, 6, 15, 10]], [[1, 2, 3], [1, 2, 3]], [[0.5, -1], [0, 1]]],
    answer: (predictions: number[], targets: number[]) => mean(predictions.map((p, i) => squaredError([p], [targets[i]]))),
    hint: "square each miss, add the squares up, and divide by how many examples there are.",
    mistakes: [
      {
        answer: (predictions: number[], targets: number[]) => predictions.reduce((s, p, i) => s + (p - targets[i]) ** 2, 0),
        hint: "your function adds the squared misses but does not divide. The mean is the total divided by the number of examples.",
      },
    ],
  },
  {
    id: "06.3",
    name: "crossEntropyLoss",
    reimplements: ["crossEntropy", "meanLoss"],
    cases: () => [[0.95], [0.5], [0.1], [0.01], [1]],
    answer: (p: number) => crossEntropy([p, 1 - p], [1, 0]),
    hint: "the loss should be small for p near 1 and large for p near 0, and never negative.",
    mistakes: [{ answer: (p: number) => Math.log(p), hint: "your losses are negative. ln p is negative for every p below 1: flip its sign." }],
  },
];
