/**
 * The decision boundary over time (notebook 12): an epoch slider over a two-input network's training,
 * redrawing its answer over the input square and the 0.5 boundary. The page re-runs the training with
 * the engine from the starting weights, so the output carries the recipe, not thousands of snapshots.
 */
import { Sample, copySamples } from "../engine/data";
import { LossName } from "../engine/losses";
import { Network, copyNetwork, predict } from "../engine/network";
import { UpdateMethod, train } from "../engine/train";
import { checkDataset, checkLearningRate, checkLossName, checkNetwork, checkWholeNumber } from "../engine/checks";
import { bandColors, boundaryPanels } from "../figures/decision-boundary";
import { Figure } from "../figures/render";
import { widgetOutput } from "./output";

/** How the network is trained: the same options as `train` (without shuffling or callbacks). */
export interface BoundaryTraining {
  epochs: number;
  learningRate: number;
  loss: LossName;
  method?: UpdateMethod;
  lossReport?: "sum" | "mean";
}

export interface BoundaryExplorerOptions {
  training: BoundaryTraining;
  /** The input square: [low, high] for both axes. Default [−0.25, 1.25]. */
  domain?: [number, number];
  /** The epochs drawn in the still picture. Default: the first and the last. */
  fallbackEpochs?: readonly number[];
  title?: string;
  caption?: string;
}

/** The explorer for training `start` (left unchanged) on `samples`, as one output for `show(...)`. */
export function boundaryExplorer(start: Network, samples: readonly Sample[], options: BoundaryExplorerOptions): Figure {
  checkNetwork(start);
  checkDataset(start, samples);
  if (start.inputSize !== 2 || start.layers[start.layers.length - 1].biases.length !== 1) throw new Error("boundaryExplorer needs a network with two inputs and one output");
  const t = options.training;
  checkWholeNumber("the number of epochs", t.epochs, 1);
  checkLearningRate(t.learningRate);
  checkLossName(t.loss);
  if (t.epochs > 20000) throw new Error(`the explorer keeps every epoch's weights in the page; ${t.epochs} epochs is too many (at most 20000)`);
  const training = { epochs: t.epochs, learningRate: t.learningRate, loss: t.loss, method: t.method ?? "batch", lossReport: t.lossReport ?? "mean" };
  const domain = options.domain ?? [-0.25, 1.25];
  const wanted = options.fallbackEpochs ? options.fallbackEpochs.slice() : [0, t.epochs - 1];
  const history = train(copyNetwork(start), samples, { ...training, snapshotEpochs: wanted });
  const points = samples.map((s) => ({ x: s.input[0], y: s.input[1], label: s.target[0] }));
  const fallback = boundaryPanels(
    history.snapshots.map((s) => ({ title: `epoch ${s.epoch}`, surface: (x: number, y: number) => predict(s.network, [x, y])[0], points, domain })),
    { caption: options.caption ?? `The network's answer over the input square at epochs ${history.snapshots.map((s) => s.epoch).join(" and ")}; the white line is where it crosses 0.5.` },
  );
  return widgetOutput({
    kind: "boundary",
    entry: "widgets/client/boundary",
    data: {
      network: copyNetwork(start),
      samples: copySamples(samples),
      training,
      domain,
      bandEdges: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
      bandColors,
      boundary: 0.5,
      title: options.title,
      lossLabel: training.lossReport === "sum" ? "summed loss" : "mean loss",
    },
    fallback,
    title: options.title,
  });
}
