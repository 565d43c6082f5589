// Plausible wrong answers for notebook 13's exercises: each must get a ❌ with its hint.
export default {
  // Treats a weighted sum of exactly 0 as alive: ReLU(0) is 0, so such a neuron is silent.
  "exercise-1": [
    "let dead = 0;",
    "for (let j = 0; j < weights.length; j++) {",
    "  const silent = inputs.every((x) => x.reduce((z, v, i) => z + weights[j][i] * v, biases[j]) < 0);",
    "  if (silent) dead += 1;",
    "}",
    "return dead;",
  ],
  // Returns the shared answer (the average of the targets) instead of what it costs.
  "exercise-2": [
    "let sum = 0;",
    "for (const t of targets) sum += t;",
    "return sum / targets.length;",
  ],
};
