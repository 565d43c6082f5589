// Plausible wrong answers for notebook 08's exercises: each must get a ❌ with its hint.
export default {
  // Stepped with the gradient instead of against it.
  "exercise-1": ["return weight + rate * gradient;"],
  // Walked uphill: added rate × slope instead of subtracting it.
  "exercise-2": [
    "const path = [start];",
    "for (let k = 0; k < steps; k++) {",
    "  const w = path[path.length - 1];",
    "  path.push(w + rate * 2 * (w - 3));",
    "}",
    "return path;",
  ],
  // Forgot the group of points left over at the end.
  "exercise-3": ["return Math.floor(samples / batchSize);"],
};
