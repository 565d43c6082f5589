// The answer key for notebook 00's practice exercise. The reference answer is a neuron with weight 2.
import { neuronSteps } from "../../engine/index";
import type { ExerciseKey } from "../exercises";

export const keys: ExerciseKey[] = [
  {
    id: "00.1",
    name: "double",
    cases: () => [[3], [0], [-2.5], [10]],
    answer: (x: number) => neuronSteps({ weights: [2], bias: 0, activation: "identity" }, [x]).output,
    hint: "twice a number is that number multiplied by 2.",
    mistakes: [{ answer: (x: number) => x + 2, hint: "your function adds 2. Twice a number is that number multiplied by 2." }],
  },
];
