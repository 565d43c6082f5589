// Dead ReLU neurons: checked on a network worked out by hand, and against what "dead" means in
// training (a dead neuron's weights never move again), on the XOR runs of notebook 13.
import { describe, expect, it } from "vitest";
import { PythonRandom, createNetwork, deadNeurons, networkFrom, train, uniformIn, xorData } from "../../lib/engine";

describe("deadNeurons", () => {
  it("finds the neurons whose weighted sum plus bias is ≤ 0 on every input (worked by hand)", () => {
    // On the four XOR inputs (0,0), (0,1), (1,0), (1,1) the weighted sums plus bias are:
    //   neuron 0: x₁ + x₂          → 0, 1, 1, 2       alive
    //   neuron 1: −x₁ − x₂         → 0, −1, −1, −2    dead (0 counts as silent: ReLU(0) = 0)
    //   neuron 2: 0·x₁ + 0·x₂ + 0  → 0, 0, 0, 0       dead
    //   neuron 3: x₁ − x₂          → 0, −1, 1, 0      alive (on (1,0) only)
    //   neuron 4: −x₁ − x₂ + 0.5   → 0.5, −0.5, …    alive (on (0,0) only)
    const net = networkFrom(2, [
      { weights: [[1, 1], [-1, -1], [0, 0], [1, -1], [-1, -1]], biases: [0, 0, 0, 0, 0.5], activation: "relu" },
      { weights: [[1, 1, 1, 1, 1]], biases: [0], activation: "identity" },
    ]);
    expect(deadNeurons(net, xorData())).toEqual([1, 2]);
    // On the single input (1, 0), neuron 4 is silent too.
    expect(deadNeurons(net, [{ input: [1, 0], target: [1] }])).toEqual([1, 2, 4]);
  });

  it("reads a later ReLU layer through the layers before it", () => {
    const net = networkFrom(1, [
      { weights: [[1], [-1]], biases: [0, 0], activation: "relu" },
      { weights: [[1, 1], [-1, -1]], biases: [0, 0], activation: "relu" },
      { weights: [[1, 1]], biases: [0], activation: "identity" },
    ]);
    const data = [-2, -1, 1, 2].map((x) => ({ input: [x], target: [0] }));
    expect(deadNeurons(net, data, 0)).toEqual([]);
    expect(deadNeurons(net, data, 1)).toEqual([1]);
  });

  it("agrees with training: dead neurons' weights never move, and the dead only grow in number", () => {
    for (const [seed, width] of [[7, 8], [7, 2], [0, 3], [3, 2]]) {
      const net = createNetwork({ sizes: [2, width, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(seed) });
      const data = xorData();
      const history = train(net, data, { epochs: 300, learningRate: 0.1, loss: "squaredError", method: "sample", lossReport: "sum", snapshotEpochs: "all" });
      let before: number[] = [];
      for (const { network } of history.snapshots) {
        const dead = deadNeurons(network, data);
        expect(before.every((j) => dead.includes(j))).toBe(true);
        before = dead;
        for (const j of dead) {
          expect(net.layers[0].weights[j]).toEqual(network.layers[0].weights[j]);
          expect(net.layers[0].biases[j]).toBe(network.layers[0].biases[j]);
        }
      }
    }
  });

  it("explains bad requests", () => {
    const net = createNetwork({ sizes: [2, 3, 1], activations: ["sigmoid", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(1) });
    expect(() => deadNeurons(net, xorData())).toThrow("layer 0 uses sigmoid, not relu");
    expect(() => deadNeurons(net, xorData(), 2)).toThrow("there is no layer 2");
    expect(() => deadNeurons(net, [])).toThrow("empty");
  });
});
