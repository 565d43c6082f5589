import { claimsFor } from "../../lib/tools/claims/define";
import {
  FastNetwork,
  PythonRandom,
  argmax,
  countParameters,
  createNetwork,
  evaluateFast,
  he,
  heStandardDeviation,
  predictFast,
  toFastNetwork,
  trainFast,
  zeros,
} from "../../lib/engine";
import { loadMnist, mnistSamples, splitMnist } from "../../lib/course/mnist";
import { trainingDigits } from "../../lib/course/digits-data";
import { parameterCountWorking } from "../../lib/course/parameter-working";

/** Remembers the value of a costly computation (a training run) after the first call. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value === undefined ? (value = make()) : value);
}

interface Score {
  loss: number;
  accuracy: number;
}

export default claimsFor("13-real-digits.ipynb", (c) => {
  const notebook = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [n01, n04, n05, n08, n11, n12, n13] = [1, 4, 5, 8, 11, 12, 13].map(notebook);
  const zero = c.given("zero", 0, "zero: paper, a starting bias, an index, a label");
  const one = c.given("one", 1, "one: full ink, an index, a label");
  const side = c.given("side", 28, "an MNIST image is 28 × 28 pixels");
  const pixels = () => side.value * side.value;
  const hidden = c.given("hidden", 16, "each hidden layer has 16 neurons");
  const classes = c.given("classes", 10, "ten digits, ten outputs");
  const sizes = [784, 16, 16, 10];
  const knobs = () => countParameters(sizes);
  const firstLayerKnobs = () => 784 * 16 + 16;
  const testCount = c.given("test count", 2000, "how many digits splitMnist keeps for testing");
  const batch = c.given("batch size", 32, "the mini-batch size of the recipe");
  const rate = c.given("learning rate", 0.1, "the recipe's learning rate");
  const epochs = c.given("epochs", 20, "the recipe's number of epochs");
  const splitSeed = c.given("split seed", 0, "the seed of the training/test split");
  const weightSeed = c.given("weight seed", 1, "the seed of the He draw");
  const shuffleSeed = c.given("shuffle seed", 2, "the seed of the epoch shuffles");
  const smallCount = c.given("small training set", 300, "the size of the small training set that overfits");
  const smallEpochs = c.given("small epochs", 100, "how long the small training set is trained");
  const digit = (d: number) => c.given(`digit ${d}`, d, "a digit, 0 to 9, named as an example or as a class");

  // The data.
  const digits = loadMnist();
  const split = splitMnist(0, 2000, digits);
  const count = () => digits.length;
  const trainCount = () => split.train.length;
  const ofDigit = (d: number) => () => digits.filter((x) => x.label === d).length;
  const testOf = (d: number) => split.test.filter((x) => x.label === d).length;
  const testCounts = Array.from({ length: 10 }, (_, d) => testOf(d));
  const inked = (p: ArrayLike<number>) => Array.from(p).filter((v) => v !== 0).length;
  const example = digits[5000];

  const smallPixels = c.given("small pixels", 25, "the 5 × 5 network's inputs in notebook 12");
  const smallHidden = c.given("small hidden", 8, "notebook 12's hidden neurons");
  const smallOutputs = c.given("small outputs", 3, "notebook 12's three digits");
  const smallSide = c.given("small side", 5, "notebook 12's images are 5 × 5");
  const d4 = digit(4);
  c.cell("title", [
    n13, pixels, hidden, hidden, classes, n12, smallPixels, smallHidden, smallOutputs, () => trainingDigits().length, smallSide, smallSide,
    count, zero, digit(9), side, side,
    pixels, hidden, hidden, classes, knobs,
    c.given("minutes", 40, "the estimated time to work through the notebook"), n12,
  ]);
  c.cell("learn", [pixels, testCount, count, knobs, pixels, hidden, hidden, classes, batch]);
  c.cell("data", [zero, one]);
  c.cell("data-read", [count, () => count() / 10, ofDigit(1), ofDigit(5)]);
  c.cell("pixels-intro", [
    pixels, side, side, pixels, zero, one,
    c.given("shown 7", 7, "a printed gray level, as an example"), () => 7 / 10,
    c.given("shown 9", 9, "the largest printed gray level"), () => 8.5 / 10, zero,
  ]);
  c.cell("pixels-read", [
    () => example.label, () => inked(example.pixels), zero, pixels, count,
    () => digits.reduce((sum, d) => sum + inked(d.pixels), 0) / digits.length, zero,
  ]);
  c.cell("split-intro", [n11, testCount, trainCount, splitSeed, count, splitSeed, testCount]);
  c.cell("split-read", [() => Math.min(...testCounts), () => Math.max(...testCounts), n12]);

  // The network.
  c.cell("network-intro", [
    pixels, hidden, hidden, classes,
    pixels, hidden, n04, zero, classes, n12, n05,
    c.line(() => parameterCountWorking(sizes)),
    firstLayerKnobs, knobs, () => (100 * firstLayerKnobs()) / knobs(), hidden, pixels,
  ]);
  c.cell("init-intro", [
    n12, zero, c.given("He numerator", 2, "the 2 of √(2 / n)"), pixels, () => heStandardDeviation(784), hidden, () => heStandardDeviation(16), zero, weightSeed,
  ]);
  const checkedOn = c.given("checked digits", 256, "how many digits the engine comparison trains on");
  c.cell("fast-intro", [trainCount, knobs, n05, n12, zero, zero, checkedOn, batch, knobs]);
  // The notebook prints whether all knobs are identical; tests/engine/fast.test.ts proves it in general.
  c.cell("fast-read", [knobs]);

  // The main run, as in the notebook (trainFastLive gives trainFast's numbers: tests/course/live-fast.test.ts).
  const trainSet = mnistSamples(split.train);
  const testSet = mnistSamples(split.test);
  const startNet = once(() => createNetwork({ sizes, activations: ["relu", "relu", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(1) }));
  // The training digits are measured only after the epochs the text quotes (8,000 digits take a while);
  // the test digits after every epoch, for the lowest test loss and the range of test accuracies.
  const tableEpochs = [0, 1, 2, 5, 7, 8, 10, 15, 20];
  const main = once(() => {
    const net = toFastNetwork(startNet());
    const trainCurve: Score[] = [evaluateFast(net, trainSet, "crossEntropy")];
    const testCurve: Score[] = [evaluateFast(net, testSet, "crossEntropy")];
    trainFast(net, trainSet, {
      epochs: 20,
      learningRate: 0.1,
      loss: "crossEntropy",
      method: { batchSize: 32 },
      shuffle: new PythonRandom(2),
      onEpoch: (record, now) => {
        if (tableEpochs.includes(record.epoch + 1)) trainCurve[record.epoch + 1] = evaluateFast(now, trainSet, "crossEntropy");
        testCurve.push(evaluateFast(now, testSet, "crossEntropy"));
      },
    });
    return { net, trainCurve, testCurve };
  });
  const trainAt = (e: number) => main().trainCurve[e];
  const testAt = (e: number) => main().testCurve[e];
  const steps = () => trainCount() / batch.value;
  c.cell("train-intro", [
    batch, n08, trainCount, batch, batch, batch, trainCount, batch, steps, shuffleSeed,
    rate, epochs, () => steps() * epochs.value, trainCount, testCount,
  ]);
  c.cell("train-read", [
    () => 100 * testAt(0).accuracy, epochs, () => 100 * testAt(20).accuracy, testCount, n08, n12, trainCount,
  ]);
  c.cell("curves-intro", [one, zero, c.rounded(() => testAt(0).loss)]);
  const tableEpoch = new Map(tableEpochs.map((e) => [e, c.given(`table epoch ${e}`, e, "an epoch chosen for the table")]));
  const row = (e: number) => [
    tableEpoch.get(e)!,
    () => trainAt(e).loss, () => 100 * trainAt(e).accuracy, () => testAt(e).loss, () => 100 * testAt(e).accuracy,
  ];
  const bestTest = () => main().testCurve.reduce((best, r, e, all) => (r.loss < all[best].loss ? e : best), 0);
  const later = () => main().testCurve.slice(9).map((r) => 100 * r.accuracy);
  c.cell("curves-read", [
    ...tableEpochs.flatMap(row),
    testCount, () => 100 / testCount.value,
    steps, () => 100 * testAt(0).accuracy, () => 100 * testAt(1).accuracy,
    () => trainAt(1).loss, one, () => trainAt(20).loss, epochs, () => 100 * trainAt(20).accuracy,
    () => testAt(bestTest()).loss, bestTest, () => testAt(20).loss,
    c.given("settled from", 9, "the epoch from which the test accuracy is described"), () => Math.min(...later()), () => Math.max(...later()),
    epochs, () => 100 * trainAt(20).accuracy, () => 100 * testAt(20).accuracy,
    trainCount, d4, d4,
    // "after epoch 8 both piles are read worse than after epoch 7": 8 only if it holds.
    () => (trainAt(8).accuracy < trainAt(7).accuracy && testAt(8).accuracy < testAt(7).accuracy ? 8 : NaN), tableEpoch.get(7)!,
    batch,
  ]);

  // Overfitting on 300 digits.
  const few = mnistSamples(split.train.slice(0, 300));
  const small = once(() => {
    const net = toFastNetwork(startNet());
    const fewCurve: Score[] = [];
    const fewTestCurve: Score[] = [];
    trainFast(net, few, {
      epochs: 100,
      learningRate: 0.1,
      loss: "crossEntropy",
      method: { batchSize: 32 },
      shuffle: new PythonRandom(2),
      onEpoch: (_, now) => {
        fewCurve.push(evaluateFast(now, few, "crossEntropy"));
        fewTestCurve.push(evaluateFast(now, testSet, "crossEntropy"));
      },
    });
    return { fewCurve, fewTestCurve };
  });
  const allRightFrom = () => small().fewCurve.findIndex((r, k, all) => all.slice(k).every((x) => x.accuracy === 1)) + 1;
  const fewBest = () => small().fewTestCurve.reduce((best, r, k, all) => (r.loss < all[best].loss ? k : best), 0) + 1;
  c.cell("overfit-intro", [trainCount, knobs, weightSeed, smallCount, smallEpochs, smallCount, testCount]);
  c.cell("overfit-read", [
    allRightFrom, smallCount, zero, () => small().fewCurve[99].loss, smallEpochs,
    () => 100 * small().fewTestCurve[99].accuracy, () => small().fewTestCurve[fewBest() - 1].loss, fewBest,
    () => smallEpochs.value - fewBest(), () => small().fewTestCurve[99].loss,
    knobs, smallCount, trainCount, c.rounded(() => 100 * (trainAt(20).accuracy - testAt(20).accuracy)),
  ]);

  // The confusion matrix and the mistakes.
  const judged = once(() => {
    const net: FastNetwork = main().net;
    const answers = split.test.map((d) => predictFast(net, d.pixels));
    const counts = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
    split.test.forEach((d, n) => counts[d.label][argmax(answers[n])]++);
    const mixUps = counts
      .flatMap((r, right) => r.map((n, said) => ({ right, said, n })))
      .filter((m) => m.right !== m.said)
      .sort((x, y) => y.n - x.n);
    const shares = counts.map((r, d) => r[d] / testCounts[d]);
    const wrong = split.test.map((d, n) => ({ n, label: d.label, p: answers[n] })).filter((w) => argmax(w.p) !== w.label);
    const nearest = wrong.reduce((best, w) => (w.p[w.label] > best.p[best.label] ? w : best), wrong[0]);
    return { counts, mixUps, shares, wrong, nearest };
  });
  const right = () => judged().counts.reduce((sum, r, d) => sum + r[d], 0);
  const mix = (k: number) => judged().mixUps[k];
  const best = () => argmax(judged().shares);
  const worst = () => argmax(judged().shares.map((s) => -s));
  c.cell("confusion-intro", [classes, classes]);
  c.cell("confusion-read", [
    right, testCount, () => (100 * right()) / testCount.value, () => testCount.value - right(),
    () => mix(0).right, () => mix(0).said, () => mix(0).n,
    () => mix(1).right, () => mix(2).right, () => mix(3).right, () => mix(1).n,
    () => mix(1).right, () => mix(1).said, () => mix(2).right, () => mix(2).said, () => mix(3).right, () => mix(3).said,
    best, () => 100 * judged().shares[best()], worst, () => 100 * judged().shares[worst()],
  ]);
  const shown = c.given("mistakes shown", 16, "how many mistakes the grid shows");
  c.cell("mistakes-intro", [shown]);
  const first = () => judged().wrong[0];
  const nearest = () => judged().nearest;
  c.cell("mistakes-read", [
    // The text counts test digits from 1, code from 0.
    () => first().n + 1, () => first().label, () => argmax(first().p), () => 100 * Math.max(...first().p),
    () => judged().wrong.length,
    () => nearest().n + 1, () => nearest().label, () => argmax(nearest().p), () => 100 * Math.max(...nearest().p), () => argmax(nearest().p),
    () => 100 * nearest().p[nearest().label], () => nearest().label,
  ]);

  // The first layer's weights.
  const colourLimit = c.given("colour limit", 0.35, "the weight size drawn in full colour, our choice");
  c.cell("weights-intro", [hidden, pixels, side, side, n12, hidden, colourLimit]);
  const firstLayer = once(() => {
    const layer = main().net.layers[0];
    const trainCounts = Array.from({ length: 10 }, (_, k) => split.train.filter((x) => x.label === k).length);
    const average = Array.from({ length: 16 }, () => new Array<number>(10).fill(0));
    for (const d of split.train) {
      for (let j = 0; j < 16; j++) {
        let z = layer.biases[j];
        for (let p = 0; p < 784; p++) z += layer.weights[j * 784 + p] * d.pixels[p];
        average[j][d.label] += Math.max(0, z) / trainCounts[d.label];
      }
    }
    let neverInked = 0;
    let deepest = 0;
    for (let p = 0; p < 784; p++) {
      if (!split.train.every((d) => d.pixels[p] === 0)) continue;
      neverInked++;
      const [r, col] = [Math.floor(p / 28), p % 28];
      deepest = Math.max(deepest, 1 + Math.min(r, col, 27 - r, 27 - col));
    }
    return { average, neverInked, deepest };
  });
  const favourite = (j: number) => argmax(firstLayer().average[j]);
  const top = (j: number) => () => Math.max(...firstLayer().average[j]);
  const others = (j: number) => () => Math.max(...firstLayer().average[j].filter((_, k) => k !== favourite(j)));
  c.cell("weights-read", [
    () => firstLayer().neverInked, pixels, () => firstLayer().deepest, trainCount, zero,
    () => favourite(6), top(6), others(6),
    top(14), () => favourite(14), others(14),
    () => favourite(1), top(1), others(1),
    hidden,
    top(0), n11, top(3),
  ]);

  // Your turn.
  const exercise = (k: number) => c.given(`exercise ${k}`, 13 + k / 10, "an exercise's number");
  const example2 = [
    [3, 1],
    [2, 4],
  ];
  c.cell("your-turn", [
    exercise(1), c.given("ex 3", 3, "the example matrix's entries"), c.given("ex 1", 1, "the example matrix's entries"),
    c.given("ex 2", 2, "the example matrix's entries"), c.given("ex 4", 4, "the example matrix's entries"),
    () => example2[0][0], () => example2[1][1], () => example2.flat().reduce((a, b) => a + b, 0), () => (example2[0][0] + example2[1][1]) / example2.flat().reduce((a, b) => a + b, 0),
    classes, classes, () => right() / testCount.value,
  ]);
  // Exercise 13.2's example, with early stopping worked out here by a loop of its own.
  const stopExample = [2.4, 0.38, 0.32, 0.26, 0.27, 0.25, 0.26, 0.27, 0.28];
  const keep = (losses: number[], patience: number) => {
    let best = 0;
    for (let e = 1; e < losses.length; e++) {
      if (losses[e] < losses[best]) best = e;
      else if (e - best >= patience) break;
    }
    return best;
  };
  const examplePatience = c.given("example patience", 2, "the patience of exercise 13.2's example");
  c.cell("exercise-2-text", [
    exercise(2), bestTest, zero,
    ...stopExample.map((l, i) => c.given(`stop example loss ${i}`, l, "exercise 13.2's example losses")),
    examplePatience, () => keep(stopExample, examplePatience.value),
    c.given("try-out patience", 3, "the patience to try on the test curve"), epochs,
  ]);
  const exampleP = [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.6, 0.4],
  ];
  const exampleLabels = [0, 0, 1];
  const exampleWrong = () => exampleP.map((p, n) => ({ n, top: Math.max(...p) })).filter(({ n }) => argmax(exampleP[n]) !== exampleLabels[n]);
  c.cell("exercise-3-text", [
    exercise(3), zero, c.given("none", -1, "the answer when there is no mistake, our convention"),
    ...exampleP.flat().map((p, i) => c.given(`example probability ${i}`, p, "the example's probabilities")),
    ...exampleLabels.map((l, i) => c.given(`example label ${i}`, l, "the example's labels")),
    () => exampleWrong()[0].n, () => exampleWrong()[1].n, () => exampleWrong()[0].top, () => exampleWrong()[1].top,
    () => exampleWrong().reduce((a, b) => (b.top > a.top ? b : a)).n, testCount,
  ]);
  c.cell("recap", [
    side, side, pixels, zero, one, testCount, count,
    pixels, hidden, hidden, classes, knobs, firstLayerKnobs, n05, n12,
    batch, rate, steps, epochs, () => 100 * testAt(20).accuracy, () => 100 * trainAt(20).accuracy,
    smallCount, () => 100 * small().fewTestCurve[99].accuracy,
    () => mix(0).right, () => mix(0).said,
  ]);
  c.cell("next", [
    n01, pixels, c.given("wider hidden layer", 64, "a suggested width to try"), classes, smallCount, c.given("more digits", 1000, "a suggested training-set size to try"),
  ]);
});
