// Plausible wrong answers for notebook 10's exercises: each must get its hint.
export default {
  // Hands every weight the blame itself, forgetting to multiply by the input it multiplied.
  "exercise-1": ["return hiddenOutputs.map(() => blame);"],
  // Passes blame back through the weights but forgets ReLU's local effect (0 for a neuron that was off).
  "exercise-2": ["return outputWeights.map((w) => blame * w);"],
};
