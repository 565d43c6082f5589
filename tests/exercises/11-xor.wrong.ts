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
  // Forgets the ½ of the half squared error.
  "exercise-3": [
    "const answers = [0, c, c, c];",
    "const targets = [0, 1, 1, 0];",
    "let total = 0;",
    "for (let k = 0; k < 4; k++) total += (answers[k] - targets[k]) ** 2;",
    "return total / 4;",
  ],
};
