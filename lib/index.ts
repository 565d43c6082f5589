/**
 * Everything a notebook needs, in one import: `import { ... } from "./lib";`
 * The engine (lib/engine) is pure; the figures (lib/figures) draw; the course helpers (lib/course)
 * talk to the notebook; the widgets (lib/widgets) run in the page.
 * From the engine, only what the notebooks use is named here (and the types a learner writes down);
 * its other functions stay internal. lib/README.md maps each notebook's ideas to the code.
 */
export {
  // The types a notebook names.
  ActivationName,
  EpochRecord,
  FastNetwork,
  FastSamples,
  Gradients,
  History,
  Knob,
  Layer,
  LossName,
  Network,
  Neuron,
  Sample,
  Trace,
  TrainOptions,
  UpdateMethod,
  // One neuron (notebooks 01–04).
  weightedSum,
  perceptron,
  neuronSteps,
  identity,
  relu,
  sigmoid,
  tanh,
  softmax,
  // A network and its forward pass (notebook 05).
  createNetwork,
  networkFrom,
  countParameters,
  parameterCount,
  copyNetwork,
  forward,
  predict,
  // Losses and nudging (notebooks 06 and 07).
  squaredError,
  halfSquaredError,
  crossEntropy,
  mean,
  meanLoss,
  nudgeSlope,
  centralSlope,
  knobs,
  getKnob,
  setKnob,
  // Gradient descent and training (notebooks 08 and 11).
  updateWeights,
  updateFromBlame,
  gradientStep,
  zeroGradients,
  addGradients,
  averageGradients,
  train,
  evaluate,
  // Backpropagation (notebooks 09 and 10).
  backward,
  lossDerivative,
  activationBlame,
  nudgedGradients,
  gradientCheck,
  // Data, starting values and randomness (notebooks 05, 11 and 12).
  xorData,
  bumpData,
  oneHot,
  argmax,
  PythonRandom,
  constant,
  uniformIn,
  xavier,
  he,
  heStandardDeviation,
  zeros,
  deadNeurons,
  // The speed path (notebook 16).
  toFastNetwork,
  fromFastNetwork,
  trainFast,
  evaluateFast,
  predictFast,
} from "./engine/index";
// Every engine type too (types only): a notebook's values have them, and a notebook compiled outside
// notebooks/ (a learner's copy, a student version) must be able to name them.
export type * from "./engine/index";
export * from "./figures/index";
export * from "./course/index";
export * from "./widgets/index";
