import { describe, expect, it } from "vitest";
import { PythonRandom, normal, shuffle } from "../../lib/engine";

describe("PythonRandom", () => {
  it("reproduces Python's random.seed(7); random.uniform(-1, 1) three times", () => {
    // Values printed by CPython 3.11: random.seed(7); [random.uniform(-1, 1) for _ in range(3)]
    const r = new PythonRandom(7);
    expect([r.uniform(-1, 1), r.uniform(-1, 1), r.uniform(-1, 1)]).toEqual([
      -0.35233447033367526, -0.69830165215099615, 0.30186894607970749,
    ]);
  });

  it("stays in step with Python past the first state refill (2000 draws)", () => {
    // CPython 3.11: random.seed(123456789); o = [random.random() for _ in range(2000)]; o[0], o[1999]
    const r = new PythonRandom(123456789);
    const draws = Array.from({ length: 2000 }, () => r.random());
    expect(draws[0]).toBe(0.6414006161858726);
    expect(draws[1999]).toBe(0.8925625374092003);
  });

  it("rejects seeds Python would hash differently", () => {
    expect(() => new PythonRandom(-1)).toThrow(/seed must be a whole number/);
    expect(() => new PythonRandom(1.5)).toThrow(/seed must be a whole number/);
  });
});

describe("normal draws", () => {
  it("have the asked-for mean and standard deviation", () => {
    const r = new PythonRandom(1);
    const xs = Array.from({ length: 200000 }, () => normal(r, 3, 0.5));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 3)).toBeLessThan(0.005);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.005);
    // About 68.3 % of a normal distribution lies within one standard deviation of the mean.
    const within = xs.filter((x) => Math.abs(x - 3) < 0.5).length / xs.length;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.005);
  });
});

describe("shuffle", () => {
  it("is a permutation and is the same for the same seed", () => {
    const a = shuffle(new PythonRandom(3), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const b = shuffle(new PythonRandom(3), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a).toEqual(b);
    expect(a.slice().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
