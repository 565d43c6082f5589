import { describe, expect, it } from "vitest";
import { fixedNumber, textTable } from "../../lib/course/table";

describe("fixedNumber", () => {
  it("uses a fixed number of decimals and the typographic minus", () => {
    expect(fixedNumber(0.37960629)).toBe("0.3796");
    expect(fixedNumber(-0.0723420861)).toBe("−0.0723");
    expect(fixedNumber(2, 1)).toBe("2.0");
  });
  it("signs positives when asked, and never prints −0", () => {
    expect(fixedNumber(0.0274, 4, true)).toBe("+0.0274");
    expect(fixedNumber(-0.00001, 4, true)).toBe("0.0000");
    expect(fixedNumber(-0.00001)).toBe("0.0000");
  });
});

describe("textTable", () => {
  it("aligns numbers right and text left, under a rule", () => {
    const table = textTable(["x", "loss"], [[1, 0.0721], [2, 0.1721], ["mean", 0.1267]], { digits: 4 });
    expect(table.split("\n")).toEqual(["x          loss", "──────   ──────", "1.0000   0.0721", "2.0000   0.1721", "mean     0.1267"]);
  });
  it("right-aligns a number column that has empty cells", () => {
    const table = textTable(["x", "miss"], [["1", 0.3796], ["2", -0.5867], ["mean", ""]]);
    expect(table.split("\n")).toEqual(["x         miss", "────   ───────", "1       0.3796", "2      −0.5867", "mean"]);
  });
  it("gives each column its own decimals when asked", () => {
    const table = textTable(["miss", "loss"], [[0.379606, 0.072051], [-0.586712, 0.172115]], { digits: [5] });
    expect(table.split("\n").slice(2)).toEqual([" 0.37961   0.0721", "−0.58671   0.1721"]);
  });
  it("formats every number with the same decimals", () => {
    const table = textTable(["a", "b"], [[1, -2]], { digits: 1, signed: true });
    expect(table.split("\n")[2]).toBe("+1.0   −2.0");
  });
});
