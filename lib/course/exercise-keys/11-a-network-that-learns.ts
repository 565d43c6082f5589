// Answer keys for notebook 11's exercises. The whole backward pass of exercise 11.1 is checked twice: with
// the engine's backward pass and with nudging (finite differences); the step of 11.2 is the engine's updateWeights.
import { addGradients, averageGradients, backward, bumpData, centralSlope, forward, halfSquaredError, networkFrom, sigmoid, updateWeights, zeroGradients } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The bump network of notebook 11: 1 input, 1 sigmoid neuron, 1 identity output. */
const bumpNetwork = (w1: number, b1: number, w2: number, b2: number) =>
  networkFrom(1, [
    { weights: [[w1]], biases: [b1], activation: "sigmoid" },
    { weights: [[w2]], biases: [b2], activation: "identity" },
  ]);

/** Its four gradients [∂L/∂w₁, ∂L/∂b₁, ∂L/∂w₂, ∂L/∂b₂] for one point, from the engine's backward pass. */
function engineGradients(x: number, y: number, w1: number, b1: number, w2: number, b2: number): number[] {
  const net = bumpNetwork(w1, b1, w2, b2);
  const g = backward(net, forward(net, [x]), [y], "halfSquaredError").gradients;
  return [g[0].weights[0][0], g[0].biases[0], g[1].weights[0][0], g[1].biases[0]];
}

/** The same four gradients by nudging each knob both ways, with no backward pass at all. */
function nudgedGradients(x: number, y: number, w1: number, b1: number, w2: number, b2: number): number[] {
  const lossAt = (k: number[]) => halfSquaredError([k[2] * sigmoid(k[0] * x + k[1]) + k[3]], [y]);
  const knobs = [w1, b1, w2, b2];
  return knobs.map((value, i) => centralSlope((v) => lossAt(knobs.map((old, j) => (j === i ? v : old))), value, 1e-5));
}

/**
 * The reference for exercise 11.1: the engine's backward pass, which must agree with nudging on every
 * case (two independent routes; if they ever disagreed, the key itself would be wrong).
 */
function bumpGradients(x: number, y: number, w1: number, b1: number, w2: number, b2: number): number[] {
  const engine = engineGradients(x, y, w1, b1, w2, b2);
  const nudged = nudgedGradients(x, y, w1, b1, w2, b2);
  engine.forEach((g, i) => {
    if (Math.abs(g - nudged[i]) > 1e-7 * Math.max(1, Math.abs(g))) throw new Error(`exercise 11.1's key: backpropagation and nudging disagree on knob ${i}`);
  });
  return engine;
}

/** The four gradients with one link of the chain changed, for recognising common slips. */
function slipped(x: number, y: number, w1: number, b1: number, w2: number, b2: number, slip: "no sigmoid" | "no x" | "squared" | "no w2"): number[] {
  const a1 = sigmoid(w1 * x + b1);
  const miss = w2 * a1 + b2 - y;
  const outBlame = slip === "squared" ? 2 * miss : miss;
  const local = slip === "no sigmoid" ? 1 : a1 * (1 - a1);
  const hidden = outBlame * (slip === "no w2" ? 1 : w2) * local;
  return [hidden * (slip === "no x" ? 1 : x), hidden, outBlame * a1, outBlame];
}

const start = [0.5, -0.1, 0.3, 0.2];

/** One step of the engine's gradient descent on a layer that holds exactly these knobs as its weights. */
function engineStep(knobs: number[], gradients: number[], learningRate: number): number[] {
  const net = networkFrom(knobs.length, [{ weights: [knobs.slice()], biases: [0], activation: "identity" }]);
  updateWeights(net, [{ weights: [gradients.slice()], biases: [0] }], learningRate);
  return net.layers[0].weights[0];
}

/** The bump network's average row of gradients at its starting knobs [∂L/∂w₁, ∂L/∂b₁, ∂L/∂w₂, ∂L/∂b₂]. */
function averageRow(): number[] {
  const net = bumpNetwork(start[0], start[1], start[2], start[3]);
  const data = bumpData();
  const pile = zeroGradients(net);
  for (const s of data) addGradients(pile, backward(net, forward(net, s.input), s.target, "halfSquaredError").gradients);
  const g = averageGradients(pile, data.length);
  return [g[0].weights[0][0], g[0].biases[0], g[1].weights[0][0], g[1].biases[0]];
}

export const keys: ExerciseKey[] = [
  {
    id: "11.1",
    name: "bumpGradients",
    reimplements: ["backward", "nudgedGradients", "gradientCheck"],
    cases: () => [
      [1, 0, ...start],
      [3, 1, ...start],
      [4, 0, ...start],
      [2, 1, 3.7, -2.7, 2.4, -1.7],
    ],
    answer: (x: number, y: number, w1: number, b1: number, w2: number, b2: number) => bumpGradients(x, y, w1, b1, w2, b2),
    hint: "go forward first (z₁, a₁, ŷ), then back: the output's blame is ŷ − y; w₂ and b₂ get blame × a₁ and blame × 1; the hidden blame is the output's blame × w₂ × a₁ × (1 − a₁); w₁ and b₁ get hidden blame × x and hidden blame × 1.",
    mistakes: [
      { answer: (...k: number[]) => slipped(k[0], k[1], k[2], k[3], k[4], k[5], "no sigmoid"), hint: "your ∂L/∂w₁ and ∂L/∂b₁ miss a link: blame reaching a₁ must pass back through the sigmoid, multiplied by its local effect a₁ × (1 − a₁), before it is the hidden neuron's blame." },
      { answer: (...k: number[]) => slipped(k[0], k[1], k[2], k[3], k[4], k[5], "no x"), hint: "your ∂L/∂w₁ misses its last link, \"× x\": w₁ multiplied the input x, so its gradient is the hidden blame times x (the slip from the table above)." },
      { answer: (...k: number[]) => slipped(k[0], k[1], k[2], k[3], k[4], k[5], "squared"), hint: "all four of your gradients are twice too large. The loss is ½(ŷ − y)², so the output's blame is ŷ − y: the ½ cancels the 2." },
      { answer: (...k: number[]) => slipped(k[0], k[1], k[2], k[3], k[4], k[5], "no w2"), hint: "your hidden blame misses the weight between the neurons: blame passes back from the output to a₁ multiplied by w₂." },
    ],
    report: (_args: never[], _got: unknown, status: string) =>
      status === "correct" ? "Every case was compared twice: with the engine's backward pass, and with nudging each knob both ways." : undefined,
  },
  {
    id: "11.2",
    name: "stepAll",
    reimplements: ["updateWeights", "gradientStep"],
    cases: () => [[start.slice(), averageRow(), 0.5], [[1, -2], [0.4, -0.2], 0.1], [[0.3], [-1.5], 2]],
    answer: (knobs: number[], gradients: number[], learningRate: number) => engineStep(knobs, gradients, learningRate),
    hint: "each knob steps against its own gradient: new = old − learning rate × gradient, knob by knob, in the same order.",
    mistakes: [
      {
        answer: (knobs: number[], gradients: number[], learningRate: number) => knobs.map((k, i) => k + learningRate * gradients[i]),
        hint: "your step goes uphill: it adds learning rate × gradient. The gradient points to where the loss grows, so step against it: subtract.",
      },
      {
        answer: (knobs: number[], gradients: number[]) => knobs.map((k, i) => k - gradients[i]),
        hint: "your step forgets the learning rate: it subtracts the whole gradient. Multiply the gradient by the learning rate first.",
      },
    ],
  },
];
