/**
 * Seeded random numbers. Every random choice in the course (starting weights, shuffles) comes from
 * here, so the same seed always gives the same network. Explained in notebook 12 (XOR).
 */

/** Anything that hands out uniform numbers in [0, 1). */
export interface RandomSource {
  /** A uniform number in [0, 1). */
  random(): number;
}

const N = 624;
const M = 397;

/**
 * The Mersenne Twister that Python's `random` module uses, seeded the way `random.seed(n)` seeds it.
 * `new PythonRandom(7).uniform(-1, 1)` returns exactly what Python's `random.uniform(-1, 1)` returns
 * after `random.seed(7)`, so programs written in Python can be re-run here number for number.
 */
export class PythonRandom implements RandomSource {
  private readonly state = new Uint32Array(N);
  private index = N + 1;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new Error(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
    }
    // random.seed(n) for a small non-negative integer n calls init_by_array with the single key [n].
    this.initByArray([seed]);
  }

  private initGenrand(s: number): void {
    const mt = this.state;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: number[]): void {
    const mt = this.state;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** The next raw 32-bit output of the generator. */
  nextUint32(): number {
    const mt = this.state;
    if (this.index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Python's `random.random()`: 53 random bits as a number in [0, 1). */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Python's `random.uniform(a, b)`. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }
}

/** A uniform number in [low, high). */
export function uniform(rng: RandomSource, low: number, high: number): number {
  return low + (high - low) * rng.random();
}

/**
 * A draw from the normal (bell-curve) distribution with the given mean and standard deviation,
 * by the Box–Muller method: two uniform numbers in, one normal number out.
 */
export function normal(rng: RandomSource, mean = 0, standardDeviation = 1): number {
  // 1 - random() lies in (0, 1], so the logarithm is always finite.
  const u1 = 1 - rng.random();
  const u2 = rng.random();
  return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffle<T>(rng: RandomSource, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.random() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
