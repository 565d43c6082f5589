import { claimsFor, once } from "../../lib/tools/claims/define";
import {
  PythonRandom,
  activationBlame,
  argmax,
  countParameters,
  createNetwork,
  crossEntropy,
  he,
  lossDerivative,
  oneHot,
  softmax,
  zeros,
  xorData,
} from "../../lib/engine";
import { digitsRecipe, newDigits, trainingDigits, trainingSamples } from "../../lib/course/digits-data";
import { parameterCountWorking } from "../../lib/course/parameter-working";
import { softmaxWorking } from "../../lib/course/softmax-working";

export default claimsFor("14-digits.ipynb", (c) => {
  const digits = trainingDigits();
  const samples = trainingSamples();
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n04, n05, n06, n12, n13, n14, n15] = [
    notebook(4, "activation functions"),
    notebook(5, "Layers and the forward pass"),
    notebook(6, "The loss"),
    notebook(12, "XOR"),
    notebook(13, "When training gets stuck"),
    notebook(14, "· Digits"),
    notebook(15, "Training the reader"),
  ];

  const zero = c.given("zero", 0, "zero: paper, a target, a starting value, a bound", { is: "definition" });
  const one = c.given("one", 1, "one: ink, a target, a total probability, a numerator", { is: "definition" });
  const three = c.given("three", 3, "three digits, three outputs: the 3 of 1/3 and ln 3", { code: "diagram", at: "sizes: [25, 8, " });
  // The side of the square digit pictures, from the course's data.
  const side = () => Math.sqrt(trainingDigits()[0].pixels.length);
  const pixels = c.given("pixels", 25, "5 × 5 = 25 pixels, one input each", { code: "diagram", at: "sizes: [" });
  const hidden = c.given("hidden", 8, "the network has 8 hidden neurons", { code: "diagram", at: "sizes: [25, " });
  const count = () => digits.length;
  const perDigit = () => digits.filter((d) => d.label === 0).length;
  const digit = (d: number) => c.given(`digit ${d}`, d, "one of the three digits", { is: "label" });
  const [d0, d1, d2] = [0, 1, 2].map(digit);
  // How long notebook 15 trains: the course's recipe, whose run notebook 15's cell "helper" shows equal to its own.
  const epochs = () => digitsRecipe.epochs;
  const seed = c.given("seed", 0, "our chosen seed for the He draw", { code: "diagram", at: "rng: new PythonRandom(" });
  const centre = c.given("centre pixel", 12, "the centre of the grid, in code (notebook 15 traces its weight by hand)", { is: "definition" });
  const lastPixel = () => pixels.value - 1;
  // The text counts pixels and neurons from 1, code from 0 (notebook 05).
  const centreText = () => centre.value + 1;
  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`, { is: "estimate" });

  // This notebook trains nothing; the claims build the untrained network (He weights drawn by the recipe's
  // seed 0) only to count its weights and biases.
  const start = once(() => createNetwork({ sizes: [25, 8, 3], activations: ["sigmoid", "softmax"] }, { weights: he, biases: zeros, rng: new PythonRandom(seed.value) }));
  const weightsOf = (net: { layers: { weights: number[][] }[] }) => net.layers.reduce((n, l) => n + l.weights.flat().length, 0);
  const biasesOf = (net: { layers: { biases: number[] }[] }) => net.layers.reduce((n, l) => n + l.biases.length, 0);
  const classes = () => samples[0].target.length;
  const ink = digits.map((d) => d.pixels.filter((p) => p === 1).length);
  const meanInk = () => ink.reduce((a, b) => a + b, 0) / ink.length;

  c.cell("title", [n14, pixels, hidden, three, d0, d1, d2, n12, count, d0, d1, d2, side, side, pixels, n15, minutes(20, "the notebook"), n13, n06, n04, n06]);
  c.cell("learn", [pixels, pixels, hidden, three, () => countParameters([25, 8, 3]), n06]);
  c.cell("pixels-intro", [pixels, pixels, one, zero, one, centreText, pixels, n05, one, zero, zero, centre, lastPixel, one, zero, one, zero]);
  c.cell("pixels-read", [
    one, () => digits[0].label, () => ink[0], pixels, ...samples[0].target.map((t) => () => t),
    count, () => Math.min(...ink), () => Math.max(...ink), meanInk,
  ]);
  c.cell("network", [
    pixels, hidden, three,
    pixels, hidden, n04, zero, one, three,
    pixels, hidden, n05,
    c.line(() => parameterCountWorking([25, 8, 3])),
    () => weightsOf(start()), () => biasesOf(start()),
  ]);
  c.cell("diagram-intro", [one]);

  // Softmax.
  const scores = [2.1, 0.5, -0.3].map((z, i) => c.given(`score ${i}`, z, "the example's three scores", { code: "softmax-hand" }));
  const z = () => scores.map((s) => s.value);
  const lines = () => softmaxWorking(z());
  const shares = () => softmax(z());
  const percent = (i: number) => () => 100 * shares()[i];
  const listNumber = (n: number) => c.given(`list item ${n}`, n, "the number of a step in a numbered list", { is: "label" });
  c.cell("softmax", [
    scores[0], d0, scores[1], d1, scores[2], d2,
    listNumber(1), () => Math.E, one, listNumber(2), one, c.given("all of it", 100, "100 %: everything", { is: "definition" }),
    c.line(() => lines()[0]), c.line(() => lines()[1]), c.line(() => lines()[2]),
    c.line(() => lines()[3]),
    d0, c.line(() => lines()[4]),
    d1, c.line(() => lines()[5]),
    d2, c.line(() => lines()[6]),
    () => argmax(shares()), percent(0),
  ]);
  c.cell("softmax-engine-intro", [() => shares().reduce((a, b) => a + b, 0)]);

  // Cross-entropy.
  const ps = [0.95, 0.5, 0.1, 0.01].map((p) => c.given(`p ${p}`, p, "a probability for the right digit in the table", { code: "cross-entropy" }));
  const ce = (p: number) => crossEntropy([p, 1 - p], [1, 0]);
  c.cell("cross-entropy-intro", [
    one, zero, one,
    ...ps.flatMap((p) => [p, () => ce(p.value)]),
    ps[0], ps[1], () => ce(ps[1].value) - ce(ps[0].value), ps[2], ps[3], () => ce(ps[3].value) - ce(ps[2].value),
    one, three, one, three, three, () => crossEntropy([1 / 3, 1 / 3, 1 / 3], [1, 0, 0]),
  ]);
  const blame = () => activationBlame("softmax", z(), shares(), lossDerivative("crossEntropy", shares(), oneHot(0, 3)));
  c.cell("blame-intro", [d0, () => shares()[0], one, () => blame()[0], d0, () => blame()[1], d1, () => blame()[2], d2]);

  // Your turn.
  const ex = (k: number) => c.exercise(`14.${k}`);
  c.cell("your-turn", [ex(1), scores[0], scores[1], scores[2], () => shares()[0], () => shares()[1], () => shares()[2]]);
  const q = [0.7, 0.2, 0.1].map((p, i) => c.given(`q ${i}`, p, "the example prediction's probabilities", { is: "illustration" }));
  const qCe = (label: number) => () => crossEntropy(q.map((x) => x.value), oneHot(label, 3));
  c.cell("exercise-2-text", [ex(2), q[0], q[1], q[2], d0, q[0], qCe(0), q[0], q[1], q[2], d2, q[2], qCe(2)]);
  c.cell("recap", [
    side, side, pixels, pixels, hidden, three, () => countParameters([25, 8, 3]), () => weightsOf(start()), () => biasesOf(start()),
    scores[0], scores[1], scores[2], percent(0), percent(1), percent(2),
    one, three, three, () => Math.log(3),
  ]);
  c.cell("next", [n15, epochs]);
  // ── Numbers in words, in captions and comments.
  c.words("title", [classes, () => xorData().length]);
  c.words("learn", [classes, classes]);
  c.cell("grid", [count, side, side]);
  c.words("grid", [classes, perDigit]);
  c.words("pixels-intro", [classes]);
  c.words("network", [classes, classes]);
  c.cell("diagram", [pixels, hidden, classes, one]);
  c.words("softmax", [classes, c.given("two steps", 2, "softmax's two steps, numbered in the list", { is: "definition" })]);
  c.words("softmax-engine-intro", [classes, classes]);
  c.cell("softmax-engine", [scores[0], scores[1], scores[2]]);
  c.words("next", [() => newDigits().length]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  c.compare("diagram-intro", "thicker lines are [larger] weights", general("the diagram's drawing rule"));
  c.compare("softmax", "and a [larger] score gives", general("the premise of the rule"));
  c.compare("softmax", "gives a [larger] result", { value: () => Math.exp(scores[0].value), than: () => Math.exp(scores[1].value) });
  c.compare("softmax", "the digit with the [largest] probability", { value: () => shares()[0], than: [() => shares()[1], () => shares()[2]] });
  c.compare("cross-entropy-intro", "The loss [grows] slowly", { from: () => ce(ps[0].value), to: () => ce(ps[1].value) });
  c.strict();
});
