// Plausible wrong answers for the exercises of 04-activation-functions.ipynb: each must get its hint.
export default {
  // Mixes ReLU up with "make it positive".
  "exercise-1": ["return Math.abs(z);"],
  // Forgets the minus sign inside the exponent: that is σ(−z).
  "exercise-2": ["return 1 / (1 + Math.exp(z));"],
  // Adds the weights instead of multiplying them.
  "exercise-3": ["return weights.reduce((total, w) => total + w, 0);"],
};
