import { claimsFor } from "../../lib/tools/claims/define";
import { countParameters } from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/00-start-here";

export default claimsFor("00-start-here.ipynb", (c) => {
  const index = (n: number, title: string) => c.notebook(n, title);
  const [n00, n01, n04, n06, n07, n11, n12, n15, n16] = [
    index(0, "Start here"),
    index(1, "A neuron is multiplication"),
    index(4, "activation functions"),
    index(6, "The loss"),
    index(7, "The gradient"),
    index(11, "A network that learns"),
    index(12, "XOR"),
    index(15, "Training the reader"),
    index(16, "Real digits"),
  ];
  const minutes = (n: number) => c.given(`${n} minutes`, n, "an estimated time to work through part of the course", { is: "estimate" });
  const hours = (n: number) => c.given(`${n} hours`, n, "an estimated time to work through part of the course, in hours", { is: "estimate" });
  const seed = c.given("seed", 7, "the seed of the first network's random numbers", { code: "figure" });
  c.cell("title", [n00, minutes(10)]);
  c.cell("layout", [n01, n06, hours(2), n07, n11, hours(2.5), n12, n15, hours(1.5), n16, minutes(40), n04, n06, n07, n01, n16]);
  c.cell("figure-intro", [
    n12,
    c.given("lowest weight", -1, "the low end of the range the starting weights are drawn from (uniformIn(-1, 1) in the cell below)", { code: "figure", at: "weights: uniformIn(" }),
    c.given("highest weight", 1, "the high end of that range", { code: "figure", at: "weights: uniformIn(-1, " }),
    seed, seed, seed,
  ]);
  const double = keys[0].answer as (x: number) => number;
  const exampleInput = c.given("double's example input", 3, "the example input of the practice exercise", { exercise: { id: "00.1", case: 0, item: [0] } });
  c.cell("exercises", [n01, exampleInput, () => double(exampleInput.value)]);
  c.cell("next", [n01]);

  // Numbers in words.
  c.words("exercises", [
    c.given("stub lines", 2, "the stub's body: the marker comment and the return line", { is: "definition" }),
    c.given("one line", 1, "a check answers in a single line", { is: "definition" }),
    () => double(exampleInput.value) / exampleInput.value,
  ]);

  // Direction words.
  // Notebook 16's network (784-16-16-10) against notebook 14's (25-8-3) and 12's (2-2-1), by their knobs.
  c.compare("layout", "a [bigger] network that reads real handwriting", { value: () => countParameters([784, 16, 16, 10]), than: [() => countParameters([25, 8, 3]), () => countParameters([2, 2, 1])] });
  // The curve the live cell draws: the first epoch's loss, which the cell prints, against the last
  // epoch's, which the curve's caption gives (npm test proves both equal a re-run of the notebook).
  c.compare("live-intro", "is drawn as it [falls]", { from: c.output("live", "the loss in the first epoch:"), to: c.output("live", "the last epoch's loss is") });
  c.compare("exercises", "teaches [more] than one you read", { given: "advice, not a measured quantity" });
  c.compare("kernel-notes", "this kernel [drops]", { given: "'drops' means leaves out here, not a fall" });
  c.strict();
});
