/**
 * Datasets (notebooks 06, 10 and 11): examples with the right answers written down.
 */

/** One training example: an input and the target the network should produce for it (notebook 06). */
export interface Sample {
  input: number[];
  target: number[];
}

/** XOR: the answer is 1 when the two inputs differ, otherwise 0 (notebook 12). */
export function xorData(): Sample[] {
  return [
    { input: [0, 0], target: [0] },
    { input: [0, 1], target: [1] },
    { input: [1, 0], target: [1] },
    { input: [1, 1], target: [0] },
  ];
}

/** The bump: x = 1, 2, 3, 4 gives y = 0, 1, 1, 0; it goes up, then down again (notebook 11). */
export function bumpData(): Sample[] {
  return [1, 2, 3, 4].map((x, i) => ({ input: [x], target: [[0, 1, 1, 0][i]] }));
}

/** A target of `classes` zeros with a 1 at `label`: the answer for a classifier (notebook 14). */
export function oneHot(label: number, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`the number of classes must be a whole number of at least 1, got ${classes}`);
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new Error(`class label ${label} is out of range: with ${classes} classes a label is a whole number from 0 to ${classes - 1}`);
  }
  const target = new Array<number>(classes).fill(0);
  target[label] = 1;
  return target;
}

/** The position of the largest number: a classifier's answer, read off its output (notebook 14). */
export function argmax(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error("argmax needs at least one number");
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** A copy of the samples, their lists copied too: later changes to one side leave the other alone. */
export function copySamples(samples: readonly Sample[]): Sample[] {
  return samples.map((s) => ({ input: s.input.slice(), target: s.target.slice() }));
}
