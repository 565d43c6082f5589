import { claimsFor } from "../../lib/tools/claims/define";
import { Layer, crossEntropy, forward, halfSquaredError, lossDerivative, mean, networkFrom, squaredError, countParameters } from "../../lib/engine/index";
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
  const notebook = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [nb05, nb06, nb07, nb12] = [5, 6, 7, 12].map(notebook);
  const item = (n: number) => c.given(`exercise ${n}`, n, "the number of an exercise in the list");
  const square = c.given("square", 2, "the power in a square");

  const inputGiven = inputs.map((x, k) => x.map((v, i) => c.given(`input ${k + 1}.${i + 1}`, v, "an input of the example dataset")));
  const targetGiven = targets.map((t, k) => c.given(`target ${k + 1}`, t, "the right answer written down for this example"));
  const [x1, x2] = inputGiven[0];
  const target = targetGiven[0];
  const prediction = () => predict(0);
  const other = c.given("other prediction", 23, "a prediction 3 above the target, for comparison");

  c.cell("title", [nb06, nb05, x1, x2, prediction, prediction]);
  c.cell("targets", [x1, x2, target, prediction, target]);

  const missSizes = [3, 10, 30].map((m) => c.given(`miss ${m}`, m, "a miss chosen to show how squaring grows"));
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

  const nudge = c.given("nudge", 0.001, "how far the prediction is nudged");
  const nudged = () => prediction() + nudge.value;
  const seSlope = c.line(() => slopeWorking(squaredError([nudged()], [targets[0]]), squaredError([prediction()], [targets[0]]), nudge.value));
  const hseSlope = c.line(() => slopeWorking(halfSquaredError([nudged()], [targets[0]]), halfSquaredError([prediction()], [targets[0]]), nudge.value));
  const twoFromSquare = c.given("the 2 from squaring", 2, "the factor 2 in the slope 2(ŷ − y) of a square");
  c.cell("half", [
    square, prediction, target,
    () => squaredError([prediction()], [targets[0]]), () => halfSquaredError([prediction()], [targets[0]]),
    c.given("lowest loss", 0, "the loss of a perfect prediction"),
    nb07, prediction, nudged,
    seSlope, () => lossDerivative("squaredError", [prediction()], [targets[0]])[0], twoFromSquare, prediction, target,
    hseSlope, () => lossDerivative("halfSquaredError", [prediction()], [targets[0]])[0], prediction, target,
    square, twoFromSquare, square, twoFromSquare,
    prediction, target,
  ]);
  c.cell("loss-figure-intro", [
    target, c.given("figure from", 10, "the left end of the figure"), c.given("figure to", 30, "the right end of the figure"),
    prediction, other, target, () => squaredError([other.value], [targets[0]]),
  ]);

  // Cross-entropy.
  const probs = [0.7, 0.2, 0.1].map((p, k) => c.given(`example probability ${k + 1}`, p, "an example of a classifier's three probabilities"));
  const digit = (d: number) => c.given(`digit ${d}`, d, "a digit the classifier can choose");
  const total = () => probs.reduce((s, p) => s + p.value, 0);
  const certain = c.given("certainty", 1, "the probability of an answer the network is sure of");
  const ps = [0.95, 0.5, 0.1, 0.01].map((p) => c.given(`p ${p}`, p, "a probability in the cross-entropy table"));
  const [p95, p50, p10, p01] = ps;
  const ten = c.given("tenfold", 10, "the factor by which the probability shrinks");
  c.cell("cross-entropy", [
    nb12, total, probs[0],
    digit(0), probs[1], digit(1), probs[2], digit(2),
    certain, () => Math.log(certain.value), certain,
    ...ps.flatMap((p) => [p, () => ce(p.value)]),
    p95, p50, () => ce(0.5) - ce(0.95),
    p10, p01, () => ce(0.01) - ce(0.1),
    ten, () => Math.log(ten.value),
    () => squaredError([1], [0]),
    p01, certain, p01, square, () => squaredError([p01.value], [1]),
  ]);
  const third = c.given("three classes", 3, "the number of classes the example chooses between");
  c.cell("cross-entropy-engine-intro", [
    certain, c.given("not the class", 0, "the target's entry for a wrong class"),
    ...probs, probs[0], () => crossEntropy([0.7, 0.2, 0.1], [1, 0, 0]),
    probs[2], () => crossEntropy([0.7, 0.2, 0.1], [0, 0, 1]),
    certain, third, certain, third, () => crossEntropy(new Array<number>(third.value).fill(certain.value / third.value), [1, 0, 0]),
  ]);

  const better = c.given("tried weight", 0.95, "one of the weights the cell tries");
  c.cell("learning", [
    c.given("perfect loss", 0, "the loss of a network with no misses"),
    c.given("weight of A", 1, "the output neuron's weight for neuron A in notebook 05"), () => meanLossWith(1),
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
    ten, () => Math.log(ten.value),
  ]);
  c.cell("next", [nb07]);
});
