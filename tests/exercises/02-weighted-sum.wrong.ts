// Plausible wrong answers for notebook 02's exercises: each must get its hint, not a ✅.
export default {
  "exercise-1": ["return weights.map((w) => w * inputs[0]);"],
  "exercise-2": ["let total = 0;", "for (let i = 1; i < weights.length; i++) total += weights[i] * inputs[i];", "return total;"],
  "exercise-3": ["let sum = 0;", "for (let i = 0; i < weights.length; i++) sum += weights[i] * inputs[i];", "return sum >= threshold ? 1 : 0;"],
};
