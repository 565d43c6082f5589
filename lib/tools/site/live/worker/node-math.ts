// Node's numbers in the browser. Browsers and Node compute Math.exp and Math.log differently in the last
// bit (measured: Chromium 156 and Node 20 disagree on about 1 in 10 values of either), and a long training
// run turns one bit into a different printed loss. The course's numbers are Node's (Jupyter runs tslab on
// Node), so the kernel worker uses the algorithms Node's V8 uses for these two functions: fdlibm's
// e_exp.c and e_log.c (Sun Microsystems, freely distributable; V8 ports them in src/base/ieee754.cc),
// transcribed below step for step. tests/site/node-math.test.ts compares them with Node's Math.exp and
// Math.log bit for bit on hundreds of thousands of values. (The npm ports in @stdlib give the same
// numbers, but come with some 140 packages for two functions; and their exp rounds results below the
// normal range differently.)

const words = new DataView(new ArrayBuffer(8));
const highWord = (x: number) => {
  words.setFloat64(0, x);
  return words.getInt32(0);
};
const lowWord = (x: number) => {
  words.setFloat64(0, x);
  return words.getUint32(4);
};
const withHighWord = (x: number, high: number) => {
  words.setFloat64(0, x);
  words.setInt32(0, high);
  return words.getFloat64(0);
};

const ln2Hi = 6.93147180369123816490e-1;
const ln2Lo = 1.90821492927058770002e-10;

// e_exp.c
const invLn2 = 1.44269504088896338700;
const overflow = 7.09782712893383973096e2;
const underflow = -7.45133219101941108420e2;
const twoToMinus1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

export function exp(x: number): number {
  // V8 returns the double nearest e for exp(1), which fdlibm's steps miss by one bit.
  if (x === 1) return Math.E;
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78…: NaN, ±Infinity, overflow or underflow.
    if (hx >= 0x7ff00000) return ((hx & 0xfffff) | lowWord(x)) !== 0 ? x + x : negative ? 0 : x;
    if (x > overflow) return Infinity;
    if (x < underflow) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: x = k ln2 + r.
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + ln2Hi : x - ln2Hi;
      lo = negative ? -ln2Lo : ln2Lo;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(invLn2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * ln2Hi;
      lo = k * ln2Lo;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  // y × 2^k, exactly for a normal result (fdlibm adds k to y's exponent), with one rounding below that.
  if (k >= -1021) return y * 2 * 2 ** (k - 1);
  return y * 2 ** (k + 1000) * twoToMinus1000;
}

// e_log.c
const two54 = 1.80143985094819840000e16;
const Lg1 = 6.666666666666735130e-1;
const Lg2 = 3.999999999940941908e-1;
const Lg3 = 2.857142874366239149e-1;
const Lg4 = 2.222219843214978396e-1;
const Lg5 = 1.818357216161805012e-1;
const Lg6 = 1.531383769920937332e-1;
const Lg7 = 1.479819860511658591e-1;

export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or below the normal range.
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= two54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // x or x/2, in [sqrt(2)/2, sqrt(2)]
  x = withHighWord(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 <= f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * ln2Hi + k * ln2Lo;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * ln2Hi - (R - k * ln2Lo - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * ln2Hi - (hfsq - (s * (hfsq + R) + k * ln2Lo) - f);
  }
  return k === 0 ? f - s * (f - R) : k * ln2Hi - (s * (f - R) - k * ln2Lo - f);
}

/** Makes this thread's Math.exp and Math.log Node's. */
export function useNodeMath(): void {
  Math.exp = exp;
  Math.log = log;
}
