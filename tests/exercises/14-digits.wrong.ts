// Plausible wrong answers for notebook 14's exercises: each must get a ❌ with its hint.
export default {
  // Divides each e^z by the total of the scores instead of the total of the powers.
  "exercise-1": [
    "const total = scores.reduce((a, b) => a + b, 0);",
    "return scores.map((z) => Math.exp(z) / total);",
  ],
  // Uses the network's favourite digit instead of the right one: misses what a confident mistake costs.
  "exercise-2": ["return -Math.log(Math.max(...probabilities));"],
};
