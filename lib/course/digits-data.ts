/**
 * The hand-drawn 5 × 5 digits of notebooks 14 and 15, read from assets/digits.txt (the 24 training images) and
 * assets/new-digits.txt (3 images the network never trains on), and the notebook's training run with a
 * copy of the weights after every epoch, for looking inside the training afterwards. The engine only
 * parses text; finding and reading the files happens here.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DigitImage, History, Network, PythonRandom, Sample, createNetwork, digitSamples, he, parseDigitImages, train, zeros } from "../engine/index";

/**
 * The course folder's assets/ folder, found by walking up from `start` (default: the working folder,
 * which is notebooks/ in a notebook and the course folder in tests and tools). A notebook copied to a
 * scratch folder outside the course (as the exercise tests and the grader do) still finds it: the search
 * then walks up from this file's real location, through the `lib` link, into the course folder.
 */
export function assetsFolder(start: string = process.cwd()): string {
  const found = findAssetsAbove(start) ?? (typeof __dirname === "string" ? findAssetsAbove(realpathSync(__dirname)) : undefined);
  if (!found) throw new Error(`no assets/digits.txt found in ${resolve(start)} or any folder above it; run this from inside the course folder`);
  return found;
}

/** The nearest assets/ folder holding digits.txt in `start` or a folder above it, if there is one. */
function findAssetsAbove(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, "assets");
    if (existsSync(join(candidate, "digits.txt"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The 24 training digits: eight each of 0, 1 and 2, in the order of assets/digits.txt. */
export function trainingDigits(folder: string = assetsFolder()): DigitImage[] {
  return parseDigitImages(readFileSync(join(folder, "digits.txt"), "utf8"));
}

/** The 3 digits the network never sees during training, from assets/new-digits.txt. */
export function newDigits(folder: string = assetsFolder()): DigitImage[] {
  return parseDigitImages(readFileSync(join(folder, "new-digits.txt"), "utf8"));
}

/** The training digits as samples: 25 pixel inputs and a one-hot target over the digits 0, 1, 2. */
export function trainingSamples(folder: string = assetsFolder()): Sample[] {
  return digitSamples(trainingDigits(folder), 3);
}

/** How notebook 15 trains its digit reader. */
export const digitsRecipe = {
  sizes: [25, 8, 3],
  activations: ["sigmoid", "softmax"] as ("sigmoid" | "softmax")[],
  /** The seed of the He draw: PythonRandom(0). */
  seed: 0,
  learningRate: 1.2,
  epochs: 100,
};

/** The untrained digit reader: He starting weights drawn with PythonRandom(seed), every bias 0. */
export function digitsNetwork(seed: number = digitsRecipe.seed): Network {
  return createNetwork(
    { sizes: digitsRecipe.sizes, activations: digitsRecipe.activations },
    { weights: he, biases: zeros, rng: new PythonRandom(seed) },
  );
}

/** A training run of the digit reader, with a snapshot of the weights before epoch 0 and after every epoch. */
export interface DigitsRun {
  /** The network after the last epoch. */
  network: Network;
  /** One record per epoch, and snapshots at epochs 0, 1, …, epochs (epoch e = after e updates). */
  history: History;
  samples: Sample[];
}

/**
 * Notebook 15's training run, repeated without the live view: full-batch cross-entropy training with
 * the recipe's learning rate, keeping the weights at every epoch. The same numbers as the notebook's run.
 */
export function digitsRun(options: { seed?: number; epochs?: number; learningRate?: number } = {}): DigitsRun {
  const samples = trainingSamples();
  const network = digitsNetwork(options.seed ?? digitsRecipe.seed);
  const history = train(network, samples, {
    epochs: options.epochs ?? digitsRecipe.epochs,
    learningRate: options.learningRate ?? digitsRecipe.learningRate,
    loss: "crossEntropy",
    method: "batch",
    snapshotEpochs: "all",
  });
  return { network, history, samples };
}
