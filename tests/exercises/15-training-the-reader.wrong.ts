// Plausible wrong answers for notebook 15's exercises: each must get a ❌ with its hint.
export default {
  // Steps with the sum of the gradients instead of their average.
  "exercise-1": [
    "let sum = 0;",
    "for (const g of gradients) sum += g;",
    "return old - learningRate * sum;",
  ],
};
