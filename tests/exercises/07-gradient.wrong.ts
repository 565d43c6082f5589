// Plausible wrong answers for notebook 07's exercises: each must get a ❌ with its hint.
export default {
  // Forgot to divide by the size of the nudge.
  "exercise-1": ["return f(x + h) - f(x);"],
  // Divided by h, not by the whole distance 2h between the two points.
  "exercise-2": ["return (f(x + h) - f(x - h)) / h;"],
  // Forgot the 2 of the squared error's local effect.
  "exercise-3": ["return (output - target) * input;"],
};
