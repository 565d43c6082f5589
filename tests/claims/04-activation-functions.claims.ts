import { claimsFor } from "../../lib/tools/claims/define";
import { activationDerivative, countParameters, forward, networkFrom, perceptron, relu, sigmoid, tanh } from "../../lib/engine/index";
import { productWorking, weightedSumWorking } from "../../lib/course/arithmetic";

/** A stack of one-input neurons without bends, one per weight (and bias, when given). */
const stack = (weights: readonly number[], biases: readonly number[] = weights.map(() => 0)) =>
  networkFrom(1, weights.map((w, k) => ({ weights: [[w]], biases: [biases[k]], activation: "identity" as const })));
const run = (net: ReturnType<typeof stack>, x: number) => forward(net, [x]).output[0];

export default claimsFor("04-activation-functions.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [nb02, nb03, nb04, nb05, nb07] = [
    notebook(2, "The weighted sum"),
    notebook(3, "The bias"),
    notebook(4, "activation functions"),
    notebook(5, "Layers and the forward pass"),
    notebook(7, "The gradient"),
  ];
  const item = (n: number) => c.given(`exercise ${n}`, n, "the number of an exercise in the list", { is: "label" });

  // Doubling then tripling.
  const w1 = c.given("doubling weight", 2, "the first neuron's weight in the example", { code: "by-hand", at: "const double = (x: number) => " });
  const w2 = c.given("tripling weight", 3, "the second neuron's weight in the example", { code: "by-hand", at: "const triple = (x: number) => " });
  const x = c.given("input 5", 5, "the input sent through the example", { code: "by-hand", at: "for (const x of [" });
  const collapsed = () => run(stack([w1.value, w2.value]), 1);
  const afterFirst = () => run(stack([w1.value]), x.value);

  c.cell("title", [nb04, c.given("minutes", 25, "the estimated time to work through the notebook", { is: "estimate" }), nb03]);
  c.cell("learn", [() => relu(-1)]);
  c.cell("collapse", [
    w1, w2, x,
    c.line(() => productWorking([w1.value, x.value])),
    c.line(() => productWorking([w2.value, afterFirst()])),
    () => run(stack([w1.value, w2.value]), x.value), collapsed, x,
    collapsed, x, collapsed,
  ]);
  c.cell("by-hand-intro", [collapsed]);
  c.cell("engine-intro", [collapsed]);

  // Eight layers.
  const eight = [2, 3, 0.5, -1, 4, 0.25, 1.5, 2];
  const eightGiven = eight.map((w, k) => c.given(`layer ${k + 1} of eight`, w, "a weight chosen for the eight-layer stack", { code: "eight-layers", at: ["const eightWeights = [", "[2, ", "[2, 3, ", "[2, 3, 0.5, ", "0.5, -1, ", "-1, 4, ", "4, 0.25, ", "0.25, 1.5, "][k] }));
  c.cell("deeper", [
    ...eightGiven,
    c.line(() => productWorking(eight)),
    () => run(stack(eight), 1), x, () => run(stack(eight), x.value),
  ]);

  // Biases collapse too: 2x + 1, then 3y − 4.
  const b1 = c.given("first bias", 1, "the doubling neuron's bias in the example", { is: "illustration" });
  const b2 = c.given("second bias", -4, "the tripling neuron's bias in the example (printed as minus 4)", { is: "illustration" });
  const withBiases = () => stack([w1.value, w2.value], [b1.value, b2.value]);
  const layers50 = c.given("layers in the tall stack", 50, "how many layers the cell builds", { code: "fifty-layers", at: "activations: Array.from({ length: " });
  const zeroInput = c.given("input 0", 0, "the input that leaves only the biases", { code: "fifty-layers", at: "const fiftyBias = forward(fifty, [" });
  c.cell("biases-too", [
    w1, b1, w2, () => -b2.value,
    w2, w1, b1, () => -b2.value, collapsed, () => -run(withBiases(), 0),
    collapsed, () => run(withBiases(), 0),
    x, () => run(withBiases(), x.value),
    layers50, () => countParameters(Array.from({ length: layers50.value + 1 }, () => 1)),
    layers50, zeroInput, zeroInput,
  ]);

  // ReLU.
  const reluInputs = [15, -7, 3, -0.2].map((z) => c.given(`ReLU input ${z}`, z, "an input chosen to show ReLU", { code: "relu-by-hand" }));
  c.cell("relu", [() => relu(-1), ...reluInputs.flatMap((z) => [z, () => relu(z.value)])]);

  // The complete neuron from notebook 03.
  const nw = [3, 1].map((w, k) => c.given(`neuron weight ${k + 1}`, w, "the neuron's weights from notebook 03", { code: "full-neuron-code", at: ["weights: [", "weights: [3, "][k] }));
  const nb = c.given("neuron bias", 4, "the neuron's bias from notebook 03", { code: "full-neuron-code", at: "bias: " });
  const inA = [2, 5].map((v, k) => c.given(`input A${k + 1}`, v, "the inputs from notebook 03", { code: "full-neuron-code", at: ["for (const input of [[", "for (const input of [[2, "][k] }));
  const inB = [-3, 1].map((v, k) => c.given(`input B${k + 1}`, v, "a second input, chosen to make the sum negative", { code: "full-neuron-code", at: ["[2, 5], [", "[2, 5], [-3, "][k] }));
  const z = (inputs: number[]) => nw[0].value * inputs[0] + nw[1].value * inputs[1] + nb.value;
  c.cell("full-neuron", [
    nb03, nw[0], nw[1], nb, inA[0], inA[1],
    c.line(() => weightedSumWorking([3, 1], [2, 5], 4)), () => z([2, 5]), () => relu(z([2, 5])),
    inB[0], inB[1],
    c.line(() => weightedSumWorking([3, 1], [-3, 1], 4)), () => z([-3, 1]), () => relu(z([-3, 1])),
  ]);

  // The tent: ReLU(x) − 2 ReLU(x − 1).
  const n1 = c.given("hidden neuron 1", 1, "a neuron's number in the list", { is: "label" });
  const n2 = c.given("hidden neuron 2", 2, "a neuron's number in the list", { is: "label" });
  const tw = c.given("tent hidden weight", 1, "both hidden neurons' weight", { code: "tent-table", at: "const bent = networkFrom(1, [\n  { weights: [[" });
  const tb1 = c.given("tent bias 1", 0, "neuron 1's bias", { code: "tent-table", at: "const bent = networkFrom(1, [\n  { weights: [[1], [1]], biases: [" });
  const tb2 = c.given("tent bias 2", -1, "neuron 2's bias", { code: "tent-table", at: "const bent = networkFrom(1, [\n  { weights: [[1], [1]], biases: [0, " });
  const tOut = c.given("tent output weight", -2, "the output neuron's weight for neuron 2 (printed as minus 2)", { code: "tent-table", at: "activation: \"relu\" },\n  { weights: [[1, " });
  const tentX = c.given("tent point", 2, "a point where the output is read", { code: "tent-table", at: "1.5, " });
  const hidden = (act: "relu" | "identity") => ({ weights: [[tw.value], [tw.value]], biases: [tb1.value, tb2.value], activation: act });
  const bent = () => networkFrom(1, [hidden("relu"), { weights: [[1, tOut.value]], biases: [0], activation: "identity" }]);
  const unbent = () => networkFrom(1, [hidden("identity"), { weights: [[1, tOut.value]], biases: [0], activation: "identity" }]);
  const corner = () => -tb2.value;
  c.cell("tent", [
    n1, tw, tb1,
    n2, corner, tw, tb2,
    n1, () => -tOut.value, n2,
    corner, n2,
    corner, n2,
    tentX, () => relu(tentX.value + tb1.value), () => -tOut.value, () => relu(tentX.value + tb2.value), () => forward(bent(), [tentX.value]).output[0],
    () => -tOut.value, corner, () => forward(unbent(), [0]).output[0],
  ]);

  // Sigmoid and tanh.
  const sigLow = c.given("sigmoid lower limit", 0, "the bottom of the sigmoid's range", { is: "definition" });
  const sigHigh = c.given("sigmoid upper limit", 1, "the top of the sigmoid's range", { is: "definition" });
  const one = c.given("the 1 in the formula", 1, "the constant 1 in σ(z) = 1 / (1 + e^(−z))", { is: "definition" });
  const z0 = c.given("z = 0", 0, "the middle of the S", { is: "definition" });
  const tanhLow = c.given("tanh lower limit", -1, "the bottom of tanh's range", { is: "definition" });
  const tanhHigh = c.given("tanh upper limit", 1, "the top of tanh's range", { is: "definition" });
  const zs = [-5, -2, 0, 2, 5];
  const zGiven = zs.map((v) => (v === 0 ? z0 : c.given(`table z ${v}`, v, "an input in the sigmoid table", { code: "sigmoid-table" })));
  const [, zm2, , zp2] = zGiven;
  c.cell("sigmoid", [
    sigLow, sigHigh,
    one, one,
    () => Math.E,
    one, one, () => one.value / one.value,
    sigLow, z0, one, one, one, () => sigmoid(0),
    tanhLow, tanhHigh, z0, () => tanh(0),
    ...zs.flatMap((v, k) => [zGiven[k], () => sigmoid(v), () => tanh(v)]),
    zm2, zp2, () => sigmoid(-2) + sigmoid(2), zm2, zp2,
    sigLow, sigHigh, nb05,
  ]);
  c.cell("sigmoid-by-hand-intro", [zp2, zm2, () => Math.exp(-2), zp2, one, () => one.value + Math.exp(-2), () => sigmoid(2)]);

  // Local effects.
  const square = c.given("square", 2, "the power in a square", { is: "definition" });
  const oneMinus = c.given("one minus", 1, "the 1 in the sigmoid's local effect a × (1 − a) and tanh's 1 − a²", { is: "definition" });
  c.cell("slopes", [
    nb07,
    () => activationDerivative("relu", -1, relu(-1)), () => relu(-1), () => activationDerivative("relu", 1, relu(1)),
    z0, z0, oneMinus, z0, () => sigmoid(0), () => 1 - sigmoid(0), () => activationDerivative("sigmoid", 0, sigmoid(0)),
    c.rounded(() => activationDerivative("sigmoid", 10, sigmoid(10))),
    z0, oneMinus, z0, square, () => activationDerivative("tanh", 0, tanh(0)),
    c.rounded(() => activationDerivative("tanh", 10, tanh(10))),
  ]);

  // Threshold against sigmoid.
  const threshold = c.given("threshold", 0, "the perceptron answers 1 above this number", { code: "smooth-table", at: "perceptron([1], " });
  const step = (v: number) => perceptron([1], threshold.value, [v]);
  const [a0, a1, b0, bb1] = [
    ["nudge A from", 0.3],
    ["nudge A to", 0.31],
    ["nudge B from", -0.005],
    ["nudge B to", 0.005],
  ].map(([k, v]) => c.given(k as string, v as number, "a nudge chosen to compare the threshold with the sigmoid", { code: "smooth-table" }));
  c.cell("smooth", [
    nb02, () => step(1), threshold, () => step(-1),
    a0, a1, () => step(a1.value), () => step(a1.value) - step(a0.value),
    b0, bb1, () => step(b0.value), () => step(bb1.value),
    () => a1.value - a0.value,
    () => sigmoid(a1.value) - sigmoid(a0.value), () => sigmoid(bb1.value) - sigmoid(b0.value),
  ]);
  c.cell("which", [() => activationDerivative("relu", 1, relu(1)), sigLow, sigHigh, nb05, tanhLow, tanhHigh, () => tanh(0)]);

  // Your turn.
  const corner0 = c.given("ReLU test 0", 0, "a test input exactly at ReLU's corner", { exercise: { id: "04.1", case: 4, item: [0] } });
  c.cell("your-turn", [
    item(1), ...reluInputs, corner0,
    item(2), one, one, ...zGiven,
    item(3), w1, w2, w1, w2, collapsed,
  ]);
  c.cell("recap", [
    collapsed,
    () => relu(-1), reluInputs[1], () => relu(-7), reluInputs[2], () => relu(3),
    sigLow, sigHigh, z0, () => sigmoid(0),
    tanhLow, tanhHigh, z0, () => tanh(0),
  ]);
  c.cell("next", [nb05]);

  // Numbers in figure captions.
  c.cell("activations-figure", [zGiven[0], zGiven[4]]);
  c.cell("smooth-figure", [() => step(-1), () => step(1), threshold]);

  // Numbers in words.
  const oneInput = c.given("one input", 1, "the example's neurons have one input each", { code: "engine-two", at: "const twoLayers = networkFrom(" });
  const oneNeuron = c.given("one neuron", 1, "a stack collapses into one neuron", { is: "definition" });
  const oneOf = (what: string) => c.given(`one ${what}`, 1, `a neuron has one ${what}`, { is: "definition" });
  c.words("collapse", [() => stack([w1.value, w2.value]).layers.length, oneInput, w1, w2, oneNeuron, w1, w2]);
  c.words("by-hand-intro", [() => [w1, w2].length]);
  c.words("engine-intro", [w1, w2]);
  c.words("deeper", [() => eight.length, oneInput, oneNeuron]);
  c.words("biases-too", [oneOf("weight"), oneOf("bias"), oneNeuron, () => countParameters([1, 1])]);
  // "double the input and the change in the output doubles too", for the stack with biases.
  const change = (from: number, to: number) => run(withBiases(), to) - run(withBiases(), from);
  const doubled = c.given("double the input", 2, "the factor the sentence applies to the input", { is: "definition" });
  c.words("straight", [doubled, () => change(0, 2) / change(0, 1)]);
  c.words("relu", [c.given("one line", 1, "ReLU's rule is the single sentence that follows", { is: "definition" })]);
  c.words("full-neuron", [c.given("three steps", 3, "weighted sum, plus bias, bend: the neuron's steps, listed in the sentence", { is: "definition" })]);
  c.words("tent", [oneInput, () => bent().layers[0].biases.length, () => bent().layers[1].biases.length, () => -tOut.value / tw.value]);
  c.words("tent-figure", [() => bent().layers[0].biases.length]);
  c.words("sigmoid-by-hand-intro", [c.given("one value", 1, "the cell works out the single value σ(2)", { is: "definition" })]);
  c.words("recap", [oneNeuron, w1, w2]);
  c.words("next", [c.given("one layer", 1, "each layer feeds the next", { is: "definition" })]);

  // Direction words.
  const tentAt = (v: number) => forward(bent(), [v]).output[0];
  c.compare("tent", "the output [rises] with x", { from: () => tentAt(0), to: () => tentAt(corner()) });
  c.compare("tent", "so the output [falls]", { from: () => tentAt(corner()), to: () => tentAt(tentX.value) });
  c.compare("sigmoid", "e^(−z) [shrinks] fast", { from: () => Math.exp(-z0.value), to: () => Math.exp(-zp2.value) });
  c.compare("sigmoid", "as z [grows]", { given: "the premise: z increases" });
  const peak = (f: "sigmoid" | "tanh") => ({
    value: () => activationDerivative(f, 0, f === "sigmoid" ? sigmoid(0) : tanh(0)),
    than: zs.filter((v) => v !== 0).map((v) => () => activationDerivative(f, v, f === "sigmoid" ? sigmoid(v) : tanh(v))),
  });
  c.compare("slopes", "Sigmoid: [largest] at z = 0", peak("sigmoid"));
  c.compare("slopes", "Tanh: [largest] at z = 0", peak("tanh"));
  c.compare("smooth", "the [largest] change it can make", { value: () => step(bb1.value) - step(b0.value), than: () => step(a1.value) - step(a0.value) });
  c.compare("smooth-figure", "the sigmoid [rises] smoothly", { from: () => sigmoid(zGiven[0].value), to: () => sigmoid(zGiven[4].value) });
  // The openings and the exercise statement.
  const aSingle = c.given("a single one", 1, "a single item: one weighted sum, one input, one neuron", { is: "definition" });
  c.words("learn", [aSingle]);
  c.words("your-turn", [aSingle, aSingle]);
  c.strict();
});
