import { claimsFor } from "../../lib/tools/claims/define";
import {
  Network,
  PythonRandom,
  Sample,
  centralSlope,
  evaluate,
  forward,
  lossDerivative,
  networkFrom,
  nudgeSlope,
  squaredError,
} from "../../lib/engine";
import { productWorking, squaredErrorWorking, updateWorking, weightedSumWorking } from "../../lib/course/arithmetic";

export default claimsFor("08-gradient-descent.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n07, n08, n09, n10] = [
    notebook(7, "The gradient"),
    notebook(8, "Gradient descent"),
    notebook(9, "The chain rule"),
    notebook(10, "Backpropagation"),
  ];

  // Part 1: the running example of notebooks 05–07, one knob at a time.
  const v1 = c.given("output weight 1", 1, "the output neuron's first weight (notebook 05)", { code: "setup", at: "activation: \"relu\" },\n  { weights: [[" });
  const v2 = c.given("output weight 2", 2, "the output neuron's second weight (notebook 05)", { code: "setup", at: "{ weights: [[1, " });
  const v3 = c.given("output weight 3", -1, "the output neuron's third weight (notebook 05)", { code: "setup", at: "{ weights: [[1, 2, " });
  const b = c.given("output bias", 0, "the output neuron's bias (notebook 05)", { code: "setup", at: "[[1, 2, -1]], biases: [" });
  const target = c.given("target", 20, "the right answer for the example (notebook 06)", { code: "setup", at: "targetValue = " });
  const lowTarget = c.given("low target", 14, "a target below the output, for the sign example", { code: "signs-code", at: "const lowTarget = " });
  const nudge = c.given("nudge", 0.1, "the nudge of notebook 07", { code: "setup", at: "nudgeSlope(lossWithFirstWeight, 1, " });
  const rate = c.given("learning rate", 0.001, "the learning rate of the first step", { code: "setup", at: "const learningRate = " });
  const bigRate = c.given("rate 1", 1, "a learning rate of 1, for the leap", { code: "why-small-code", at: "const leap = 1 - " });
  const square = c.given("square", 2, "the power in the squared-error loss", { is: "definition" });
  const zero = c.given("start value", 0, "the neuron's starting weight and bias", { code: "data", at: "weights: [[" });

  const netWith = (w: number) =>
    networkFrom(2, [
      { weights: [[3, 1], [-2, 1], [1, -3]], biases: [4, 0, 2], activation: "relu" },
      { weights: [[w, v2.value, v3.value]], biases: [b.value], activation: "relu" },
    ]);
  const input = [2, 5];
  const hidden = forward(netWith(v1.value), input).layers[0].activations;
  const h1 = () => hidden[0];
  const outAt = (w: number) => forward(netWith(w), input).output[0];
  const lossAt = (w: number, t = target.value) => squaredError([outAt(w)], [t]);
  const out = () => outAt(v1.value);
  const loss = () => lossAt(v1.value);
  const nudged = () => nudgeSlope((w) => lossAt(w), v1.value, nudge.value);
  const exact = () => centralSlope((w) => lossAt(w), v1.value, 0.001);
  const stepped = () => v1.value - rate.value * nudged();
  const two = () => lossDerivative("squaredError", [1], [0])[0];

  c.cell("title", [n08, n07, nudge, nudged, exact, c.given("minutes", 35, "the estimated time to work through the notebook", { is: "estimate" }), n07]);
  c.cell("rule", [n07, v1, nudge, nudged, rate, c.line(() => updateWorking(v1.value, rate.value, nudged()))]);
  c.cell("after-step", [
    c.line(() => weightedSumWorking([stepped(), v2.value, v3.value], hidden, b.value, 4)),
    c.line(() => squaredErrorWorking(outAt(stepped()), target.value, 4)),
    loss, c.rounded(() => lossAt(stepped())),
  ]);

  const positive = () => lossDerivative("squaredError", [out()], [lowTarget.value])[0] * h1();
  const lowered = () => v1.value - rate.value * positive();
  c.cell("signs", [
    nudged, n07, lowTarget, target, out, n07, two,
    c.line(() => productWorking([two(), out() - lowTarget.value, h1()])),
    c.line(() => updateWorking(v1.value, rate.value, positive())),
    () => outAt(lowered()), lowTarget, () => lossAt(v1.value, lowTarget.value), () => lossAt(lowered(), lowTarget.value),
  ]);

  const leap = () => v1.value - bigRate.value * exact();
  c.cell("why-small", [
    bigRate, exact, bigRate,
    c.line(() => updateWorking(v1.value, bigRate.value, exact())),
    c.rounded(() => outAt(leap())), c.rounded(() => lossAt(leap())), c.rounded(leap),
  ]);

  // The floor of the valley: the weight where the output hits the target, (target − rest) / 15.
  const rest = () => out() - v1.value * h1();
  const floor = () => (target.value - rest()) / h1();
  c.cell("hillside", [floor, floor, h1, rest, () => outAt(floor()), () => lossAt(floor()), v1, n07]);
  c.cell("hillside-steps", [c.given("step 0", 0, "the number of the starting dot", { is: "label" })]);

  // The gradient is 2 × (15w + 2 − 20) × 15 = 450 × (w − 1.2).
  const slope450 = () => two() * h1() * h1();
  const distance = (w: number) => floor() - w;
  const path = (r: number, steps: number) => {
    const ws = [v1.value];
    for (let k = 0; k < steps; k++) ws.push(ws[k] - r * centralSlope((w) => lossAt(w), ws[k], 0.001));
    return ws;
  };
  const factor = (r: number) => () => 1 - slope450() * r;
  const [slow, fine, fast] = [0.0002, 0.001, 0.005].map((r, i) => c.given(`walk rate ${i + 1}`, r, "a learning rate chosen for the three walks", { code: "three-rates", at: ["const rates = [", "[0.0002, ", "[0.0002, 0.001, "][i] }));
  c.cell("factor", [
    h1, rest,
    two, h1, rest, target, h1, slope450, floor, slope450,
    v1, slope450, () => v1.value - floor(), () => slope450() * (v1.value - floor()),
    slope450, floor, c.given("one", 1, "the 1 in 1 − 450 × rate", { is: "definition" }), slope450,
    slow, factor(slow.value), () => 100 * (1 - factor(slow.value)()),
    fine, factor(fine.value), () => 100 * (1 - factor(fine.value)()),
    () => distance(path(fine.value, 2)[0]), () => distance(path(fine.value, 2)[1]), () => distance(path(fine.value, 2)[2]),
    fast, factor(fast.value), () => 100 * (-factor(fast.value)() - 1),
    two, slope450, c.rounded(() => two() / slope450()),
  ]);

  // Part 2: 48 points around y = 2x + 1, made exactly as the notebook makes them.
  const count = c.given("points", 48, "the size of the dataset", { code: "data", at: "i < " });
  const slope = c.given("true slope", 2, "the slope of the line the points are made from", { code: "data", at: "target: [" });
  const intercept = c.given("true intercept", 1, "the intercept of the line the points are made from", { code: "data", at: "target: [2 * x + " });
  const xLow = c.given("x low", 0, "the smallest x", { code: "data", at: "const x = rng.uniform(" });
  const xHigh = c.given("x high", 2, "the largest x", { code: "data", at: "const x = rng.uniform(0, " });
  const scatter = c.given("scatter", 0.5, "how far each y is pushed up or down at most", { code: "data", at: "rng.uniform(-0.5, " });
  const samples: Sample[] = [];
  const rng = new PythonRandom(8);
  for (let i = 0; i < count.value; i++) {
    const x = rng.uniform(xLow.value, xHigh.value);
    samples.push({ input: [x], target: [slope.value * x + intercept.value + rng.uniform(-scatter.value, scatter.value)] });
  }
  const start = networkFrom(1, [{ weights: [[0]], biases: [0], activation: "identity" }]);
  const mse = (net: Network) => evaluate(net, samples, "squaredError").loss;
  c.cell("real-problem", [count, slope, intercept, xLow, xHigh, scatter, zero, zero, count]);
  c.cell("engine-gradient", [count, n10]);

  const right = c.given("right rate", 0.3, "the learning rate that works well here, found by trying", { code: "live", at: "learningRate: " });
  const epochs = c.given("epochs", 60, "the length of the learning-rate runs", { code: "live", at: "{\n  epochs: " });
  const small = c.given("small rate", 0.01, "a learning rate that is too small", { code: "small", at: "learningRate: " });
  // The training runs: what the notebook's cells printed (their stored outputs, equal to a re-run).
  const rightRun = { loss: c.output("live", "after 60 epochs: loss"), w: c.output("live", "w ="), b: c.output("live", "b =") };
  const startLoss = c.output("live", "before training: loss");
  // The best straight line for these points, by least squares: an independent check of "the lowest any
  // line can reach". The points rebuilt above must be the notebook's: the untrained neuron's loss on them
  // is the one cell "live" printed, or the check fails.
  const best = () => {
    const printed = c.read("live", "before training: loss");
    if (Math.abs(mse(start) - printed) > 0.00005) throw new Error(`the rebuilt points give the starting loss ${mse(start)}, but cell "live" printed ${printed}`);
    const n = samples.length;
    let sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const s of samples) {
      sx += s.input[0];
      sy += s.target[0];
      sxx += s.input[0] ** 2;
      sxy += s.input[0] * s.target[0];
    }
    const w = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const bias = (sy - w * sx) / n;
    return mse(networkFrom(1, [{ weights: [[w]], biases: [bias], activation: "identity" }]));
  };
  c.cell("live-intro", [right, epochs]);
  c.cell("right-after", [
    startLoss, rightRun.loss, rightRun.w, rightRun.b,
    slope, intercept, slope, intercept, best, count,
    epochs, () => right.value / small.value, small,
  ]);
  c.cell("big-intro", [c.output("small", "loss"), epochs, bigRate]);

  // The run that blows up: its first losses, and the epoch where the engine stopped it.
  const bigLoss = (k: number) => () => c.read("big", "losses of the first five epochs:", { nth: k });
  c.cell("big-after", [
    bigLoss(0), bigLoss(1), bigLoss(2), bigLoss(3), c.rounded(() => bigLoss(3)() / bigLoss(2)()),
    c.output("big", "training blew up in epoch"),
    c.given("ten", 10, "the base of a power of ten", { is: "definition" }), c.given("power", 300, "the top tick of the log axis, 10³⁰⁰", { is: "illustration" }),
    c.given("a one", 1, "a 1 followed by zeros", { is: "definition" }), c.given("zeros", 300, "the number of zeros in 10³⁰⁰", { is: "definition" }),
  ]);

  // Steps per epoch and passes per step for each way of grouping the points.
  const group = c.given("batch size", 8, "the mini-batch size", { code: "by-engine-code", at: "batchSize: " });
  const steps = (size: number) => () => Math.ceil(count.value / size);
  const all = () => count.value;
  const one = c.given("one point", 1, "a stochastic step uses one point", { is: "definition" });
  c.cell("methods", [
    count, group, group, n10, count,
    all, steps(count.value), all, () => steps(count.value)() * count.value,
    one, steps(1), one, () => steps(1)() * 1,
    group, group, steps(group.value), group, () => steps(group.value)() * group.value,
    count, count,
  ]);
  const methodRate = c.given("method rate", 0.1, "the learning rate for comparing the three ways", { code: "by-engine-code", at: "learningRate: " });
  c.cell("by-hand", [group, methodRate]);
  c.cell("by-engine", [startLoss, c.output("by-hand-code", "points 41–48:", "loss on all 48 points")]);

  const methodEpochs = c.given("method epochs", 30, "the length of the comparison runs", { code: "three-ways-code", at: "epochs: " });
  // The table the cell printed: per way, the loss after epoch 1, after epoch 30, and the highest in epochs 21–30.
  const table = (row: string, column: number) => c.output("three-ways-code", `\n${row} `, { nth: column });
  const [afterOne, afterAll, highest] = [0, 1, 2];
  const lastEpochs = () => c.read("three-ways-code", "highest in epochs", { nth: 1 }) - c.read("three-ways-code", "highest in epochs", { nth: 0 }) + 1;
  c.cell("three-ways", [methodRate, methodEpochs, count]);
  c.cell("three-ways-after", [
    count, methodEpochs, table("batch", afterAll),
    steps(1), table("stochastic", afterOne), table("stochastic", highest),
    steps(group.value), group, table("mini-batch of 8", afterAll), table("mini-batch of 8", highest), lastEpochs,
  ]);

  // Your turn.
  const ex = (k: number) => c.exercise(`08.${k}`);
  c.cell("your-turn", [
    ex(1), v1, rate, nudged, c.rounded(stepped), v1, rate, positive, lowered,
  ]);
  const floor3 = c.given("exercise floor", 3, "the floor of the exercise's valley", { code: "exercise-2", at: "* (w - " });
  const pathFrom = (begin: number, r: number, k: number) => 3 + (begin - 3) * (1 - 2 * r) ** k;
  c.cell("exercise-2-text", [
    ex(2), floor3, square, floor3, two, floor3, c.given("plus one", 1, "the start is in the list too", { is: "definition" }),
    c.given("exercise start", 0, "the exercise's starting weight", { exercise: { id: "08.2", case: 0, item: [0] } }), c.given("exercise rate", 0.25, "the exercise's learning rate", { exercise: { id: "08.2", case: 0, item: [1] } }),
    () => pathFrom(0, 0.25, 0), () => pathFrom(0, 0.25, 1), () => pathFrom(0, 0.25, 2), () => pathFrom(0, 0.25, 3),
  ]);
  const fifty = c.given("fifty points", 50, "a dataset size that does not divide evenly", { exercise: { id: "08.3", case: 3, item: [0] } });
  c.cell("exercise-3-text", [
    ex(3), count, group, steps(group.value), fifty, group, () => Math.ceil(fifty.value / group.value), () => fifty.value - group.value * Math.floor(fifty.value / group.value),
  ]);
  c.cell("recap", [
    c.line(() => updateWorking(v1.value, rate.value, nudged())),
    loss, c.rounded(() => lossAt(stepped())),
    steps(count.value), steps(1), steps(group.value),
  ]);
  c.cell("next", [n07, n09]);

  // Numbers in code comments, labels and captions.
  const n05 = notebook(5, "Layers and the forward pass");
  const inputGiven = input.map((v, k) => c.given(`input ${k + 1}`, v, "the running example's input (notebook 05)", { code: "setup", at: ["const input = [", "const input = [2, "][k] }));
  const walkSteps = c.given("six steps", 6, "how many steps each walk takes", { code: "three-rates", at: "descend(1, rate, " });
  const oneEpoch = c.given("one epoch", 1, "a single epoch", { is: "definition" });
  const oneStep = c.given("one step", 1, "a single update of the knobs", { is: "definition" });
  const onePass = c.given("one pass", 1, "a point's single forward or backward pass", { is: "definition" });
  const threeWays = c.given("three ways", 3, "batch, stochastic and mini-batch", { code: "three-ways-code", at: "const methods: { label: string; method: UpdateMethod }[] = ", length: true });
  c.cell("setup", [n05, n07, ...inputGiven, target]);
  c.words("setup", [() => hidden.length, () => netWith(v1.value).layers[1].biases.length]);
  c.cell("hillside-figure", [rate, v1, floor]);
  c.words("hillside-figure", [walkSteps]);
  c.words("three-rates", [() => [slow, fine].length, walkSteps]);
  c.cell("data", [slope, intercept, zero, zero, count, slope, intercept]);
  c.cell("live", [right, epochs, right]);
  c.cell("side-by-side", [small, right, bigRate]);
  c.cell("three-ways-code", [group, count, methodRate]);
  c.cell("lines-after-one", [oneEpoch, count]);
  c.words("lines-after-one", [oneEpoch]);

  // Numbers in words.
  const batchSteps = steps(count.value);
  c.words("rule", [oneStep]);
  c.words("after-step", [oneStep]);
  c.words("hillside-steps", [oneStep]);
  c.words("factor", [oneStep, () => [slow, fine, fast].length, walkSteps]);
  c.words("real-problem", [c.given("one weight", 1, "the picture so far had a single weight", { is: "definition" })]);
  c.words("engine-gradient", [batchSteps, oneEpoch, batchSteps]);
  c.words("methods", [batchSteps, one, onePass, onePass]);
  c.words("by-hand", [oneEpoch]);
  c.words("by-engine", [steps(group.value)]);
  c.words("three-ways", [threeWays, oneEpoch]);
  c.words("three-ways-after", [batchSteps, one, threeWays]);
  c.words("big-after", [() => [small, right, bigRate].length]);
  c.words("exercise-2-text", [c.given("three exercise steps", 3, "the steps the exercise's example takes", { exercise: { id: "08.2", case: 0, item: [2] } }), () => (pathFrom(0, 0.25, 1) - 3) / (pathFrom(0, 0.25, 0) - 3)]);
  c.words("exercise-3-text", [oneEpoch]);
  c.words("next", [c.given("one sweep", 1, "backpropagation's single sweep backwards", { is: "definition" })]);

  // Direction words.
  const lowLoss = (w: number) => lossAt(w, lowTarget.value);
  const gradientAt = (w: number) => Math.abs(centralSlope((v) => lossAt(v), w, 0.001));
  const bigLoss0 = () => c.read("big", "losses of the first five epochs:", { nth: 0 });
  const bigLossAt = (k: number) => () => c.read("big", "losses of the first five epochs:", { nth: k });
  const climbsOut = { from: () => lossAt(v1.value), to: () => lossAt(path(fast.value, walkSteps.value)[walkSteps.value]) };
  c.compare("signs", "the weight went [up]", { from: v1, to: stepped });
  c.compare("signs", "The output [drops] to 15.65", { from: out, to: () => outAt(lowered()) });
  c.compare("signs", "the loss [falls] from 9 to 2.7225", { from: () => lowLoss(v1.value), to: () => lowLoss(lowered()) });
  c.compare("signs", "positive | goes [up]", { from: v1, to: stepped });
  c.compare("signs", "negative | goes [down]", { from: v1, to: lowered });
  c.compare("hillside-steps", "the hill gets [flatter]", { value: () => gradientAt(path(fine.value, 2)[1]), than: () => gradientAt(path(fine.value, 2)[0]) });
  c.compare("hillside-steps", "a [flatter] slope means", { given: "a general fact: the gradient is the slope" });
  c.compare("hillside-steps", "a [smaller] gradient", { given: "a general fact: the gradient is the slope" });
  c.compare("factor", "the walk [climbs] out of the valley", climbsOut);
  c.compare("real-problem", "each y pushed [up] or", { given: "the data's scatter, both ways" });
  c.compare("engine-gradient", "much [faster] and", { given: "backpropagation costs one forward and one backward pass for all knobs (notebook 10 measures it)" });
  c.compare("right-after", "The loss [fell] from 7.7888", { from: startLoss, to: rightRun.loss });
  c.compare("right-after", "the [lowest] any straight line", { value: best, than: [startLoss, c.output("small", "loss")] });
  c.compare("right-after", "rate 30 times [smaller]", { value: small, than: right });
  c.compare("big-intro", "lands [higher] up", { value: bigLossAt(1), than: bigLoss0 });
  c.compare("big-intro", "the loss [grows] every epoch", { from: bigLoss0, to: bigLossAt(4) });
  c.compare("big-after", "almost 6 times [bigger]", { value: bigLossAt(3), than: bigLossAt(2) });
  c.compare("big-after", "the [largest] number the computer", { given: "a fact about the number format" });
  c.compare("big-after", "a [smaller] learning rate", { given: "the advice the error message gives" });
  c.compare("by-engine", "the loss [dropped] from 7.7888", { from: startLoss, to: c.output("by-hand-code", "points 41–48:", "loss on all 48 points") });
  c.compare("exercise-3-text", "there are [fewer] than", { given: "the exercise's condition" });
  c.compare("recap", "the loss [fell] from 9 to 3.9502", { from: loss, to: () => lossAt(stepped()) });
  c.compare("recap", "overshoots and [climbs]", climbsOut);
  // The openings and the exercise statement.
  const aSingle = c.given("a single one", 1, "a single item: one knob, one step", { is: "definition" });
  c.words("title", [aSingle]);
  c.words("learn", [aSingle]);
  c.words("your-turn", [aSingle, aSingle]);
  c.strict();
});
