// Answer keys for notebook 12's exercises. The reference answers come from the engine: its perceptron
// and its training loop.
import {
  Network, PythonRandom, Sample, addGradients, averageGradients, backward, createNetwork, forward, perceptron, predict, train,
  uniformIn, updateWeights, xorData, zeroGradients,
} from "../../engine/index";
import type { ExerciseKey } from "../exercises";

/** The notebook's starting network: 2 → 8 → 1, ReLU then identity, every knob drawn from uniformIn(−1, 1) by PythonRandom(seed). */
export function xorNetwork(hidden = 8, seed = 7): Network {
  return createNetwork({ sizes: [2, hidden, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(seed) });
}

const engineMistakes = (w1: number, w2: number, b: number) => xorData().filter((s) => perceptron([w1, w2], b, s.input) !== s.target[0]).length;

/** Each epoch's mean loss from the engine's own full-batch training of a copy of `net`. */
function engineLosses(net: Network, data: Sample[], epochs: number, learningRate: number, method: "batch" | "sample" = "batch"): number[] {
  return train(net, data, { epochs, learningRate, loss: "squaredError", method, lossReport: "mean" }).records.map((r) => r.loss);
}

/** The same loop with its pile of gradients never emptied: each update carries every earlier gradient. */
function neverEmptied(net: Network, data: Sample[], epochs: number, learningRate: number): number[] {
  const losses: number[] = [];
  const pile = zeroGradients(net);
  for (let e = 0; e < epochs; e++) {
    let total = 0;
    for (const s of data) {
      const result = backward(net, forward(net, s.input), s.target, "squaredError");
      total += result.loss;
      addGradients(pile, result.gradients);
    }
    losses.push(total / data.length);
    updateWeights(net, averageGradients(pile, data.length), learningRate);
  }
  return losses;
}

const answersOf = (net: Network) => xorData().map((s) => predict(net, s.input)[0]);
const fixed3 = (v: number) => (Math.abs(v) < 0.0005 ? "0.000" : v.toFixed(3));

export const keys: ExerciseKey[] = [
  {
    id: "12.1",
    name: "mistakes",
    cases: () => [[1, 1, -0.5], [1, 1, -1.5], [-1, -1, 0.5], [0, 0, -1], [2, -3, 1]],
    answer: (w1: number, w2: number, b: number) => engineMistakes(w1, w2, b),
    hint: "for each of the four points, work out the perceptron's answer (1 when the weighted sum plus bias is above 0) and compare it with the point's target; count the ones that differ.",
    mistakes: [{ answer: (w1: number, w2: number, b: number) => 4 - engineMistakes(w1, w2, b), hint: "your function counts the points the line gets right. Count the ones it gets wrong." }],
  },
  {
    id: "12.2",
    name: "trainFullBatch",
    reimplements: ["train", "trainFast"],
    cases: () => [
      [xorNetwork(), xorData(), 500, 0.1],
      [xorNetwork(4, 1), xorData(), 200, 0.1],
    ],
    answer: (net: Network, data: Sample[], epochs: number, learningRate: number) => engineLosses(net, data, epochs, learningRate),
    tolerance: 1e-6,
    call: (net: Network, _data: Sample[], epochs: number, learningRate: number) =>
      `trainFullBatch(a 2 → ${net.layers[0].biases.length} → 1 network, XOR's four samples, ${epochs}, ${learningRate})`,
    hint: "each epoch: make an empty pile (zeroGradients), run every sample forward and backward, add its loss to a total and its gradients to the pile, then update the weights once with the pile's average. Return the epochs' mean losses, in order.",
    mistakes: [
      {
        answer: (net: Network, data: Sample[], epochs: number, learningRate: number) => neverEmptied(net, data, epochs, learningRate),
        hint: "your losses match a loop whose pile of gradients is never emptied: every update carries all the earlier epochs' gradients too. Make a fresh pile with zeroGradients at the start of every epoch (notebook 11, \"Zero the gradients\").",
      },
      {
        answer: (net: Network, data: Sample[], epochs: number, learningRate: number) => engineLosses(net, data, epochs, learningRate * data.length),
        hint: "your losses match updates with the pile's sum instead of its average. Divide the pile by the number of samples (averageGradients) before the update.",
      },
      {
        answer: (net: Network, data: Sample[], epochs: number, learningRate: number) => engineLosses(net, data, epochs, learningRate, "sample"),
        hint: "your losses match a loop that updates after every sample. Here the weights stay frozen for the whole epoch: add up all four samples' gradients first, then update once.",
      },
    ],
    report: (args: never[], _got: unknown, status: string) => {
      const answers = answersOf(args[0] as Network);
      if (answers.some((a) => !Number.isFinite(a))) return undefined;
      const learned = xorData().every((s, k) => Math.abs(answers[k] - s.target[0]) < 0.1);
      const said = `After your loop, the network answers ${answers.map(fixed3).join(", ")} for (0, 0), (0, 1), (1, 0) and (1, 1)`;
      return status === "correct" && learned ? `${said}: it has learned XOR.` : `${said}.`;
    },
  },
];
