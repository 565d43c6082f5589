// The worked softmax lines agree with hand arithmetic and with the engine's softmax.
import { describe, expect, it } from "vitest";
import { softmaxWorking } from "../../lib/course/softmax-working";
import { softmax } from "../../lib/engine";

describe("softmaxWorking", () => {
  it("works (2.1, 0.5, −0.3) by hand", () => {
    expect(softmaxWorking([2.1, 0.5, -0.3])).toEqual([
      "e^2.1 = 8.166",
      "e^0.5 = 1.649",
      "e^−0.3 = 0.741",
      "8.166 + 1.649 + 0.741 = 10.556",
      "8.166 / 10.556 = 77.4 %",
      "1.649 / 10.556 = 15.6 %",
      "0.741 / 10.556 = 7.0 %",
    ]);
  });

  it("prints the engine's softmax as its percentages", () => {
    const z = [0.3, -1.2, 2.5, 0];
    const shares = softmaxWorking(z).slice(z.length + 1).map((line) => Number(line.split("= ")[1].replace(" %", "")));
    expect(shares).toEqual(softmax(z).map((p) => Number((100 * p).toFixed(1))));
  });
});
