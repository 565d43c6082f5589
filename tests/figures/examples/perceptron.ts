// Examples of the perceptron's line through a plane of two inputs (notebooks 02 and 03).
import { perceptron, weightedSum } from "../../../lib/engine";
import { Figure, perceptronPanels, perceptronPlane, thresholdSweep } from "../../../lib/figures";

const inputs = [
  [2, 5],
  [1, 4],
  [3, 1],
  [4, 2],
  [0.5, 1],
  [5, 4.5],
  [1, 1.5],
  [4.5, 0.5],
];

export const examples: Record<string, () => Figure> = {
  "perceptron-plane": () =>
    perceptronPlane({
      lines: [{ weights: [3, 1], bias: -10 }],
      points: inputs.map(([x, y]) => ({ x, y, label: perceptron([3, 1], -10, [x, y]) })),
      caption: "The perceptron with weights 3 and 1 and threshold 10: each input coloured by its answer.",
    }),
  "perceptron-biases": () =>
    perceptronPlane({
      lines: [4, -4, -10, -16].map((bias) => ({ weights: [3, 1], bias, label: `bias ${String(bias).replace("-", "−")}` })),
      shade: 2,
      domain: [-3, 6],
      markers: [{ x: 2, y: 5, label: "(2, 5)" }],
      caption: "The same weights with four biases: the line slides, its direction stays.",
    }),
  "perceptron-panels": () =>
    perceptronPanels(
      [-4, -10, -16].map((bias) => ({
        title: `bias ${String(bias).replace("-", "−")}`,
        lines: [{ weights: [3, 1], bias }],
        points: [{ x: 2, y: 5, label: perceptron([3, 1], bias, [2, 5]) }],
      })),
      { caption: "Three biases, one input: (2, 5) is answered 1, 1, then 0.", description: "Three planes with the same weights and biases −4, −10 and −16." },
    ),
  "threshold-sweep": () =>
    thresholdSweep({
      knob: "first weight",
      domain: [0, 5],
      score: (w) => weightedSum([w, 1], [2, 5]),
      answer: (w) => perceptron([w, 1], -10, [2, 5]),
      threshold: 10,
      at: 3,
      caption: "The first weight turned from 0 to 5: the weighted sum rises smoothly, the answer jumps once.",
    }),
};
