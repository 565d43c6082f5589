import { describe, expect, it } from "vitest";
import { formatNumber, productWorking, slopeWorking, squaredErrorWorking, updateWorking, weightedSumWorking } from "../../lib/course/arithmetic";

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

  it("formats numbers without floating-point noise", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(2 / 3, 4)).toBe("0.6667");
    expect(formatNumber(-1e-12, 4)).toBe("0");
  });
});
