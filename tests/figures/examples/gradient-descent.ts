// Examples of the figures of notebooks 07 and 08: the loss as a hillside, measured slopes against the
// size of the nudge, and loss curves in titled panels.
import { centralSlope, forward, networkFrom, nudgeSlope, squaredError } from "../../../lib/engine";
import { Figure, hillside, hillsidePanels, lossPanels, nudgeSizes } from "../../../lib/figures";

/** The running example's loss as a function of the output neuron's first weight. */
function lossWithFirstWeight(w: number): number {
  const net = networkFrom(2, [
    { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
    { weights: [[w, 2, -1]], biases: [0], activation: "relu" },
  ]);
  return squaredError(forward(net, [2, 5]).output, [20]);
}

function descend(start: number, rate: number, steps: number): number[] {
  const path = [start];
  for (let k = 0; k < steps; k++) path.push(path[k] - rate * centralSlope(lossWithFirstWeight, path[k], 0.001));
  return path;
}

export const examples: Record<string, () => Figure> = {
  "hillside-slopes": () =>
    hillside({
      loss: lossWithFirstWeight,
      domain: [0.8, 1.5],
      yDomain: [0, 40],
      points: [
        { x: 1, label: "w = 1, loss 9" },
        { x: 1.1, label: "w = 1.1, loss 2.25" },
      ],
      lines: [
        { label: "exact slope −90", x: 1, slope: centralSlope(lossWithFirstWeight, 1, 0.1), dashed: true },
        { label: "nudged slope −67.5", x: 1, slope: nudgeSlope(lossWithFirstWeight, 1, 0.1) },
      ],
      xLabel: "first weight of the output neuron",
      caption: "The loss against one weight, with the exact slope at w = 1 and the slope measured by a nudge of 0.1.",
    }),
  "hillside-steps": () =>
    hillside({
      loss: lossWithFirstWeight,
      domain: [0.9, 1.35],
      yDomain: [0, 14],
      steps: descend(1, 0.001, 6),
      caption: "Six steps of gradient descent with learning rate 0.001.",
    }),
  "hillside-panels": () =>
    hillsidePanels(
      [0.0002, 0.001, 0.005].map((rate, i) => ({
        loss: lossWithFirstWeight,
        domain: (i < 2 ? [0.9, 1.5] : [0.3, 2.1]) as [number, number],
        steps: descend(1, rate, 6),
        title: `rate ${rate}`,
      })),
      { caption: "The same hill walked with three learning rates." },
    ),
  "nudge-sizes": () =>
    nudgeSizes(
      [0.1, 0.01, 0.001, 0.0001].map((h) => ({ nudge: h, forward: nudgeSlope(lossWithFirstWeight, 1, h), central: centralSlope(lossWithFirstWeight, 1, h) })),
      { exact: -90, caption: "Measured slopes approaching the exact −90 as the nudge shrinks." },
    ),
  "loss-panels": () =>
    lossPanels(
      [
        { title: "shrinking", losses: Array.from({ length: 60 }, (_, e) => 8 * 0.9 ** e) },
        { title: "growing (log axis)", losses: Array.from({ length: 400 }, (_, e) => 8 * 5.8 ** e), log: true },
      ],
      { caption: "Two loss curves in titled panels, each with its own axis." },
    ),
};
