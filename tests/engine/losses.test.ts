import { describe, expect, it } from "vitest";
import { centralSlope, crossEntropy, halfSquaredError, loss, lossDerivative, mean, squaredError } from "../../lib/engine";

describe("losses", () => {
  it("squared error: 17 against 20 costs 9, and so does 23", () => {
    expect(squaredError([17], [20])).toBe(9);
    expect(squaredError([23], [20])).toBe(9);
  });

  it("squared error punishes big misses hard: misses of 3, 10, 30 cost 9, 100, 900", () => {
    expect([3, 10, 30].map((m) => squaredError([20 + m], [20]))).toEqual([9, 100, 900]);
  });

  it("half squared error is half of it", () => {
    expect(halfSquaredError([0.5], [0])).toBe(0.125);
  });

  it("cross-entropy is −ln(p) of the right class", () => {
    // ln 2 = 0.6931471805599453
    expect(crossEntropy([0.5, 0.3, 0.2], [1, 0, 0])).toBeCloseTo(0.6931471805599453, 15);
    expect(crossEntropy([0.2, 0.7, 0.1], [0, 1, 0])).toBeCloseTo(-Math.log(0.7), 15);
  });

  it("has derivatives equal to measured slopes", () => {
    const out = [0.2, 0.5, 0.3];
    const target = [0, 1, 0];
    for (const name of ["squaredError", "halfSquaredError", "crossEntropy"] as const) {
      const d = lossDerivative(name, out, target);
      out.forEach((_, k) => {
        const f = (x: number) => {
          const o = out.slice();
          o[k] = x;
          return loss(name, o, target);
        };
        expect(d[k]).toBeCloseTo(centralSlope(f, out[k], 1e-6), 7);
      });
    }
  });

  it("means a list", () => {
    expect(mean([9, 100, 900])).toBeCloseTo(1009 / 3, 12);
  });
});
