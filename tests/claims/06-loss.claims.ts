import { claimsFor } from "../../lib/tools/claims/define";
import { Layer, crossEntropy, forward, halfSquaredError, lossDerivative, mean, networkFrom, squaredError, countParameters } from "../../lib/engine/index";
import { keys } from "../../lib/course/exercise-keys/06-loss";
import { slopeWorking, squaredErrorWorking } from "../../lib/course/arithmetic";
import { meanWorking } from "../../lib/course/mean-working";

// The network of notebook 05, and the four examples with their targets.
const hidden: Layer = { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" };
const withWeight = (w: number) => networkFrom(2, [hidden, { weights: [[w, 2, -1]], biases: [0], activation: "relu" }]);
const net = withWeight(1);
const inputs = [[2, 5], [1, 1], [0, 3], [4, 1]];
const targets = [20, 6, 15, 10];
const predict = (k: number) => forward(net, inputs[k]).output[0];
const lossOf = (k: number) => squaredError([predict(k)], [targets[k]]);
const meanLossWith = (w: number) => mean(inputs.map((x, k) => squaredError(forward(withWeight(w), x).output, [targets[k]])));
const ce = (p: number) => crossEntropy([p, 1 - p], [1, 0]);

export default claimsFor("06-loss.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [nb05, nb06, nb07, nb14] = [
    notebook(5, "Layers and the forward pass"),
    notebook(6, "The loss"),
    notebook(7, "The gradient"),
    notebook(14, "· Digits"),
  ];
  const item = (n: number) => c.given(`exercise ${n}`, n, "the number of an exercise in the list", { is: "label" });
  const square = c.given("square", 2, "the power in a square", { is: "definition" });

  const inputGiven = inputs.map((x, k) => x.map((v, i) => c.given(`input ${k + 1}.${i + 1}`, v, "an input of the example dataset", { code: "dataset-code", at: [["const data = [\n  { input: [", "input: [2, "], ["target: [20] },\n  { input: [", "input: [1, "], ["target: [6] },\n  { input: [", "input: [0, "], ["target: [15] },\n  { input: [", "input: [4, "]][k][i] })));
  const targetGiven = targets.map((t, k) => c.given(`target ${k + 1}`, t, "the right answer written down for this example", { code: "dataset-code", at: ["[2, 5], target: [", "[1, 1], target: [", "[0, 3], target: [", "[4, 1], target: ["][k] }));
  const [x1, x2] = inputGiven[0];
  const target = targetGiven[0];
  const prediction = () => predict(0);
  const other = c.given("other prediction", 23, "a prediction 3 above the target, for comparison", { code: "by-hand" });

  c.cell("title", [nb06, nb05, x1, x2, prediction, prediction, c.given("minutes", 25, "the estimated time to work through the notebook", { is: "estimate" }), nb05]);
  c.cell("targets", [x1, x2, target, prediction, target]);

  const missSizes = [3, 10, 30].map((m) => c.given(`miss ${m}`, m, "a miss chosen to show how squaring grows", { code: "miss-sizes" }));
  const missCosts = missSizes.map((m) => () => squaredError([targets[0] + m.value], [targets[0]]));
  c.cell("squared-error", [
    prediction, target, () => prediction() - targets[0],
    () => prediction() - targets[0], square, () => squaredError([prediction()], [targets[0]]),
    other, () => other.value - targets[0],
    c.line(() => squaredErrorWorking(other.value, targets[0])),
    ...missSizes.flatMap((m, k) => [m, missCosts[k]]),
  ]);

  c.cell("dataset", [
    nb05,
    ...inputs.flatMap((_, k) => [...inputGiven[k], () => predict(k), targetGiven[k], () => predict(k) - targets[k], () => lossOf(k)]),
    c.line(() => meanWorking(inputs.map((_, k) => lossOf(k)))),
  ]);

  const nudge = c.given("nudge", 0.001, "how far the prediction is nudged", { code: "half-code", at: "const nudge = " });
  const nudged = () => prediction() + nudge.value;
  const seSlope = c.line(() => slopeWorking(squaredError([nudged()], [targets[0]]), squaredError([prediction()], [targets[0]]), nudge.value));
  const hseSlope = c.line(() => slopeWorking(halfSquaredError([nudged()], [targets[0]]), halfSquaredError([prediction()], [targets[0]]), nudge.value));
  const twoFromSquare = c.given("the 2 from squaring", 2, "the factor 2 in the slope 2(ŷ − y) of a square", { is: "definition" });
  c.cell("half", [
    square, prediction, target,
    () => squaredError([prediction()], [targets[0]]), () => halfSquaredError([prediction()], [targets[0]]),
    c.given("lowest loss", 0, "the loss of a perfect prediction", { is: "definition" }),
    nb07, prediction, nudged,
    seSlope, () => lossDerivative("squaredError", [prediction()], [targets[0]])[0], twoFromSquare, prediction, target,
    hseSlope, () => lossDerivative("halfSquaredError", [prediction()], [targets[0]])[0], prediction, target,
    square, twoFromSquare, square, twoFromSquare,
    prediction, target,
  ]);
  c.cell("loss-figure-intro", [
    target, c.given("figure from", 10, "the left end of the figure", { code: "loss-figure", at: "domain: [" }), c.given("figure to", 30, "the right end of the figure", { code: "loss-figure", at: "domain: [10, " }),
    prediction, other, target, () => squaredError([other.value], [targets[0]]),
  ]);

  // Cross-entropy.
  const probs = [0.7, 0.2, 0.1].map((p, k) => c.given(`example probability ${k + 1}`, p, "an example of a classifier's three probabilities", { code: "cross-entropy-engine", at: ["const probabilities = [", "[0.7, ", "[0.7, 0.2, "][k] }));
  const digit = (d: number) => c.given(`digit ${d}`, d, "a digit the classifier can choose", { is: "label" });
  const total = () => probs.reduce((s, p) => s + p.value, 0);
  const certain = c.given("certainty", 1, "the probability of an answer the network is sure of", { is: "definition" });
  const ps = [0.95, 0.5, 0.1, 0.01].map((p) => c.given(`p ${p}`, p, "a probability in the cross-entropy table", { code: "cross-entropy-code", at: ({ 0.95: "for (const p of [", 0.5: "[0.95, ", 0.1: "[0.95, 0.5, ", 0.01: "0.5, 0.1, " } as Record<number, string>)[p] }));
  const [p95, p50, p10, p01] = ps;
  // The factor by which the probability shrinks from the table's 0.1 to its 0.01.
  const ten = () => ps[2].value / ps[3].value;
  c.cell("cross-entropy", [
    nb14, total, probs[0],
    digit(0), probs[1], digit(1), probs[2], digit(2),
    certain, () => Math.log(certain.value), certain,
    ...ps.flatMap((p) => [p, () => ce(p.value)]),
    p95, p50, () => ce(0.5) - ce(0.95),
    p10, p01, () => ce(0.01) - ce(0.1),
    ten, () => Math.log(ten()),
    () => squaredError([1], [0]),
    p01, certain, p01, square, () => squaredError([p01.value], [1]),
  ]);
  const third = c.given("three classes", 3, "the number of classes the example chooses between", { code: "cross-entropy-engine", at: "const probabilities = ", length: true });
  c.cell("cross-entropy-engine-intro", [
    certain, c.given("not the class", 0, "the target's entry for a wrong class", { is: "definition" }),
    ...probs, probs[0], () => crossEntropy([0.7, 0.2, 0.1], [1, 0, 0]),
    probs[2], () => crossEntropy([0.7, 0.2, 0.1], [0, 0, 1]),
    certain, third, certain, third, () => crossEntropy(new Array<number>(third.value).fill(certain.value / third.value), [1, 0, 0]),
  ]);

  const better = c.given("tried weight", 0.95, "one of the weights the cell tries", { code: "learning-code", at: "[0.9, " });
  c.cell("learning", [
    c.given("perfect loss", 0, "the loss of a network with no misses", { is: "definition" }),
    c.given("weight of A", 1, "the output neuron's weight for neuron A in notebook 05", { code: "dataset-code", at: "activation: \"relu\" },\n  { weights: [[" }), () => meanLossWith(1),
    better, () => meanLossWith(better.value),
    () => countParameters([25, 8, 3]), () => countParameters([784, 16, 16, 10]),
  ]);
  c.cell("your-turn", [
    item(1), prediction, target, () => squaredError([prediction()], [targets[0]]),
    item(2), () => meanLossWith(1),
    item(3), p50, () => ce(0.5),
  ]);
  c.cell("recap", [
    square, prediction, target, () => squaredError([prediction()], [targets[0]]), other,
    ...missSizes, ...missCosts,
    c.line(() => meanWorking(inputs.map((_, k) => lossOf(k)))),
    square, twoFromSquare,
    () => ce(0.95), p95, () => ce(0.01), p01,
    ten, () => Math.log(ten()),
  ]);
  c.cell("next", [nb07]);

  // Numbers in the figures' labels and captions.
  c.cell("loss-figure", [target, square, target, square, target]);
  c.cell("cross-entropy-figure", [() => ce(certain.value), certain, () => certain.value - certain.value]);

  // Numbers in words.
  const examples = () => inputs.length;
  const oneNumber = c.given("one number", 1, "the loss is a single number", { is: "definition" });
  const oneKnob = c.given("one knob", 1, "the cell turns a single weight", { is: "definition" });
  // "Ten times the miss is a hundred times the loss": misses 3 and 30 cost 9 and 900.
  c.words("targets", [() => [prediction, target].length]);
  c.words("squared-error", [() => missSizes[2].value / missSizes[0].value, () => missCosts[2]() / missCosts[0]()]);
  c.words("dataset", [c.given("one example", 1, "a single example, as in the cells above", { is: "definition" }), examples, examples, examples]);
  c.words("half", [() => halfSquaredError([prediction()], [targets[0]]) / squaredError([prediction()], [targets[0]]), () => halfSquaredError([other.value], [targets[0]]) / squaredError([other.value], [targets[0]])]);
  c.words("loss-figure-intro", [() => [prediction, other].length]);
  c.words("cross-entropy", [() => p10.value / p01.value]);
  c.words("cross-entropy-engine-intro", [third]);
  c.words("learning", [oneNumber, oneNumber, oneKnob, examples, oneKnob, oneKnob]);
  c.words("recap", [examples, () => p10.value / p01.value, oneNumber]);

  // Direction words.
  c.compare("half", "a worse prediction still has a [larger] loss", { value: () => halfSquaredError([other.value + 1], [targets[0]]), than: () => halfSquaredError([other.value], [targets[0]]) });
  c.compare("half", "when the prediction moves [up] a little", { from: prediction, to: nudged });
  c.compare("half", "makes the loss [smaller]", { value: () => squaredError([nudged()], [targets[0]]), than: () => squaredError([prediction()], [targets[0]]) });
  c.compare("loss-figure-intro", "their [lowest] point at the target", { value: () => squaredError([targets[0]], [targets[0]]), than: [() => squaredError([prediction()], [targets[0]]), () => squaredError([other.value], [targets[0]])] });
  c.compare("cross-entropy", "[Falling] from 0.95 to 0.50", { from: p95, to: p50 });
  c.compare("cross-entropy", "[falling] from 0.10 to 0.01", { from: p10, to: p01 });
  c.compare("cross-entropy", "the right answer [shrinks] tenfold", { from: p10, to: p01 });
  c.compare("cross-entropy", "the loss [grows] by the same amount", { from: () => ce(p10.value), to: () => ce(p01.value) });
  c.compare("cross-entropy-figure", "as p [falls] towards 0", { given: "the premise of the caption: p decreasing; the curve is computed by crossEntropy" });
  c.compare("learning", "At 0.95 the loss [drops] to 8.0169", { from: () => meanLossWith(1), to: () => meanLossWith(better.value) });
  c.compare("next", "to make the loss [smaller]", { given: "what notebook 07 sets out to do" });
  // The openings and the exercises' statements.
  const aSingle = c.given("a single one", 1, "a single item: one number", { is: "definition" });
  c.words("title", [aSingle]);
  c.words("learn", [aSingle]);
  const mseKey = keys.find((k) => k.id === "06.2")!;
  c.words("your-turn", [() => (mseKey.cases() as unknown[][])[0].length, () => ((mseKey.cases() as unknown[][])[0][0] as unknown[]).length, c.given("four decimals", 4, "the loss is shown to four decimals", { is: "definition" })]);
  c.strict();
});
