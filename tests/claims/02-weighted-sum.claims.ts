import { weightedSumWorking } from "../../lib/course/arithmetic";
import { neuronSteps, perceptron, weightedSum } from "../../lib/engine";
import { trainingDigits } from "../../lib/course/digits-data";
import { claimsFor } from "../../lib/tools/claims/define";

const products = (w: number[], x: number[]) => w.map((_, i) => () => neuronSteps({ weights: w, bias: 0, activation: "identity" }, x).products[i]);
/** The perceptron of the notebook: weights 3 and 1, threshold 10 (the engine takes −10 as its bias). */
const answer = (x: number[], w: number[] = [3, 1]) => () => perceptron(w, -10, x);

export default claimsFor("02-weighted-sum.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n01, n02, n03, n04, n06, n07, n12, n14] = [
    notebook(1, "A neuron is multiplication"),
    notebook(2, "The weighted sum"),
    notebook(3, "The bias"),
    notebook(4, "activation functions"),
    notebook(6, "The loss"),
    notebook(7, "The gradient"),
    notebook(12, "XOR"),
    notebook(14, "· Digits"),
  ];
  const yes = c.given("answer 1", 1, "the answer that means yes", { is: "definition" });
  const no = c.given("answer 0", 0, "the answer that means no", { is: "definition" });
  const zero = c.given("weight 0", 0, "the weight that ignores its input", { code: "ignore-code", at: "weightedSumWorking([" });
  const minutes = c.given("minutes", 20, "the estimated time to work through the notebook", { is: "estimate" });
  const [x1, x2] = [c.given("first input", 2, "the example's first input", { code: "by-hand", at: "const inputs = [" }), c.given("second input", 5, "the example's second input", { code: "by-hand", at: "const inputs = [2, " })];
  const [w1, w2] = [c.given("first weight", 3, "the example's first weight", { code: "by-hand", at: "const weights = [" }), c.given("second weight", 1, "the example's second weight", { code: "by-hand", at: "const weights = [3, " })];
  const threshold = c.given("threshold", 10, "the perceptron's threshold in the example", { code: "perceptron-by-hand", at: "const threshold = " });
  const [index0, index1] = [c.given("index 0", 0, "the position of a list's first item", { is: "label" }), c.given("index 1", 1, "the position of a list's second item", { is: "label" })];
  const onLine = [c.given("point on the line: x₁", 3, "an input exactly on the perceptron's line", { code: "perceptron-by-hand", at: "[1, 4], [" }), c.given("point on the line: x₂", 1, "an input exactly on the perceptron's line", { code: "perceptron-by-hand", at: "[1, 4], [3, " })];
  const onLine2 = [c.given("second point on the line: x₁", 2, "another input on the line", { is: "illustration" }), c.given("second point on the line: x₂", 4, "another input on the line", { is: "illustration" })];
  const exampleSum = c.line(() => weightedSumWorking([3, 1], [2, 5]));

  c.cell("title", [n02, n01, yes, no, minutes, n01]);
  c.cell("learn", [zero]);
  c.cell("idea", [x1, x2, w1, w2, w1, x1, w2, x2, ...products([w1.value, w2.value], [x1.value, x2.value]), () => weightedSum([3, 1], [2, 5])]);
  c.cell("by-hand-intro", [index0, index1]);
  c.cell("steps-intro", [n01, ...products([3, 1], [2, 5])]);

  const loud = c.given("loud weight", 10, "a large first weight, for the table of votes", { code: "votes", at: "[3, 1], [" });
  const against = c.given("negative weight", -1, "a negative second weight, for the table of votes", { code: "votes", at: "[0, 1], [3, " });
  c.cell("why-sum", [
    x1, x2,
    w1, w2, ...products([3, 1], [2, 5]), () => weightedSum([3, 1], [2, 5]),
    loud, w2, ...products([10, 1], [2, 5]), () => weightedSum([10, 1], [2, 5]),
    zero, w2, ...products([0, 1], [2, 5]), () => weightedSum([0, 1], [2, 5]),
    w1, against, ...products([3, -1], [2, 5]), () => weightedSum([3, -1], [2, 5]),
  ]);

  const big = c.given("a large first input", 200, "shows that an ignored input can be anything", { code: "ignore-code", at: "[2, " });
  c.cell("ignore", [
    zero, zero, w2, x1, big,
    c.line(() => weightedSumWorking([0, 1], [2, 5])),
    c.line(() => weightedSumWorking([0, 1], [200, 5])),
    zero, zero,
  ]);

  const threeInputs = [4, 1, 3].map((v, i) => c.given(`three-input example: input ${i + 1}`, v, "an input of the three-input example", { code: "more-inputs-code", at: ["[0.5, -2, 1], [", "[0.5, -2, 1], [4, ", "[4, 1, "][i] }));
  const threeWeights = [0.5, -2, 1].map((v, i) => c.given(`three-input example: weight ${i + 1}`, v, "a weight of the three-input example", { code: "more-inputs-code", at: ["weightedSumWorking([", "weightedSumWorking([0.5, ", "weightedSumWorking([0.5, -2, "][i] }));
  // The side of notebook 14's square digit pictures, from the course's data.
  const side = () => Math.sqrt(trainingDigits()[0].pixels.length);
  c.cell("more-inputs", [
    ...threeInputs, ...threeWeights,
    ...threeWeights.flatMap((w, i) => [w, threeInputs[i]]),
    ...products([0.5, -2, 1], [4, 1, 3]),
    () => weightedSum([0.5, -2, 1], [4, 1, 3]),
    n14, side, side, () => trainingDigits()[0].pixels.length, () => trainingDigits()[0].pixels.length,
  ]);

  c.cell("perceptron-idea", [
    yes, no,
    c.given("year", 1958, "the year the perceptron was published", { is: "fact" }),
    yes, no,
    w1, w2, threshold,
    threshold,
    x1, x2, exampleSum, answer([2, 5]),
    c.given("input 1", 1, "a second example input", { code: "perceptron-by-hand", at: "[2, 5], [" }), c.given("input 4", 4, "a second example input", { code: "perceptron-by-hand", at: "[2, 5], [1, " }), c.line(() => weightedSumWorking([3, 1], [1, 4])), answer([1, 4]),
    ...onLine, c.line(() => weightedSumWorking([3, 1], [3, 1])), answer([3, 1]),
  ]);
  c.cell("perceptron-engine", [
    threshold, threshold, zero,
    () => weightedSum([3, 1], [2, 5]), threshold,
    () => weightedSum([3, 1], [2, 5]), threshold, zero,
    // "the threshold with its sign flipped": the bias the engine's perceptron is given.
    () => -threshold.value,
    n03,
  ]);
  const step = c.given("one step", 1, "the size of a step to the right", { is: "definition" });
  c.cell("plane", [
    x1, x2, x1, x2,
    threshold,
    ...onLine, ...onLine2,
    c.line(() => weightedSumWorking([3, 1], [3, 1])),
    c.line(() => weightedSumWorking([3, 1], [2, 4])),
    step, w1,
    threshold, () => w1.value / w2.value, w2,
    threshold,
    threshold, yes, no,
    ...onLine, answer([3, 1]),
  ]);
  c.cell("plane-read", [n03, n12]);

  const nudged = [3, 2.9, 2.8, 2.6, 2.5];
  /** Where cell "rough-code" sets each tried weight: the code right before it. */
  const triedAt = ["for (const w of [", "[3, ", "2.9, ", "2.8, ", "2.6, "];
  c.cell("rough", [
    x1, x2, no, yes,
    n01,
    ...nudged.flatMap((w) => [c.given(`tried first weight ${w}`, w, "a setting of the first weight tried in the table", { code: "rough-code", at: triedAt[nudged.indexOf(w)] }), c.line(() => weightedSumWorking([w, 1], [2, 5])), answer([2, 5], [w, 1])]),
    ...nudged.slice(0, 4).map((w) => () => weightedSum([w, 1], [2, 5])),
    ...nudged.slice(0, 4).map((w) => answer([2, 5], [w, 1])),
    answer([2, 5], [2.5, 1]),
  ]);
  const lowestDrawn = c.given("lowest first weight drawn", 0, "the left end of the figure", { code: "rough-figure" });
  const highestDrawn = c.given("highest first weight drawn", 5, "the right end of the figure", { code: "rough-figure" });
  c.cell("rough-figure-intro", [
    lowestDrawn, highestDrawn,
    // The first weight at which the answer flips: where w₁ × x₁ + w₂ × x₂ reaches the threshold.
    () => (threshold.value - w2.value * x2.value) / x1.value,
  ]);
  c.cell("rough-next", [n04, n06, n07]);

  c.cell("your-turn", [
    c.exercise("02.1"),
    w1, w2, x1, x2, w1, w2, x1, x2, ...products([3, 1], [2, 5]),
  ]);
  c.cell("exercise-2-text", [
    c.exercise("02.2"),
    c.given("starting total", 0, "a sum starts from 0", { is: "definition" }),
    w1, w2, x1, x2, () => weightedSum([3, 1], [2, 5]),
  ]);
  c.cell("exercise-3-text", [
    c.exercise("02.3"),
    yes, no,
    w1, w2, threshold, x1, x2, answer([2, 5]), ...onLine, answer([3, 1]),
  ]);
  c.cell("recap", [exampleSum, zero, yes, no]);
  c.cell("next", [zero, () => weightedSum([3, 1], [0, 0]), n03]);

  // Numbers in figure captions.
  c.cell("plane-figure", [w1, w2, threshold]);
  c.cell("rough-figure", [x1, x2, w2, threshold, lowestDrawn, highestDrawn, c.given("marked first weight", 3, "the first weight the dots mark", { code: "rough-figure" })]);

  // Numbers in words.
  const perInput = c.given("one weight per input", 1, "a neuron has one weight for each input: the lesson's design", { is: "definition" });
  const oneOut = c.given("one output", 1, "a neuron passes on one number", { is: "definition" });
  const inputs = () => [x1, x2].length;
  const answers = () => [yes, no].length;
  c.words("idea", [perInput, inputs, perInput, inputs, oneOut]);
  c.words("engine-intro", [perInput]);
  c.words("steps-intro", [perInput]);
  c.words("why-sum", [perInput]);
  c.words("more-inputs", [perInput, () => threeInputs.length, () => threeWeights.length]);
  c.words("plane", [() => [onLine, onLine2].length, step]);
  c.words("plane-read", [c.given("one line", 1, "the points where the sum equals the threshold form one straight line", { is: "definition" })]);
  c.words("rough", [answers]);
  c.words("rough-figure-intro", [c.given("two panels", 2, "the figure draws the weighted sum and the answer, one panel each", { is: "definition" })]);
  c.words("recap", [perInput, answers]);

  // Direction words.
  c.compare("idea", "The [largest] networks ever built", { given: "a fact about the field, not computed by the course" });
  c.compare("why-sum", "the [bigger] that input", { given: "the premise of the rule: a larger second input" });
  c.compare("why-sum", "the [smaller] the sum", {
    value: () => weightedSum([w1.value, against.value], [x1.value, x2.value + step.value]),
    than: () => weightedSum([w1.value, against.value], [x1.value, x2.value]),
  });
  c.compare("ignore", "the first input [drops] out of the sum", { given: "the words say the input leaves the sum; the lines below compute it" });
  c.compare("plane", "x₁ [grows] by 1", { from: onLine[0], to: () => onLine[0].value + step.value });
  c.compare("plane", "so the sum [grows] by 3", { from: () => weightedSum([w1.value, w2.value], [onLine[0].value, onLine[1].value]), to: () => weightedSum([w1.value, w2.value], [onLine[0].value + step.value, onLine[1].value]) });
  c.compare("plane", "x₂ must come [down] by 3", { from: onLine[1], to: () => onLine[1].value - w1.value / w2.value });
  c.compare("rough", "Let us [lower] the first weight", { value: () => nudged[nudged.length - 1], than: () => nudged[0] });
  // The openings, a code comment and the exercise statement.
  const aSingle = c.given("a single one", 1, "a single item: one input, one weight, one number", { is: "definition" });
  c.words("title", [aSingle, aSingle, aSingle, aSingle]);
  c.cell("steps", [notebook(0, "Start here")]);
  c.words("your-turn", [perInput]);
  c.strict();
});
