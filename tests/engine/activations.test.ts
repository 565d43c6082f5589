import { describe, expect, it } from "vitest";
import { activate, activationBlame, activationDerivative, centralSlope, relu, sigmoid, softmax, tanh } from "../../lib/engine";

describe("activations", () => {
  it("ReLU keeps positives and zeroes negatives", () => {
    expect([15, -7, 3, -0.2].map(relu)).toEqual([15, 0, 3, 0]);
  });

  it("sigmoid and tanh match published constants", () => {
    expect(sigmoid(0)).toBe(0.5);
    // 1 / (1 + e^-2) and tanh(1), to 16 digits (e.g. Abramowitz & Stegun tables).
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(tanh(1)).toBeCloseTo(0.7615941559557649, 15);
    expect(sigmoid(-2) + sigmoid(2)).toBeCloseTo(1, 15);
  });

  it("have derivatives equal to their measured slopes", () => {
    for (const name of ["identity", "relu", "sigmoid", "tanh"] as const) {
      for (const z of [-2.3, -0.4, 0.7, 1.9]) {
        const f = (x: number) => activate(name, [x])[0];
        const exact = activationDerivative(name, z, f(z));
        expect(Math.abs(exact - centralSlope(f, z, 1e-6))).toBeLessThan(1e-8);
      }
    }
  });

  it("sigmoid's local effect is 0.25 at a = 0.5 and 0.0099 at a = 0.99", () => {
    expect(activationDerivative("sigmoid", 0, 0.5)).toBe(0.25);
    expect(activationDerivative("sigmoid", 4.6, 0.99)).toBeCloseTo(0.0099, 15);
  });
});

describe("softmax", () => {
  it("turns (2.1, 0.5, −0.3) into about 77.4 %, 15.6 %, 7.0 %", () => {
    const p = softmax([2.1, 0.5, -0.3]);
    // e^2.1 = 8.16617, e^0.5 = 1.64872, e^-0.3 = 0.74082; total 10.55571.
    expect(p[0]).toBeCloseTo(8.16617 / 10.55571, 5);
    expect(p[1]).toBeCloseTo(1.64872 / 10.55571, 5);
    expect(p[2]).toBeCloseTo(0.74082 / 10.55571, 5);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 15);
  });

  it("does not overflow on large numbers and ignores a shared shift", () => {
    expect(softmax([1000, 1001])).toEqual(softmax([0, 1]));
    expect(softmax([1000, 1001]).every(Number.isFinite)).toBe(true);
  });

  it("passes blame back like its Jacobian", () => {
    const z = [0.3, -1.2, 2.0];
    const a = softmax(z);
    const g = [0.7, -0.1, 0.4];
    const blame = activationBlame("softmax", z, a, g);
    // Measured: nudge z_k and see how Σ g_i a_i moves.
    z.forEach((_, k) => {
      const f = (x: number) => {
        const zz = z.slice();
        zz[k] = x;
        return softmax(zz).reduce((s, ai, i) => s + g[i] * ai, 0);
      };
      expect(blame[k]).toBeCloseTo(centralSlope(f, z[k], 1e-6), 8);
    });
  });
});
