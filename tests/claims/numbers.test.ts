import { describe, expect, it } from "vitest";
import { findNumbers } from "../../lib/tools/claims/numbers";

const texts = (md: string) => findNumbers(md).map((n) => n.text);
const values = (md: string) => findNumbers(md).map((n) => n.value);

describe("finding numbers in markdown", () => {
  it("reads integers, decimals, signs and operators apart", () => {
    expect(texts("(2.25 − 9) ÷ 0.1 = −67.5 and 17 − 20 = -3")).toEqual(["2.25", "9", "0.1", "−67.5", "17", "20", "-3"]);
    expect(values("(2.25 − 9) ÷ 0.1 = −67.5")).toEqual([2.25, 9, 0.1, -67.5]);
  });

  it("reads thousands separators and percentages", () => {
    expect(findNumbers("It has 13,002 knobs; 77.4 % and 15.6% of them.").map((n) => [n.text, n.value, n.decimals])).toEqual([
      ["13,002", 13002, 0],
      ["77.4 %", 77.4, 1],
      ["15.6%", 15.6, 1],
    ]);
    expect(texts("The pair (15,1,0) and (2, 5).")).toEqual(["15", "1", "0", "2", "5"]);
  });

  it("reads tables, inline code, code blocks, headings, lists and LaTeX", () => {
    const md = "# 01 · A neuron\n\n| p | loss |\n|---|---|\n| 0.95 | 0.051 |\n\n- item `x = 5`\n- $\\frac{1}{2}$\n\n```\nconst y = 7;\n```\n";
    expect(texts(md)).toEqual(["01", "0.95", "0.051", "5", "1", "2", "7"]);
  });

  it("reads ordered list numbers and superscripts, not subscripts or names", () => {
    expect(texts("1. square it: (−3)² = 9\n2. x₁ and w2 stay names; 10⁻³ is small")).toEqual(["1", "−3", "²", "9", "2", "10", "⁻³"]);
    expect(values("10⁻³")).toEqual([10, -3]);
  });

  it("reads link texts and image descriptions, not addresses or tag attributes", () => {
    expect(texts("[notebook 2](02-sum.ipynb) ![3 dots](d4.png) <span style=\"width: 40px\">5</span>")).toEqual(["2", "3", "5"]);
  });

  it("reads list items that continue on indented lines", () => {
    const md = "- first item has 3\n  and continues with 4\n- second has 5\n\n1. ordered 6\n   goes on to 7";
    const found = findNumbers(md);
    expect(found.map((n) => n.text)).toEqual(["3", "4", "5", "1", "6", "7"]);
    for (const n of found) expect(md.slice(n.offset, n.offset + n.length)).toBe(n.text);
  });

  it("reads scientific notation", () => {
    expect(findNumbers("about 1e-29 or 2.5e3").map((n) => [n.text, n.value])).toEqual([
      ["1e-29", 1e-29],
      ["2.5e3", 2500],
    ]);
  });

  it("gives each number its offset and sentence", () => {
    const md = "First 3. Then the weight is 1.5 here. Last 9.";
    const [, n] = findNumbers(md);
    expect(md.slice(n.offset, n.offset + n.length)).toBe("1.5");
    expect(n.context).toBe("Then the weight is 1.5 here.");
  });
});
