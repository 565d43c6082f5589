// Plausible wrong answers for notebook 15's exercises: each must get a ❌ with its hint.
export default {
  // Steps with the sum of the gradients instead of their average.
  "exercise-1": [
    "let sum = 0;",
    "for (const g of gradients) sum += g;",
    "return old - learningRate * sum;",
  ],
  // Counts the images read right and forgets to divide by their number.
  "exercise-2": [
    "let right = 0;",
    "probabilities.forEach((p, n) => { if (p.indexOf(Math.max(...p)) === labels[n]) right += 1; });",
    "return right;",
  ],
};
