// Plausible wrong answers for notebook 11's exercises: each must get its hint.
export default {
  // A missing derivative factor: the hidden blame skips the sigmoid's local effect a₁ × (1 − a₁).
  "exercise-1": [
    "const a1 = 1 / (1 + Math.exp(-(w1 * x + b1)));",
    "const yHat = w2 * a1 + b2;",
    "const outputBlame = yHat - y;",
    "const hiddenBlame = outputBlame * w2;",
    "return [hiddenBlame * x, hiddenBlame, outputBlame * a1, outputBlame];",
  ],
  // Steps uphill: adds learning rate × gradient instead of subtracting it.
  "exercise-2": ["return knobs.map((old, k) => old + learningRate * gradients[k]);"],
};
