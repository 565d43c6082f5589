/**
 * Dead ReLU neurons (notebook 11). A ReLU neuron whose weighted sum plus bias is 0 or below for every
 * training input outputs 0 for all of them. Its local effect is then 0 on every sample, so no blame
 * reaches its weights, they never change, and the neuron stays silent for good: it is dead.
 */
import { checkWholeNumber } from "./checks";
import { Sample, checkDataset } from "./data";
import { Network, checkNetwork, runForward } from "./network";

/**
 * The neurons of layer `layer` (0 = the first hidden layer) that are dead on `data`: those whose
 * weighted sum plus bias is ≤ 0 for every sample. Returns their numbers, counting from 0.
 */
export function deadNeurons(net: Network, data: readonly Sample[], layer = 0): number[] {
  checkNetwork(net);
  checkDataset(net, data);
  checkWholeNumber("the layer number", layer, 0);
  if (layer >= net.layers.length) {
    throw new Error(`there is no layer ${layer}: this network's layers are numbered 0 to ${net.layers.length - 1}`);
  }
  const activation = net.layers[layer].activation;
  if (activation !== "relu") {
    throw new Error(`layer ${layer} uses ${activation}, not relu: only a ReLU neuron goes silent when its weighted sum is negative`);
  }
  const size = net.layers[layer].biases.length;
  const alive = new Array<boolean>(size).fill(false);
  for (const sample of data) {
    const z = runForward(net, sample.input).layers[layer].preActivations;
    for (let j = 0; j < size; j++) if (z[j] > 0) alive[j] = true;
  }
  const dead: number[] = [];
  for (let j = 0; j < size; j++) if (!alive[j]) dead.push(j);
  return dead;
}
