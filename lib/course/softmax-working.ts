/**
 * Softmax as worked lines (notebook 14): each score raised as a power of e, the powers added up, and
 * each power divided by the total, as a percentage.
 *   e^2.1 = 8.166   …   8.166 + 1.649 + 0.741 = 10.556   …   8.166 / 10.556 = 77.4 %
 */
import { formatNumber } from "./arithmetic";

/** The lines of a softmax worked by hand: powers, their total, then each share as a percentage. */
export function softmaxWorking(scores: readonly number[], digits = 3): string[] {
  if (scores.length === 0) throw new Error("softmax needs at least one score");
  const powers = scores.map((z) => Math.exp(z));
  let total = 0;
  for (const p of powers) total += p;
  const f = (x: number) => formatNumber(x, digits);
  return [
    ...scores.map((z, i) => `e^${f(z)} = ${f(powers[i])}`),
    `${powers.map(f).join(" + ")} = ${f(total)}`,
    ...powers.map((p) => `${f(p)} / ${f(total)} = ${((100 * p) / total).toFixed(1)} %`),
  ];
}
