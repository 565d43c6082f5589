import { claimsFor } from "../../lib/tools/claims/define";
import {
  Network,
  activationDerivative,
  backward,
  bumpData,
  countParameters,
  forward,
  lossDerivative,
  nudgeSlope,
  networkFrom,
  relu,
  squaredError,
} from "../../lib/engine";
import { keys } from "../../lib/course/exercise-keys/10-backpropagation-by-hand";
import { productWorking, slopeWorking, squaredErrorWorking, weightedSumWorking } from "../../lib/course/arithmetic";

export default claimsFor("10-backpropagation-by-hand.ipynb", (c) => {
  const notebook = (n: number, title: string) => c.notebook(n, title);
  const [n10, n09, n11, n14] = [
    notebook(10, "Backpropagation"),
    notebook(9, "The chain rule"),
    notebook(11, "A network that learns"),
    notebook(14, "· Digits"),
  ];
  const zero = c.given("zero", 0, "the bottom of the sigmoid's range, ReLU's threshold, a zero bias", { is: "definition" });
  const two = c.given("squared slope factor", 2, "the slope of a squared miss m² is 2 × m: the 2 of the rule", { is: "definition" });
  const step = (n: number) => c.given(`step ${n}`, n, "a numbered step in a list", { is: "label" });
  const [s1, s2, s3, s4] = [1, 2, 3, 4].map(step);

  // ── The four-weight network: x = 2; hidden a = 3, b = 1 (ReLU); output p = 1, q = 2; target 6.
  const x = c.given("x", 2, "the four-weight network's input", { code: "build", at: "const input = [" });
  const a = c.given("a", 3, "hidden neuron A's weight", { code: "build" });
  const b = c.given("b", 1, "hidden neuron B's weight", { code: "build", at: "weights: [[3], [" });
  const p = c.given("p", 1, "the output's weight on A", { code: "build", at: "B (weight b)\n  { weights: [[" });
  const q = c.given("q", 2, "the output's weight on B", { code: "build", at: "weights: [[1, " });
  const target = c.given("target", 6, "the four-weight network's target", { code: "build" });
  const fourNet = (pv = p.value) =>
    networkFrom(1, [
      { weights: [[a.value], [b.value]], biases: [0, 0], activation: "relu" },
      { weights: [[pv, q.value]], biases: [0], activation: "identity" },
    ]);
  const trace = () => forward(fourNet(), [x.value]);
  const back = () => backward(fourNet(), trace(), [target.value], "squaredError");
  const hA = () => trace().layers[0].activations[0];
  const hB = () => trace().layers[0].activations[1];
  const out = () => trace().output[0];
  const outBlame = () => back().blame[1][0];
  const gp = () => back().gradients[1].weights[0][0];
  const gq = () => back().gradients[1].weights[0][1];
  const ga = () => back().gradients[0].weights[0][0];
  const gb = () => back().gradients[0].weights[1][0];
  const blameA = () => back().blame[0][0];
  const blameB = () => back().blame[0][1];

  const minutes = (n: number, what: string) => c.given(`${n} minutes`, n, `the estimated time for ${what}`, { is: "estimate" });
  c.cell("title", [n10, n09, minutes(25, "the notebook"), n09, notebook(4, "activation functions")]);
  c.cell("network", [x, a, b, p, q, target, zero]);
  c.cell("forward", [
    c.line(() => productWorking([a.value, x.value])), hA,
    c.line(() => productWorking([b.value, x.value])), hB,
    c.line(() => weightedSumWorking([p.value, q.value], [hA(), hB()])),
    c.line(() => squaredErrorWorking(out(), target.value)),
  ]);
  c.cell("blame", [n09, s1, s2, s3, () => activationDerivative("relu", 1, relu(1)), zero, () => activationDerivative("relu", -1, relu(-1))]);
  c.cell("sweep", [
    s1, c.line(() => `${two.value} × (${out()} − ${target.value}) = ${lossDerivative("squaredError", [out()], [target.value])[0]}`),
    () => activationDerivative("identity", out(), out()), outBlame,
    s2, hA, c.line(() => productWorking([outBlame(), hA()])), hB, c.line(() => productWorking([outBlame(), hB()])),
    s3, c.line(() => productWorking([outBlame(), p.value])), c.line(() => productWorking([outBlame(), q.value])),
    zero, blameA, blameB,
    s4, x, c.line(() => productWorking([blameA(), x.value])), c.line(() => productWorking([blameB(), x.value])),
    gp, gq, ga, gb, outBlame,
  ]);

  // Brute force on p.
  const nudge = c.given("nudge", 0.1, "the size of the brute-force nudge", { code: "side-by-side-code" });
  const nudgedP = () => p.value + nudge.value;
  const lossWithP = (pv: number) => squaredError(forward(fourNet(pv), [x.value]).output, [target.value]);
  c.cell("brute-force", [
    p, nudgedP,
    c.line(() => weightedSumWorking([nudgedP(), q.value], [hA(), hB()])),
    c.line(() => squaredErrorWorking(forward(fourNet(nudgedP()), [x.value]).output[0], target.value)),
    c.line(() => slopeWorking(lossWithP(nudgedP()), lossWithP(p.value), nudge.value)),
    gp, n09, nudge,
  ]);
  const tinyNudge = c.given("tiny nudge", 0.00001, "the nudge nudgedGradients uses by default", { code: "side-by-side-code" });
  c.cell("side-by-side", [tinyNudge, tinyNudge]);
  c.cell("cost", [n14, () => countParameters([25, 8, 3]), () => 2 * countParameters([25, 8, 3])]);

  // ── Exercises.
  const ex = (k: number) => c.exercise(`10.${k}`);
  c.cell("your-turn", [ex(1), outBlame, hA, hB, gp, gq]);
  c.cell("exercise-2-text", [ex(2), outBlame, p, q, () => trace().layers[0].preActivations[0], () => trace().layers[0].preActivations[1], blameA, blameB, zero]);
  c.cell("recap", [gp, gq, ga, gb]);
  c.cell("next", [n11]);
  // ── Numbers in words, in captions and comments.
  const knobsOf = (net: Network) => net.layers.reduce((n, l) => n + l.weights.flat().length, 0);
  const fourWeights = () => knobsOf(fourNet());
  const oneSweep = c.given("one sweep", 1, "backpropagation is a single sweep backwards through the network", { is: "definition" });
  const oneAtATime = c.given("one at a time", 1, "the chain rule and nudging take a single link or knob at a time", { is: "definition" });
  c.words("title", [oneSweep, oneAtATime, c.given("one weight, several paths", 1, "a single weight that feeds several paths", { is: "definition" }), oneSweep]);
  c.words("learn", [fourWeights, () => keys.length]);
  c.words("network", [() => fourNet().inputSize, () => fourNet().layers[0].weights.length, () => fourNet().layers[1].weights.length, fourWeights, fourWeights]);
  c.words("build", [fourWeights]);
  c.words("sweep", [c.given("one number", 1, "the blame carried backwards is a single number per neuron", { is: "definition" }), oneSweep, fourWeights]);
  c.words("sweep-engine-text", [zero]);
  c.words("side-by-side", [fourWeights, oneAtATime]);
  const bothWays = c.given("both ways", 2, "nudging both ways: one run with +h, one with −h", { is: "definition" });
  c.words("cost", [bothWays, oneSweep, c.given("forward runs", 2, "a rough estimate of a backward sweep's cost, in forward runs", { is: "fact" }), oneSweep]);
  c.words("your-turn", [() => keys.length, () => keys.length]);
  c.words("recap", [oneSweep, fourWeights]);
  c.words("next", [() => bumpData().length]);

  // ── Direction words.
  const general = (why: string) => ({ given: why });
  c.compare("brute-force", "sees a [steeper] stretch", { value: () => nudgeSlope(lossWithP, p.value, nudge.value), than: gp });
  c.compare("side-by-side", "the [largest] relative difference.", general("what gradientCheck reports: the worst knob"));
  c.strict();
});
