// Answer keys for notebook 07's exercises. The reference answers come from the engine's nudges
// (nudgeSlope, centralSlope) and its loss derivative.
import { centralSlope, forward, lossDerivative, networkFrom, nudgeSlope, squaredError } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The loss of notebooks 05–07 as a function of the output neuron's first weight (input (2, 5), target 20). */
export function lossWithFirstWeight(w: number): number {
  const net = networkFrom(2, [
    { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
    { weights: [[w, 2, -1]], biases: [0], activation: "relu" },
  ]);
  return squaredError(forward(net, [2, 5]).output, [20]);
}

const square = (x: number) => x * x;
const cube = (x: number) => x * x * x;
/** How a curve is named in feedback. */
const curveName = (f: unknown) =>
  f === lossWithFirstWeight ? "the loss of this notebook" : f === square ? "x²" : f === cube ? "x³" : f === Math.exp ? "Math.exp" : f === Math.sin ? "Math.sin" : "a function";

export const keys: ExerciseKey[] = [
  {
    id: "07.1",
    name: "nudgedSlope",
    reimplements: ["nudgeSlope"],
    cases: () => [[lossWithFirstWeight, 1, 0.1], [square, 3, 0.5], [Math.exp, 0, 0.001]],
    answer: (f: (x: number) => number, x: number, h: number) => nudgeSlope(f, x, h),
    call: (f: unknown, x: number, h: number) => `nudgedSlope(${curveName(f)}, ${x}, ${h})`,
    hint: "a slope is a change in f divided by a change in x. Which two values of f do you compare, and how far apart are their x?",
    mistakes: [
      { answer: (f: (x: number) => number, x: number, h: number) => f(x + h) - f(x), hint: "your function returns the change in f, but not per unit of x. Divide it by how far x moved." },
      { answer: (f: (x: number) => number, x: number, h: number) => (f(x) - f(x + h)) / h, hint: "your slope has the wrong sign: subtract the value before the nudge from the value after it." },
    ],
  },
  {
    id: "07.2",
    name: "twoSidedSlope",
    reimplements: ["centralSlope"],
    cases: () => [[lossWithFirstWeight, 1, 0.1], [cube, 2, 0.1], [Math.sin, 1, 0.01]],
    answer: (f: (x: number) => number, x: number, h: number) => centralSlope(f, x, h),
    call: (f: unknown, x: number, h: number) => `twoSidedSlope(${curveName(f)}, ${x}, ${h})`,
    hint: "the two points x + h and x − h are not h apart. How far apart are they?",
    mistakes: [
      {
        answer: (f: (x: number) => number, x: number, h: number) => (f(x + h) - f(x - h)) / h,
        hint: "your answers are twice too large: x + h and x − h are 2h apart, not h. Divide by the whole distance.",
      },
    ],
  },
  {
    id: "07.3",
    name: "exactSlope",
    reimplements: ["lossDerivative"],
    cases: () => [[17, 20, 15], [17, 20, 1], [12, 10, 3], [17, 20, 0]],
    answer: (output: number, target: number, input: number) => lossDerivative("squaredError", [output], [target])[0] * input,
    hint: "the loss (output − target)² has the local effect 2 × (output − target). What does the weight's own input add to the chain?",
    mistakes: [
      { answer: (output: number, target: number, input: number) => (output - target) * input, hint: "your slopes are half the right size. The local effect of (output − target)² is 2 × (output − target): where is your 2?" },
      { answer: (output: number, target: number) => 2 * (output - target), hint: "your function stops at the loss's local effect. The weight reaches the output through the input it multiplies: one more link." },
    ],
  },
];
