import { mnistSide } from "../../lib/course/mnist";
import { claimsFor } from "../../lib/tools/claims/define";
import {
  centralSlope,
  countParameters,
  forward,
  lossDerivative,
  networkFrom,
  nudgeSlope,
  parameterCount,
  squaredError,
} from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/07-gradient";
import { productWorking, slopeWorking, squaredErrorWorking, weightedSumWorking } from "../../lib/course/arithmetic";

export default claimsFor("07-gradient.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n05, n06, n07, n08, n09, n10] = [
    notebook(5, "Layers and the forward pass"),
    notebook(6, "The loss"),
    notebook(7, "The gradient"),
    notebook(8, "Gradient descent"),
    notebook(9, "The chain rule"),
    notebook(10, "Backpropagation"),
  ];

  // The running example of notebooks 05 and 06: input (2, 5), a ReLU layer of three, one ReLU output neuron.
  const x1 = c.given("input 1", 2, "the example's first input (notebook 05)", { code: "setup", at: "const input = [" });
  const x2 = c.given("input 2", 5, "the example's second input (notebook 05)", { code: "setup", at: "const input = [2, " });
  const v1 = c.given("output weight 1", 1, "the output neuron's first weight (notebook 05)", { code: "setup", at: "activation: \"relu\" },\n  { weights: [[" });
  const v2 = c.given("output weight 2", 2, "the output neuron's second weight (notebook 05)", { code: "setup", at: "{ weights: [[1, " });
  const v3 = c.given("output weight 3", -1, "the output neuron's third weight (notebook 05)", { code: "setup", at: "{ weights: [[1, 2, " });
  const b = c.given("output bias", 0, "the output neuron's bias (notebook 05)", { code: "setup", at: "[[1, 2, -1]], biases: [" });
  const target = c.given("target", 20, "the right answer for the example (notebook 06)", { code: "setup", at: "const target = [" });
  const square = c.given("square", 2, "the power in the squared-error loss", { is: "definition" });
  const nudge = c.given("nudge", 0.1, "the size of the first nudge", { code: "nudge-by-hand", at: "const nudge = " });
  const smallNudge = c.given("small nudge", 0.001, "a smaller nudge", { code: "every-knob-code", at: "original + " });

  const netWith = (w: number) =>
    networkFrom(2, [
      { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
      { weights: [[w, v2.value, v3.value]], biases: [b.value], activation: "relu" },
    ]);
  const net = netWith(v1.value);
  const trace = forward(net, [x1.value, x2.value]);
  const hidden = trace.layers[0].activations;
  const h1 = () => hidden[0];
  const h2 = () => hidden[1];
  const h3 = () => hidden[2];
  const out = () => trace.output[0];
  const outAt = (w: number) => forward(netWith(w), [x1.value, x2.value]).output[0];
  const lossAt = (w: number) => squaredError([outAt(w)], [target.value]);
  const loss = () => lossAt(v1.value);
  const nudged = () => v1.value + nudge.value;
  const slope = () => nudgeSlope(lossAt, v1.value, nudge.value);
  const minus = (f: () => number) => () => -f();
  const two = () => lossDerivative("squaredError", [1], [0])[0];
  const miss = () => out() - target.value;
  const lossLocal = () => lossDerivative("squaredError", [out()], [target.value])[0];
  const exact = () => centralSlope(lossAt, v1.value, nudge.value);
  // The rest of the output, which does not depend on the first weight: 2 × 1 + (−1) × 0 + 0.
  const rest = () => out() - v1.value * h1();

  c.cell("title", [n07, n06, n05, out, target, loss, c.given("minutes", 30, "the estimated time to work through the notebook", { is: "estimate" }), n06]);
  c.cell("where", [
    n05, x1, x2, h1, h2, h3,
    v1, v2, v3, b,
    c.line(() => weightedSumWorking([v1.value, v2.value, v3.value], hidden, b.value)),
    out, out,
    n06, out, target,
    c.line(() => squaredErrorWorking(out(), target.value)),
  ]);
  c.cell("loss-function-intro", [h1]);
  c.cell("nudge", [
    v1, nudged,
    c.line(() => weightedSumWorking([nudged(), v2.value, v3.value], hidden, b.value)),
    c.line(() => squaredErrorWorking(outAt(nudged()), target.value)),
    loss, () => lossAt(nudged()), nudge,
    c.line(() => slopeWorking(lossAt(nudged()), loss(), nudge.value)),
    minus(slope),
  ]);
  c.cell("two-things", [slope, minus(slope), c.given("zero", 0, "a gradient of zero", { is: "definition" }), nudge]);

  // Each knob of the output neuron nudged by 0.1 on its own.
  const knobSlope = (k: number) => () => {
    const weights = [v1.value, v2.value, v3.value];
    let bias = b.value;
    if (k < 3) weights[k] += nudge.value;
    else bias += nudge.value;
    const n = networkFrom(2, [
      { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
      { weights: [weights], biases: [bias], activation: "relu" },
    ]);
    return (squaredError(forward(n, [x1.value, x2.value]).output, [target.value]) - loss()) / nudge.value;
  };
  const label = (n: number) => c.given(`knob ${n}`, n, "a knob's number in the list", { is: "label" });
  const [k1, k2, k3] = [1, 2, 3].map(label);
  c.cell("leverage", [
    k1, h1, nudge, h1, nudge, () => h1() * nudge.value, knobSlope(0),
    k2, h2, () => h2() * nudge.value, knobSlope(1),
    k3, h3, knobSlope(2),
    k2, knobSlope(3),
  ]);

  c.cell("exact", [
    slope, nudge, v1,
    square, two, out, two, out, target, lossLocal, lossLocal,
    h1, h1, h1, out, c.given("relu factor", 1, "ReLU's local effect for a positive input", { is: "definition" }),
    c.line(() => productWorking([two(), miss(), h1()])),
    n09, exact, slope,
  ]);

  c.cell("why-off", [
    h1, rest,
    h1, v2, h2,
    h1, rest, target, square, h1, () => target.value - rest(), square,
    v1, v1,
    h1, v1, () => target.value - rest(), square, miss, h1, square,
    loss, minus(exact), () => h1() * h1(), square,
    loss,
    exact, () => h1() * h1(),
    exact, () => h1() * h1(),
    nudge, () => h1() * h1() * nudge.value, exact, () => h1() * h1() * nudge.value, slope,
    c.given("factor ten", 10, "a factor for the nudge, chosen for the example", { is: "illustration" }), c.given("factor ten again", 10, "the same factor for the error", { is: "illustration" }),
  ]);

  const oneSided = (h: number) => () => nudgeSlope(lossAt, v1.value, h);
  const span = c.given("two sides", 2, "a nudge up and a nudge down span 2h", { is: "definition" });
  c.cell("shrink", [
    v1, exact, oneSided(0.1), oneSided(0.01), oneSided(0.001), c.rounded(oneSided(0.001)), exact, () => h1() * h1(),
    span, span, () => h1() * h1(), () => -h1() * h1(),
  ]);
  c.cell("hill-intro", [v1, loss, exact, v1, nudged, slope]);
  const tinyNudge = c.given("tiny nudge", 1e-10, "the tiny nudge of cell \"rounding-code\", 10⁻¹⁰", { code: "rounding-code" });
  c.cell("rounding", [
    // The significant decimal digits of JavaScript's numbers: −log₁₀ of the gap between 1 and the next number, 15.65.
    c.rounded(() => -Math.log10(Number.EPSILON)),
    c.given("ten", 10, "the base of 10⁻¹⁰", { is: "definition" }),
    () => Math.round(Math.log10(tinyNudge.value)),
    c.rounded(oneSided(1e-10)),
    exact,
    c.given("check nudge", 0.00001, "the nudge the engine's gradientCheck uses by default", { is: "fact" }),
    n10,
  ]);

  const sizes = [2, 3, 1];
  c.cell("every-knob", [
    () => parameterCount(net),
    () => sizes[1], () => sizes[0], () => sizes[1], () => sizes[1],
    () => sizes[2],
    () => parameterCount(net),
    () => parameterCount(net) + 1,
    smallNudge,
  ]);

  const digits = [784, 16, 16, 10];
  const knobs = () => countParameters(digits);
  const realSizes = [784, 16, 16, 10];
  // One multiplication per weight: the knobs less the biases (one per neuron after the inputs).
  const multiplications = () => countParameters(realSizes) - realSizes.slice(1).reduce((a, b) => a + b, 0);
  // The side of the real digit images, as the course's data defines it (notebook 16 reads them).
  const side = () => mnistSide;
  // The third hidden neuron is switched off for (2, 5): nudging its bias changes nothing (slope 0, computed).
  const thirdHiddenSlope = () => {
    const withBias3 = (bias: number) =>
      networkFrom(2, [
        { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, bias], activation: "relu" },
        { weights: [[v1.value, v2.value, v3.value]], biases: [b.value], activation: "relu" },
      ]);
    return nudgeSlope((bias) => squaredError(forward(withBias3(bias), [x1.value, x2.value]).output, [target.value]), 2, smallNudge.value);
  };
  c.cell("every-knob-after", [
    thirdHiddenSlope,
    smallNudge, nudge, oneSided(smallNudge.value), exact,
    n05, side, side, () => side() * side(), c.given("hidden size", 16, "the size of each hidden layer", { code: "count", at: "[784, " }), c.given("outputs", 10, "one output per digit", { code: "count", at: "[784, 16, 16, " }), knobs,
    () => knobs() + 1,
    multiplications, c.rounded(() => ((knobs() + 1) * multiplications()) / 1e6),
  ]);
  c.cell("every-knob-end", [n09, n10, knobs]);

  // Your turn.
  const ex = (k: number) => c.exercise(`07.${k}`);
  const xSquare = c.given("x for x²", 3, "the exercise's point", { exercise: { id: "07.1", case: 1, item: [1] } });
  const nudgeSquare = c.given("nudge for x²", 0.5, "the exercise's nudge", { exercise: { id: "07.1", case: 1, item: [2] } });
  const cube = c.given("cube", 3, "the power in x³", { is: "definition" });
  const xCube = c.given("x for x³", 2, "the exercise's point", { exercise: { id: "07.2", case: 1, item: [1] } });
  c.cell("your-turn", [
    ex(1), v1, nudge, slope,
    square, xSquare, nudgeSquare, () => nudgeSlope((x) => x ** square.value, xSquare.value, nudgeSquare.value),
  ]);
  c.cell("exercise-2-text", [
    ex(2), v1, exact,
    cube, xCube, nudge, () => centralSlope((x) => x ** cube.value, xCube.value, nudge.value),
    // The exact slope of x³ at x: 3 × x², the power rule, against the engine's nudged slope with a tiny nudge.
    () => (Math.abs(centralSlope((x) => x ** cube.value, xCube.value, 1e-5) - cube.value * xCube.value ** (cube.value - 1)) < 1e-6 ? cube.value * xCube.value ** (cube.value - 1) : NaN),
  ]);
  const engineSlope = (o: number, t: number, x: number) => () => lossDerivative("squaredError", [o], [t])[0] * x;
  c.cell("exercise-3-text", [ex(3), out, target, h1, engineSlope(17, 20, 15), out, target, h2, engineSlope(17, 20, 1)]);

  c.cell("recap", [
    c.line(() => slopeWorking(lossAt(nudged()), loss(), nudge.value)),
    two,
    c.line(() => productWorking([two(), miss(), h1()])),
    () => h1() * h1(),
    () => knobs() + 1, knobs,
  ]);
  c.cell("next", [n08]);

  // Numbers in comments and captions.
  const outputLayer = () => net.layers.length - 1;
  c.cell("four-knobs", [c.given("first layer index", 0, "the engine counts layers from 0", { is: "label" }), outputLayer, outputLayer]);
  c.cell("shrink-figure", [v1, nudge, c.given("smallest nudge", 0.00001, "the smallest nudge of the table", { code: "shrink-table", at: "0.0001, " }), exact]);
  c.cell("hill", [v1, nudged, v1, v1, nudged]);

  // Numbers in words.
  const oneKnob = c.given("one knob", 1, "the notebook studies a single knob at a time", { is: "definition" });
  const onePass = c.given("one pass", 1, "a single forward pass, or a single sweep backwards", { is: "definition" });
  const outputKnobs = () => net.layers[1].weights[0].length + net.layers[1].biases.length;
  c.words("where", [() => hidden.length]);
  c.words("loss-function-intro", [oneKnob, oneKnob]);
  c.words("nudge", [oneKnob]);
  c.words("nudge-engine", [c.given("one number", 1, "nudgeSlope's f takes a single number", { is: "definition" })]);
  c.words("two-things", [c.given("one gradient", 1, "a gradient of one knob is a single number", { is: "definition" }), outputKnobs, oneKnob]);
  c.words("four-knobs", [oneKnob]);
  c.words("leverage", [outputKnobs]);
  c.words("exact", [c.given("one step", 1, "each fact is about a single step of the calculation", { is: "definition" }), () => [lossLocal, h1].length]);
  c.words("every-knob", [c.given("one slope per knob", 1, "a gradient has one slope for each knob", { is: "definition" })]);
  c.words("every-knob-after", [outputKnobs, () => digits.length - 2, c.given("one training step", 1, "the cost of a single step", { is: "definition" })]);
  c.words("every-knob-end", [onePass, onePass]);
  c.words("exercise-2-text", [c.given("two points", 2, "the two-sided nudge reads f at x + h and at x − h", { is: "definition" })]);
  c.words("recap", [onePass]);

  // Direction words.
  const lossAfter = () => lossAt(nudged());
  const error = (h: number) => () => oneSided(h)() - exact();
  c.compare("nudge", "so the loss is [smaller]", { value: lossAfter, than: loss });
  c.compare("nudge", "The loss [fell] from 9", { from: loss, to: lossAfter });
  c.compare("nudge", "the weight [rose] by 0.1", { from: v1, to: nudged });
  c.compare("nudge", "for every unit the weight goes [up]", { given: "the premise of the slope: the weight increases" });
  c.compare("two-things", "when the weight goes [up]", { given: "the premise: the weight increases" });
  c.compare("two-things", "the loss goes [down]", { from: loss, to: lossAfter });
  c.compare("exact", "the output [rises] by 15 times", { from: out, to: () => outAt(v1.value + smallNudge.value) });
  c.compare("why-off", "nudge 10 times [smaller]", { given: "the premise: a smaller nudge" });
  c.compare("why-off", "the error gets 10 times [smaller]", { value: error(nudge.value / 10), than: error(nudge.value) });
  c.compare("shrink", "with [smaller] and", { given: "the table's nudges, chosen smaller and smaller" });
  c.compare("shrink", "and [smaller] nudges", { given: "the table's nudges, chosen smaller and smaller" });
  c.compare("shrink", "The error of going [up]", { given: "the premise: a nudge up" });
  c.compare("shrink-figure-intro", "The nudge [shrinks] from left to right", { given: "the figure's layout: nudges drawn from large to small" });
  // One forward pass and one sweep backwards against one forward pass per knob (plus one).
  c.compare("every-knob-end", "that [faster] method", { value: () => 1 / (2 * onePass.value), than: () => 1 / (knobs() + 1) });
  c.compare("recap", "an amount that [shrinks] with the nudge", { from: error(nudge.value), to: error(smallNudge.value) });
  // The openings and the exercises' statements.
  const aSingle = c.given("a single one", 1, "a single item: one knob, one number", { is: "definition" });
  c.words("title", [aSingle, aSingle, aSingle]);
  c.words("learn", [aSingle, () => [lossLocal, h1].length]);
  c.words("your-turn", [() => keys.length]);
  c.compare("title", "to make the loss [smaller]", { given: "the question the notebook asks" });
  c.compare("learn", "Why a [smaller] nudge measures better", { from: () => Math.abs(nudgeSlope(lossAt, v1.value, nudge.value) - exact()), to: () => Math.abs(nudgeSlope(lossAt, v1.value, smallNudge.value) - exact()) });
  c.strict();
});
