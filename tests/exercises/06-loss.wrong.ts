// Plausible wrong answers for the exercises of 06-loss.ipynb: each must get its hint.
export default {
  // Forgets to square: the sign of the miss survives.
  "exercise-1": ["return prediction - target;"],
  // Adds the squared misses up but forgets to divide by how many there are.
  "exercise-2": ["let total = 0;", "for (let i = 0; i < predictions.length; i++) total += (predictions[i] - targets[i]) ** 2;", "return total;"],
  // Forgets the minus sign: the loss comes out negative.
  "exercise-3": ["return Math.log(p);"],
};
