// Plausible wrong answers for notebook 16's exercises: each must get a ❌ with its hint.
export default {
  // Counts the right answers but forgets to divide by the number of samples.
  "exercise-1": [
    "let right = 0;",
    "counts.forEach((row, r) => (right += row[r]));",
    "return right;",
  ],
  // Counts the weights and forgets the biases.
  "exercise-2": [
    "let total = 0;",
    "for (let l = 1; l < sizes.length; l++) total += sizes[l - 1] * sizes[l];",
    "return total;",
  ],
  // Picks the most confident answer of all, without checking whether it was wrong.
  "exercise-3": [
    "let best = 0;",
    "probabilities.forEach((p, n) => { if (Math.max(...p) > Math.max(...probabilities[best])) best = n; });",
    "return best;",
  ],
};
