import { describe, expect, it, vi } from "vitest";
import { NotDoneYet, check, checkCalls, judge, notDoneYet } from "../../lib/course/exercises";

const cases = [
  { args: [3, 2] as [number, number], expected: 6 },
  { args: [0.5, 4] as [number, number], expected: 2 },
];
const hint = "a neuron multiplies its input by its weight.";

describe("exercise checks", () => {
  it("says correct for a right answer", () => {
    const times = (w: number, x: number) => w * x;
    expect(judge("1.1", times, cases, { hint })).toEqual({ exercise: "1.1", status: "correct", message: "correct. times(3, 2) returned 6, and all 2 tests pass." });
  });

  it("says close, with what the function returned but never the answer", () => {
    const rounded = (w: number, x: number) => Math.round(w * x * 100.4) / 100;
    const r = judge("1.1", rounded, cases, { hint });
    expect(r.status).toBe("close");
    expect(r.message).toBe(
      "close, but not exact: rounded(3, 2) returned 6.02, very near the right answer but not equal to it. Look for a rounding slip: use the exact numbers your code computes, not rounded ones.",
    );
  });

  it("says wrong with the hint", () => {
    const plus = (w: number, x: number) => w + x;
    expect(judge("1.1", plus, cases, { hint }).message).toBe("plus(3, 2) returned 5, which is not right. Hint: a neuron multiplies its input by its weight.");
  });

  it("says not done yet for an untouched stub", () => {
    const stub = (_w: number, _x: number): number => notDoneYet();
    expect(judge("1.1", stub, cases, { hint }).status).toBe("not done");
  });

  it("reports a thrown error by its message, and a missing return", () => {
    const broken = (_w: number, _x: number): number => {
      throw new Error("oops");
    };
    expect(judge("1.1", broken, cases, { hint }).message).toBe("broken(3, 2) threw an error: oops. Hint: a neuron multiplies its input by its weight.");
    const forgetful = ((w: number, x: number) => {
      void (w * x);
    }) as unknown as (w: number, x: number) => number;
    expect(judge("1.1", forgetful, cases, { hint }).message).toContain("returned undefined (did you forget to return?)");
  });

  it("prints NotDoneYet without a stack trace", () => {
    expect(new NotDoneYet().stack).toBe("Not done yet: write your code where it says YOUR CODE HERE, then run the cell again.");
  });
});

describe("hidden checks: check(id, fn, { hidden })", () => {
  const run = (fn: unknown, options: Parameters<typeof check>[2]) => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    const before = checkCalls.length;
    try {
      check("04.1", fn, options);
    } finally {
      log.mockRestore();
    }
    return { printed, calls: checkCalls.slice(before) };
  };

  it("tries only the hidden cases, against the answer key's answers, and prints nothing when they pass", () => {
    // ReLU by hand: max(0, z).
    const { printed, calls } = run(function myRelu(z: number) { return z > 0 ? z : 0; }, { hidden: [[2.5], [-4], [0]] });
    expect(printed).toEqual([]);
    expect(calls.map((c) => [c.hidden, c.cases.map((k) => [k.args, k.expected])])).toEqual([[true, [[[2.5], 2.5], [[-4], 0], [[0], 0]]]]);
  });

  it("speaks when the function fails them, and says they are hidden tests", () => {
    const { printed, calls } = run(function myRelu(z: number) { return z === 15 ? 15 : 0; }, { hidden: [[2.5]] });
    expect(printed).toEqual(["❌ Exercise 04.1 (hidden tests): myRelu(2.5) returned 0, which is not right. Hint: negative numbers become 0; everything else comes out unchanged."]);
    expect(calls[0].hidden).toBe(true);
  });

  it("refuses hidden cases that are not a list of argument lists, or that come with cases", () => {
    const relu = function myRelu(z: number) { return Math.max(0, z); };
    expect(() => run(relu, { hidden: [] })).toThrow(/non-empty list of argument lists/);
    expect(() => run(relu, { hidden: [2 as unknown as unknown[]] })).toThrow(/non-empty list of argument lists/);
    expect(() => run(relu, { hidden: [[1]], cases: [[2]] })).toThrow(/either cases or hidden cases/);
  });
});
