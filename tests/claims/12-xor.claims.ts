import { claimsFor, itemAt, once } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  copyNetwork,
  countParameters,
  createNetwork,
  perceptron,
  predict,
  train,
  uniformIn,
  xorData,
} from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/12-xor";
import { squaredErrorWorking } from "../../lib/course/arithmetic";
import { parameterCountWorking } from "../../lib/course/parameter-working";

export default claimsFor("12-xor.ipynb", (c) => {
  const data = xorData();
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n00, n02, n04, n05, n08, n10, n11, n12, n13] = [
    notebook(0, "Start here"),
    notebook(2, "The weighted sum"),
    notebook(4, "activation functions"),
    notebook(5, "Layers and the forward pass"),
    notebook(8, "Gradient descent"),
    notebook(10, "Backpropagation"),
    notebook(11, "A network that learns"),
    notebook(12, "XOR"),
    notebook(13, "When training gets stuck"),
  ];

  // Small whole numbers that the prose uses as themselves: bounds, targets, counts, exponents.
  const zero = c.given("zero", 0, "zero: the perceptron's threshold, a target, a bound in the argument", { is: "definition" });
  const one = c.given("one", 1, "one: a target, an input, a bound in the argument", { is: "definition" });
  const two = c.given("two", 2, "two: the factor of the squared error's slope, and of 2b in the argument", { is: "definition" });
  const square = c.given("square", 2, "the exponent of a square, written ²", { is: "definition" });
  const half = c.given("half", 0.5, "the midpoint of the square and the decision threshold 0.5", { is: "definition" });
  const point = (n: number) => [() => data[n].input[0], () => data[n].input[1]];
  const target = (n: number) => () => data[n].target[0];
  const samples = () => data.length;

  // The network and its recipe.
  const inputs = c.given("inputs", 2, "XOR has two inputs", { code: "build-network", at: "sizes: [" });
  const hidden = c.given("hidden", 8, "the course's XOR network has 8 hidden neurons", { code: "build-network", at: "sizes: [2, " });
  const outputs = c.given("outputs", 1, "one output neuron", { code: "build-network", at: "sizes: [2, 8, " });
  const seed = c.given("seed", 7, "the XOR recipe's seed", { code: "build-network" });
  const low = c.given("low", -1, "the low end of uniformIn(-1, 1)", { code: "build-network", at: "weights: uniformIn(" });
  const high = c.given("high", 1, "the high end of uniformIn(-1, 1)", { code: "build-network", at: "weights: uniformIn(-1, " });
  const rate = c.given("learning rate", 0.1, "the XOR recipe's learning rate", { code: "train" });
  const epochs = c.given("epochs", 3001, "the XOR recipe trains 3001 epochs", { code: "train" });
  const lastEpoch = () => epochs.value - 1;
  const logged = [0, 20, 40, 60, 80, 100, 500, 1500, 3000].map((e, i, all) => c.given(`logged epoch ${e}`, e, "an epoch the log prints", { code: "train", at: itemAt("const logged = [", all, i) }));
  const [e0, e20, e40, e60, e80, e100, , , e3000] = logged;

  const makeNet = (s: number, width: number) =>
    createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(s) });
  // The training runs' values come from what the notebook's cells printed (their stored outputs, which
  // npm test proves equal to a re-run): the claims do not train the networks again. Only the untrained
  // network (the recipe's seed, no training) is rebuilt here, checked against what the notebook printed.
  const pad = (e: number, width: number) => String(e).padStart(width);
  const logAt = (e: number) => () => c.read("train", `epoch ${pad(e, 4)}`, "loss");
  const untrainedSum = () => c.read("untrained-loss", "summed loss:");
  const inputText = (n: number) => `(${data[n].input.join(", ")}):`;
  // The untrained network rebuilt here must be the notebook's: its summed loss is the one cell
  // "untrained-loss" printed, or every claim that uses it fails.
  const untrained = once(() => {
    const net = makeNet(7, 8);
    const sum = data.reduce((total, s) => total + (predict(net, s.input)[0] - s.target[0]) ** 2, 0);
    if (Math.abs(sum - untrainedSum()) > 0.00005) throw new Error(`the rebuilt untrained network's summed loss is ${sum}, but cell "untrained-loss" printed ${untrainedSum()}`);
    return net;
  });
  const untrainedOut = (n: number) => predict(untrained(), data[n].input)[0];
  const epochZero = once(() => data.map((_, n) => c.read("epoch-zero", inputText(n), "loss")));
  const finalOut = (n: number) => () => c.read("predictions", `(${data[n].input.map((v) => v.toFixed(1)).join(", ")}) ->`);

  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`, { is: "estimate" });
  c.cell("title", [n12, n10, n11, minutes(25, "the notebook"), n11]);
  c.cell("learn", [inputs, hidden, outputs]);
  c.cell("problem", [zero, one, one, ...data.flatMap((s, n) => [...point(n), target(n)])]);

  // The four lines.
  const lines = [
    { weights: [1, 1], bias: -0.5 },
    { weights: [-1, -1], bias: 1.5 },
    { weights: [1, -1], bias: -0.5 },
    { weights: [-1, 1], bias: -0.5 },
  ].map((l, k) => ({
    w1: c.given(`line ${k} w1`, l.weights[0], "a weight of one of the four example lines", { code: "lines", at: `name: "${"ABCD"[k]}", weights: [` }),
    w2: c.given(`line ${k} w2`, l.weights[1], "a weight of one of the four example lines", { code: "lines", at: `name: "${"ABCD"[k]}", weights: [${l.weights[0]}, ` }),
    b: c.given(`line ${k} b`, l.bias, "the bias of one of the four example lines", { code: "lines", at: `name: "${"ABCD"[k]}", weights: [${l.weights.join(", ")}], bias: ` }),
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
    e80, logAt(80),
    e0, untrainedSum, logAt(0),
    ...point(0), () => epochZero()[0],
    ...point(1), () => epochZero()[1],
    ...point(2), () => epochZero()[2],
    ...point(3), () => epochZero()[3],
    () => epochZero()[0], () => epochZero()[1], () => epochZero()[2], () => epochZero()[3], () => epochZero().reduce((a, b) => a + b, 0),
    e0,
  ]);
  c.cell("predictions-intro", [epochs]);
  // The first loss curve draws the records 0 to 120: the cell slices the first 121.
  const curveRecords = c.given("curve records", 121, "how many epoch records the first loss curve draws", { code: "loss-curve", at: "history.records.slice(0, " });
  const curveEpochs = () => curveRecords.value - 1;
  c.cell("predictions-read", [
    c.rounded(finalOut(0)), c.rounded(finalOut(1)), c.rounded(finalOut(2)), c.rounded(finalOut(3)),
    zero,
    curveEpochs,
    e100, logAt(80), e80,
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
    e0, half, untrainedMax, zero, c.given("lowest band", 0.1, "the top of the figure's lowest colour band (bandEdges)", { is: "definition" }), e40,
    ...point(1), ...point(2), half, ...point(0), ...point(3),
    // "answers of 0 and 1 at the four points": the trained network's answers, as cell "predictions" printed them.
    e3000, c.rounded(() => Math.max(Math.abs(finalOut(0)()), Math.abs(finalOut(3)()))), c.rounded(() => Math.min(finalOut(1)(), finalOut(2)())),
  ]);
  c.cell("boundary-explorer-intro", [e0, untrainedSum, logAt(0)]);

  // Your turn.
  const ex = (k: number) => c.exercise(`12.${k}`);
  c.cell("your-turn", [ex(1), one, zero, zero, lines[0].w1, lines[0].w2, lines[0].b, () => wrongCount(0), zero]);
  // Exercise 12.2: epoch 0's mean loss by full-batch training (weights frozen for the epoch), a route
  // apart from the summed loss of the untrained network's answers.
  const fullBatchFirst = () => train(copyNetwork(untrained()), data, { epochs: 1, learningRate: 0.1, loss: "squaredError", method: "batch", lossReport: "mean" }).records[0].loss;
  c.cell("exercise-2-text", [
    ex(2), n08, ...[1, 2, 3, 4].map((k) => c.given(`step ${k}`, k, "a numbered step of the training loop", { is: "label" })), n11, e0, untrainedSum, samples, fullBatchFirst, logAt(0),
    c.given("exercise epochs", 500, "how many epochs the check of exercise 12.2 trains", { exercise: { id: "12.2", case: 0, item: [2] } }), rate,
  ]);
  c.cell("recap", [
    one, zero,
    inputs, hidden, outputs, seed, rate, logAt(0), e0, logAt(80), e80,
    c.rounded(finalOut(0)), c.rounded(finalOut(1)), c.rounded(finalOut(2)), c.rounded(finalOut(3)),
    e0, logAt(0), untrainedSum,
  ]);
  c.cell("next", [n13]);
  // ── Numbers in words, in captions and comments.
  const points = () => data.length;
  const ofTarget = (t: number) => () => data.filter((s) => s.target[0] === t).length;
  const oneSample = c.given("one sample", 1, "the recipe updates after every single sample", { is: "definition" });
  const fourDecimals = c.given("four decimals", 4, "the log prints the epoch in four places and the loss with four decimals", { code: "train", at: "loss ${record.loss.toFixed(" });
  const threeDecimals = c.given("three decimals", 3, "the predictions are printed with three decimals", { code: "predictions" });
  const snapshotCount = () => [e0, e40, e3000].length;
  const updatesBefore = (n: number) => () => data.slice(0, n).length;
  const onePicture = c.given("a single one", 1, "a single item: one of the pictures, one corner, one network, one shared answer", { is: "definition" });
  const wrongForAll = sameForAll(wrongCount);
  c.words("learn", [points, oneSample]);
  c.words("problem", [() => data[0].input.length, points]);
  c.words("no-line", [() => [lines[0].w1, lines[0].w2].length]);
  c.words("lines-figure", [() => lines.length, points, wrongForAll, () => lines.length, points, wrongForAll]);
  const diagonals = c.given("diagonals", 2, "a square has two diagonals", { is: "definition" });
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
  const bentBoundaries = c.given("boundaries", 2, "the white lines the epoch-40 and epoch-3000 pictures show", { is: "definition" });
  c.words("boundary-read", [bentBoundaries, points, bentBoundaries]);
  c.words("boundary-explorer-intro", [snapshotCount, points]);
  c.words("your-turn", [points]);
  c.words("exercise-2-text", [points]);
  // ── Direction words.
  const general = (why: string) => ({ given: why });
  // The answers of the epoch-40 snapshot, as cell "boundary" printed them.
  const at40 = (n: number) => () => c.read("boundary", "answers at epoch 40:", `(${data[n].input.join(", ")}) →`);
  c.compare("log-puzzle", "The loss [falls] fast", { from: logAt(0), to: logAt(60) });
  c.compare("log-puzzle", "that sample comes [up]", general("'comes up' means 'arrives', not a rise"));
  c.compare("predictions-read", "the summed loss [fell] during", { from: logAt(0), to: logAt(100) });
  c.compare("boundary", "the answer [falls] from one corner", { from: () => untrainedOut(3), to: () => untrainedOut(0) });
  c.compare("boundary-read", "answers [less] than 0.5 everywhere", { value: untrainedMax, than: half });
  // "most of it is in the darkest blue band, below 0.1": the share of the picture's square, on the same grid.
  const darkestShare = () => {
    let below = 0;
    for (let i = 0; i <= 300; i++) for (let j = 0; j <= 300; j++) if (predict(untrained(), [-0.25 + (1.5 * i) / 300, -0.25 + (1.5 * j) / 300])[0] < 0.1) below++;
    return below / 301 ** 2;
  };
  c.compare("boundary-read", "and [most] of it is in the darkest", { value: darkestShare, than: half });
  c.compare("boundary-read", "answers [more] than 0.5, and the corners", { value: () => Math.min(at40(1)(), at40(2)()), than: half });
  c.compare("boundary-explorer-intro", "down to the [smallest] loss", general("the chart's lower end: the least loss the run reaches"));
  const smallerNet = keys.find((k) => k.id === "12.2")!;
  const knobsOf = (net: { layers: { weights: number[][]; biases: number[] }[] }) => net.layers.reduce((n, l) => n + l.weights.flat().length + l.biases.length, 0);
  c.compare("exercise-2-text", "and on a [smaller] network", { value: () => knobsOf((smallerNet.cases() as unknown[][])[1][0] as never), than: () => knobsOf((smallerNet.cases() as unknown[][])[0][0] as never) });
  c.compare("recap", "its summed loss [falls] from 4.6972", { from: logAt(0), to: logAt(80) });
  c.compare("next", "the same recipe with [fewer] hidden neurons", { value: c.given("narrow width", 2, "notebook 13's narrow network has 2 hidden neurons", { is: "definition" }), than: hidden });
  c.strict();
});
