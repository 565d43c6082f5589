// Plausible wrong answers for notebook 12's exercises: each must get a ❌ with its hint.
export default {
  // Counts the points the line gets right instead of the ones it gets wrong.
  "exercise-1": [
    "let right = 0;",
    "for (const [x1, x2, target] of [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]) {",
    "  if ((w1 * x1 + w2 * x2 + b > 0 ? 1 : 0) === target) right += 1;",
    "}",
    "return right;",
  ],
  // A forgotten zeroing of gradients: one pile for the whole run, never emptied between epochs.
  "exercise-2": [
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
