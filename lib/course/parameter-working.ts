/**
 * Counting a network's knobs as a worked line (notebook 05): for each layer, inputs × neurons weights
 * plus one bias per neuron, then the layers added up.
 * "(25 × 8 + 8) + (8 × 3 + 3) = 208 + 27 = 235"
 */
import { countParameters } from "../engine/network";

/** A whole number with thousands separators, as the prose prints it: 13002 → "13,002". */
function grouped(n: number): string {
  const text = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `−${text}` : text;
}

/** The parameter count of a network with these layer sizes (inputs first), worked layer by layer. */
export function parameterCountWorking(sizes: readonly number[]): string {
  const total = countParameters(sizes);
  const layers: { text: string; count: number }[] = [];
  for (let l = 1; l < sizes.length; l++) {
    layers.push({ text: `${grouped(sizes[l - 1])} × ${grouped(sizes[l])} + ${grouped(sizes[l])}`, count: sizes[l - 1] * sizes[l] + sizes[l] });
  }
  if (layers.length === 1) return `${layers[0].text} = ${grouped(total)}`;
  return `${layers.map((p) => `(${p.text})`).join(" + ")} = ${layers.map((p) => grouped(p.count)).join(" + ")} = ${grouped(total)}`;
}
