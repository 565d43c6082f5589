import { describe, expect, it } from "vitest";
import { PythonRandom } from "../../lib/engine";
import { checkWorkedLine, workedLinesIn } from "../../lib/tools/claims/arithmetic";
import { formatNumber, productWorking, slopeWorking, squaredErrorWorking, updateWorking, weightedSumWorking, workingDecimals } from "../../lib/course/arithmetic";

describe("worked arithmetic", () => {
  it("prints the course's worked lines", () => {
    expect(weightedSumWorking([3, 1], [2, 5])).toBe("(3 × 2) + (1 × 5) = 11");
    expect(weightedSumWorking([3, 1], [2, 5], 4)).toBe("(3 × 2) + (1 × 5) + 4 = 15");
    expect(weightedSumWorking([1, -3], [2, 5], 2)).toBe("(1 × 2) + (−3 × 5) + 2 = −11");
    expect(weightedSumWorking([1, 2], [1, 1], -0.5)).toBe("(1 × 1) + (2 × 1) + (−0.5) = 2.5");
    expect(productWorking([3, 0.5, 2])).toBe("3 × 0.5 × 2 = 3");
    expect(squaredErrorWorking(17, 20)).toBe("(17 − 20)² = 9");
    expect(slopeWorking(2.25, 9, 0.1)).toBe("(2.25 − 9) / 0.1 = −67.5");
    expect(updateWorking(1, 0.001, -67.5)).toBe("1 − 0.001 × (−67.5) = 1.0675");
  });

  it("shows a squared miss's inputs with an extra digit where the rounded ones would give another last digit", () => {
    // 1.238421² = 1.5336866, printed 1.5337. On paper 1.2384² = 1.53363456, which rounds to 1.5336 (0.0000654
    // from 1.5337, more than half a unit); 1.23842² = 1.53368410, which rounds to 1.5337.
    expect(squaredErrorWorking(-1.238421, 0, 4)).toBe("(−1.23842 − 0)² = 1.5337");
    // 0.078² = 0.006084 is right at 4 decimals already: (−0.078 − 1)² = 1.162084, which rounds to 1.1621.
    expect(squaredErrorWorking(-0.078, 1, 4)).toBe("(−0.078 − 1)² = 1.1621");
    expect(workingDecimals([0.379606298], ([m]) => (m * m) / 2, 0.379606298 ** 2 / 2, 4)).toBe(5); // ½ × 0.3796² = 0.0720481, but ½ × 0.37961² = 0.0720519: 0.0721
  });

  it("prints lines that hold on paper with the numbers as printed (checked by the claims' line checker)", () => {
    const rng = new PythonRandom(5);
    const r = (scale: number) => (rng.random() * 2 - 1) * scale;
    for (let k = 0; k < 300; k++) {
      const lines = [
        weightedSumWorking([r(1), r(1), r(1)], [r(1), r(1), r(1)], r(1), 4),
        productWorking([r(1), r(2), r(1)], 4),
        squaredErrorWorking(r(2), r(1), 4),
        slopeWorking(r(3), r(3), 0.5, 4),
        updateWorking(r(1), 0.1, r(2), 4),
      ];
      // A result that rounds to 0 prints as a bare "0", which the checker reads as exact: left out.
      for (const text of lines.filter((t) => !/= 0$/.test(t))) expect(checkWorkedLine(workedLinesIn(text)[0]), text).toMatchObject({ status: "verified" });
    }
  });

  it("formats numbers without floating-point noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(2 / 3, 4)).toBe("0.6667");
    expect(formatNumber(-1e-12, 4)).toBe("0");
  });
});
