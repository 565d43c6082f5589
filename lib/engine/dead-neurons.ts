/**
 * Dead ReLU neurons (notebook 13). A ReLU neuron whose weighted sum plus bias is 0 or below for every
 * training input outputs 0 for all of them. Its local effect is then 0 on every sample, so no blame
 * reaches its weights, they never change, and the neuron stays silent for good: it is dead.
 */
import { Sample } from "./data";
import { Network, forward } from "./network";

/**
 * The neurons of layer `layer` (0 = the first hidden layer) that are dead on `data` (notebook 13): those whose
 * weighted sum plus bias is ≤ 0 for every sample. Returns their numbers, counting from 0.
 */
export function deadNeurons(net: Network, data: readonly Sample[], layer = 0): number[] {
  const alive = net.layers[layer].biases.map(() => false);
  for (const sample of data) {
    forward(net, sample.input).layers[layer].preActivations.forEach((z, j) => {
      if (z > 0) alive[j] = true;
    });
  }
  const dead: number[] = [];
  alive.forEach((isAlive, j) => isAlive || dead.push(j));
  return dead;
}
