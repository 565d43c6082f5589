/** The speed path (notebook 16): packed networks and datasets, and training that gives the teaching engine's numbers fast. */
export { FastLayer, FastNetwork, FastSamples, checkFastNetwork, fromFastNetwork, labelledSamples, packSamples, toFastNetwork } from "./packing";
export { FastHistory, FastTrainOptions, evaluateFast, predictFast, trainFast, trainFastEpochs } from "./train";
