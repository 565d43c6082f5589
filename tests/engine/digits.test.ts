import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { digitSamples, parseDigitImages } from "../../lib/engine";

const train = parseDigitImages(readFileSync("assets/digits.txt", "utf8"));
const fresh = parseDigitImages(readFileSync("assets/new-digits.txt", "utf8"));

describe("the hand-drawn digits", () => {
  it("are 24 images of 5 × 5 pixels, 8 each of 0, 1 and 2", () => {
    expect(train).toHaveLength(24);
    expect(train.every((d) => d.pixels.length === 25 && d.pixels.every((p) => p === 0 || p === 1))).toBe(true);
    for (const label of [0, 1, 2]) expect(train.filter((d) => d.label === label)).toHaveLength(8);
  });

  it("are all different, and the new digits are not among them", () => {
    const keys = new Set(train.map((d) => d.pixels.join("")));
    expect(keys.size).toBe(24);
    expect(fresh).toHaveLength(3);
    for (const d of fresh) expect(keys.has(d.pixels.join(""))).toBe(false);
  });

  it("become samples with one-hot targets", () => {
    const samples = digitSamples(train);
    expect(samples[0].target).toEqual([1, 0, 0]);
    expect(samples[23].target).toEqual([0, 0, 1]);
  });

  it("report malformed rows with their line number", () => {
    expect(() => parseDigitImages("0 bad\n.###.\n#..#\n")).toThrow('line 3: expected 5 characters of "#" and ".", got "#..#"');
  });
});
