// Plausible wrong answers for notebook 01's exercises: each must get its hint, not a ✅.
export default {
  "exercise-1": ["return weight + input;"],
  "exercise-2": ["return wanted - input;"],
  "exercise-3": ["const outputs: number[] = [];", "for (const x of inputs) outputs.push(weight + x);", "return outputs;"],
};
