/**
 * An average as a worked line (notebook 06): the values added up, divided by how many there are.
 * "(9 + 4 + 4 + 16) / 4 = 8.25"
 */
import { formatNumber } from "./arithmetic";
import { mean } from "../engine/losses";

/** "(9 + 4 + 4 + 16) / 4 = 8.25": the mean of `values`, each shown with at most `digits` decimals. */
export function meanWorking(values: readonly number[], digits?: number): string {
  const terms = values.map((v) => (v < 0 ? `(${formatNumber(v, digits)})` : formatNumber(v, digits)));
  return `(${terms.join(" + ")}) / ${values.length} = ${formatNumber(mean(values), digits)}`;
}
