import { weightedSumWorking } from "../../lib/course/arithmetic";
import { countParameters, neuronSteps, perceptron, weightedSum } from "../../lib/engine";
import { claimsFor } from "../../lib/tools/claims/define";

/** The notebook's neuron: weights 3 and 1, with a bias, no bend. */
const output = (bias: number, inputs: number[]) => () => neuronSteps({ weights: [3, 1], bias, activation: "identity" }, inputs).output;
const answer = (bias: number, inputs: number[]) => () => perceptron([3, 1], bias, inputs);

export default claimsFor("03-bias.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n01, n02, n03, n04, n05, n14] = [
    notebook(1, "A neuron is multiplication"),
    notebook(2, "The weighted sum"),
    notebook(3, "The bias"),
    notebook(4, "activation functions"),
    notebook(5, "Layers and the forward pass"),
    notebook(14, "· Digits"),
  ];
  const minutes = c.given("minutes", 15, "the estimated time to work through the notebook", { is: "estimate" });
  const zero = c.given("zero", 0, "a zero input, and the 0 a perceptron compares with", { code: "zeros-code", at: "const zeros = [" });
  const yes = c.given("answer 1", 1, "the perceptron's yes", { is: "definition" });
  const no = c.given("answer 0", 0, "the perceptron's no", { is: "definition" });
  const [x1, x2] = [c.given("first input", 2, "the example's first input", { code: "by-hand", at: "const inputs = [" }), c.given("second input", 5, "the example's second input", { code: "by-hand", at: "const inputs = [2, " })];
  const [w1, w2] = [c.given("first weight", 3, "the example's first weight", { code: "by-hand", at: "const weights = [" }), c.given("second weight", 1, "the example's second weight", { code: "by-hand", at: "const weights = [3, " })];
  const bias = c.given("bias", 4, "the example's bias", { code: "by-hand", at: "const bias = " });
  const quiet = c.given("bias −10", -10, "a negative bias: notebook 02's threshold of 10 with its sign flipped", { code: "opinion-code", at: "[4, " });
  const quieter = c.given("bias −16", -16, "a more negative bias, for the table and the figure", { code: "opinion-code", at: "[4, -10, " });
  const slideBias = c.given("bias −4", -4, "a negative bias for the sliding figures", { code: "line-figure", at: "perceptronPanels(\n    [" });
  const threshold = c.given("threshold", 10, "notebook 02's threshold", { is: "fact" });
  const sum = () => weightedSum([3, 1], [2, 5]);
  const withBias = c.line(() => weightedSumWorking([3, 1], [2, 5], 4));

  const wanted = c.given("wanted output", 20, "the output we want in the opening's equation and in exercise 03.2", { exercise: { id: "03.2", case: 0, item: [2] } });
  c.cell("title", [n03, n01, n02, zero, minutes, n02, sum, wanted]);
  c.cell("idea", [
    n02, x1, x2, w1, w2, sum,
    bias,
    w1, x1, w2, x2, bias, sum, bias, output(4, [2, 5]),
  ]);
  c.cell("by-hand-intro", [n02]);
  // "every product is 0, so the sum is 0": results, computed from the zero inputs the cell feeds in.
  const zeroInput = c.given("zero input", 0, "the input the cell feeds in: zeros", { code: "zeros-code", at: "const zeros = [0, " });
  c.cell("zeros", [
    () => Math.max(...[w1, w2].map((w) => Math.abs(w.value * zeroInput.value))), () => weightedSum([w1.value, w2.value], [zeroInput.value, zeroInput.value]),
    c.line(() => weightedSumWorking([3, 1], [0, 0])),
    () => weightedSum([3, 1], [0, 0]),
    c.line(() => weightedSumWorking([3, 1], [0, 0], 4)),
  ]);
  c.cell("engine-intro", [n01, n02, zero, bias]);
  c.cell("slide-intro", [
    n01, w1,
    w1,
    slideBias, zero, bias,
    w1,
    zero,
    zero, zero, () => neuronSteps({ weights: [3], bias: 0, activation: "identity" }, [0]).output,
    n01, bias, () => neuronSteps({ weights: [3], bias: 4, activation: "identity" }, [0]).output - neuronSteps({ weights: [3], bias: 0, activation: "identity" }, [0]).output,
  ]);
  c.cell("opinion", [
    n02, yes, zero, no,
    bias,
    answer(4, [0, 0]), () => weightedSum([3, 1], [0, 0]), bias, output(4, [0, 0]), zero,
    () => -bias.value, no,
    quiet,
    answer(-10, [0, 0]),
    yes, () => -quiet.value,
    n02, threshold,
    threshold, threshold, zero,
    quiet, n02,
    zero, zero, x1, x2,
    zero, zero, x1, x2,
    ...[4, -10, -16].flatMap((b) => [
      b === 4 ? bias : b === -10 ? quiet : quieter,
      c.line(() => weightedSumWorking([3, 1], [0, 0], b)),
      answer(b, [0, 0]),
      c.line(() => weightedSumWorking([3, 1], [2, 5], b)),
      answer(b, [2, 5]),
    ]),
    quieter, x1, x2, () => -quieter.value,
  ]);
  c.cell("line-intro", [n02, zero, w1, w2, slideBias, quiet, quieter, x1, x2]);
  c.cell("line-read", [zero, zero, yes, x1, x2, answer(-10, [2, 5]), answer(-16, [2, 5])]);

  const pixels = c.given("pixels", 25, "the digit pictures of notebook 14 have 5 × 5 = 25 pixels", { code: "knobs-code" });
  const oneBias = c.given("one bias", 1, "a neuron has exactly one bias", { is: "definition" });
  const twoInputs = c.given("two inputs", 2, "our neuron has two inputs", { code: "by-hand", at: "const inputs = ", length: true });
  const oneNeuron = c.given("one neuron", 1, "a network of a single neuron", { is: "definition" });
  c.cell("knobs", [
    twoInputs, oneBias, () => countParameters([2, 1]),
    n14, pixels, pixels, oneBias, () => countParameters([25, 1]),
    n05,
    twoInputs, oneNeuron, twoInputs, oneNeuron,
  ]);
  c.cell("your-turn", [
    c.exercise("03.1"),
    w1, w2, bias, x1, x2, output(4, [2, 5]), zero, zero, output(4, [0, 0]),
  ]);
  c.cell("exercise-2-text", [
    c.exercise("03.2"),
    w1, w2, x1, x2, sum, wanted,
    () => 20 - weightedSum([3, 1], [2, 5]), sum, () => 20 - weightedSum([3, 1], [2, 5]), () => weightedSum([3, 1], [2, 5]) + (20 - weightedSum([3, 1], [2, 5])),
  ]);
  const flip = (w: number, b: number) => () => -b / w;
  const flipBias = c.given("flip bias", -6, "the example bias of exercise 03.3", { exercise: { id: "03.3", case: 0, item: [1] } });
  c.cell("exercise-3-text", [
    c.exercise("03.3"), yes, zero, zero, zero,
    w1, flipBias, flip(3, -6),
    c.line(() => `(3 × ${flip(3, -6)()}) + (−6) = ${3 * flip(3, -6)() - 6}`),
    w1, quiet, w1, bias,
  ]);
  c.cell("recap", [withBias, zero, zero, output(4, [0, 0]), threshold, () => -threshold.value]);
  c.cell("next", [n04]);

  // Numbers in figure captions and descriptions.
  const biases = [slideBias, zero, bias];
  const panels = [slideBias, quiet, quieter];
  c.cell("slide", [w1]);
  c.cell("line-figure", [w1, w2, x1, x2, answer(-4, [2, 5]), answer(-10, [2, 5]), answer(-16, [2, 5]), w1, w2, ...panels, x1, x2]);

  // Numbers in words.
  const perInput = c.given("one weight per input", 1, "a neuron has one weight for each input: the lesson's design", { is: "definition" });
  const oneInput = c.given("one input", 1, "notebook 01's neuron has one input", { is: "definition" });
  c.words("idea", [oneBias]);
  c.words("zeros", [zeroInput]);
  c.words("slide-intro", [oneInput, () => biases.length]);
  c.words("slide", [() => biases.length]);
  c.words("opinion", [() => [4, -10, -16].length]);
  c.words("line-intro", [twoInputs, () => panels.length]);
  c.words("line-figure", [() => panels.length, twoInputs]);
  c.words("knobs", [perInput, oneBias, twoInputs, oneNeuron, oneNeuron]);
  c.words("recap", [perInput, oneBias]);

  // Direction words.
  const oneInputOutput = (b: number) => neuronSteps({ weights: [w1.value], bias: b, activation: "identity" }, [zero.value]).output;
  c.compare("slide-intro", "it crosses 4 units [higher]", { value: () => oneInputOutput(bias.value), than: () => oneInputOutput(zero.value) });
  c.compare("opinion", "a weighted sum of −4 or [lower]", { given: "the condition under which the bias 4 is outvoted; the table below computes cases" });
  // The region that answers 1, measured on a grid over inputs 0 to 5: smaller for the more negative bias.
  const region = (b: number) => {
    let n = 0;
    for (let i = 0; i <= 50; i++) for (let j = 0; j <= 50; j++) n += perceptron([w1.value, w2.value], b, [i / 10, j / 10]);
    return n;
  };
  c.compare("line-read", "the [smaller] the region", { value: () => region(quieter.value), than: () => region(quiet.value) });
  // The openings and the exercise statement.
  const aSingle = c.given("a single one", 1, "a single item: one number, one weight per input, one input", { is: "definition" });
  c.words("title", [oneBias, aSingle]);
  // The equation of the opening, "11 + b = 20": b is what the bias must be.
  c.letters("title", { b: () => wanted.value - sum() });
  c.words("learn", [zero, zero, perInput, oneBias]);
  c.words("exercise-3-text", [aSingle, aSingle]);
  c.strict();
});
