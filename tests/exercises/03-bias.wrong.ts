// Plausible wrong answers for notebook 03's exercises: each must get its hint, not a ✅.
export default {
  "exercise-1": ["let total = 0;", "for (let i = 0; i < weights.length; i++) total += weights[i] * inputs[i] + bias;", "return total;"],
  "exercise-2": ["let sum = 0;", "for (let i = 0; i < weights.length; i++) sum += weights[i] * inputs[i];", "return sum - wanted;"],
  // Forgets the minus sign when solving weight × input + bias = 0 for the input.
  "exercise-3": ["return bias / weight;"],
};
