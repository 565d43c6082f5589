/**
 * The network playground (notebook 05): a small network with a slider for each input and, on request,
 * for each weight and bias. Every neuron shows its value as the sliders move; connections are coloured
 * by the sign of their weight and as thick as it is large; a sigmoid output is drawn as a bar from 0 to 1.
 */
import { Network, copyNetwork, forward } from "../engine/network";
import { checkNetwork, checkNumbers } from "../engine/checks";
import { networkDiagram } from "../figures/network-diagram";
import { Figure } from "../figures/render";
import { widgetOutput } from "./output";

export interface PlaygroundOptions {
  /** Where the input sliders start. Default: the middle of the input range. */
  inputs?: readonly number[];
  /** The range of every input slider. Default [0, 1]. */
  inputRange?: [number, number];
  /** The range of every weight and bias slider. Default [−2, 2]. */
  weightRange?: [number, number];
  /** Slider step. Default 0.01. */
  step?: number;
  /** A title above the widget. */
  title?: string;
  /** Names of the inputs, e.g. ["x₁", "x₂"]. */
  inputLabels?: readonly string[];
  /** Names of the neurons of each layer after the inputs. Default h₁, h₂, … and "output". */
  neuronLabels?: readonly (readonly string[])[];
  /** A title above each column, inputs first. */
  layerTitles?: readonly string[];
  /** Show the weight sliders from the start (otherwise a button shows them). */
  showWeights?: boolean;
  /** The caption of the still picture. */
  caption?: string;
}

const sub = (n: number) => String(n).replace(/[0-9]/g, (c) => "₀₁₂₃₄₅₆₇₈₉"[Number(c)]);

/** The playground for `net`, as one output for `show(...)`. */
export function networkPlayground(net: Network, options: PlaygroundOptions = {}): Figure {
  checkNetwork(net);
  const inputRange = options.inputRange ?? [0, 1];
  const weightRange = options.weightRange ?? [-2, 2];
  const inputs = options.inputs ? options.inputs.slice() : Array.from({ length: net.inputSize }, () => (inputRange[0] + inputRange[1]) / 2);
  checkNumbers("the playground's inputs", inputs, net.inputSize, "one per input");
  checkNumbers("the input range", inputRange, 2);
  checkNumbers("the weight range", weightRange, 2);
  if (!(inputRange[1] > inputRange[0]) || !(weightRange[1] > weightRange[0])) throw new Error("a slider range needs its low end first, e.g. [0, 1]");
  const inputLabels = options.inputLabels ? options.inputLabels.map(String) : inputs.map((_, i) => `x${sub(i + 1)}`);
  const neuronLabels = net.layers.map((layer, l) =>
    options.neuronLabels?.[l]
      ? options.neuronLabels[l].map(String)
      : layer.biases.map((_, j) => (l === net.layers.length - 1 ? (layer.biases.length === 1 ? "output" : `output ${j + 1}`) : `h${sub(j + 1)}`)),
  );
  const layerTitles = options.layerTitles
    ? options.layerTitles.map(String)
    : ["inputs", ...net.layers.map((layer, l) => `${l === net.layers.length - 1 ? "output" : "hidden"} (${layer.activation})`)];

  const trace = forward(net, inputs);
  const fallback = networkDiagram(net, {
    trace,
    showWeights: true,
    showBiases: true,
    digits: 2,
    inputLabels,
    outputLabels: neuronLabels[neuronLabels.length - 1],
    layerTitles,
    caption: options.caption ?? `The network on (${inputs.join(", ")}): its output is ${trace.output.map((v) => v.toFixed(4)).join(", ")}.`,
  });
  return widgetOutput({
    kind: "playground",
    entry: "widgets/client/playground",
    data: {
      network: copyNetwork(net),
      inputs,
      inputRange,
      weightRange,
      step: options.step ?? 0.01,
      title: options.title,
      inputLabels,
      neuronLabels,
      layerTitles,
      showWeights: !!options.showWeights,
    },
    fallback,
    title: options.title,
  });
}
