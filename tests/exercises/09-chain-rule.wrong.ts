// Plausible wrong answers for notebook 09's exercises: each must get its hint.
export default {
  // Adds the local effects instead of multiplying them.
  "exercise-1": ["return effects.reduce((a, b) => a + b, 0);"],
  // Keeps only the second link (loss per z) and forgets that z moves x per unit of w.
  "exercise-2": ["return 2 * (w * x - target);"],
  // Ignores ReLU: treats the neuron as always on, so a switched-off neuron still gets a gradient.
  "exercise-3": ["return x * 2 * (w * x - target);"],
};
