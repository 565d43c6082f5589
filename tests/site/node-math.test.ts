// The site's kernel worker replaces the browser's Math.exp and Math.log with fdlibm's (lib/tools/site/live/
// worker/node-math.ts), so that a training run in the browser prints Node's numbers to the last digit.
// Checked here against Node's own Math.exp and Math.log (the independent source: V8 in Node 20), bit for
// bit, on the values a course notebook feeds them and on a spread of random doubles.
import { describe, expect, it } from "vitest";
import { exp, log } from "../../lib/tools/site/live/worker/node-math";
import { PythonRandom } from "../../lib/index";

/** Inputs: special values, the integers and halves a learner types, and random doubles of every size. */
function inputs(): number[] {
  const values = [0, -0, 1, -1, 2, 0.5, Infinity, -Infinity, NaN, Number.MIN_VALUE, Number.MAX_VALUE, 709.78, -745.13, 1e-300, 1e300];
  for (let k = -50; k <= 50; k++) values.push(k, k / 2, k / 10);
  for (let x = -745.2; x < -700; x += 0.0137) values.push(x); // results below the normal range
  for (let x = 700; x < 709.8; x += 0.0137) values.push(x); // results near the largest double
  for (let k = 0; k < 2000; k++) values.push(1 + (k - 1000) * 2 ** -30, 5e-324 * (k + 1), 2.2250738585072014e-308 * (1 + k / 1000)); // log near 1 and below the normal range
  const random = new PythonRandom(16);
  for (let k = 0; k < 200_000; k++) {
    const u = random.random();
    values.push((u - 0.5) * 40); // where sigmoid, softmax and cross-entropy live
    values.push(random.random() * 10 ** (random.random() * 40 - 20)); // positive numbers of any size, for log
  }
  return values;
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe("the site's Math.exp and Math.log (fdlibm, as Node's V8)", () => {
  const values = inputs();

  it("exp gives Node's Math.exp bit for bit", () => {
    const wrong = values.filter((x) => !same(exp(x), Math.exp(x)));
    expect(wrong.slice(0, 5).map((x) => ({ x, site: exp(x), node: Math.exp(x) }))).toEqual([]);
  });

  it("log gives Node's Math.log bit for bit", () => {
    const wrong = values.filter((x) => !same(log(x), Math.log(x)));
    expect(wrong.slice(0, 5).map((x) => ({ x, site: log(x), node: Math.log(x) }))).toEqual([]);
  });
});
