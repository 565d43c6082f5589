import { weightedSumWorking } from "../../lib/course/arithmetic";
import { neuronSteps, perceptron, weightedSum } from "../../lib/engine";
import { trainingDigits } from "../../lib/course/digits-data";
import { claimsFor } from "../../lib/tools/claims/define";

const products = (w: number[], x: number[]) => w.map((_, i) => () => neuronSteps({ weights: w, bias: 0, activation: "identity" }, x).products[i]);
/** The perceptron of the notebook: weights 3 and 1, threshold 10 (the engine takes −10 as its bias). */
const answer = (x: number[], w: number[] = [3, 1]) => () => perceptron(w, -10, x);

export default claimsFor("02-weighted-sum.ipynb", (c) => {
  const notebook = (n: number) => c.given(`notebook ${n}`, n, "a notebook's number in the course");
  const [n01, n02, n03, n04, n06, n07, n12, n14] = [1, 2, 3, 4, 6, 7, 12, 14].map(notebook);
  const yes = c.given("answer 1", 1, "the answer that means yes");
  const no = c.given("answer 0", 0, "the answer that means no");
  const zero = c.given("weight 0", 0, "the weight that ignores its input");
  const minutes = c.given("minutes", 20, "the estimated time to work through the notebook");
  const [x1, x2] = [c.given("first input", 2, "the example's first input"), c.given("second input", 5, "the example's second input")];
  const [w1, w2] = [c.given("first weight", 3, "the example's first weight"), c.given("second weight", 1, "the example's second weight")];
  const threshold = c.given("threshold", 10, "the perceptron's threshold in the example");
  const [index0, index1] = [c.given("index 0", 0, "the position of a list's first item"), c.given("index 1", 1, "the position of a list's second item")];
  const onLine = [c.given("point on the line: x₁", 3, "an input exactly on the perceptron's line"), c.given("point on the line: x₂", 1, "an input exactly on the perceptron's line")];
  const onLine2 = [c.given("second point on the line: x₁", 2, "another input on the line"), c.given("second point on the line: x₂", 4, "another input on the line")];
  const exampleSum = c.line(() => weightedSumWorking([3, 1], [2, 5]));

  c.cell("title", [n02, n01, yes, no, minutes, n01]);
  c.cell("learn", [zero]);
  c.cell("idea", [x1, x2, w1, w2, w1, x1, w2, x2, ...products([w1.value, w2.value], [x1.value, x2.value]), () => weightedSum([3, 1], [2, 5])]);
  c.cell("by-hand-intro", [index0, index1]);
  c.cell("steps-intro", [n01, ...products([3, 1], [2, 5])]);

  const loud = c.given("loud weight", 10, "a large first weight, for the table of votes");
  const against = c.given("negative weight", -1, "a negative second weight, for the table of votes");
  c.cell("why-sum", [
    x1, x2,
    w1, w2, ...products([3, 1], [2, 5]), () => weightedSum([3, 1], [2, 5]),
    loud, w2, ...products([10, 1], [2, 5]), () => weightedSum([10, 1], [2, 5]),
    zero, w2, ...products([0, 1], [2, 5]), () => weightedSum([0, 1], [2, 5]),
    w1, against, ...products([3, -1], [2, 5]), () => weightedSum([3, -1], [2, 5]),
  ]);

  const big = c.given("a large first input", 200, "shows that an ignored input can be anything");
  c.cell("ignore", [
    zero, zero, w2, x1, big,
    c.line(() => weightedSumWorking([0, 1], [2, 5])),
    c.line(() => weightedSumWorking([0, 1], [200, 5])),
    zero, zero,
  ]);

  const threeInputs = [4, 1, 3].map((v, i) => c.given(`three-input example: input ${i + 1}`, v, "an input of the three-input example"));
  const threeWeights = [0.5, -2, 1].map((v, i) => c.given(`three-input example: weight ${i + 1}`, v, "a weight of the three-input example"));
  const side = c.given("digit side", 5, "the digit pictures of notebook 14 are 5 pixels on a side");
  c.cell("more-inputs", [
    ...threeInputs, ...threeWeights,
    ...threeWeights.flatMap((w, i) => [w, threeInputs[i]]),
    ...products([0.5, -2, 1], [4, 1, 3]),
    () => weightedSum([0.5, -2, 1], [4, 1, 3]),
    n14, side, side, () => trainingDigits()[0].pixels.length, () => trainingDigits()[0].pixels.length,
  ]);

  c.cell("perceptron-idea", [
    yes, no,
    c.given("year", 1958, "the year the perceptron was published"),
    yes, no,
    w1, w2, threshold,
    threshold,
    x1, x2, exampleSum, answer([2, 5]),
    c.given("input 1", 1, "a second example input"), c.given("input 4", 4, "a second example input"), c.line(() => weightedSumWorking([3, 1], [1, 4])), answer([1, 4]),
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
  const step = c.given("one step", 1, "the size of a step to the right");
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
  c.cell("rough", [
    x1, x2, no, yes,
    n01,
    ...nudged.flatMap((w) => [c.given(`tried first weight ${w}`, w, "a setting of the first weight tried in the table"), c.line(() => weightedSumWorking([w, 1], [2, 5])), answer([2, 5], [w, 1])]),
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
    c.given("exercise 02.1", 2.1, "the exercise's number"),
    w1, w2, x1, x2, w1, w2, x1, x2, ...products([3, 1], [2, 5]),
  ]);
  c.cell("exercise-2-text", [
    c.given("exercise 02.2", 2.2, "the exercise's number"),
    c.given("starting total", 0, "a sum starts from 0"),
    w1, w2, x1, x2, () => weightedSum([3, 1], [2, 5]),
  ]);
  c.cell("exercise-3-text", [
    c.given("exercise 02.3", 2.3, "the exercise's number"),
    yes, no,
    w1, w2, threshold, x1, x2, answer([2, 5]), ...onLine, answer([3, 1]),
  ]);
  c.cell("recap", [exampleSum, zero, yes, no]);
  c.cell("next", [zero, () => weightedSum([3, 1], [0, 0]), n03]);

  // Numbers in figure captions.
  c.cell("plane-figure", [w1, w2, threshold]);
  c.cell("rough-figure", [x1, x2, w2, threshold, lowestDrawn, highestDrawn, c.given("marked first weight", 3, "the first weight the dots mark", { code: "rough-figure" })]);

  // Numbers in words.
  const perInput = c.given("one weight per input", 1, "a neuron has one weight for each input: the lesson's design");
  const oneOut = c.given("one output", 1, "a neuron passes on one number");
  const inputs = () => [x1, x2].length;
  const answers = () => [yes, no].length;
  c.words("idea", [perInput, inputs, perInput, inputs, oneOut]);
  c.words("engine-intro", [perInput]);
  c.words("steps-intro", [perInput]);
  c.words("why-sum", [perInput]);
  c.words("more-inputs", [perInput, () => threeInputs.length, () => threeWeights.length]);
  c.words("plane", [() => [onLine, onLine2].length, step]);
  c.words("plane-read", [c.given("one line", 1, "the points where the sum equals the threshold form one straight line")]);
  c.words("rough", [answers]);
  c.words("rough-figure-intro", [c.given("two panels", 2, "the figure draws the weighted sum and the answer, one panel each")]);
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
  const aSingle = c.given("a single one", 1, "a single item: one input, one weight, one number");
  c.words("title", [aSingle, aSingle, aSingle, aSingle]);
  c.cell("steps", [notebook(0)]);
  c.words("your-turn", [perInput]);
  c.strict();
});
