// Plausible wrong answers for notebook 11's exercises: each must get a ❌ with its hint.
export default {
  // Counts the points the line gets right instead of the ones it gets wrong.
  "exercise-1": [
    "let right = 0;",
    "for (const [x1, x2, target] of [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]) {",
    "  if ((w1 * x1 + w2 * x2 + b > 0 ? 1 : 0) === target) right += 1;",
    "}",
    "return right;",
  ],
  // Treats a weighted sum of exactly 0 as alive: ReLU(0) is 0, so such a neuron is silent.
  "exercise-2": [
    "let dead = 0;",
    "for (let j = 0; j < weights.length; j++) {",
    "  const silent = inputs.every((x) => x.reduce((z, v, i) => z + weights[j][i] * v, biases[j]) < 0);",
    "  if (silent) dead += 1;",
    "}",
    "return dead;",
  ],
  // A forgotten zeroing of gradients: one pile for the whole run, never emptied between epochs.
  "exercise-3": [
    "const losses: number[] = [];",
    "const pile = zeroGradients(net);",
    "for (let epoch = 0; epoch < epochs; epoch++) {",
    "  let total = 0;",
    "  for (const sample of data) {",
    "    const result = backward(net, forward(net, sample.input), sample.target, \"squaredError\");",
    "    total += result.loss;",
    "    addGradients(pile, result.gradients);",
    "  }",
    "  losses.push(total / data.length);",
    "  updateWeights(net, averageGradients(pile, data.length), learningRate);",
    "}",
    "return losses;",
  ],
};
