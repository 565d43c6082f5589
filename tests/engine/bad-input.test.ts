// Bad input gets an Error that says what was wrong and what was expected.
import { describe, expect, it } from "vitest";
import {
  PythonRandom,
  activate,
  backward,
  createNetwork,
  forward,
  loss,
  networkFrom,
  neuronOutput,
  oneHot,
  train,
  uniformIn,
  weightedSum,
  xorData,
  he,
  zeros,
  Sample,
} from "../../lib/engine";

function xorNet(seed = 7) {
  return createNetwork({ sizes: [2, 8, 1], activations: ["relu", "identity"] }, { weights: uniformIn(-1, 1), biases: uniformIn(-1, 1), rng: new PythonRandom(seed) });
}

describe("bad input", () => {
  it("input of the wrong length", () => {
    expect(() => forward(xorNet(), [1, 2, 3])).toThrow("the input has 3 numbers, but 2 were expected (one per input neuron)");
    expect(() => weightedSum([3, 1], [2])).toThrow("the inputs has 1 number, but 2 were expected (one input per weight)");
  });

  it("layer sizes that do not chain", () => {
    expect(() =>
      networkFrom(2, [
        { weights: [[1, 2], [3, 4]], biases: [0, 0], activation: "relu" },
        { weights: [[1, 2, 3]], biases: [0], activation: "identity" },
      ]),
    ).toThrow("layer 2's weights for neuron 0 has 3 numbers, but 2 were expected (one per neuron of layer 1)");
    expect(() => networkFrom(2, [{ weights: [[1, 2]], biases: [0, 1], activation: "relu" }])).toThrow("layer 1's biases has 2 numbers, but 1 was expected (one bias per neuron)");
    expect(() => createNetwork({ sizes: [2, 0, 1], activations: ["relu", "identity"] }, { weights: zeros, biases: zeros })).toThrow("the size of layer 1 must be a whole number of at least 1, got 0");
    expect(() => createNetwork({ sizes: [2, 3, 1], activations: ["relu"] }, { weights: zeros, biases: zeros })).toThrow("3 layer sizes need 2 activations (one per layer after the inputs), got 1");
  });

  it("empty datasets", () => {
    expect(() => train(xorNet(), [], { epochs: 1, learningRate: 0.1, loss: "squaredError" })).toThrow("the dataset is empty; training and measuring need at least one sample");
  });

  it("NaN or ±Infinity in inputs or targets", () => {
    expect(() => forward(xorNet(), [0, NaN])).toThrow("the input[1] is NaN; every value must be a finite number");
    const bad: Sample[] = [{ input: [0, 1], target: [Infinity] }];
    expect(() => train(xorNet(), bad, { epochs: 1, learningRate: 0.1, loss: "squaredError" })).toThrow("sample 0's target[0] is Infinity; every value must be a finite number");
    const bad2: Sample[] = [{ input: [-Infinity, 1], target: [0] }];
    expect(() => train(xorNet(), bad2, { epochs: 1, learningRate: 0.1, loss: "squaredError" })).toThrow("sample 0's input[0] is -Infinity");
  });

  it("a learning rate that is ≤ 0 or not finite", () => {
    for (const rate of [0, -0.1, NaN, Infinity]) {
      expect(() => train(xorNet(), xorData(), { epochs: 1, learningRate: rate, loss: "squaredError" })).toThrow(/the learning rate must be a finite number greater than 0, got/);
    }
    expect(() => train(xorNet(), xorData(), { epochs: 1, learningRate: 0, loss: "squaredError" })).toThrow("(with a rate of 0 no weight would ever move)");
  });

  it("an unknown activation, with a suggestion", () => {
    expect(() => createNetwork({ sizes: [2, 1], activations: ["rlu" as never] }, { weights: zeros, biases: zeros })).toThrow(
      'unknown activation "rlu"; choose one of "identity", "relu", "sigmoid", "tanh", "softmax". Did you mean "relu"?',
    );
    expect(() => activate("Sigmoid" as never, [1])).toThrow('Did you mean "sigmoid"?');
    expect(() => neuronOutput({ weights: [1], bias: 0, activation: "softplus" as never }, [1])).toThrow('unknown activation "softplus"');
  });

  it("an unknown loss, with a suggestion", () => {
    expect(() => loss("squaredErorr" as never, [1], [1])).toThrow('unknown loss "squaredErorr"; choose one of "squaredError", "halfSquaredError", "crossEntropy". Did you mean "squaredError"?');
    expect(() => backward(xorNet(), forward(xorNet(), [0, 1]), [1], "mse" as never)).toThrow('unknown loss "mse"');
  });

  it("a class label out of range", () => {
    expect(() => oneHot(3, 3)).toThrow("class label 3 is out of range: with 3 classes a label is a whole number from 0 to 2");
    expect(() => oneHot(-1, 3)).toThrow("class label -1 is out of range");
    expect(() => oneHot(1.5, 3)).toThrow("class label 1.5 is out of range");
  });

  it("a random initializer without a random source", () => {
    expect(() => createNetwork({ sizes: [2, 1], activations: ["relu"] }, { weights: he, biases: zeros })).toThrow('the "he" initializer is random: pass an rng');
  });

  it("training that blows up stops with an error naming the epoch", () => {
    // A learning rate of 5 on XOR makes the steps overshoot further every time.
    expect(() => train(xorNet(), xorData(), { epochs: 1000, learningRate: 5, loss: "squaredError", method: "sample" })).toThrow(
      /^training blew up in epoch \d+: the loss became (NaN|Infinity) and the weights are no longer finite numbers\. A learning rate of 5 is probably too big; try a smaller one\.$/,
    );
  });

  it("a wrong target length in the backward pass", () => {
    const net = xorNet();
    expect(() => backward(net, forward(net, [0, 1]), [1, 0], "squaredError")).toThrow("the target has 2 numbers, but 1 was expected (one per output neuron)");
  });
});
