// A small instructor notebook for the homework tests: three exercises with reference solutions,
// visible checks and hidden checks, in the course's conventions.
import { Notebook } from "../../lib/tools/notebooks/ipynb";
import { notebookFromText } from "../../lib/tools/notebooks/text-format";

export const assignmentText = `%% markdown title
# Homework · Practice

%% code setup
import { weightedSum } from "./lib";
console.log(weightedSum([3, 1], [2, 5]));

%% markdown your-turn
## Your turn

%% code imports
import { checkFunction, notDoneYet } from "./lib";

%% code exercise-1
function double(x: number): number {
  // BEGIN SOLUTION
  return 2 * x;
  // END SOLUTION
}

%% code check-1
checkFunction("H.1", double, [
  { args: [1], expected: 2 },
  { args: [2.5], expected: 5 },
], { hint: "multiply by two." });
// BEGIN HIDDEN TESTS
checkFunction("H.1", double, [{ args: [-3], expected: -6 }], { hint: "negative numbers too.", points: 2 });
// END HIDDEN TESTS

%% code exercise-2
function weightedTotal(weights: number[], inputs: number[]): number {
  // BEGIN SOLUTION
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * inputs[i];
  return sum;
  // END SOLUTION
}

%% code check-2
checkFunction("H.2", weightedTotal, [{ args: [[3, 1], [2, 5]], expected: weightedSum([3, 1], [2, 5]) }], { hint: "multiply in pairs, then add.", reimplements: ["weightedSum"] });
// BEGIN HIDDEN TESTS
checkFunction("H.2", weightedTotal, [{ args: [[0.5, -2, 4], [2, 1, 0.5]], expected: weightedSum([0.5, -2, 4], [2, 1, 0.5]) }], { hint: "any number of inputs." });
// END HIDDEN TESTS

%% code exercise-3
function slopeOf(f: (x: number) => number, x: number): number {
  // BEGIN SOLUTION
  const h = 1e-6;
  return (f(x + h) - f(x - h)) / (2 * h);
  // END SOLUTION
}

%% code check-3
checkFunction("H.3", slopeOf, [{ args: [(x: number) => x * x, 3], expected: 6 }], { hint: "nudge both ways.", tolerance: 1e-6 });
`;

export function assignmentNotebook(): Notebook {
  return notebookFromText(assignmentText);
}
