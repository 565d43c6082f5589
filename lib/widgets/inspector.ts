/**
 * The training inspector (notebook 15): a classifier's training, epoch by epoch. The page re-runs the
 * training with the engine from the starting weights (full batch, cross-entropy), so the output only
 * carries the data, the starting weights and the recipe, not a hundred copies of the weights.
 */
import { Sample, argmax, copySamples } from "../engine/data";
import { Network, copyNetwork, forward } from "../engine/network";
import { checkDataset, checkLearningRate, checkNetwork, checkWholeNumber } from "../engine/checks";
import { evaluate, train } from "../engine/train";
import { lossCurve } from "../figures/loss-curve";
import { probabilityBars } from "../figures/images";
import { Figure, panelRow } from "../figures/render";
import { widgetOutput } from "./output";

export interface InspectorOptions {
  learningRate: number;
  epochs: number;
  /** A name per output class. Default "class 0", "class 1", … */
  classNames?: readonly string[];
  /** A short name per sample, such as "round". */
  sampleNames?: readonly string[];
  title?: string;
  /** Caption of the still picture. */
  caption?: string;
}

/**
 * The inspector for training `start` (left unchanged) on `samples` of square images with the engine's
 * full-batch cross-entropy training. The network must end in softmax.
 */
export function trainingInspector(start: Network, samples: readonly Sample[], options: InspectorOptions): Figure {
  checkNetwork(start);
  checkDataset(start, samples);
  checkLearningRate(options.learningRate);
  checkWholeNumber("the number of epochs", options.epochs, 1);
  const side = Math.round(Math.sqrt(start.inputSize));
  if (side * side !== start.inputSize) throw new Error(`the inspector shows square images; ${start.inputSize} inputs are not a square number of pixels`);
  const last = start.layers[start.layers.length - 1];
  if (last.activation !== "softmax" || start.layers.length !== 2) throw new Error("the inspector needs a network with one hidden layer and a softmax output layer");
  const classes = last.biases.length;
  const classNames = options.classNames ? options.classNames.map(String) : Array.from({ length: classes }, (_, k) => `class ${k}`);
  if (classNames.length !== classes) throw new Error(`the network has ${classes} outputs but ${classNames.length} class names were given`);
  const sampleNames = options.sampleNames ? options.sampleNames.map(String) : [];

  // The still picture (kept small: the output must stay under 100 KB): the loss at every epoch, and
  // the trained network's answer for the first sample.
  const net = copyNetwork(start);
  const history = train(net, samples, { epochs: options.epochs, learningRate: options.learningRate, loss: "crossEntropy", method: "batch", snapshotEpochs: "all" });
  const losses = history.snapshots.map((s) => evaluate(s.network, samples, "crossEntropy").loss);
  const first = samples[0];
  const label = argmax(first.target);
  const fallback = panelRow(
    [
      lossCurve({ label: "mean loss", losses }, { markEpoch: options.epochs, width: 380, height: 240, yLabel: "mean loss" }),
      probabilityBars(classNames, forward(net, first.input).output, { highlight: label, width: 340 }),
    ],
    {
      caption:
        options.caption ??
        `The mean loss at every epoch, from ${losses[0].toFixed(4)} to ${losses[losses.length - 1].toFixed(4)}, and the trained network's answer for sample 1 (${classNames[label]}).`,
      description: "A loss curve falling over the epochs, and bars of the trained network's probabilities for the first sample.",
    },
  );
  return widgetOutput({
    kind: "inspector",
    entry: "widgets/client/inspector",
    data: {
      network: copyNetwork(start),
      samples: copySamples(samples),
      sampleNames,
      classNames,
      learningRate: options.learningRate,
      epochs: options.epochs,
      side,
      title: options.title,
    },
    fallback,
    title: options.title,
  });
}
