// Plausible wrong answers for the exercises of 05-layers-and-forward-pass.ipynb: each must get its hint.
export default {
  // Forgets the ReLU: a negative sum comes out negative.
  "exercise-1": ["return weights.map((row, j) => row.reduce((sum, w, i) => sum + w * inputs[i], biases[j]));"],
  // Runs the first layer only.
  "exercise-2": ["return reluLayer(layers[0].weights, layers[0].biases, inputs);"],
  // Forgets the ReLU in the hidden layer.
  "exercise-3": [
    "const z = 0.6 * (0.5 * x1 - 0.3 * x2 + 0.15) - 0.5 * (0.8 * x1 + 0.2 * x2 - 0.1) + 0.9 * (0.7 * x1 - 0.4 * x2 - 0.3) + 0.1;",
    "return 1 / (1 + Math.exp(-z));",
  ],
};
