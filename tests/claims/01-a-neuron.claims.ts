import { productWorking } from "../../lib/course/arithmetic";
import { neuronSteps } from "../../lib/engine";
import { claimsFor } from "../../lib/tools/claims/define";

/** What the engine's one-input neuron outputs (no bias, no bend). */
const neuron = (weight: number, input: number) => neuronSteps({ weights: [weight], bias: 0, activation: "identity" }, [input]).output;

export default claimsFor("01-a-neuron.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n00, n01, n02, n03, n04, n06, n08] = [
    notebook(0, "Start here"),
    notebook(1, "A neuron is multiplication"),
    notebook(2, "The weighted sum"),
    notebook(3, "The bias"),
    notebook(4, "activation functions"),
    notebook(6, "The loss"),
    notebook(8, "Gradient descent"),
  ];
  const minutes = c.given("minutes", 15, "the estimated time to work through the notebook", { is: "estimate" });
  const input = c.given("input", 2, "the example's input", { code: "by-hand", at: "const input = " });
  const weight = c.given("weight", 3, "the example's weight", { code: "by-hand", at: "const weight = " });
  const wanted = c.given("wanted output", 10, "the output we want the neuron to give in the tuning example", { code: "tune", at: "const wanted = " });
  const zero = c.given("zero", 0, "the boundary between positive and negative weights, and a zero input", { code: "four-things-code", at: "[3, 1, 0.5, " });
  const one = c.given("one", 1, "the weight that passes its input through unchanged", { code: "four-things-code", at: "[3, " });
  const minusThree = c.given("weight −3", -3, "an example of a weight that flips and resizes", { code: "four-things-code", at: "[3, 1, 0.5, 0, -1, " });
  const half = c.given("weight 0.5", 0.5, "a weight between 0 and 1", { code: "four-things-code", at: "[3, 1, " });
  const minusOne = c.given("weight −1", -1, "a negative weight", { code: "four-things-code", at: "[3, 1, 0.5, 0, " });
  const short = (w: number) => () => 10 - neuron(w, 2);

  c.cell("title", [n01, minutes, n00]);
  c.cell("idea", [input, weight, c.line(() => productWorking([3, 2]))]);
  c.cell("knob", [zero, zero]);
  c.cell("tune-intro", [
    wanted,
    input,
    wanted,
    weight, c.line(() => productWorking([3, 2])), short(3),
    c.given("weight 4", 4, "the second weight tried", { code: "tune", at: "[3, " }), c.line(() => productWorking([4, 2])), short(4),
    c.given("weight 5", 5, "the third weight tried", { code: "tune", at: "[3, 4, " }), c.line(() => productWorking([5, 2])), short(5),
    () => wanted.value / input.value,
    n06,
    n08,
  ]);
  c.cell("four-things", [
    input,
    weight, c.line(() => productWorking([3, 2])),
    one, c.line(() => productWorking([1, 2])),
    half, c.line(() => productWorking([0.5, 2])),
    zero, c.line(() => productWorking([0, 2])),
    minusOne, c.line(() => productWorking([-1, 2])),
    one,
    zero, one,
    zero,
    minusThree, input, () => neuron(-3, 2),
  ]);
  c.cell("engine-intro", [weight, n03, zero, n04, input]);
  c.cell("figure-intro", [
    c.given("lowest input drawn", -3, "the left end of the figure's input range", { code: "figure", at: "domain: [" }),
    c.given("highest input drawn", 3, "the right end of the figure's input range", { code: "figure", at: "domain: [-3, " }),
    input, weight, () => neuron(3, 2),
  ]);
  c.cell("figure-read", [
    weight, half, zero, minusOne,
    input, one,
    n04,
    zero, zero, zero, () => neuron(3, 0),
    n03,
  ]);
  c.cell("your-turn", [
    c.exercise("01.1"),
    weight, input, () => neuron(3, 2),
    minusOne, c.given("exercise input 4", 4, "an input used in the example call", { exercise: { id: "01.1", case: 3, item: [1] } }), () => neuron(-1, 4),
  ]);
  c.cell("exercise-2-text", [
    c.exercise("01.2"),
    wanted, input, () => wanted.value / input.value,
    c.line(() => productWorking([5, 2])),
    zero, zero, () => neuron(5, 0),
  ]);
  c.cell("exercise-3-text", [
    c.exercise("01.3"),
    minusOne, ...[1, 2, 3].map((x) => c.given(`exercise 01.3 input ${x}`, x, "an input in the example call", { exercise: { id: "01.3", case: 0, item: [1, x - 1] } })),
    () => neuron(-1, 1), () => neuron(-1, 2), () => neuron(-1, 3),
  ]);
  c.cell("recap", [weight, input, () => neuron(3, 2), one, zero, one, zero, zero, zero]);
  c.cell("next", [n02]);

  // Numbers in words. The lesson's neuron has one input and one weight: a choice of the lesson.
  const single = c.given("one input", 1, "the lesson's neuron: one input, one weight, one output", { is: "definition" });
  const factors = c.given("two factors", 2, "the multiplication weight × input has two numbers", { is: "definition" });
  c.words("idea", [single, single, single, single, c.given("one formula", 1, "the whole neuron fits in the one formula that follows", { is: "definition" })]);
  c.words("knob", [factors]);
  c.words("engine-intro", [single, single, single, single]);
  // The five weights of the figure are the five of the table in "four-things" (3, 1, 0.5, 0 and −1).
  const shown = [weight, one, half, zero, minusOne];
  c.words("figure-intro", [() => shown.length]);
  c.words("figure", [() => shown.length]);
  const doubling = () => neuron(weight.value, input.value) / neuron(weight.value, one.value);
  c.words("figure-read", [() => input.value / one.value, doubling, doubling]);
  c.words("exercise-3-text", [single, c.given("one line", 1, "one weight, so the outputs lie on one line of the figure", { is: "definition" })]);
  c.words("next", [single]);

  // Direction words, against the engine's outputs.
  const amplifies = { value: weight, than: one };
  const shrinks = { from: input, to: () => neuron(half.value, input.value) };
  c.compare("four-things", "the input: the output is [bigger]", { value: () => neuron(weight.value, input.value), than: input });
  c.compare("four-things", "[shrank] it", shrinks);
  c.compare("four-things", "it: the output is [smaller]", { value: () => neuron(half.value, input.value), than: input });
  c.compare("four-things", "a weight [bigger] than 1 amplifies", amplifies);
  c.compare("four-things", "between 0 and 1 [shrinks] it", shrinks);
  c.compare("recap", "A weight [bigger] than 1 amplifies", amplifies);
  c.compare("recap", "between 0 and 1 [shrinks]", shrinks);
  // The openings and the exercise statement.
  const aSingle = c.given("a single one", 1, "a single item: one neuron, one input, one formula", { is: "definition" });
  c.words("title", [aSingle]);
  c.words("learn", [aSingle]);
  c.words("your-turn", [aSingle]);
  c.compare("title", "to the [largest] ever trained", { given: "a fact about the field, not computed by the course" });
  c.strict();
});
