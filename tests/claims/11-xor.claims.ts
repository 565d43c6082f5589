import { claimsFor } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  backward,
  bumpData,
  copyNetwork,
  countParameters,
  createNetwork,
  deadNeurons,
  evaluate,
  forward,
  networkFrom,
  perceptron,
  predict,
  train,
  uniformIn,
  updateFromBlame,
  xorData,
} from "../../lib/engine";
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
  const seed = c.given("seed", 7, "the XOR recipe's seed");
  const low = c.given("low", -1, "the low end of uniformIn(-1, 1)");
  const high = c.given("high", 1, "the high end of uniformIn(-1, 1)");
  const rate = c.given("learning rate", 0.1, "the XOR recipe's learning rate");
  const epochs = c.given("epochs", 3001, "the XOR recipe trains 3001 epochs");
  const lastEpoch = () => epochs.value - 1;
  const logged = [0, 20, 40, 60, 80, 100, 500, 1500, 3000].map((e) => c.given(`logged epoch ${e}`, e, "an epoch the log prints"));
  const [e0, e20, e40, e60, e80, e100, e500, e1500, e3000] = logged;

  const makeNet = (s: number, width: number) =>
    createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(s) });
  const recipe = { epochs: 3001, learningRate: 0.1, loss: "squaredError" as const, method: "sample" as const, lossReport: "sum" as const };
  const main = once(() => {
    const net = makeNet(7, 8);
    const untrained = makeNet(7, 8);
    const history = train(net, data, { ...recipe, snapshotEpochs: "all" });
    return { net, untrained, history };
  });
  const logAt = (e: number) => () => main().history.records[e].loss;
  const untrainedOut = (n: number) => predict(main().untrained, data[n].input)[0];
  const untrainedSum = () => evaluate(main().untrained, data, "squaredError").loss * 4;
  const epochZero = once(() => {
    const replay = makeNet(7, 8);
    return data.map((s) => {
      const trace = forward(replay, s.input);
      const result = backward(replay, trace, s.target, "squaredError");
      updateFromBlame(replay, trace, result.blame, 0.1);
      return result.loss;
    });
  });
  const finalOut = (n: number) => () => predict(main().net, data[n].input)[0];
  const deadAt = (e: number) => deadNeurons(main().history.snapshots[e].network, data);

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
    w1: c.given(`line ${k} w1`, l.weights[0], "a weight of one of the four example lines"),
    w2: c.given(`line ${k} w2`, l.weights[1], "a weight of one of the four example lines"),
    b: c.given(`line ${k} b`, l.bias, "the bias of one of the four example lines"),
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
    () => main().untrained.layers[0].weights[0][0],
    () => main().untrained.layers[0].weights[0][1],
    seed,
    ...data.flatMap((s, n) => [...point(n), c.line(() => squaredErrorWorking(untrainedOut(n), s.target[0], 4))]),
    untrainedSum,
  ]);
  c.cell("train-intro", [epochs, ...logged, e0, e40, e3000]);
  c.cell("log-puzzle", [
    logAt(0),
    logAt(20), e20, logAt(40), e40, logAt(60), e60,
    e80, logAt(80), e100, logAt(100),
    e0, untrainedSum, logAt(0),
    ...point(0), () => epochZero()[0],
    ...point(1), () => epochZero()[1],
    ...point(2), () => epochZero()[2],
    ...point(3), () => epochZero()[3],
    () => epochZero()[0], () => epochZero()[1], () => epochZero()[2], () => epochZero()[3], () => epochZero().reduce((a, b) => a + b, 0),
    e0,
  ]);
  c.cell("predictions-intro", [epochs]);
  c.cell("predictions-read", [
    c.rounded(finalOut(0)), c.rounded(finalOut(1)), c.rounded(finalOut(2)), c.rounded(finalOut(3)),
    zero,
    c.given("curve epochs", 120, "how many epochs the first loss curve shows"),
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
        const v = predict(main().untrained, [x, y])[0];
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
  const neuron3 = () => ({ weights: main().untrained.layers[0].weights[3].map(rounded4), bias: rounded4(main().untrained.layers[0].biases[3]) });
  c.cell("dead", [
    zero, zero, n04, zero, zero, zero,
    n4, n3, zero,
    () => neuron3().weights[0], () => neuron3().weights[1], () => neuron3().bias,
    ...data.flatMap((s, n) => [...point(n), c.line(() => weightedSumWorking(neuron3().weights, s.input, neuron3().bias, 4))]),
    zero, n4, zero, one,
  ]);
  // The one neuron that died during training (dead at the end, alive at the start).
  const newlyDead = () => {
    const died = deadNeurons(main().net, data).filter((j) => !deadAt(0).includes(j));
    return died.length === 1 ? died[0] : NaN;
  };
  c.cell("dead-read", [
    () => deadAt(0)[0] + 1, () => deadAt(0)[1] + 1, () => deadAt(0)[2] + 1,
    () => newlyDead() + 1,
    () => main().history.snapshots.findIndex((s) => deadNeurons(s.network, data).includes(newlyDead())) - 1,
    () => hidden.value - deadNeurons(main().net, data).length,
  ]);

  // The stuck run: width 2, seed 7.
  const narrowWidth = c.given("narrow width", 2, "the narrow network's number of hidden neurons");
  const narrow = once(() => {
    const net = makeNet(7, 2);
    const history = train(net, data, { ...recipe, snapshotEpochs: [0, 1] });
    return { net, history };
  });
  const narrowOut = (n: number) => predict(narrow().net, data[n].input)[0];
  // The best single answer for the three inputs that share one (targets 0, 1, 0), and its misses.
  const shared = () => (data[0].target[0] + data[1].target[0] + data[3].target[0]) / 3;
  const miss = (n: number) => () => Math.abs(data[n].target[0] - shared());
  c.cell("stuck", [seed, narrowWidth]);
  c.cell("stuck-read", [
    () => deadNeurons(narrow().history.snapshots[1].network, data)[0] + 1,
    () => [0, 1].find((j) => !deadNeurons(narrow().net, data).includes(j))! + 1,
    ...point(2),
    zero,
    target(0), target(1), target(3),
    () => narrow().history.records[0].loss,
    () => narrow().history.records[60].loss, e60, () => narrow().history.records[3000].loss, e3000,
    target(0), target(1), target(3), shared,
    ...[0, 1, 3].map(miss),
    miss(0), square, miss(1), square, miss(3), square, () => miss(0)() ** 2 + miss(1)() ** 2 + miss(3)() ** 2,
    () => evaluate(narrow().net, data, "squaredError").loss * 4,
    () => narrowOut(0), ...point(2), () => narrowOut(2),
    () => narrow().history.records[3000].loss,
  ]);

  // The sweep.
  const seedsLow = c.given("first seed", 0, "the sweep's seeds start at 0");
  const seedsHigh = c.given("last seed", 49, "the sweep's seeds end at 49");
  const widths = [1, 2, 3, 4, 8].map((w) => c.given(`width ${w}`, w, "a width in the sweep"));
  const limit = c.given("stuck limit", 0.1, "our definition of stuck: a logged loss above 0.1 at epoch 3000");
  const sweep = once(() =>
    [1, 2, 3, 4, 8].map((w) =>
      Array.from({ length: 50 }, (_, s) => {
        const h = train(makeNet(s, w), data, recipe);
        return h.records[h.records.length - 1].loss;
      }),
    ),
  );
  const stuckCount = (k: number) => () => sweep()[k].filter((l) => l > limit.value).length;
  const plateau = (value: number) => () => sweep().flat().filter((l) => l > limit.value && l.toFixed(4) === value.toFixed(4)).length;
  const plateauValues = () => [...new Set(sweep().flat().filter((l) => l > limit.value).map((l) => l.toFixed(4)))].sort().map(Number);
  const worstSolved = () => Math.max(...sweep().flat().filter((l) => l <= limit.value));
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
    w1: c.given("w1", 0.5, "the one-neuron bump network's starting w₁"),
    b1: c.given("b1", -0.1, "the one-neuron bump network's starting b₁"),
    w2: c.given("w2", 0.3, "the one-neuron bump network's starting w₂"),
    b2: c.given("b2", 0.2, "the one-neuron bump network's starting b₂"),
  };
  const bumpRate = c.given("bump learning rate", 0.5, "the bump runs' learning rate");
  const bumpEpochs = c.given("bump epochs", 20000, "both bump runs train 20000 epochs");
  const longEpochs = c.given("long run", 200000, "the long run trains 200000 epochs in all");
  const bumpRecipe = { learningRate: 0.5, loss: "halfSquaredError" as const, method: "batch" as const };
  const oneRun = once(() => {
    const net = networkFrom(1, [
      { weights: [[0.5]], biases: [-0.1], activation: "sigmoid" },
      { weights: [[0.3]], biases: [0.2], activation: "identity" },
    ]);
    const history = train(net, bump, { ...bumpRecipe, epochs: 20000 });
    const long = copyNetwork(net);
    train(long, bump, { ...bumpRecipe, epochs: 180000, firstEpoch: 20000 });
    return { net, history, long };
  });
  const twoRun = once(() => {
    const net = createNetwork({ sizes: [1, 2, 1], activations: ["sigmoid", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(7) });
    const history = train(net, bump, { ...bumpRecipe, epochs: 20000 });
    return { net, history };
  });
  const floor = () => ((1 - 2 / 3) ** 2 + 0.5 * (2 / 3) ** 2) / 4;
  const third = c.given("three", 3, "the denominator of 2/3 and 1/3");
  const [b500, b1500, b2000] = [500, 1500, 2000].map((e) => c.given(`bump epoch ${e}`, e, "an epoch of the bump run the text quotes"));
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
    () => oneRun().history.records[0].loss,
    () => oneRun().history.records[500].loss, b500,
    () => oneRun().history.records[1500].loss, b1500,
    () => oneRun().history.records[2000].loss, b2000,
    () => evaluate(oneRun().net, bump, "halfSquaredError").loss, bumpEpochs,
    ...[0, 1, 2, 3].map((n) => () => predict(oneRun().net, bump[n].input)[0]),
    bx(3), two, third, one, () => 1 / floor(),
  ]);
  c.cell("bump-two", [
    longEpochs,
    () => evaluate(oneRun().long, bump, "halfSquaredError").loss, floor,
    ...[0, 1, 2, 3].map((n) => () => predict(oneRun().long, bump[n].input)[0]),
    one, two, one, low, high, seed, bumpEpochs,
  ]);
  const twoLoss = () => evaluate(twoRun().net, bump, "halfSquaredError").loss;
  c.cell("bump-two-read", [
    c.rounded(() => twoRun().history.records[0].loss),
    () => twoRun().history.records[2000].loss, b2000,
    () => twoLoss() / 10 ** Math.floor(Math.log10(twoLoss())), ten, () => Math.floor(Math.log10(twoLoss())),
    bumpEpochs,
    ...[0, 1, 2, 3].map((n) => () => predict(twoRun().net, bump[n].input)[0]),
    ten,
  ]);
  const between = c.given("between", 2.5, "a place between two of the bump's points");
  c.cell("bump-fit-read", [
    bx(0), bx(1), two, third,
    () => predict(twoRun().net, [between.value])[0], between, zero, bx(3),
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
});
