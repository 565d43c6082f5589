import { claimsFor } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  bumpData,
  countParameters,
  createNetwork,
  deadNeurons,
  perceptron,
  predict,
  train,
  uniformIn,
  xorData,
} from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/11-xor";
import { squaredErrorWorking, weightedSumWorking } from "../../lib/course/arithmetic";
import { parameterCountWorking } from "../../lib/course/parameter-working";

/** Remembers the value of a costly computation (a training run) after the first call. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value === undefined ? (value = make()) : value);
}

export default claimsFor("11-xor.ipynb", (c) => {
  const data = xorData();
  const notebook = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [n00, n02, n04, n05, n06, n08, n10, n11, n12] = [0, 2, 4, 5, 6, 8, 10, 11, 12].map(notebook);

  // Small whole numbers that the prose uses as themselves: bounds, targets, counts, exponents.
  const zero = c.given("zero", 0, "zero: the perceptron's threshold, a target, a bound in the argument");
  const one = c.given("one", 1, "one: a target, an input, a bound in the argument");
  const two = c.given("two", 2, "two: the factor of the squared error's slope, and of 2b in the argument");
  const square = c.given("square", 2, "the exponent of a square, written ²");
  const half = c.given("half", 0.5, "the midpoint of the square and the decision threshold 0.5");
  const ten = c.given("ten", 10, "the base of a power of ten");
  const point = (n: number) => [() => data[n].input[0], () => data[n].input[1]];
  const target = (n: number) => () => data[n].target[0];
  const samples = c.given("samples", 4, "XOR has four samples (and the bump four points)");

  // The network and its recipe.
  const inputs = c.given("inputs", 2, "XOR has two inputs");
  const hidden = c.given("hidden", 8, "the course's XOR network has 8 hidden neurons");
  const outputs = c.given("outputs", 1, "one output neuron");
  const seed = c.given("seed", 7, "the XOR recipe's seed", { code: "build-network" });
  const low = c.given("low", -1, "the low end of uniformIn(-1, 1)", { code: "build-network" });
  const high = c.given("high", 1, "the high end of uniformIn(-1, 1)", { code: "build-network" });
  const rate = c.given("learning rate", 0.1, "the XOR recipe's learning rate", { code: "train" });
  const epochs = c.given("epochs", 3001, "the XOR recipe trains 3001 epochs", { code: "train" });
  const lastEpoch = () => epochs.value - 1;
  const logged = [0, 20, 40, 60, 80, 100, 500, 1500, 3000].map((e) => c.given(`logged epoch ${e}`, e, "an epoch the log prints", { code: "train" }));
  const [e0, e20, e40, e60, e80, e100, e500, e1500, e3000] = logged;

  const makeNet = (s: number, width: number) =>
    createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(s) });
  const recipe = { epochs: 3001, learningRate: 0.1, loss: "squaredError" as const, method: "sample" as const, lossReport: "sum" as const };
  // The training runs' values come from what the notebook's cells printed (their stored outputs, which
  // npm test proves equal to a re-run): the claims do not train the networks again. Only the untrained
  // network (the recipe's seed, no training) and the first epochs of the main run (for the epoch in which
  // a neuron dies, which no cell prints) are computed here, and the latter is checked against the log.
  const pad = (e: number, width: number) => String(e).padStart(width);
  const logAt = (e: number) => () => c.read("train", `epoch ${pad(e, 4)}`, "loss");
  const untrained = once(() => makeNet(7, 8));
  const untrainedOut = (n: number) => predict(untrained(), data[n].input)[0];
  const untrainedSum = () => c.read("untrained-loss", "summed loss:");
  const inputText = (n: number) => `(${data[n].input.join(", ")}):`;
  const epochZero = once(() => data.map((_, n) => c.read("epoch-zero", inputText(n), "loss")));
  const finalOut = (n: number) => () => c.read("predictions", `(${data[n].input.map((v) => v.toFixed(1)).join(", ")}) ->`);
  const deadAt = (e: number) => {
    const line = c.read("dead-list", `epoch ${e}: dead hidden neurons`);
    const list: number[] = [];
    for (let k = 0; ; k++) {
      try {
        list.push(c.read("dead-list", `epoch ${e}: dead hidden neurons`, { nth: k }) - 1);
      } catch {
        break;
      }
    }
    return line === list[0] + 1 ? list : [];
  };
  // The first 101 epochs of the main run, snapshot by snapshot, replayed with the notebook's recipe (for
  // the epoch in which a neuron dies and the loss at epoch 100 beyond the log's four decimals); every
  // epoch it shares with the log of cell "train" must agree, or the claims that use it fail.
  const firstEpochs = once(() => {
    const net = makeNet(7, 8);
    const history = train(net, data, { ...recipe, epochs: 101, snapshotEpochs: "all" });
    for (const e of [0, 20, 40, 60, 80, 100]) {
      if (history.records[e].loss.toFixed(4) !== logAt(e)().toFixed(4)) throw new Error(`the replayed epoch ${e} differs from the notebook's log`);
    }
    return history;
  });

  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`);
  const [part1, part2] = [1, 2].map((n) => c.given(`part ${n}`, n, "the number of a part of the notebook"));
  c.cell("title", [n11, n10, minutes(45, "the whole notebook"), n10]);
  c.cell("learn", [part1, minutes(25, "part 1"), inputs, hidden, outputs, part2, minutes(20, "part 2")]);
  c.cell("part-1", [part1]);
  c.cell("part-2", [part2, part2]);
  c.cell("problem", [zero, one, one, ...data.flatMap((s, n) => [...point(n), target(n)])]);

  // The four lines.
  const lines = [
    { weights: [1, 1], bias: -0.5 },
    { weights: [-1, -1], bias: 1.5 },
    { weights: [1, -1], bias: -0.5 },
    { weights: [-1, 1], bias: -0.5 },
  ].map((l, k) => ({
    w1: c.given(`line ${k} w1`, l.weights[0], "a weight of one of the four example lines", { code: "lines" }),
    w2: c.given(`line ${k} w2`, l.weights[1], "a weight of one of the four example lines", { code: "lines" }),
    b: c.given(`line ${k} b`, l.bias, "the bias of one of the four example lines", { code: "lines" }),
  }));
  const wrongCount = (k: number) => data.filter((s) => perceptron([lines[k].w1.value, lines[k].w2.value], lines[k].b.value, s.input) !== s.target[0]).length;
  c.cell("no-line", [n02, one, zero, zero, zero, one, zero, ...lines.flatMap((l) => [l.w1, l.w2, l.b])]);
  // Every line makes the same number of mistakes (NaN, and so a failed check, if they differed).
  const sameForAll = (f: (k: number) => number) => () => {
    const values = [0, 1, 2, 3].map(f);
    return values.every((v) => v === values[0]) ? values[0] : NaN;
  };
  c.cell("no-line-figure", [sameForAll((k) => data.length - wrongCount(k)), samples, sameForAll(wrongCount)]);
  c.cell("proof", [
    ...point(0), target(0), zero,
    ...point(1), target(1), zero,
    ...point(2), target(2), zero,
    ...point(3), target(3), zero,
    two, zero, zero, zero, zero,
    one, zero,
    () => (data[0].input[0] + data[3].input[0]) / 2, () => (data[1].input[1] + data[2].input[1]) / 2,
    one, one, zero,
  ]);
  c.cell("network", [
    n04, n05, inputs, hidden, outputs, zero, one,
    () => countParameters([2, 8, 1]),
    c.line(() => parameterCountWorking([2, 8, 1])),
    low, high, low, high, seed, n00,
    square, two, n08, rate, epochs, zero, lastEpoch,
  ]);
  c.cell("untrained", [
    () => c.read("build-network", "first hidden neuron: weights"),
    () => c.read("build-network", "first hidden neuron: weights", { nth: 1 }),
    seed,
    ...data.flatMap((s, n) => [...point(n), c.line(() => squaredErrorWorking(untrainedOut(n), s.target[0], 4))]),
    untrainedSum,
    // What a learner gets adding the four squares as printed (4 decimals), not the exact sum.
    () => data.reduce((total, s, n) => total + Number(((untrainedOut(n) - s.target[0]) ** 2).toFixed(4)), 0),
  ]);
  c.cell("train-intro", [epochs, ...logged, e0, e40, e3000]);
  c.cell("log-puzzle", [
    logAt(0),
    logAt(20), e20, logAt(40), e40, logAt(60), e60,
    e80, logAt(80), e100, c.rounded(() => firstEpochs().records[100].loss),
    e0, untrainedSum, logAt(0),
    ...point(0), () => epochZero()[0],
    ...point(1), () => epochZero()[1],
    ...point(2), () => epochZero()[2],
    ...point(3), () => epochZero()[3],
    () => epochZero()[0], () => epochZero()[1], () => epochZero()[2], () => epochZero()[3], () => epochZero().reduce((a, b) => a + b, 0),
    e0,
  ]);
  c.cell("predictions-intro", [epochs]);
  const curveEpochs = c.given("curve epochs", 120, "how many epochs the first loss curve shows");
  c.cell("predictions-read", [
    c.rounded(finalOut(0)), c.rounded(finalOut(1)), c.rounded(finalOut(2)), c.rounded(finalOut(3)),
    zero,
    curveEpochs,
  ]);
  c.cell("boundary-intro", [zero, one, half, e0, e40, e3000]);
  // The untrained network's largest answer over the picture's square, [−0.25, 1.25]² (decisionBoundary's
  // default), on a fine grid; it must lie on the top edge, as the text says.
  const untrainedMax = () => {
    let best = -Infinity;
    let atTop = false;
    for (let i = 0; i <= 300; i++) {
      for (let j = 0; j <= 300; j++) {
        const [x, y] = [-0.25 + (1.5 * i) / 300, -0.25 + (1.5 * j) / 300];
        const v = predict(untrained(), [x, y])[0];
        if (v > best) [best, atTop] = [v, j === 300];
      }
    }
    return atTop ? best : NaN;
  };
  c.cell("boundary-read", [
    e0, half, untrainedMax, zero, c.given("lowest band", 0.1, "the top of the figure's lowest colour band (bandEdges)"), e40,
    ...point(1), ...point(2), half, ...point(0), ...point(3),
    e3000, zero, one,
  ]);
  c.cell("boundary-explorer-intro", [e0, untrainedSum, logAt(0)]);

  // Dead neurons.
  const n3 = c.given("neuron 3", 3, "the dead neuron worked by hand: its position in code, weights[3]");
  const n4 = c.given("neuron 4", 4, "the dead neuron worked by hand, counted from 1 as the text counts");
  const rounded4 = (v: number) => Number(v.toFixed(4));
  const neuron3 = () => ({ weights: untrained().layers[0].weights[3].map(rounded4), bias: rounded4(untrained().layers[0].biases[3]) });
  c.cell("dead", [
    zero, zero, n04, zero, zero, zero,
    n4, n3, zero,
    () => neuron3().weights[0], () => neuron3().weights[1], () => neuron3().bias,
    ...data.flatMap((s, n) => [...point(n), c.line(() => weightedSumWorking(neuron3().weights, s.input, neuron3().bias, 4))]),
    zero, n4, zero, one,
  ]);
  // The one neuron that died during training (dead at the end, alive at the start).
  const newlyDead = () => {
    const died = deadAt(3000).filter((j) => !deadAt(0).includes(j));
    return died.length === 1 ? died[0] : NaN;
  };
  c.cell("dead-read", [
    () => deadAt(0)[0] + 1, () => deadAt(0)[1] + 1, () => deadAt(0)[2] + 1,
    () => newlyDead() + 1,
    () => firstEpochs().snapshots.findIndex((s) => deadNeurons(s.network, data).includes(newlyDead())) - 1,
    () => hidden.value - deadAt(3000).length,
  ]);

  // The stuck run: width 2, seed 7.
  const narrowWidth = c.given("narrow width", 2, "the narrow network's number of hidden neurons", { code: "stuck-train" });
  const narrowLog = (e: number) => () => c.read("stuck-train", `epoch ${pad(e, 4)}`, "loss");
  const narrowOut = (n: number) => c.read("stuck-train", "answers:", { nth: n });
  const narrowDeadAt1 = () => c.read("stuck-train", "at epoch 1:") - 1;
  // The best single answer for the three inputs that share one (targets 0, 1, 0), and its misses.
  const shared = () => (data[0].target[0] + data[1].target[0] + data[3].target[0]) / 3;
  const miss = (n: number) => () => Math.abs(data[n].target[0] - shared());
  c.cell("stuck", [seed, narrowWidth]);
  c.cell("stuck-read", [
    () => narrowDeadAt1() + 1,
    () => [0, 1].find((j) => j !== narrowDeadAt1())! + 1,
    ...point(2),
    zero,
    target(0), target(1), target(3),
    narrowLog(0),
    narrowLog(60), e60, narrowLog(3000), e3000,
    target(0), target(1), target(3), shared,
    ...[0, 1, 3].map(miss),
    miss(0), square, miss(1), square, miss(3), square, () => miss(0)() ** 2 + miss(1)() ** 2 + miss(3)() ** 2,
    () => c.read("stuck-train", "real summed loss of the final network:"),
    () => narrowOut(0), ...point(2), () => narrowOut(2),
    narrowLog(3000),
  ]);

  // The sweep.
  const seedsLow = c.given("first seed", 0, "the sweep's seeds start at 0");
  const seedsHigh = c.given("last seed", 49, "the sweep's seeds end at 49");
  const widths = [1, 2, 3, 4, 8].map((w) => c.given(`width ${w}`, w, "a width in the sweep", { code: "sweep-run" }));
  const limit = c.given("stuck limit", 0.1, "our definition of stuck: a logged loss above 0.1 at epoch 3000", { code: "sweep-run" });
  // The sweep's counts as cell "sweep-run" printed them: "2 hidden: 36 of 50 stuck", "stuck runs end at:
  // 0.6173 (12 runs), …".
  const widthValues = [1, 2, 3, 4, 8];
  const stuckCount = (k: number) => () => c.read("sweep-run", `\n${widthValues[k]} hidden:`);
  const plateauValues = () => [0, 1, 2].map((k) => c.read("sweep-run", "stuck runs end at:", { nth: 2 * k }));
  const plateau = (value: number) => () => c.read("sweep-run", "stuck runs end at:", { nth: 2 * plateauValues().findIndex((v) => v === value) + 1 });
  const worstSolved = () => c.read("sweep-run", "largest final loss of a run that was not stuck:");
  c.cell("sweep", [
    seedsLow, seedsHigh, widths[0], widths[1], widths[2], widths[3], widths[4],
    () => widths.length * (seedsHigh.value - seedsLow.value + 1), epochs, e3000, limit,
  ]);
  c.cell("sweep-read", [
    widths[0],
    widths[1], stuckCount(1), () => seedsHigh.value - seedsLow.value + 1,
    widths[2], stuckCount(2), widths[3], stuckCount(3), widths[4],
    () => worstSolved() / 10 ** Math.floor(Math.log10(worstSolved())), ten, () => Math.floor(Math.log10(worstSolved())),
    plateau(0.6173), () => plateauValues()[0], plateau(0.8197), () => plateauValues()[1], plateau(1.2195), () => plateauValues()[2],
    () => plateauValues()[1], () => plateauValues()[0], target(0), target(1), () => (data[0].target[0] + data[1].target[0]) / 2,
    () => plateauValues()[2],
    limit, () => plateauValues()[0],
    widths[4],
  ]);

  // The bump.
  const bump = bumpData();
  const bx = (n: number) => () => bump[n].input[0];
  const by = (n: number) => () => bump[n].target[0];
  const start = {
    w1: c.given("w1", 0.5, "the one-neuron bump network's starting w₁", { code: "bump-one" }),
    b1: c.given("b1", -0.1, "the one-neuron bump network's starting b₁", { code: "bump-one" }),
    w2: c.given("w2", 0.3, "the one-neuron bump network's starting w₂", { code: "bump-one" }),
    b2: c.given("b2", 0.2, "the one-neuron bump network's starting b₂", { code: "bump-one" }),
  };
  const bumpRate = c.given("bump learning rate", 0.5, "the bump runs' learning rate", { code: "bump-one" });
  const bumpEpochs = c.given("bump epochs", 20000, "both bump runs train 20000 epochs", { code: "bump-one" });
  const longEpochs = c.given("long run", 200000, "the long run trains 200000 epochs in all");
  const bumpRecipe = { learningRate: 0.5, loss: "halfSquaredError" as const, method: "batch" as const };
  // The bump runs as cells "bump-one", "bump-longer" and "bump-two-run" printed them.
  const runLog = (cell: string) => (e: number) => c.read(cell, `epoch ${pad(e, 5)}`, "loss");
  const oneLog = runLog("bump-one");
  const twoLog = runLog("bump-two-run");
  const oneFinal = () => c.read("bump-one", "after 20000 epochs: loss");
  const oneAnswer = (n: number) => () => c.read("bump-one", "after 20000 epochs:", "answers", { nth: n });
  const longAnswer = (n: number) => () => c.read("bump-longer", "\nanswers", { nth: n });
  const twoFinal = () => c.read("bump-two-run", "after 20000 epochs: loss");
  const twoAnswer = (n: number) => () => c.read("bump-two-run", "after 20000 epochs:", "answers", { nth: n });
  // The floor, from the data: the best step answers the first point exactly and the last three with
  // their mean; the mean over the four points of ½(ŷ − y)².
  const stepHeight = () => (bump[1].target[0] + bump[2].target[0] + bump[3].target[0]) / 3;
  const floor = () => bump.slice(1).reduce((sum, s) => sum + 0.5 * (stepHeight() - s.target[0]) ** 2, 0) / bump.length;
  const third = c.given("three", 3, "the denominator of 2/3 and 1/3");
  const [b500, b1500, b2000] = [500, 1500, 2000].map((e) => c.given(`bump epoch ${e}`, e, "an epoch of the bump run the text quotes", { code: "bump-one" }));
  c.cell("bump-intro", [
    bx(0), bx(1), bx(2), bx(3), by(0), by(1), by(2), by(3),
    one, one, square, n06,
    zero, zero, zero, zero,
    bx(0), bx(1), bx(2), bx(3),
    bx(3), bx(1), bx(2),
    one, one, one,
    one, square, one, square, square, one, square, square,
    () => -two.value, one, zero, two, third, one, third, square, two, third, square,
    one, () => third.value ** 2, () => 0.5 * two.value ** 2, () => third.value ** 2, one, third,
    one, zero,
    one, third, one, () => 1 / floor(), floor,
    zero, two, third, two, third, two, third,
  ]);
  c.cell("bump-one-read", [
    start.w1, start.b1, start.w2, start.b2, n08, bumpRate,
    () => oneLog(0),
    () => oneLog(500), b500,
    () => oneLog(1500), b1500,
    () => oneLog(2000), b2000,
    oneFinal, bumpEpochs,
    ...[0, 1, 2, 3].map(oneAnswer),
    bx(3), two, third, one, () => 1 / floor(),
  ]);
  c.cell("bump-two", [
    longEpochs,
    () => c.read("bump-longer", "after 200000 epochs: loss"), floor,
    ...[0, 1, 2, 3].map(longAnswer),
    one, two, one, low, high, seed, bumpEpochs,
  ]);
  const twoLoss = twoFinal;
  c.cell("bump-two-read", [
    c.rounded(() => twoLog(0)),
    () => twoLog(2000), b2000,
    () => twoLoss() / 10 ** Math.floor(Math.log10(twoLoss())), ten, () => Math.floor(Math.log10(twoLoss())),
    bumpEpochs,
    ...[0, 1, 2, 3].map(twoAnswer),
    ten,
  ]);
  const between = c.given("between", 2.5, "a place between two of the bump's points", { code: "bump-two-run" });
  c.cell("bump-fit-read", [
    bx(0), bx(1), two, third,
    () => c.read("bump-two-run", "answer at x = 2.5, between two points:"), between, zero, bx(3),
  ]);

  // Your turn.
  const ex = (k: number) => c.given(`exercise 11.${k}`, Number(`11.${k}`), "an exercise's number");
  c.cell("your-turn", [ex(1), one, zero, zero, lines[0].w1, lines[0].w2, lines[0].b, () => wrongCount(0), zero]);
  c.cell("exercise-2-text", [ex(2), zero, () => deadAt(0).length]);
  // Exercise 11.3: epoch 0's mean loss by full-batch training (weights frozen for the epoch), a route
  // apart from the summed loss of the untrained network's answers.
  const fullBatchFirst = () => train(makeNet(7, 8), data, { epochs: 1, learningRate: 0.1, loss: "squaredError", method: "batch", lossReport: "mean" }).records[0].loss;
  c.cell("exercise-3-text", [
    ex(3), n08, ...[1, 2, 3, 4].map((k) => c.given(`step ${k}`, k, "a numbered step of the training loop")), n10, e0, untrainedSum, samples, fullBatchFirst, logAt(0),
    c.given("exercise epochs", 500, "how many epochs the check of exercise 11.3 trains"), rate,
  ]);
  c.cell("recap", [
    one, zero,
    inputs, hidden, outputs, seed, rate, logAt(0), e0, logAt(80), e80,
    c.rounded(finalOut(0)), c.rounded(finalOut(1)), c.rounded(finalOut(2)), c.rounded(finalOut(3)),
    e0, logAt(0), untrainedSum,
    zero, widths[1], stuckCount(1), () => seedsHigh.value - seedsLow.value + 1, widths[4],
  ]);
  c.cell("next", [n12, c.given("pixels", 25, "the digits network reads 5 × 5 = 25 pixels"), hidden, c.given("digits", 3, "the digits network tells 3 digits apart")]);
  // ── Numbers in words, in captions and comments.
  const points = () => data.length;
  const ofTarget = (t: number) => () => data.filter((s) => s.target[0] === t).length;
  const oneSample = c.given("one sample", 1, "the recipe updates after every single sample");
  const oneHidden = c.given("one hidden neuron", 1, "the one-neuron bump network's hidden layer", { code: "bump-one" });
  const twoHidden = c.given("two hidden neurons", 2, "the two-neuron bump network's hidden layer", { code: "bump-two-run" });
  const fourDecimals = c.given("four decimals", 4, "the log prints the epoch in four places and the loss with four decimals", { code: "train" });
  const threeDecimals = c.given("three decimals", 3, "the predictions are printed with three decimals", { code: "predictions" });
  const snapshotCount = () => [e0, e40, e3000].length;
  const updatesBefore = (n: number) => () => data.slice(0, n).length;
  const onePicture = c.given("a single one", 1, "a single item: one of the pictures, one corner, one network, one shared answer");
  const wrongForAll = sameForAll(wrongCount);
  c.words("learn", [points, oneSample, oneHidden]);
  c.words("problem", [() => data[0].input.length, points]);
  c.words("no-line", [() => [lines[0].w1, lines[0].w2].length]);
  c.words("lines-figure", [() => lines.length, points, wrongForAll, () => lines.length, points, wrongForAll]);
  const diagonals = c.given("diagonals", 2, "a square has two diagonals");
  c.words("proof", [() => data.length - 2, ofTarget(1), onePicture, ofTarget(0), diagonals, ofTarget(0)]);
  c.words("network", [oneSample, points]);
  c.words("untrained", [() => untrained().layers[0].weights[0].length, points]);
  c.words("train-intro", [fourDecimals, fourDecimals]);
  c.words("log-puzzle", [fourDecimals, updatesBefore(1), updatesBefore(2), updatesBefore(3), onePicture, oneSample]);
  c.words("predictions-intro", [points, threeDecimals]);
  c.words("predictions-read", [threeDecimals]);
  c.cell("loss-curve", [hidden, e0, curveEpochs, e40]);
  c.words("loss-curve", [onePicture]);
  c.words("boundary-intro", [inputs]);
  c.cell("boundary", [e0, e40, e3000, half, e0, e40, e3000, ...point(1), ...point(2), one, zero]);
  c.words("boundary", [snapshotCount, onePicture, () => data.length - 2]);
  const bentBoundaries = c.given("boundaries", 2, "the white lines the epoch-40 and epoch-3000 pictures show");
  c.words("boundary-read", [bentBoundaries, points, bentBoundaries]);
  c.words("boundary-explorer-intro", [snapshotCount, points]);
  const handDecimals = c.given("hand decimals", 4, "the dead neuron's knobs are rounded to four decimals", { code: "dead-by-hand" });
  c.words("dead", [handDecimals, points]);
  c.cell("dead-by-hand", [n4, n3]);
  c.words("dead-by-hand", [handDecimals]);
  c.cell("dead-list", [zero]);
  c.words("dead-read", [() => deadAt(0).length, hidden]);
  c.words("stuck-read", [() => data.length - 1, onePicture, () => data.length - 1, points]);
  const curveLength = c.given("curve length", 200, "how many epochs the comparison curve shows");
  c.cell("stuck-curve", [hidden, narrowWidth, curveLength, hidden, narrowWidth]);
  c.words("stuck-curve", [onePicture]);
  c.words("sweep", [onePicture]);
  c.cell("sweep-figure", [() => widths.length * (seedsHigh.value - seedsLow.value + 1), seedsLow, seedsHigh, e3000, limit]);
  c.words("sweep-figure", [onePicture]);
  c.words("sweep-read", [() => plateauValues().length, () => data.length - 1, onePicture, () => data.length - 2, onePicture]);
  c.words("your-turn", [points]);
  c.words("exercise-3-text", [points]);
  c.words("bump-intro", [() => bump[0].input.length, () => bump.length, () => bump.length, c.given("pair", 2, "the argument compares a pair of inputs"), () => bump.length, () => bump.length - 1]);
  c.words("bump-one-read", [() => bump.length - 1, () => longEpochs.value / bumpEpochs.value]);
  c.cell("bump-longer", [bumpEpochs]);
  c.words("bump-two", [twoHidden, twoHidden, oneHidden]);
  c.cell("bump-two-run", [oneHidden, twoHidden, bumpEpochs, one, () => 1 / floor(), zero]);
  c.words("bump-two-run", [oneHidden]);
  c.words("bump-two-read", [twoHidden]);
  c.cell("bump-fit", [oneHidden, bumpEpochs, twoHidden, bumpEpochs]);
  c.words("bump-fit", [() => bump.length, c.given("curves", 2, "one curve for each trained network")]);
  c.words("bump-fit-read", [oneHidden, twoHidden, () => bump.length, () => bump.length, () => bump.length]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  const cost = (height: number) => (1 - height) ** 2 + 0.5 * height ** 2;
  const snapshot = (e: number) => firstEpochs().snapshots[e].network;
  c.compare("learn", "a curve that goes [up]", { from: by(0), to: by(1) });
  c.compare("log-puzzle", "The loss [falls] fast", { from: logAt(0), to: logAt(60) });
  c.compare("log-puzzle", "that sample comes [up]", general("'comes up' means 'arrives', not a rise"));
  c.compare("predictions-read", "the summed loss [fell] during", { from: logAt(0), to: logAt(100) });
  c.compare("boundary", "the answer [falls] from one corner", { from: () => untrainedOut(3), to: () => untrainedOut(0) });
  c.compare("boundary-read", "answers [less] than 0.5 everywhere", { value: untrainedMax, than: half });
  c.compare("boundary-read", "answers [more] than 0.5, and the corners", { value: () => Math.min(predict(snapshot(40), data[1].input)[0], predict(snapshot(40), data[2].input)[0]), than: half });
  c.compare("boundary-explorer-intro", "down to the [smallest] loss", general("the chart's lower end: the least loss the run reaches"));
  c.compare("dead", "its weighted sum can [rise] above 0", general("a later layer's inputs can change"));
  c.compare("dead-read", "With [fewer] neurons", general("the premise of the next section: narrower networks"));
  c.compare("stuck-read", "The log [falls] from 5.88", { from: narrowLog(0), to: narrowLog(60) });
  c.compare("stuck-curve", "the other stops [falling]", general("the narrow run's log stays at 0.8197 from epoch 60 (read in stuck-read)"));
  c.compare("sweep-read", "The [largest] final loss of a run", general("the printed maximum over the runs that were not stuck"));
  const smallerNet = keys.find((k) => k.id === "11.3")!;
  const knobsOf = (net: { layers: { weights: number[][]; biases: number[] }[] }) => net.layers.reduce((n, l) => n + l.weights.flat().length + l.biases.length, 0);
  c.compare("exercise-3-text", "and on a [smaller] network", { value: () => knobsOf((smallerNet.cases() as unknown[][])[1][0] as never), than: () => knobsOf((smallerNet.cases() as unknown[][])[0][0] as never) });
  c.compare("recap", "its summed loss [falls] from 4.6972", { from: logAt(0), to: logAt(80) });
  c.compare("bump-intro", "four points that go [up]", { from: by(0), to: by(1) });
  c.compare("bump-intro", "The sigmoid only ever [rises]", general("the sigmoid is increasing everywhere"));
  c.compare("bump-intro", "ŷ(4) never go [down]", general("the two cases of a monotonic curve"));
  c.compare("bump-intro", "or they never go [up]", general("the two cases of a monotonic curve"));
  c.compare("bump-intro", "Say the curve never goes [down]", general("the case the argument takes"));
  c.compare("bump-intro", "That is [smallest] where", { value: () => cost(stepHeight()), than: [0, 0.5, 0.6, 0.7, 0.8, 1].map((h) => () => cost(h)) });
  c.compare("bump-intro", "alone costs [more] than", { value: () => 0.5 * (0 - 1.01) ** 2, than: () => 0.5 });
  c.compare("bump-intro", "A curve that never goes [up]", general("the mirror case"));
  c.compare("bump-one-read", "[drops] to 0.097", { from: () => oneLog(0), to: () => oneLog(500) });
  c.compare("bump-one-read", "a [rising] curve that gave up", { from: oneAnswer(0), to: oneAnswer(3) });
  c.compare("bump-two-read", "loss starts [higher]", { value: () => twoLog(0), than: () => oneLog(0) });
  c.compare("bump-two-read", "but keeps [falling]", { from: () => twoLog(0), to: () => twoLog(2000) });
  c.compare("bump-two-read", "the long [fall] stays", { from: () => twoLog(0), to: twoFinal });
  c.compare("bump-fit-read", "and [falls] below 0 after x = 4", general("what the figure shows past the last point"));
  c.strict();
});
