// A plausible wrong answer for notebook 00's practice exercise: it must get its hint.
export default {
  // Adds 2 instead of multiplying by 2.
  "exercise-1": ["return x + 2;"],
};
