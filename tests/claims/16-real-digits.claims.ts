// The values of the data, the training runs, the confusion matrix and the first layer come from what the
// notebook's own cells printed (c.read: their stored outputs, which npm test proves equal to a re-run), not
// from a second copy of the notebook's code: the claims no longer load MNIST or train a network.
import { claimsFor, itemAt, once } from "../../lib/tools/claims/define";
import { argmax, countParameters, heStandardDeviation, xorData } from "../../lib/engine";
import { digitsRecipe, trainingDigits } from "../../lib/course/digits-data";
import { parameterCountWorking } from "../../lib/course/parameter-working";
import { join } from "node:path";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";

/** The source of one of notebook 16's cells. */
function notebookSource(id: string): string {
  const nb = readNotebook(join(repoRoot, "notebooks", "16-real-digits.ipynb"));
  const cell = nb.cells.find((x) => x.id === id);
  if (!cell) throw new Error(`notebook 16 has no cell "${id}"`);
  return joinText(cell.source);
}

export default claimsFor("16-real-digits.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n01, n04, n05, n08, n12, n13, n14, n15, n16] = [
    notebook(1, "A neuron is multiplication"),
    notebook(4, "activation functions"),
    notebook(5, "Layers and the forward pass"),
    notebook(8, "Gradient descent"),
    notebook(12, "XOR"),
    notebook(13, "When training gets stuck"),
    notebook(14, "· Digits"),
    notebook(15, "Training the reader"),
    notebook(16, "Real digits"),
  ];
  const zero = c.given("zero", 0, "zero: paper, a starting bias, an index, a label", { is: "definition" });
  const one = c.given("one", 1, "one: full ink, an index, a label", { is: "definition" });
  // An image's pixels, as cell "pixels" printed them ("… of 784"), and the side of its square.
  const pixels = () => c.read("pixels", "pixels that are not 0:", "of");
  const side = () => (Number.isInteger(Math.sqrt(pixels())) ? Math.sqrt(pixels()) : NaN);
  const hidden = c.given("hidden", 16, "each hidden layer has 16 neurons", { code: "count", at: "const sizes = [784, " });
  const classes = c.given("classes", 10, "ten digits, ten outputs", { code: "count", at: "const sizes = [784, 16, 16, " });
  const sizes = [784, 16, 16, 10];
  const knobs = () => countParameters(sizes);
  const firstLayerKnobs = () => countParameters(sizes.slice(0, 2));
  const testCount = c.given("test count", 2000, "how many digits splitMnist keeps for testing", { code: "split-grid" });
  const batch = c.given("batch size", 32, "the mini-batch size of the recipe", { code: "train" });
  const rate = c.given("learning rate", 0.1, "the recipe's learning rate", { code: "train" });
  const epochs = c.given("epochs", 20, "the recipe's number of epochs", { code: "train", at: "  epochs: " });
  const splitSeed = c.given("split seed", 0, "the seed of the training/test split", { code: "split-grid", at: "splitMnist(" });
  const weightSeed = c.given("weight seed", 1, "the seed of the He draw", { code: "init" });
  const shuffleSeed = c.given("shuffle seed", 2, "the seed of the epoch shuffles", { code: "train", at: "shuffle: new PythonRandom(" });
  const smallCount = c.given("small training set", 300, "the size of the small training set that overfits", { code: "overfit" });
  const smallEpochs = c.given("small epochs", 100, "how long the small training set is trained", { code: "overfit", at: "  epochs: " });
  const digit = (d: number) => c.given(`digit ${d}`, d, "a digit, 0 to 9, named as an example or as a class", { is: "label" });

  // The data, as the notebook's cells printed it.
  const count = () => c.read("import", /^/);
  const trainCount = () => c.read("split-grid", "training:");
  const ofDigit = (d: number) => () => c.read("import", `digit ${d}:`);
  const testCounts = () => Array.from({ length: 10 }, (_, d) => c.read("split-grid", "test digits of each kind:", { nth: d }));

  // Notebooks 14 and 15's network and pictures, from the course's recipe and data.
  const [smallPixels, smallHidden, smallOutputs] = digitsRecipe.sizes.map((n) => () => n);
  const smallSide = () => Math.sqrt(trainingDigits()[0].pixels.length);
  const d4 = digit(4);
  const d9 = digit(9);
  c.cell("title", [
    n16, pixels, hidden, hidden, classes, n15, smallPixels, smallHidden, smallOutputs, () => trainingDigits().length, smallSide, smallSide,
    count, zero, d9, side, side,
    pixels, hidden, hidden, classes, knobs,
    c.given("minutes", 40, "the estimated time to work through the notebook", { is: "estimate" }), n15,
  ]);
  c.cell("learn", [pixels, testCount, count, knobs, pixels, hidden, hidden, classes, batch]);
  c.cell("data", [zero, one]);
  c.cell("data-read", [count, () => count() / 10, ofDigit(1), ofDigit(5)]);
  // What a printed gray level means, from the notebook's own printing rule: the expression cell "pixels"
  // uses, taken from its source and evaluated here (so the claim and the cell cannot differ).
  const printRule = once(() => {
    const source = notebookSource("pixels");
    const m = /String\((Math\.min\(9, Math\.round\(10 \* value\)\))\)/.exec(source);
    if (!m) throw new Error('cell "pixels" no longer prints gray levels with Math.min(9, Math.round(10 * value))');
    return new Function("value", `return ${m[1]};`) as (value: number) => number;
  });
  // The gray levels that print as `level`, on a grid of a thousandth: their middle, and their smallest.
  const printedAs = (level: number) => Array.from({ length: 1001 }, (_, k) => k / 1000).filter((v) => v !== 0 && printRule()(v) === level);
  const middleOf = (level: number) => () => (Math.min(...printedAs(level)) + Math.max(...printedAs(level)) + 0.001) / 2;
  const lowestOf = (level: number) => () => Math.min(...printedAs(level));
  const shown7 = c.given("shown 7", 7, "a printed gray level, as an example", { is: "illustration" });
  const shown9 = c.given("shown 9", 9, "the largest printed gray level", { code: "pixels" });
  c.cell("pixels-intro", [
    pixels, side, side, pixels, zero, one,
    shown7, c.rounded(middleOf(shown7.value)),
    shown9, lowestOf(shown9.value), zero,
  ]);
  c.cell("pixels-read", [
    () => c.read("pixels", "digit "), () => c.read("pixels", "pixels that are not 0:"), zero, pixels, count,
    () => c.read("pixels", "on average over all", "digits:"), zero,
  ]);
  c.cell("split-intro", [n12, testCount, trainCount, splitSeed, count, splitSeed, testCount]);
  c.cell("split-read", [() => Math.min(...testCounts()), () => Math.max(...testCounts()), n15]);

  // The network.
  c.cell("network-intro", [
    pixels, hidden, hidden, classes,
    pixels, hidden, n04, zero, classes, n14, n05,
    c.line(() => parameterCountWorking(sizes)),
    firstLayerKnobs, knobs, () => (100 * firstLayerKnobs()) / knobs(), hidden, pixels,
  ]);
  c.cell("init-intro", [
    n15, zero, c.given("He numerator", 2, "the 2 of √(2 / n)", { is: "definition" }), pixels, () => heStandardDeviation(pixels()), hidden, () => heStandardDeviation(hidden.value), zero, weightSeed,
  ]);
  const checkedOn = c.given("checked digits", 256, "how many digits the engine comparison trains on", { code: "same", at: "split.train.slice(0, " });
  c.cell("fast-intro", [trainCount, knobs, n05, n15, zero, zero, checkedOn, batch, knobs]);
  // The notebook prints whether all knobs are identical; tests/engine/fast.test.ts proves it in general.
  c.cell("fast-read", [knobs]);

  const tableEpochs = [0, 1, 2, 5, 7, 8, 10, 15, 20];
  // The main run: the table the notebook printed after training (cell "curves").
  const row = (e: number) => `epoch ${String(e).padStart(2)}:`;
  const trainAt = (e: number) => ({ loss: c.read("curves", row(e), "training loss"), accuracy: c.read("curves", row(e), "accuracy") / 100 });
  const testAt = (e: number) => ({ loss: c.read("curves", row(e), "| test loss"), accuracy: c.read("curves", row(e), "| test loss", "accuracy") / 100 });
  const steps = () => trainCount() / batch.value;
  c.cell("train-intro", [
    batch, n08, trainCount, batch, batch, batch, trainCount, batch, steps, shuffleSeed,
    rate, epochs, () => steps() * epochs.value, trainCount, testCount,
  ]);
  c.cell("train-read", [
    () => 100 * testAt(0).accuracy, epochs, () => 100 * testAt(20).accuracy, testCount, n08, n15, trainCount,
  ]);
  c.cell("curves-intro", [one, zero, c.rounded(() => testAt(0).loss)]);
  const tableEpoch = new Map(tableEpochs.map((e, i) => [e, c.given(`table epoch ${e}`, e, "an epoch chosen for the table", { code: "curves", at: itemAt("for (const e of [", tableEpochs, i) })]));
  const tableRow = (e: number) => [
    tableEpoch.get(e)!,
    () => trainAt(e).loss, () => 100 * trainAt(e).accuracy, () => testAt(e).loss, () => 100 * testAt(e).accuracy,
  ];
  const bestTest = () => c.read("curves", "lowest test loss:", "after epoch");
  const later = () => [c.read("curves", "test accuracy from epoch 9 to 20: between"), c.read("curves", "test accuracy from epoch 9 to 20:", "and")];
  c.cell("curves-read", [
    ...tableEpochs.flatMap(tableRow),
    testCount, () => 100 / testCount.value,
    steps, () => 100 * testAt(0).accuracy, () => 100 * testAt(1).accuracy,
    () => trainAt(1).loss, one, () => trainAt(20).loss, epochs, () => 100 * trainAt(20).accuracy,
    () => c.read("curves", "lowest test loss:"), bestTest, () => testAt(20).loss,
    c.given("settled from", 9, "the epoch from which the test accuracy is described", { code: "curves", at: "testCurve.slice(" }), () => Math.min(...later()), () => Math.max(...later()),
    epochs, () => 100 * trainAt(20).accuracy, () => 100 * testAt(20).accuracy,
    trainCount, d4, d4,
    // "after epoch 8 both piles are read worse than after epoch 7": 8 only if it holds.
    () => (trainAt(8).accuracy < trainAt(7).accuracy && testAt(8).accuracy < testAt(7).accuracy ? 8 : NaN), tableEpoch.get(7)!,
    batch,
  ]);

  // Overfitting on 300 digits.
  const allRightFrom = () => c.read("overfit", "right from epoch");
  const fewBest = () => c.read("overfit", "lowest test loss:", "after epoch");
  const small = () => ({
    trainLoss: c.read("overfit", "after 100 epochs: training loss"),
    testLoss: c.read("overfit", "after 100 epochs:", "| test loss"),
    testAccuracy: c.read("overfit", "after 100 epochs:", "| test loss", "accuracy") / 100,
    bestLoss: c.read("overfit", "lowest test loss:"),
  });
  c.cell("overfit-intro", [trainCount, knobs, weightSeed, smallCount, smallEpochs, smallCount, testCount]);
  c.cell("overfit-read", [
    allRightFrom, smallCount, zero, () => small().trainLoss, smallEpochs,
    () => 100 * small().testAccuracy, () => small().bestLoss, fewBest,
    () => smallEpochs.value - fewBest(), () => small().testLoss,
    knobs, smallCount, trainCount, c.rounded(() => 100 * (trainAt(20).accuracy - testAt(20).accuracy)),
  ]);

  // The confusion matrix and the mistakes, as the notebook printed them.
  const right = () => c.read("confusion", "on the diagonal:");
  // The k-th most common mix-up line: "a 7 read as 3: 10 times".
  const mix = (k: number) => {
    const before = ["on the diagonal:", ...Array.from({ length: k }, () => "times")];
    return { right: c.read("confusion", ...before, "\na "), said: c.read("confusion", ...before, "read as"), n: c.read("confusion", ...before, "read as", /\d+: /) };
  };
  const shares = () => Array.from({ length: 10 }, (_, d) => c.read("confusion", `\ndigit ${d}:`, "right (") / 100);
  const best = () => argmax(shares());
  const worst = () => argmax(shares().map((v) => -v));
  c.cell("confusion-intro", [classes, classes]);
  c.cell("confusion-read", [
    right, testCount, () => (100 * right()) / testCount.value, () => testCount.value - right(),
    () => mix(0).right, () => mix(0).said, () => mix(0).n,
    () => mix(1).right, () => mix(2).right, () => mix(3).right, () => mix(1).n,
    () => mix(1).right, () => mix(1).said, () => mix(2).right, () => mix(2).said, () => mix(3).right, () => mix(3).said,
    best, () => 100 * shares()[best()], worst, () => 100 * shares()[worst()],
  ]);
  const shown = c.given("mistakes shown", 16, "how many mistakes the grid shows", { code: "mistakes" });
  c.cell("mistakes-intro", [shown]);
  c.cell("mistakes-read", [
    () => c.read("mistakes", "first mistake: test digit"), () => c.read("mistakes", "first mistake:", ", a"), () => c.read("mistakes", "first mistake:", "read as"), () => c.read("mistakes", "first mistake:", "with"),
    () => c.read("mistakes", /^/),
    () => c.read("mistakes", "nearest miss: test digit"), () => c.read("mistakes", "nearest miss:", ", a"), () => c.read("mistakes", "nearest miss:", "read as"),
    () => c.read("mistakes", "nearest miss:", "\n", `${c.read("mistakes", "nearest miss:", "read as")}: `), () => c.read("mistakes", "nearest miss:", "read as"),
    () => c.read("mistakes", "nearest miss:", "\n", `${c.read("mistakes", "nearest miss:", ", a")}: `), () => c.read("mistakes", "nearest miss:", ", a"),
  ]);

  // The first layer's weights.
  const colourLimit = c.given("colour limit", 0.35, "the weight size drawn in full colour, our choice", { code: "weights", at: "largest: " });
  c.cell("weights-intro", [hidden, pixels, side, side, n15, hidden, colourLimit]);
  // What the cell "weights-numbers" printed about each first-layer neuron: "h7: fires most for 1s, 3.8416 on average (any other digit: at most 1.7637)".
  const neuron = (j: number) => `\nh${j}:`;
  const favourite = (j: number) => () => c.read("weights-numbers", neuron(j), "fires most for");
  const top = (j: number) => () => (j === 1 ? c.read("weights-numbers", neuron(1), "outputs") : c.read("weights-numbers", neuron(j), "s,"));
  const others = (j: number) => () => c.read("weights-numbers", neuron(j), "at most");
  c.cell("weights-read", [
    () => c.read("weights-numbers", "training digits:"), pixels, () => c.read("weights-numbers", "all within"), trainCount, zero,
    // The text numbers neurons from 1, as the printed lines do.
    favourite(7), top(7), others(7),
    top(15), favourite(15), others(15),
    favourite(2), top(2), others(2),
    hidden,
    top(1), n13, top(4),
  ]);

  // Your turn.
  const exercise = (k: number) => c.exercise(`16.${k}`);
  const example2 = [
    [3, 1],
    [2, 4],
  ];
  c.cell("your-turn", [
    exercise(1), c.given("ex 3", 3, "the example matrix's entries", { exercise: { id: "16.1", case: 0, item: [0, 0, 0] } }), c.given("ex 1", 1, "the example matrix's entries", { exercise: { id: "16.1", case: 0, item: [0, 0, 1] } }),
    c.given("ex 2", 2, "the example matrix's entries", { exercise: { id: "16.1", case: 0, item: [0, 1, 0] } }), c.given("ex 4", 4, "the example matrix's entries", { exercise: { id: "16.1", case: 0, item: [0, 1, 1] } }),
    () => example2[0][0], () => example2[1][1], () => example2.flat().reduce((a, b) => a + b, 0), () => (example2[0][0] + example2[1][1]) / example2.flat().reduce((a, b) => a + b, 0),
    classes, classes, () => right() / testCount.value,
  ]);
  // Exercise 16.2's example, with early stopping worked out here by a loop of its own.
  const stopExample = [2.4, 0.38, 0.32, 0.26, 0.27, 0.25, 0.26, 0.27, 0.28];
  const keep = (losses: number[], patience: number) => {
    let best = 0;
    for (let e = 1; e < losses.length; e++) {
      if (losses[e] < losses[best]) best = e;
      else if (e - best >= patience) break;
    }
    return best;
  };
  const examplePatience = c.given("example patience", 2, "the patience of exercise 16.2's example", { exercise: { id: "16.2", case: 0, item: [1] } });
  c.cell("exercise-2-text", [
    exercise(2), bestTest, zero,
    ...stopExample.map((l, i) => c.given(`stop example loss ${i}`, l, "exercise 16.2's example losses", { exercise: { id: "16.2", case: 0, item: [0, i] } })),
    examplePatience, () => keep(stopExample, examplePatience.value),
    c.given("try-out patience", 3, "the patience to try on the test curve", { code: "check-2", at: "testCurve.map((r) => r.loss), " }), epochs,
  ]);
  const exampleP = [
    [0.9, 0.1],
    [0.2, 0.8],
    [0.6, 0.4],
  ];
  const exampleLabels = [0, 0, 1];
  const exampleWrong = () => exampleP.map((p, n) => ({ n, top: Math.max(...p) })).filter(({ n }) => argmax(exampleP[n]) !== exampleLabels[n]);
  c.cell("exercise-3-text", [
    exercise(3), zero, c.given("none", -1, "the answer when there is no mistake, our convention", { is: "definition" }),
    ...exampleP.flat().map((p, i) => c.given(`example probability ${i}`, p, "the example's probabilities", { exercise: { id: "16.3", case: 0, item: [0, Math.floor(i / 2), i % 2] } })),
    ...exampleLabels.map((l, i) => c.given(`example label ${i}`, l, "the example's labels", { exercise: { id: "16.3", case: 0, item: [1, i] } })),
    () => exampleWrong()[0].n, () => exampleWrong()[1].n, () => exampleWrong()[0].top, () => exampleWrong()[1].top,
    () => exampleWrong().reduce((a, b) => (b.top > a.top ? b : a)).n, testCount,
  ]);
  c.cell("recap", [
    side, side, pixels, zero, one, testCount, count,
    pixels, hidden, hidden, classes, knobs, firstLayerKnobs, n05, n15,
    batch, rate, steps, epochs, () => 100 * testAt(20).accuracy, () => 100 * trainAt(20).accuracy,
    smallCount, () => 100 * small().testAccuracy,
    () => mix(0).right, () => mix(0).said,
  ]);
  c.cell("next", [
    n01, pixels, c.given("wider hidden layer", 64, "a suggested width to try", { is: "illustration" }), classes, smallCount, c.given("more digits", 1000, "a suggested training-set size to try", { is: "illustration" }),
  ]);
  // ── Numbers in words, in captions and comments.
  const single = c.given("a single one", 1, "a single item: one digit, one epoch, one step, one sample, one multiplication", { is: "definition" });
  const blankShare = c.rounded(() => 5 * (1 - c.read("pixels", "on average over all", "digits:") / pixels()));
  const twoPiles = c.given("two piles", 2, "the training pile and the test pile", { is: "definition" });
  const twoCurves = c.given("two curves", 2, "the training curve and the test curve", { is: "definition" });
  const rows = c.given("grid rows", 3, "the grid shows the first three training digits of each kind", { code: "split-grid", at: "const grid = ", length: true });
  const perHundred = c.given("per hundred", 100, "mistakes are counted per 100 digits, a percentage", { is: "definition" });
  c.words("pixels-intro", [single]);
  c.words("pixels-read", [blankShare]);
  c.words("split-intro", [twoPiles, () => xorData().length, twoPiles]);
  c.cell("split-grid", [side, side, zero, d9]);
  c.words("split-grid", [rows, () => rows.value * classes.value, rows]);
  c.words("network-intro", [() => sizes.length - 2]);
  c.words("init-intro", [() => sizes.length - 2]);
  c.words("fast-intro", [single, blankShare, c.given("two copies", 2, "one copy for each engine compared", { is: "definition" }), single]);
  c.words("train-intro", [single, single]);
  c.cell("train", [trainCount]);
  c.words("curves-intro", [twoCurves]);
  c.cell("curves", [trainCount, testCount, trainCount, testCount, perHundred, epochs, trainCount, testCount]);
  c.words("curves-read", [c.given("two decimals", 2, "the test accuracy is printed with two decimals", { code: "curves", at: "accuracy ${(100 * testCurve[e].accuracy).toFixed(" }), twoCurves]);
  c.cell("overfit", [smallCount, testCount, smallCount, testCount, perHundred, smallCount, smallEpochs]);
  c.cell("confusion", [testCount, epochs]);
  c.cell("mistakes", [one, zero, shown]);
  c.words("mistake-bars", [classes]);
  c.cell("weights", [pixels, epochs, side, side, colourLimit]);
  c.words("exercise-2-text", [twoCurves]);
  c.words("exercise-3-text", [single]);
  c.words("recap", [blankShare]);
  c.words("next", [single, twoCurves]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  const gap = (e: number) => () => trainAt(e).accuracy - testAt(e).accuracy;
  const smallGap = () => c.read("overfit", "after 100 epochs:", "accuracy") / 100 - small().testAccuracy;
  c.compare("title", "The network [grows] to", { value: knobs, than: () => countParameters([25, 8, 3]) });
  c.compare("train-intro", "the loss as it [falls]", { from: () => trainAt(0).loss, to: () => trainAt(20).loss });
  c.compare("curves-read", "the loss keeps [falling], with", { from: () => trainAt(1).loss, to: () => trainAt(20).loss });
  c.compare("curves-read", "the accuracy [climbs] to 97.7", { from: () => trainAt(1).accuracy, to: () => trainAt(20).accuracy });
  c.compare("curves-read", "it is [lowest], 0.2436", { value: () => c.read("curves", "lowest test loss:"), than: tableEpochs.filter((e) => e !== bestTest()).map((e) => () => testAt(e).loss) });
  c.compare("overfit-intro", "the gap [grows] slowly", { from: gap(1), to: gap(20) });
  c.compare("overfit-intro", "far [fewer] examples", { value: smallCount, than: trainCount });
  c.compare("overfit-intro", "it [grows] fast", { value: smallGap, than: gap(20) });
  c.compare("overfit-read", "the test loss, [lowest] at", { value: () => small().bestLoss, than: () => small().testLoss });
  c.compare("overfit-read", "[climbs] for the remaining", { from: () => small().bestLoss, to: () => small().testLoss });
  c.compare("overfit-read", "has [more] than enough room", { value: knobs, than: smallCount });
  c.compare("overfit-read", "[smaller] networks", general("a cure named, not measured here"));
  c.compare("confusion-intro", "the [largest] probability", general("the definition of the network's answer"));
  c.compare("weights-read", "Most neurons [grew] patches", general("what the pictures show"));
  c.compare("exercise-2-text", "The test loss was [lowest] after epoch 11", { value: () => c.read("curves", "lowest test loss:"), than: () => testAt(20).loss });
  c.compare("exercise-3-text", "[largest] probability is not at", general("the definition of a mistake"));
  c.compare("exercise-3-text", "whose [largest] probability", general("the definition of the network's answer"));
  c.compare("exercise-3-text", "probability is [highest]", general("the exercise's criterion"));
  c.compare("next", "for [fewer] epochs", general("a suggestion to try"));
  c.strict();
});
