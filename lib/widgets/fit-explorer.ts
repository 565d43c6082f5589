/**
 * Weights by hand, then Train (notebook 11): a network with one input and one output, a slider
 * for each of its weights and biases, its curve through the data points and its loss, live; a Train
 * button runs gradient descent (the engine's `train`, full batch) from wherever the sliders are.
 */
import { Sample } from "../engine/data";
import { LossName } from "../engine/losses";
import { Network, copyNetwork, predict } from "../engine/network";
import { evaluate } from "../engine/train";
import { checkDataset, checkLearningRate, checkLossName, checkNetwork, checkWholeNumber } from "../engine/checks";
import { fitCurve } from "../figures/curves";
import { Figure } from "../figures/render";
import { widgetOutput } from "./output";

export interface FitExplorerOptions {
  /** Train's learning rate. Default 0.5. */
  learningRate?: number;
  /** The loss shown and trained on. Default "halfSquaredError", ½(ŷ − y)² averaged over the points. */
  loss?: LossName;
  /** The chart's x range. Default: one unit beyond the data on each side. */
  domain?: [number, number];
  /** The chart's y range. Default [−0.5, 1.5]. */
  yDomain?: [number, number];
  /** A name per knob (layer by layer, neuron by neuron: weights, then bias). Default w₁, b₁, w₂, b₂… */
  parameterNames?: readonly string[];
  /** Slider range. Default [−8, 8]; a slider widens when training takes a knob beyond it. */
  range?: [number, number];
  step?: number;
  /** Epochs per animation frame while training. Default 10. */
  epochsPerFrame?: number;
  /** Epochs per press of Train. Default 2000. */
  maxEpochs?: number;
  /** Train stops early when the loss falls below this. Default 1e-6. */
  stopBelow?: number;
  /**
   * Targets for the sliders moved by hand, easiest first: each is ticked off, and stays ticked, once the
   * mean loss falls below `below` with weights set by hand (not by Train).
   */
  goals?: readonly { below: number; text: string }[];
  title?: string;
  /** Caption of the still picture. */
  caption?: string;
}

const sub = (...n: number[]) => n.join("").replace(/[0-9]/g, (c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)]);

/** The course's names for the knobs: w₁, b₁, w₂, b₂ for 1 → 1 → 1; w₁₁, b₁₁, w₁₂, b₁₂, w₂₁, w₂₂, b₂ for 1 → 2 → 1. */
export function knobNames(net: Network): string[] {
  const names: string[] = [];
  net.layers.forEach((layer, l) => {
    const L = l + 1;
    const oneNeuron = layer.weights.length === 1;
    const oneInput = layer.weights[0].length === 1;
    layer.weights.forEach((row, j) => {
      row.forEach((_, i) => {
        if (oneNeuron && oneInput) names.push(`w${sub(L)}`);
        else if (oneNeuron) names.push(`w${sub(L, i + 1)}`);
        else if (oneInput) names.push(`w${sub(L, j + 1)}`);
        else names.push(`w${sub(L, j + 1, i + 1)}`);
      });
      names.push(oneNeuron ? `b${sub(L)}` : `b${sub(L, j + 1)}`);
    });
  });
  return names;
}

/** The explorer for `net` on `data`, as one output for `show(...)`. */
export function fitExplorer(net: Network, data: readonly Sample[], options: FitExplorerOptions = {}): Figure {
  checkNetwork(net);
  checkDataset(net, data);
  if (net.inputSize !== 1 || net.layers[net.layers.length - 1].biases.length !== 1) throw new Error("fitExplorer needs a network with one input and one output");
  const loss = options.loss ?? "halfSquaredError";
  checkLossName(loss);
  const learningRate = options.learningRate ?? 0.5;
  checkLearningRate(learningRate);
  const epochsPerFrame = options.epochsPerFrame ?? 10;
  const maxEpochs = options.maxEpochs ?? 2000;
  checkWholeNumber("epochsPerFrame", epochsPerFrame, 1);
  checkWholeNumber("maxEpochs", maxEpochs, 1);
  const xs = data.map((s) => s.input[0]);
  const domain = options.domain ?? [Math.floor(Math.min(...xs)) - 1, Math.ceil(Math.max(...xs)) + 1];
  const yDomain = options.yDomain ?? [-0.5, 1.5];
  const names = knobNames(net);
  const parameterNames = options.parameterNames ? options.parameterNames.map(String) : names;
  if (parameterNames.length !== names.length) throw new Error(`this network has ${names.length} weights and biases, but ${parameterNames.length} names were given`);

  const mean = evaluate(net, data, loss).loss;
  const goals = (options.goals ?? []).map((g) => ({ below: g.below, text: String(g.text) }));
  for (const g of goals) if (!(g.below > 0)) throw new Error(`a goal's loss must be a positive number, not ${g.below}`);
  const frozen = copyNetwork(net);
  const fallback = fitCurve(
    data.map((s) => ({ x: s.input[0], y: s.target[0] })),
    [{ label: "the network", f: (x) => predict(frozen, [x])[0] }],
    { domain, yDomain, caption: options.caption ?? `The data points and the network's curve, with ${names.join(", ")} as given; the mean loss is ${mean.toFixed(4)}.` },
  );
  return widgetOutput({
    kind: "fit",
    entry: "widgets/client/fit",
    data: {
      network: frozen,
      samples: data.map((s) => ({ input: s.input.slice(), target: s.target.slice() })),
      learningRate,
      loss,
      domain,
      yDomain,
      parameterNames,
      range: options.range ?? [-8, 8],
      step: options.step ?? 0.01,
      epochsPerFrame,
      maxEpochs,
      stopBelow: options.stopBelow ?? 1e-6,
      goals,
      title: options.title,
    },
    fallback,
    title: options.title,
  });
}
