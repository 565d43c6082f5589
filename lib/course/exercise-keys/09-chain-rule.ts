// Answer keys for notebook 09's exercises. The reference answers come from the engine's backward pass
// on a one-weight network, and from a product written out a second way.
import { backward, forward, networkFrom, nudgeSlope } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The gradient of (activation(w × x) − target)² with respect to w, from the engine's backward pass. */
function oneWeight(w: number, x: number, target: number, activation: "identity" | "relu"): number {
  const net = networkFrom(1, [{ weights: [[w]], biases: [0], activation: activation }]);
  return backward(net, forward(net, [x]), [target], "squaredError").gradients[0].weights[0][0];
}

/** The nudge sizes a learner is likely to try, from notebooks 07 and 09. */
const nudges = [0.1, 0.01, 0.001, 0.0001, 0.00001, 0.000001];
const nudgeHint = (h: number) =>
  `your answer is what a one-sided nudge of ${h} gives: close, but a nudge measures the slope over a short stretch of a bending curve, so it is never exact (notebooks 07 and 09). Multiply the two local effects instead: how much z moves per unit of w, times how much the loss moves per unit of z.`;

export const keys: ExerciseKey[] = [
  {
    id: "09.1",
    name: "chainEffect",
    cases: () => [[[3, 4]], [[3, 0.5, 2]], [[2, -1.5, 0.25, 4]], [[]]],
    // The product, built right to left: a second way of multiplying the links.
    answer: (effects: number[]) => effects.reduceRight((product, e) => e * product, 1),
    hint: "each link scales whatever change reaches it; what do you do with several scalings in a row? (And a chain with no links changes nothing: it passes a change on as it is.)",
    mistakes: [{ answer: (effects: number[]) => effects.reduce((s, e) => s + e, 0), hint: "your function adds the local effects. Each link scales the change that reaches it, so the effects multiply." }],
  },
  {
    id: "09.2",
    name: "weightGradient",
    reimplements: ["backward", "nudgedGradients"],
    cases: () => [[2, 3, 4], [1, 15, 20], [0.5, -2, 1]],
    answer: (w: number, x: number, target: number) => oneWeight(w, x, target, "identity"),
    hint: "two links: how much z = w × x moves per unit of w, and how much (z − target)² moves per unit of z. Multiply them.",
    mistakes: [
      ...nudges.map((h) => ({ answer: (w: number, x: number, target: number) => nudgeSlope((v) => (v * x - target) ** 2, w, h), hint: nudgeHint(h) })),
      { answer: (w: number, x: number, target: number) => x * (w * x - target), hint: "your gradients are half the right size. The local effect of (z − target)² is 2 × (z − target): where is your 2?" },
      { answer: (w: number, x: number, target: number) => 2 * (w * x - target), hint: "your function has only the second link. w reaches z through the input it multiplies: how much does z = w × x move per unit of w?" },
    ],
  },
  {
    id: "09.3",
    name: "reluWeightGradient",
    reimplements: ["backward", "nudgedGradients"],
    cases: () => [[2, 3, 4], [-1, 3, 4], [0.5, 4, 5], [-0.5, -2, 3]],
    answer: (w: number, x: number, target: number) => oneWeight(w, x, target, "relu"),
    hint: "three links now: z per w, a per z (what does ReLU do to a small change when z is below 0?), and loss per a.",
    mistakes: [
      {
        answer: (w: number, x: number, target: number) => 2 * x * (Math.max(0, w * x) - target),
        hint: "your function forgets ReLU's own link. Where z is 0 or below, the output is stuck at 0, so a small change of z moves nothing: that link is 0 there, and it cancels the whole chain.",
      },
    ],
  },
];
