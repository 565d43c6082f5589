import { mnistSide } from "../../lib/course/mnist";
import { claimsFor } from "../../lib/tools/claims/define";
import { Layer, countParameters, forward, networkFrom, relu, sigmoid } from "../../lib/engine/index";
import { keys } from "../../lib/course/exercise-keys/05-layers-and-forward-pass";
import { weightedSumWorking } from "../../lib/course/arithmetic";
import { parameterCountWorking } from "../../lib/course/parameter-working";

// The (2, 5) network: neurons A, B, C with ReLU, then one output neuron with weights (1, 2, −1).
const hidden: Layer = { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" };
const outLayer: Layer = { weights: [[1, 2, -1]], biases: [0], activation: "relu" };
const net = networkFrom(2, [hidden, outLayer]);
const trace = forward(net, [2, 5]);
const h = trace.layers[0];
const answer = () => trace.output[0];

// The small sigmoid network.
const smallHidden: Layer = { weights: [[0.5, -0.3], [0.8, 0.2], [0.7, -0.4]], biases: [0.15, -0.1, -0.3], activation: "relu" };
const smallOut: Layer = { weights: [[0.6, -0.5, 0.9]], biases: [0.1], activation: "sigmoid" };
const small = networkFrom(2, [smallHidden, smallOut]);
const st = forward(small, [0.5, 0.5]);

export default claimsFor("05-layers-and-forward-pass.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [nb05, nb06, nb15] = [
    notebook(5, "Layers and the forward pass"),
    notebook(6, "The loss"),
    notebook(15, "Training the reader"),
  ];
  const item = (n: number) => c.given(`exercise ${n}`, n, "the number of an exercise in the list", { is: "label" });
  const row = (n: number) => c.given(`row ${n}`, n, "a row's number in the grid of weights", { is: "label" });

  const x1 = c.given("x1", 2, "the first input, as in the earlier notebooks", { code: "by-hand", at: "const inputs = [" });
  const x2 = c.given("x2", 5, "the second input, as in the earlier notebooks", { code: "by-hand", at: "const inputs = [2, " });
  const given = (key: string, v: number, code: string, at: string) => c.given(key, v, "a knob of the example network, made up", { code, at });
  // Where the cells set each knob: the code right before it.
  const hwAt = [["weights: [\n    [", "[3, "], ["[3, 1],\n    [", "[-2, "], ["[-2, 1],\n    [", "[1, "]];
  const hbAt = ["biases: [", "biases: [4, ", "biases: [4, 0, "];
  const swAt = [["weights: [\n      [", "      [0.5, "], ["[0.5, -0.3],\n      [", "[0.8, "], ["[0.8, 0.2],\n      [", "[0.7, "]];
  const sbAt = ["    biases: [", "[0.15, ", "[0.15, -0.1, "];
  const sowAt = ["{ weights: [[", "[[0.6, ", "[[0.6, -0.5, "];
  const hw = hidden.weights.map((r, j) => r.map((w, i) => given(`hidden w${j + 1}${i + 1}`, w, "layer-engine", hwAt[j][i])));
  const hb = hidden.biases.map((b, j) => given(`hidden b${j + 1}`, b, "layer-engine", hbAt[j]));
  const sums = h.preActivations.map((_, j) => () => h.preActivations[j]);
  const outs = h.activations.map((_, j) => () => h.activations[j]);

  c.cell("title", [nb05, c.given("minutes", 30, "the estimated time to work through the notebook", { is: "estimate" }), c.notebook(4, "activation functions")]);
  c.cell("layer", [
    x1, x2,
    ...[0, 1, 2].flatMap((j) => [hw[j][0], hw[j][1], hb[j], c.line(() => weightedSumWorking(hidden.weights[j], [2, 5], hidden.biases[j])), outs[j]]),
    ...outs, sums[2], outs[2],
  ]);
  const inputsCount = c.given("inputs read", 2, "the number of inputs the network reads", { code: "layer-engine", at: "networkFrom(" });
  const first = c.given("counting from 1", 1, "people count positions from 1", { is: "label" });
  const codeFirst = c.given("counting from 0", 0, "code counts a list's positions from 0", { is: "label" });
  c.cell("layer-engine-intro", [
    row(1), row(2), row(3), inputsCount, inputsCount,
    first, first, c.given("neuron 2", 2, "the second position, counted as people count", { is: "label" }), first,
    codeFirst, c.notebook(2, "The weighted sum"), first, codeFirst, codeFirst, codeFirst,
  ]);

  const ow = outLayer.weights[0].map((w, i) => given(`output w${i + 1}`, w, "forward-pass", ["{ weights: [[", "[[1, ", "[[1, 2, "][i]));
  const ob = given("output bias", 0, "forward-pass", "{ weights: [[1, 2, -1]], biases: [");
  c.cell("stacking", [
    ...outs,
    ...ow, ob,
    c.line(() => weightedSumWorking(outLayer.weights[0], h.activations, 0)), () => trace.layers[1].preActivations[0], answer,
    x1, x2, ...outs, answer,
  ]);
  c.cell("made-up", [answer, answer, nb06]);

  // The small network.
  const low = c.given("range low", 0, "the bottom of the range 0 to 1", { is: "definition" });
  const high = c.given("range high", 1, "the top of the range 0 to 1", { is: "definition" });
  const sw = smallHidden.weights.map((r, j) => r.map((w, i) => given(`small w${j + 1}${i + 1}`, w, "small-net-code", swAt[j][i])));
  const sb = smallHidden.biases.map((b, j) => given(`small b${j + 1}`, b, "small-net-code", sbAt[j]));
  const sow = smallOut.weights[0].map((w, i) => given(`small output w${i + 1}`, w, "small-net-code", sowAt[i]));
  const sob = given("small output bias", 0.1, "small-net-code", "]], biases: [");
  const half = c.given("input 0.5", 0.5, "both inputs of the worked example", { code: "small-net-code", at: "forward(small, [" });
  const sh = st.layers[0];
  const z = () => st.layers[1].preActivations[0];
  c.cell("small-net", [
    low, high, low, high,
    ...[0, 1, 2].flatMap((j) => [sw[j][0], sw[j][1], sb[j]]),
    ...sow, sob,
    half, half,
    ...[0, 1, 2].flatMap((j) => [c.line(() => weightedSumWorking(smallHidden.weights[j], [0.5, 0.5], smallHidden.biases[j])), () => relu(sh.preActivations[j])]),
    ...[0, 1, 2].map((j) => () => sh.activations[j]),
    c.line(() => weightedSumWorking(smallOut.weights[0], sh.activations, smallOut.biases[0])), z, () => st.output[0],
    c.given("sigmoid midpoint", 0, "the sum at which the sigmoid answers exactly one half", { is: "definition" }),
    sow[2], sow[2], () => sh.activations[2], () => smallOut.weights[0][2] * sh.activations[2],
  ]);
  const other = forward(small, [1, 0]);
  c.cell("other-inputs", [
    c.given("other x1", 1, "an input chosen to wake h₃ up", { code: "other-inputs-code", at: "[0.5, 0.5], [" }), c.given("other x2", 0, "an input chosen to wake h₃ up", { code: "other-inputs-code", at: "[0.5, 0.5], [1, " }),
    c.line(() => weightedSumWorking(smallHidden.weights[2], [1, 0], smallHidden.biases[2])),
    sow[2], () => other.output[0],
  ]);
  // The live playground: the bar's ends, then the inputs of the table row to reproduce, and its output.
  c.cell("playground-intro", [low, high, c.given("playground x1", 1, "inputs to set with the sliders", { is: "illustration" }), c.given("playground x2", 0, "inputs to set with the sliders", { is: "illustration" }), () => other.output[0]]);

  // Counting.
  const sizeGiven = (key: string, sizes: number[], code: string, at: string[]) => sizes.map((s, k) => c.given(`${key} size ${k}`, s, "a layer size of the network being counted", { code, at: at[k] }));
  const smallSizes = sizeGiven("small", [2, 3, 1], "counting-code", ["[[", "[[2, ", "[[2, 3, "]);
  const digitSizes = sizeGiven("digit reader", [25, 8, 3], "digit-reader", ["sizes: [", "sizes: [25, ", "sizes: [25, 8, "]);
  // The side of the real digit images, as the course's data defines it (notebook 16 reads them).
  const side = () => mnistSide;
  const bigSizes = [784, 16, 16, 10];
  const bigGiven = [() => side() * side(), ...bigSizes.slice(1).map((s, k) => c.given(`big size ${k + 1}`, s, "a layer size of the network being counted", { code: "counting-code", at: ["[784, ", "[784, 16, ", "[784, 16, 16, "][k] }))];
  c.cell("counting", [
    ...smallSizes, c.line(() => parameterCountWorking([2, 3, 1])),
    nb15, ...digitSizes, c.line(() => parameterCountWorking([25, 8, 3])),
    side, side, ...bigGiven, c.line(() => parameterCountWorking(bigSizes)),
  ]);
  c.cell("digit-reader-intro", [() => countParameters([25, 8, 3]), ...digitSizes, () => countParameters([25, 8]) - 8]);
  const tiny = [[0.5, 0.5], [1, 0], [0, 1], [0.2, 0.9]].flat().map((v, k) => c.given(`exercise 3 input ${k}`, v, "a test input of exercise 3", { exercise: { id: "05.3", case: Math.floor(k / 2), item: [k % 2] } }));
  c.cell("your-turn", [
    item(1), x1, x2,
    item(2),
    item(3), ...tiny,
  ]);
  c.cell("recap", [
    x1, x2, ...outs,
    x1, x2, ...outs, answer,
    ...digitSizes, () => countParameters([25, 8, 3]),
    ...bigGiven.slice(0, 1), ...bigGiven.slice(1), () => countParameters(bigSizes),
  ]);
  c.cell("next", [answer, nb06]);

  // Numbers in figure captions.
  c.cell("diagram", [x1, x2, ...outs, answer]);
  c.cell("small-net-diagram", [half, half, () => sh.activations[0], () => sh.activations[1], () => sh.activations[2], z, () => st.output[0]]);
  const [inD, hiddenD, outD] = digitSizes;
  c.cell("digit-reader", [inD, hiddenD, outD, () => inD.value * hiddenD.value, () => hiddenD.value * outD.value, () => hiddenD.value + outD.value]);

  // Numbers in words.
  const neurons = () => hidden.biases.length;
  const oneOut = () => outLayer.biases.length;
  const perInput = c.given("one weight per input", 1, "a neuron has one weight for each input: the lesson's design", { is: "definition" });
  const oneBias = c.given("one bias", 1, "a neuron has one bias", { is: "definition" });
  const oneInput = c.given("one input", 1, "the layer's neurons all read the same single input pair (2, 5)", { is: "definition" });
  const threeSteps = c.given("three steps", 3, "weighted sum, plus bias, bend: the neuron's steps, listed in the sentence", { is: "definition" });
  c.words("layer", [neurons, oneInput, neurons, inputsCount, inputsCount]);
  c.words("by-hand-intro", [neurons]);
  c.words("stacking", [neurons, oneOut, inputsCount, neurons, oneOut, threeSteps]);
  c.words("small-net", [() => smallHidden.weights[0].length, () => smallHidden.biases.length, () => smallOut.biases.length, () => sigmoid(0)]);
  c.words("counting", [perInput, oneBias]);
  c.words("digit-reader-intro", [c.given("two columns", 2, "the weights between layers 1 and 2 join two columns of the diagram", { is: "definition" }), perInput]);
  c.words("recap", [neurons, neurons, c.given("one layer", 1, "each layer feeds the next", { is: "definition" })]);

  // Direction words.
  c.compare("diagram-intro", "thicker when [larger]", { given: "the diagram's drawing convention: the line's width grows with the weight's size" });
  c.compare("small-net", "the [largest] in the output layer", { value: sow[2], than: [sow[0], sow[1]] });
  // Dragging h₂'s output weight from red (−0.5) to blue (+0.5) raises the output at (0.5, 0.5).
  const withH2 = (w: number) => forward(networkFrom(2, [smallHidden, { ...smallOut, weights: [[smallOut.weights[0][0], w, smallOut.weights[0][2]]] }]), [0.5, 0.5]).output[0];
  c.compare("playground-intro", "watch the output [rise]", { from: () => withH2(sow[1].value), to: () => withH2(-sow[1].value) });
  // The openings and the exercises' statements.
  const aSingle = c.given("a single one", 1, "a single item: one neuron, one number, one layer, one row", { is: "definition" });
  c.words("title", [aSingle, aSingle, aSingle]);
  c.words("layer-engine-intro", [aSingle]);
  const reluKey = keys.find((k) => k.id === "05.1")!;
  const forwardKey = keys.find((k) => k.id === "05.2")!;
  const layersTried = () => (forwardKey.cases() as unknown[][]).map((args) => (args[0] as unknown[]).length);
  c.words("your-turn", [aSingle, aSingle, aSingle, () => {
    // The one-neuron layer the check tries, and its inputs.
    const oneNeuron = (reluKey.cases() as unknown[][]).find((args) => (args[0] as unknown[]).length === 1)!;
    return (oneNeuron[2] as unknown[]).length;
  }, () => Math.max(...layersTried())]);
  c.strict();
});
