import { mnistSide } from "../../lib/course/mnist";
import { claimsFor, itemAt, once } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  argmax,
  backward,
  constant,
  countParameters,
  createNetwork,
  crossEntropy,
  evaluate,
  forward,
  he,
  heStandardDeviation,
  zeros,
  xavierStandardDeviation,
} from "../../lib/engine";
import { averagedUpdateWorking } from "../../lib/course/averaged-update-working";
import { newDigits, trainingDigits, trainingSamples } from "../../lib/course/digits-data";
import { keys } from "../../lib/course/exercise-keys/15-training-the-reader";

export default claimsFor("15-training-the-reader.ipynb", (c) => {
  const digits = trainingDigits();
  const samples = trainingSamples();
  const fresh = newDigits();
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n01, n08, n12, n14, n15, n16] = [
    notebook(1, "A neuron is multiplication"),
    notebook(8, "Gradient descent"),
    notebook(12, "XOR"),
    notebook(14, "· Digits"),
    notebook(15, "Training the reader"),
    notebook(16, "Real digits"),
  ];

  const zero = c.given("zero", 0, "zero: paper, a target, a starting value, a bound", { is: "definition" });
  const one = c.given("one", 1, "one: ink, a target, a total probability, a numerator", { is: "definition" });
  const two = c.given("two", 2, "the 2 of √(2 / n), and a digit", { is: "definition" });
  const three = c.given("three", 3, "three digits, three outputs: the 3 of 1/3 and ln 3", { code: "setup", at: "sizes: [25, 8, " });
  // The side of the square digit pictures, from the course's data.
  const side = () => Math.sqrt(trainingDigits()[0].pixels.length);
  const pixels = c.given("pixels", 25, "5 × 5 = 25 pixels, one input each", { code: "setup", at: "sizes: [" });
  const hidden = c.given("hidden", 8, "the network has 8 hidden neurons", { code: "setup", at: "sizes: [25, " });
  const count = () => digits.length;
  const perDigit = () => digits.filter((d) => d.label === 0).length;
  const digit = (d: number) => c.given(`digit ${d}`, d, "one of the three digits", { is: "label" });
  const [d0, d1, d2] = [0, 1, 2].map(digit);
  const rate = c.given("learning rate", 1.2, "the training recipe's learning rate", { code: "train" });
  const epochs = c.given("epochs", 100, "the training recipe's number of epochs", { code: "train" });
  const seed = c.given("seed", 0, "our chosen seed for the He draw", { code: "setup" });
  const centre = c.given("centre pixel", 12, "the pixel traced by hand: the centre of the grid", { code: "trace" });
  const traced = c.given("traced neuron", 0, "the hidden neuron whose weight is traced by hand", { code: "trace", at: "const neuron = " });
  const everything = c.given("all of it", 100, "100 %: everything", { is: "definition" });
  // The text counts pixels and neurons from 1, code from 0 (notebook 05).
  const centreText = () => centre.value + 1;
  const tracedText = () => traced.value + 1;
  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`, { is: "estimate" });

  // The training runs' values come from what the notebook's cells printed (their stored outputs, which
  // npm test proves equal to a re-run); the claims compute only the untrained network (He weights drawn by
  // the recipe's seed 0: no training), checked against what the notebook printed.
  // The untrained network rebuilt here must be the notebook's: its hidden weights' mean and standard
  // deviation are those cell "he" printed, or the claims that use it fail.
  const start = once(() => {
    const net = createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(seed.value) });
    const w = net.layers[0].weights.flat();
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
    if (Math.abs(mean - c.read("he", "mean")) > 0.00005 || Math.abs(sd - c.read("he", "standard deviation")) > 0.0005) throw new Error(`the rebuilt untrained network's hidden weights have mean ${mean} and standard deviation ${sd}, not what cell "he" printed`);
    return net;
  });
  const tableRow = (e: number) => `epoch ${String(e).padStart(3)}:`;
  const at = (e: number) => ({ loss: c.read("table", tableRow(e), "loss"), accuracy: c.read("table", tableRow(e), "accuracy") / 100 });
  const biasesOf = (net: { layers: { biases: number[] }[] }) => net.layers.reduce((n, l) => n + l.biases.length, 0);
  const classes = () => samples[0].target.length;
  const ink = digits.map((d) => d.pixels.filter((p) => p === 1).length);
  const meanInk = () => ink.reduce((a, b) => a + b, 0) / ink.length;

  c.cell("title", [n15, n14, pixels, hidden, three, side, side, minutes(25, "the notebook"), n14]);
  c.cell("learn", [count]);
  c.cell("setup-intro", [n14, count, pixels, hidden, three, n14, seed]);

  // Zeros and equal weights.
  const largestKnob = () => c.read("zeros-run", "largest weight or bias after 100 epochs:");
  const exponent = (v: number) => Math.floor(Math.log10(v));
  const ten = c.given("ten", 10, "the base of a power of ten", { is: "definition" });
  const equalStart = c.given("equal start", 0.1, "the equal starting weight we try", { code: "equal-run" });
  const equalRun = () => ({
    // The number of epochs, read only where the line goes on to say "true".
    identicalFor: c.read("equal-run", /identical after (?=\d+ epochs: true)/),
    score: { loss: c.read("equal-run", "loss"), accuracy: c.read("equal-run", "accuracy") / 100 },
  });
  const others = () => samples.filter((s) => s.target[0] === 0).length;
  c.cell("zeros", [() => countParameters([25, 8, 3]), zero, epochs]);
  c.cell("zeros-read", [
    // The same before and after (to 12 decimals), or NaN so that the check fails.
    () => {
      const before = c.read("zeros-run", "loss at epoch 0:");
      return before === c.read("zeros-run", "after 100 epochs:") ? before : NaN;
    },
    three, epochs,
    c.rounded(() => largestKnob() / 10 ** exponent(largestKnob())), ten, () => exponent(largestKnob()),
    zero, () => 1 / (1 + Math.exp(0)), one, three, one, three,
    count, perDigit, d0,
    perDigit, one, three, one, others, one, three, zero,
    perDigit, () => (1 / classes() - 1) * classes(), three, others, one, three, () => perDigit() * (1 / 3 - 1) + others() * (1 / 3),
    zero, equalStart,
  ]);
  c.cell("equal-read", [
    () => equalRun().score.loss, () => c.read("equal-run", "accuracy", "("), () => c.read("equal-run", "accuracy", "(", "of"), () => 100 * equalRun().score.accuracy,
    () => equalRun().identicalFor,
  ]);

  // He initialization.
  // The hidden weights' statistics, as cell "he" printed them.
  const within = "within ±";
  const inside = () => c.read("he", within, ":");
  const drawn = () => c.read("he", within, ":", "of");
  // The seeds 0 to 5, trained with He's starting weights by cell "xavier", as it printed them.
  const lastSeed = c.given("last seed", 5, "the last of the six seeds compared", { code: "xavier", at: "const runs = [0, 1, 2, 3, 4, " });
  const heAllRight = () => (100 * c.read("xavier", "He ", "every image right in")) / c.read("xavier", "He ", "every image right in", "of");
  c.cell("he-intro", [
    zero, zero, () => 1 / (1 + Math.exp(0)), zero, two,
    pixels, two, pixels, () => heStandardDeviation(25),
    hidden, two, hidden, () => heStandardDeviation(8),
    () => biasesOf(start()), zero,
    c.rounded(meanInk), c.rounded(meanInk), () => heStandardDeviation(25), c.rounded(meanInk),
    c.rounded(() => heStandardDeviation(25) * Math.sqrt(meanInk())),
    seed, seed, lastSeed,
    heAllRight, epochs,
  ]);
  c.cell("he-read", [
    c.output("he", "our"), c.output("he", "mean"), c.output("he", "standard deviation"), zero, () => heStandardDeviation(25),
    c.rounded(() => 100 * (2 * 0.5 * (1 + erf(2 / Math.SQRT2)) - 1)),
    () => 2 * heStandardDeviation(25), inside, drawn, () => (100 * inside()) / drawn(),
  ]);

  // Epoch 0.
  const startOutputs = () => samples.map((s) => forward(start(), s.input).output);
  c.cell("epoch-zero-intro", [zero, count]);
  c.cell("epoch-zero-read", [
    () => {
      const answers = startOutputs().map((p) => argmax(p));
      return answers.every((a) => a === answers[0]) ? answers[0] : NaN;
    },
    one, three,
    c.output("epoch-zero", "probabilities from"), c.output("epoch-zero", "probabilities from", "to"),
    () => samples.filter((s, n) => argmax(startOutputs()[n]) === argmax(s.target)).length, () => 100 * at(0).accuracy,
    () => at(0).loss, () => Math.log(3), one, three,
  ]);

  // Epoch versus sample, and the traced weight.
  const perSample = () => samples.map((s) => backward(start(), forward(start(), s.input), s.target, "crossEntropy").gradients[0].weights[traced.value][centre.value]);
  const oldWeight = () => start().layers[0].weights[traced.value][centre.value];
  const trace = () => averagedUpdateWorking(oldWeight(), rate.value, perSample());
  const inked = () => samples.filter((s) => s.input[centre.value] === 1).length;
  c.cell("epoch-vs-sample", [
    n12, n08, count, count, count, rate, rate, count,
    centreText, tracedText, zero, tracedText, centreText, centreText, inked, count, () => count() - inked(), zero, zero,
  ]);
  c.cell("trace-read", [
    () => perSample().filter((g) => g !== 0).length, d0, d2, d1,
    () => perSample().filter((g) => g === 0).length,
    c.line(() => trace()[0]), c.line(() => trace()[1]), c.line(() => trace()[2]), c.line(() => trace()[3]),
    tracedText, epochs, () => c.read("train", "the same weight at epoch 100:"), tracedText,
  ]);

  // Training.
  c.cell("train-intro", [epochs, rate, epochs, seed, zero, epochs]);
  c.cell("table-intro", [zero, epochs]);
  const tableEpochs = [0, 1, 5, 10, 20, 30, 60, 100].map((e, i, all) => c.given(`table epoch ${e}`, e, "an epoch shown in the table", { code: "table", at: itemAt("for (const e of [", all, i) }));
  const firstPerfect = () => c.read("table", "every image right from epoch");
  const longRun = () => c.read("longer", "at epoch");
  const claimed = {
    // The tempting guesses are what a network that says 1/3 for every digit would give: 33 % each, loss ln 3.
    percent: c.rounded(() => 100 / classes()),
    loss0: c.rounded(() => crossEntropy(Array.from({ length: classes() }, () => 1 / classes()), samples[0].target)),
    loss100: c.given("guessed final loss", 0.001, "a round 'almost nothing' the text tests, and the threshold cell \"longer\" looks for", { code: "longer" }),
  };
  c.cell("table-read", [
    ...tableEpochs.flatMap((e) => [e, () => at(e.value).loss, () => 100 * at(e.value).accuracy]),
    firstPerfect, count,
    claimed.percent, claimed.loss0, epochs, claimed.loss100,
    three, () => Math.log(3), () => at(0).loss,
    count, seed, () => at(100).loss, epochs, claimed.loss100, longRun,
  ]);

  // The hidden neurons.
  const w2 = () => [0, 1, 2].map((d) => Array.from({ length: 8 }, (_, j) => c.read("filters", `the output for digit ${d} listens to h1…h8 with the weights`, { nth: j })));
  c.cell("filters-intro", [pixels, side, side]);
  c.cell("filters-read", [
    zero, epochs,
    d1, d1, () => w2()[1][0],
    d0, d0, () => w2()[0][5], d2, () => w2()[2][5],
    d2, d2, () => w2()[2][4],
  ]);

  // New digits.
  const freshLine = (n: number) => `${fresh[n].label} "${fresh[n].name}":`;
  const freshP = (n: number) => () => c.read("new-digits", freshLine(n), { nth: fresh[n].label });
  c.cell("new-read", [
    () => fresh[0].label, freshP(0), () => fresh[1].label, freshP(1), () => fresh[2].label, freshP(2),
    () => fresh[2].label, () => c.read("new-digits", freshLine(2)), d0,
  ]);
  const example = c.given("example epoch", 17, "an epoch picked as an example", { is: "illustration" });
  c.cell("helper-intro", [example, example, () => c.read("helper", /^/)]);

  // Your turn.
  const ex = (k: number) => c.exercise(`15.${k}`);
  const grads = [0.1, 0, 0.2, -0.06].map((g, i) => c.given(`g ${i}`, g, "the example's four gradients", { exercise: { id: "15.1", case: 0, item: [2, i] } }));
  const oldEx = c.given("old", 0.5, "the example weight's old value", { exercise: { id: "15.1", case: 0, item: [0] } });
  const gMean = () => grads.reduce((a, g) => a + g.value, 0) / grads.length;
  c.cell("your-turn", [ex(1), oldEx, rate, ...grads, gMean, oldEx, rate, gMean, () => oldEx.value - rate.value * gMean()]);
  const exampleAnswers = [[0.7, 0.2, 0.1], [0.3, 0.6, 0.1]].map((row, n) => row.map((v, d) => c.given(`accuracy example ${n} ${d}`, v, "a probability of exercise 15.2's example", { exercise: { id: "15.2", case: 0, item: [0, n, d] } })));
  const exampleLabels = [0, 2].map((l, n) => c.given(`accuracy example label ${n}`, l, "a right digit of exercise 15.2's example", { exercise: { id: "15.2", case: 0, item: [1, n] } }));
  const exampleAccuracy = () => exampleAnswers.filter((row, n) => argmax(row.map((g) => g.value)) === exampleLabels[n].value).length / exampleAnswers.length;
  c.cell("exercise-2-text", [ex(2), ...exampleAnswers.flat(), ...exampleLabels, exampleAccuracy, count]);
  c.cell("recap", [
    two, () => heStandardDeviation(25), () => heStandardDeviation(8),
    count, rate, oldWeight, () => c.read("train", "the traced weight after epoch 0's update:"),
    seed, () => at(0).loss, () => at(100).loss, epochs, firstPerfect,
  ]);
  c.cell("inspector-intro", [count, rate, epochs, count]);
  // The side of the real digit images, as the course's data defines it (notebook 16 reads them).
  const realSide = () => mnistSide;
  c.cell("next", [n01, n16, realSide, realSide, seed, everything, side, side, d1]);
  c.cell("xavier-intro", [
    n16, two, two, () => pixels.value + hidden.value, () => xavierStandardDeviation(25, 8), () => heStandardDeviation(25),
    zero, lastSeed, epochs,
  ]);
  c.cell("xavier-read", [count, epochs, zero, pixels]);
  // ── Numbers in words, in captions and comments.
  const oneUpdate = c.given("one update", 1, "full batch: a single update per epoch", { is: "definition" });
  const single = c.given("a single one", 1, "a single item: one weight, one picture, one epoch", { is: "definition" });
  c.words("title", [classes, oneUpdate]);
  c.words("learn", [oneUpdate, single]);
  c.words("zeros-read", [hidden, zero]);
  c.cell("equal-run", [epochs]);
  c.words("equal-run", [hidden, hidden, single]);
  c.words("equal-read", [hidden, hidden]);
  c.words("he-intro", [single]);
  c.cell("he", [drawn, drawn, seed, c.given("bin width", 0.1, "the histogram's bin width", { code: "he" }), () => heStandardDeviation(25)]);
  const twoDeviations = c.given("two deviations", 2, "the ±2 standard deviations the cell counts within", { code: "he", at: "console.log(`within ±${formatNumber(" });
  c.words("he-read", [twoDeviations, drawn]);
  c.cell("xavier", [zero, count]);
  c.words("epoch-vs-sample", [single, oneUpdate, single]);
  c.cell("trace", [centreText, tracedText, centre, traced]);
  c.cell("train", [count, epochs]);
  c.cell("table", [count]);
  c.words("table-read", [classes]);
  c.words("filters-intro", [c.given("rows", 3, "the figure's three rows: start, end and change", { is: "definition" })]);
  c.cell("filters", [pixels, side, side, zero, epochs, c.given("full colour", 1.5, "the weight drawn in full colour", { code: "filters" })]);
  c.words("new-intro", [() => fresh.length]);
  c.words("new-digits", [() => fresh.length]);
  c.words("new-read", [() => fresh.length]);
  c.words("inspector-intro", [single]);
  c.words("your-turn", [() => keys.length, oneUpdate, oneUpdate]);
  c.words("recap", [oneUpdate, single, () => fresh.length]);
  c.words("next", [c.given("ten digits", 10, "the real digits are 0 to 9", { is: "fact" })]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  const lnThree = () => crossEntropy(Array.from({ length: classes() }, () => 1 / classes()), samples[0].target);
  const equalStartLoss = () => evaluate(createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: constant(equalStart.value), biases: zeros }), samples, "crossEntropy").loss;
  c.compare("zeros-read", "the [largest] knob is about", general("the printed maximum over all knobs"));
  c.compare("equal-read", "its loss [falls] to 0.627", { from: equalStartLoss, to: () => equalRun().score.loss });
  c.compare("xavier-intro", "a little [less] than He's", { value: () => xavierStandardDeviation(25, 8), than: () => heStandardDeviation(25) });
  c.compare("xavier-read", "Xavier's [smaller] weights", { value: () => xavierStandardDeviation(25, 8), than: () => heStandardDeviation(25) });
  c.compare("epoch-zero-read", "1.3076, [more] than the 1.0986", { value: () => at(0).loss, than: lnThree });
  c.compare("trace-read", "this weight gets [smaller]", { from: oldWeight, to: () => c.read("train", "the traced weight after epoch 0's update:") });
  c.compare("train-intro", "the loss as it [falls]", { from: () => at(0).loss, to: () => at(100).loss });
  c.compare("table-intro", "whose [largest] probability", general("the definition of the network's answer"));
  c.compare("table-read", "The loss keeps [falling]", { from: () => at(30).loss, to: () => at(100).loss });
  c.compare("table-read", "the network [grows] more", { from: () => Math.exp(-at(30).loss), to: () => Math.exp(-at(100).loss) });
  c.compare("table-read", "how fast the loss [falls] depends", general("a general statement about training"));
  c.compare("table-read", "it first [drops] below 0.001", { from: () => at(100).loss, to: claimed.loss100 });
  c.compare("filters-read", "made the loss [smaller]", { from: () => at(0).loss, to: () => at(100).loss });
  c.compare("recap", "the loss [falls] from 1.3076", { from: () => at(0).loss, to: () => at(100).loss });
  c.compare("exercise-2-text", "whose [largest] probability", general("the definition of the network's answer"));
  c.strict();
});

/** The error function erf(x), by its Taylor series (plenty for x ≤ 2): the bell curve's share within x·√2 deviations. */
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}
