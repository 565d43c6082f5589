/**
 * Datasets: examples with the right answers written down. Introduced with the loss in notebook 06.
 */
import { checkNumbers, checkWholeNumber } from "./checks";
import { Network } from "./network";

/** One training example: an input and the target the network should produce for it. */
export interface Sample {
  input: number[];
  target: number[];
}

/** XOR: the answer is 1 when the two inputs differ, otherwise 0. */
export function xorData(): Sample[] {
  return [
    { input: [0, 0], target: [0] },
    { input: [0, 1], target: [1] },
    { input: [1, 0], target: [1] },
    { input: [1, 1], target: [0] },
  ];
}

/** The bump: x = 1, 2, 3, 4 gives y = 0, 1, 1, 0. It goes up, then down again. */
export function bumpData(): Sample[] {
  return [1, 2, 3, 4].map((x, i) => ({ input: [x], target: [[0, 1, 1, 0][i]] }));
}

/** A target list of `classes` zeros with a 1 at `label`: the answer for a classifier. */
export function oneHot(label: number, classes: number): number[] {
  checkWholeNumber("the number of classes", classes, 1);
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new Error(`class label ${label} is out of range: with ${classes} classes a label is a whole number from 0 to ${classes - 1}`);
  }
  const target = new Array<number>(classes).fill(0);
  target[label] = 1;
  return target;
}

/** The position of the largest number: a classifier's answer, read off its output. */
export function argmax(values: readonly number[]): number {
  if (values.length === 0) throw new Error("argmax needs at least one number");
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * Throws a clear error unless `data` is a non-empty list of samples whose inputs and targets fit `net`
 * and hold only finite numbers.
 */
export function checkDataset(net: Network, data: readonly Sample[], what = "the dataset"): void {
  if (!Array.isArray(data)) throw new Error(`${what} must be an array of samples like { input: [...], target: [...] }`);
  if (data.length === 0) throw new Error(`${what} is empty; training and measuring need at least one sample`);
  const outputs = net.layers[net.layers.length - 1].biases.length;
  data.forEach((sample, n) => {
    if (!sample || typeof sample !== "object") throw new Error(`sample ${n} of ${what} must look like { input: [...], target: [...] }`);
    checkNumbers(`sample ${n}'s input`, sample.input, net.inputSize, "one per input neuron");
    checkNumbers(`sample ${n}'s target`, sample.target, outputs, "one per output neuron");
  });
}
