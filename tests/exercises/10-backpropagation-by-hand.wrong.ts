// Plausible wrong answers for notebook 10's exercises: each must get its hint.
export default {
  // Hands every weight the blame itself, forgetting to multiply by the input it multiplied.
  "exercise-1": ["return hiddenOutputs.map(() => blame);"],
  // Passes blame back through the weights but forgets ReLU's local effect (0 for a neuron that was off).
  "exercise-2": ["return outputWeights.map((w) => blame * w);"],
  // A missing derivative factor: the hidden blame skips the sigmoid's local effect a₁ × (1 − a₁).
  "exercise-3": [
    "const a1 = 1 / (1 + Math.exp(-(w1 * x + b1)));",
    "const yHat = w2 * a1 + b2;",
    "const outputBlame = yHat - y;",
    "const hiddenBlame = outputBlame * w2;",
    "return [hiddenBlame * x, hiddenBlame, outputBlame * a1, outputBlame];",
  ],
};
