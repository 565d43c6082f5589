// Answer keys for notebook 08's exercises. The reference answers come from the engine's update rule
// and its training loop, and from the closed form of a walk down a parabola.
import { networkFrom, train, updateWeights } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** One step of the engine's update rule on a network with a single weight. */
function oneStep(weight: number, rate: number, gradient: number): number {
  const knob = networkFrom(1, [{ weights: [[weight]], biases: [0], activation: "identity" }]);
  updateWeights(knob, [{ weights: [[gradient]], biases: [0] }], rate);
  return knob.layers[0].weights[0][0];
}

/** Each step multiplies the distance to the floor by (1 − 2 × rate): step k is at 3 + (start − 3) × (1 − 2 × rate)^k. */
const closedForm = (start: number, rate: number, steps: number) => Array.from({ length: steps + 1 }, (_, k) => 3 + (start - 3) * (1 - 2 * rate) ** k);

/** Counts the engine's steps in one epoch: with these points and this tiny rate, every step lowers the bias by 0.000002. */
function countSteps(count: number, size: number): number {
  const counter = networkFrom(1, [{ weights: [[0]], biases: [0], activation: "identity" }]);
  const points = Array.from({ length: count }, () => ({ input: [0], target: [-1] }));
  train(counter, points, { epochs: 1, learningRate: 0.000001, loss: "squaredError", method: { batchSize: size } });
  return Math.round(-counter.layers[0].biases[0] / 0.000002);
}

export const keys: ExerciseKey[] = [
  {
    id: "08.1",
    name: "stepDownhill",
    reimplements: ["gradientStep", "updateWeights"],
    cases: () => [[1, 0.001, -67.5], [1, 0.001, 90], [-2, 0.5, -4]],
    answer: (weight: number, rate: number, gradient: number) => oneStep(weight, rate, gradient),
    hint: "which way should a knob move when its gradient is negative? Check that your answer for the first case is above 1.",
    mistakes: [
      {
        answer: (weight: number, rate: number, gradient: number) => weight + rate * gradient,
        hint: "your step goes uphill: it moves the knob the same way as its gradient. Gradient descent steps against the gradient: new = old − rate × gradient.",
      },
    ],
  },
  {
    id: "08.2",
    name: "descentPath",
    cases: () => [[0, 0.25, 3], [5, 0.1, 4], [0, 1.5, 3]],
    answer: (start: number, rate: number, steps: number) => closedForm(start, rate, steps),
    hint: "keep a list that starts with the starting weight. For each step, find the slope 2 × (w − 3) at the last weight in the list and move against it.",
    mistakes: [
      {
        answer: (start: number, rate: number, steps: number) => closedForm(start, rate, steps).slice(1),
        hint: "your list leaves out the starting weight. It should hold every weight on the way, the start included: steps + 1 numbers.",
      },
    ],
  },
  {
    id: "08.3",
    name: "stepsPerEpoch",
    cases: () => [[48, 8], [48, 1], [48, 48], [50, 8]],
    answer: (samples: number, batchSize: number) => countSteps(samples, batchSize),
    hint: "divide, and think about the points left over at the end: they still make a group of their own.",
    mistakes: [
      { answer: (samples: number, batchSize: number) => Math.floor(samples / batchSize), hint: "your count drops the points left over at the end. They still make a group of their own, and so a step." },
      { answer: (samples: number, batchSize: number) => samples / batchSize, hint: "your answer is not a whole number of steps when the points do not divide evenly. The leftover points make one more, smaller group." },
    ],
  },
];
