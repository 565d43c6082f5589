import { claimsFor } from "../../lib/tools/claims/define";
import { activationDerivative, backward, centralSlope, relu, forward, lossDerivative, networkFrom, nudgeSlope, squaredError } from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/09-chain-rule";
import { productWorking, slopeWorking, squaredErrorWorking } from "../../lib/course/arithmetic";

export default claimsFor("09-chain-rule.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n09, n08, n10] = [
    notebook(9, "The chain rule"),
    notebook(8, "Gradient descent"),
    notebook(10, "Backpropagation"),
  ];

  // The example: one weight, one input, a target; no bias, no activation.
  const w = c.given("w", 2, "the example's weight", { code: "forward", at: "const w = " });
  const x = c.given("x", 3, "the example's input", { code: "forward", at: "const x = " });
  const target = c.given("target", 4, "the example's target", { code: "forward", at: "const target = " });
  const unit = c.given("unit", 1, "a change of one unit, the meaning of 'per unit'", { is: "definition" });
  const two = c.given("squared slope factor", 2, "the slope of a squared miss m² is 2 × m: the 2 of the rule", { is: "definition" });
  const link1 = c.given("link 1", 1, "the first link's number, a label", { is: "label" });
  const link2 = c.given("link 2", 2, "the second link's number, a label", { is: "label" });
  const nudge = c.given("nudge", 0.1, "the size of the brute-force nudge", { code: "brute-force-code", at: "slopeWorking(lossAt(2.1), lossAt(w), " });
  const smallNudge = c.given("small nudge", 0.001, "a smaller nudge, to show the gap shrinking", { code: "brute-force-code", at: "nudgeSlope(lossAt, w, " });

  // Every value comes from the engine: a one-weight network with an identity output and squared error.
  const neuron = (wv: number, act: "identity" | "relu" = "identity") => networkFrom(1, [{ weights: [[wv]], biases: [0], activation: act }]);
  const zOf = (wv: number, xv = x.value) => forward(neuron(wv), [xv]).output[0];
  const lossAt = (wv: number) => squaredError([zOf(wv)], [target.value]);
  const z = () => zOf(w.value);
  const loss = () => lossAt(w.value);
  const zPerW = () => centralSlope((wv) => zOf(wv), w.value, 0.001);
  const lossPerZ = () => lossDerivative("squaredError", [z()], [target.value])[0];
  const gradient = () => backward(neuron(w.value), forward(neuron(w.value), [x.value]), [target.value], "squaredError").gradients[0].weights[0][0];
  const nudged = () => w.value + nudge.value;

  c.cell("title", [n09, n08, c.given("minutes", 25, "the estimated time to work through the notebook", { is: "estimate" }), c.notebook(7, "The gradient"), n08]);
  c.cell("example", [w, x, target, c.line(() => productWorking([w.value, x.value])), c.line(() => squaredErrorWorking(z(), target.value))]);
  c.cell("links", [
    link1, x, unit, zPerW, zPerW,
    link2, two,
    c.line(() => `${two.value} × (${z()} − ${target.value}) = ${lossPerZ()}`),
    z, lossPerZ,
    link1, link2,
  ]);
  c.cell("multiply", [zPerW, lossPerZ, zPerW, lossPerZ, c.line(() => productWorking([zPerW(), lossPerZ()]))]);

  // Brute force: nudge w and run the chain again.
  c.cell("brute-force", [
    w, nudged,
    c.line(() => productWorking([nudged(), x.value])),
    c.line(() => squaredErrorWorking(zOf(nudged()), target.value)),
    () => lossAt(nudged()), loss, () => lossAt(nudged()) - loss(), nudge,
    c.line(() => slopeWorking(lossAt(nudged()), loss(), nudge.value)),
    gradient, () => nudgeSlope(lossAt, w.value, nudge.value),
    nudged, w, nudge,
    smallNudge, () => nudgeSlope(lossAt, w.value, smallNudge.value),
    nudge, nudge, () => 2 * nudge.value, () => centralSlope(lossAt, w.value, nudge.value),
  ]);

  // A longer chain with made-up local effects, then built for real as A = 3W, B = 0.5A, loss = 2B.
  const eA = c.given("A per W", 3, "a local effect chosen for the illustration", { code: "longer-code", at: "productWorking([" });
  const eB = c.given("B per A", 0.5, "a local effect chosen for the illustration", { code: "longer-code", at: "productWorking([3, " });
  const eL = c.given("loss per B", 2, "a local effect chosen for the illustration", { code: "longer-code", at: "productWorking([3, 0.5, " });
  c.cell("longer", [eA, eB, eL, c.line(() => productWorking([eA.value, eB.value, eL.value])), eA, eB, eL]);

  // Two knobs: h = u × input, z = w × h.
  const input = c.given("input", 2, "the earlier neuron's input", { code: "backwards-code", at: "const input = " });
  const u = c.given("u", 1.5, "the earlier neuron's weight", { code: "backwards-code", at: "const u = " });
  const two2 = () => {
    const net = networkFrom(1, [
      { weights: [[u.value]], biases: [0], activation: "identity" },
      { weights: [[w.value]], biases: [0], activation: "identity" },
    ]);
    const trace = forward(net, [input.value]);
    return { trace, back: backward(net, trace, [target.value], "squaredError") };
  };
  const h = () => two2().trace.layers[0].activations[0];
  const chainLinks = c.given("chain links", 10, "the length of the imagined long chain", { is: "illustration" });
  const step = (n: number) => c.given(`step ${n}`, n, "a step's number in the list", { is: "label" });
  const [s1, s2, s3, s4] = [1, 2, 3, 4].map(step);
  c.cell("backwards", [
    h, input, u, input, h,
    () => two2().trace.output[0], () => two2().back.loss,
    s1, c.line(() => `${two.value} × (${two2().trace.output[0]} − ${target.value}) = ${two2().back.blame[1][0]}`),
    s2, h, c.line(() => productWorking([two2().back.blame[1][0], h()])),
    s3, w, c.line(() => productWorking([two2().back.blame[1][0], w.value])),
    s4, input, input, c.line(() => productWorking([two2().back.blameOnOutput[0][0], input.value])),
    () => two2().back.blame[1][0],
    chainLinks, c.line(() => {
      // A separate walk from the knob k links from the loss uses k links: 1 + 2 + … + 10 in all.
      const walks = Array.from({ length: chainLinks.value }, (_, k) => k + 1);
      return `${walks[0]} + ${walks[1]} + … + ${walks[walks.length - 1]} = ${walks.reduce((a, b) => a + b, 0)}`;
    }), chainLinks,
  ]);

  // Exercises.
  const ex = (k: number) => c.exercise(`09.${k}`);
  const [e1, e2, e3] = [1, 2, 3].map(ex);
  c.cell("your-turn", [e1, eA, eB, eL, c.rounded(() => eA.value * eB.value * eL.value)]);
  c.cell("exercise-2-text", [e2, two, w, x, target, gradient]);
  const reluW = c.given("ReLU example weight", -1, "a weight that switches the ReLU neuron off", { exercise: { id: "09.3", case: 1, item: [0] } });
  const reluGradient = () => backward(neuron(reluW.value, "relu"), forward(neuron(reluW.value, "relu"), [x.value]), [target.value], "squaredError").gradients[0].weights[0][0];
  const zero = c.given("zero", 0, "ReLU's threshold: where it switches from flat to rising", { is: "definition" });
  const reluOn = () => activationDerivative("relu", 5, relu(5));
  const reluOff = () => activationDerivative("relu", -5, relu(-5));
  c.cell("exercise-3-text", [e3, two, reluOn, zero, reluOff, () => relu(-5), reluW, x, target, reluGradient]);
  c.cell("recap", [two, c.line(() => productWorking([zPerW(), lossPerZ()])), () => nudgeSlope(lossAt, w.value, nudge.value), nudge]);
  c.cell("next", [n10]);

  // The letters of the worked line "z = w × h = 6".
  c.letters("backwards", { w: w, h: h, u: u });

  // Numbers in code.
  c.cell("chain-figure", [two]);
  const oneLink = c.given("one link", 1, "the walk multiplies in a single link at a time", { is: "definition" });
  c.words("backwards-figure-code", [oneLink]);

  // Numbers in words.
  const links = () => [zPerW, lossPerZ].length;
  const oneKnob = c.given("one weight", 1, "the example has a single weight and a single input", { is: "definition" });
  c.words("example", [links, oneKnob, oneKnob, () => [z, loss].length]);
  c.words("links", [links, links, c.given("one small step", 1, "a local effect looks at a single step", { is: "definition" })]);
  c.words("longer", [chainLinks, chainLinks]);
  c.words("backwards", [() => [u, w].length, oneLink, () => [s2, s3].length, chainLinks, c.given("one extra run", 1, "nudging runs the chain once more for each knob", { is: "definition" })]);
  c.words("backwards-figure", [oneLink]);
  c.words("exercise-2-text", [oneKnob, links, links]);
  c.words("recap", [c.given("one step", 1, "a local effect comes from a single step", { is: "definition" })]);
  c.words("next", [c.given("one sweep", 1, "backpropagation's single sweep backwards", { is: "definition" })]);

  // Direction words.
  const gap = (size: number) => () => nudgeSlope(lossAt, w.value, size) - gradient();
  c.compare("example", "the [smallest] example", { given: "the lesson's choice of example" });
  c.compare("links", "z [rises] by 3", { from: z, to: () => zOf(w.value + unit.value) });
  c.compare("brute-force", "the loss [rose] by 5.29", { from: loss, to: () => lossAt(nudged()) });
  c.compare("brute-force", "is [steeper] than at w = 2", { value: () => centralSlope(lossAt, nudged(), 1e-4), than: () => centralSlope(lossAt, w.value, 1e-4) });
  c.compare("brute-force", "Make the nudge [smaller]", { given: "the premise: a smaller nudge" });
  c.compare("brute-force", "the gap [shrinks]", { from: gap(nudge.value), to: gap(smallNudge.value) });
  c.compare("recap", "closer with [smaller] nudges", { from: gap(nudge.value), to: gap(smallNudge.value) });
  // The openings and the exercises' statement.
  const aSingle = c.given("a single one", 1, "a single item: one step, one weight", { is: "definition" });
  c.words("title", [aSingle, aSingle]);
  c.words("learn", [aSingle]);
  c.words("your-turn", [() => keys.length]);
  c.strict();
});
