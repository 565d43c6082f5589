// Node's numbers in the browser. Browsers and Node compute Math.exp and Math.log differently in the last
// bit (measured: Chromium 156 and Node 20 disagree on about 1 in 10 values of either), and a long training
// run turns one bit into a different printed loss. The course's numbers are Node's (Jupyter runs tslab on
// Node), so the kernel worker uses the fdlibm algorithms that Node's V8 uses, from stdlib's well-kept
// ports, which give Node 20's result bit for bit (tests/site/node-math.test.ts compares them on millions
// of values). V8 returns the double nearest e for exp(1), which fdlibm's steps miss by one bit.
import stdlibExp from "@stdlib/math-base-special-exp";
import stdlibLn from "@stdlib/math-base-special-ln";

// fdlibm's e_exp.c for results below the normal range (x < -708.39), which stdlib's ldexp rounds
// differently: reduce x = k ln2 + r, then scale y = e^r by 2^(k + 1000) exactly and by 2^-1000 with the one
// rounding, as fdlibm (and V8) do.
const ln2Hi = 6.93147180369123816490e-1;
const ln2Lo = 1.90821492927058770002e-10;
const invLn2 = 1.44269504088896338700;
const [p1, p2, p3, p4, p5] = [1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.65339022054652515390e-6, 4.13813679705723846039e-8];
const lowest = -7.45133219101941108420e2;

function tinyExp(x: number): number {
  if (x < lowest) return 0;
  const k = Math.trunc(invLn2 * x - 0.5);
  const hi = x - k * ln2Hi;
  const lo = k * ln2Lo;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (p1 + t * (p2 + t * (p3 + t * (p4 + t * p5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k >= -1021 ? y * 2 ** k : y * 2 ** (k + 1000) * 2 ** -1000;
}

export function exp(x: number): number {
  if (x === 1) return Math.E;
  return x < -708.3964185322641 ? tinyExp(x) : stdlibExp(x);
}

export const log: (x: number) => number = stdlibLn;

/** Makes this thread's Math.exp and Math.log Node's. */
export function useNodeMath(): void {
  Math.exp = exp;
  Math.log = log;
}
