import { describe, expect, it } from "vitest";
import { meanWorking } from "../../lib/course/mean-working";
import { parameterCountWorking } from "../../lib/course/parameter-working";

describe("parameter counting and averages as worked lines", () => {
  it("counts weights and biases layer by layer", () => {
    // 25·8 + 8 = 208 and 8·3 + 3 = 27, worked by hand.
    expect(parameterCountWorking([25, 8, 3])).toBe("(25 × 8 + 8) + (8 × 3 + 3) = 208 + 27 = 235");
    expect(parameterCountWorking([784, 16, 16, 10])).toBe("(784 × 16 + 16) + (16 × 16 + 16) + (16 × 10 + 10) = 12,560 + 272 + 170 = 13,002");
    expect(parameterCountWorking([3, 4])).toBe("3 × 4 + 4 = 16");
    expect(parameterCountWorking([1000, 1])).toBe("1,000 × 1 + 1 = 1,001");
  });

  it("averages a list", () => {
    expect(meanWorking([9, 4, 4, 16])).toBe("(9 + 4 + 4 + 16) / 4 = 8.25");
    expect(meanWorking([1, -3])).toBe("(1 + (−3)) / 2 = −1");
    expect(meanWorking([1, 2, 2], 4)).toBe("(1 + 2 + 2) / 3 = 1.6667");
  });
});
