// Worked lines check themselves: every expectation below is worked out by hand in the comment next to it.
import { describe, expect, it } from "vitest";
import { checkWorkedLine, findWorkedLines } from "../../lib/tools/claims/arithmetic";

const lines = (md: string) => findWorkedLines(md).map((l) => l.text);
const status = (md: string, letters?: Record<string, number>) =>
  findWorkedLines(md).map((l) => checkWorkedLine(l, new Map(Object.entries(letters ?? {}))).status);
const messages = (md: string) => findWorkedLines(md).map((l) => checkWorkedLine(l).message);

describe("finding worked lines in prose", () => {
  it("reads a chain out of its sentence, and a name before it", () => {
    expect(lines("Say the input is 2. Then output = 3 × 2 = 6, and that is all.")).toEqual(["3 × 2 = 6"]);
    expect(lines("The output is z = w × x = 2 × 3 = 6.")).toEqual(["z = w × x = 2 × 3 = 6"]);
    expect(lines("(3 × 2) + (1 × 5) + 4 = 11 + 4 = 15")).toEqual(["(3 × 2) + (1 × 5) + 4 = 11 + 4 = 15"]);
  });

  it("reads table cells, list items, bold text and inline code, each on its own", () => {
    const md = "| w | out |\n|---|---|\n| 3 | 3 × 2 = 6 |\n| −1 | (−1) × 2 = −2 |\n\n- h₁: (0.5 × 0.5) + 0.15 = 0.4;\n\n**3 × 4 = 12** and `2 + 2 = 4`";
    expect(lines(md)).toEqual(["3 × 2 = 6", "(−1) × 2 = −2", "(0.5 × 0.5) + 0.15 = 0.4", "3 × 4 = 12", "2 + 2 = 4"]);
  });

  it("leaves out assignments, definitions and words", () => {
    // One side only, or a single name against one expression: nothing to compare.
    expect(lines("at x = 2 the weight w = 0.5, and h = u × 2, with A = 3 × W")).toEqual([]);
    expect(lines("new value = old value − learning rate × gradient")).toEqual([]);
    expect(lines("The pair (2, 5) → (15, 1, 0) and 30 is 6 × 5.")).toEqual([]);
  });

  it("keeps asides in brackets out of the line", () => {
    expect(lines("A gets 8 × 1 = 8 (through p), and it squeezes into 0 to 1 (σ(0) = 0.5).")).toEqual(["8 × 1 = 8", "σ(0) = 0.5"]);
  });

  it("reads LaTeX", () => {
    expect(lines("$\\frac{1}{2} \\times 9 = 4.5$ and $\\sqrt{16} \\cdot 2 \\approx 8$")).toEqual(["\\frac{1}{2} \\times 9 = 4.5", "\\sqrt{16} \\cdot 2 \\approx 8"]);
  });
});

describe("checking a worked line", () => {
  it("accepts right arithmetic in every form the course writes", () => {
    const right = [
      "(3 × 2) + (1 × 5) + 4 = 11 + 4 = 15", // 6 + 5 + 4
      "2 × 3 × 0.5 × (−1) × 4 × 0.25 × 1.5 × 2 = −9", // 6 × 0.5 = 3, × −1 × 4 = −12, × 0.25 = −3, × 1.5 = −4.5, × 2
      "(3 × −3) + (1 × 1) + 4 = −4", // −9 + 1 + 4
      "(9 + 4 + 4 + 16) / 4 = 8.25", // 33 / 4
      "(2.25 − 9) ÷ 0.1 = −67.5", // −6.75 / 0.1
      "(17 − 20)² = 9 and 10⁻² = 0.01", // (−3)², 1/100
      "½ × 9 = 4.5",
      "12,560 + 272 + 170 = 13,002",
      "8.166 / 10.556 = 77.4 %", // 0.77359… is 77.4 %
      "1 + 2 + … + 10 = 55", // 10 × 11 / 2
      "σ(0) × (1 − σ(0)) = 0.5 × 0.5 = 0.25", // σ(0) = 1/2
      "1 − tanh(0)² = 1",
      "ReLU(−4) = 0 and ReLU(15) = 15",
      "e^−0.3 = 0.741", // e^−0.3 = 0.74082
      "−ln(1/3) = ln 3 = 1.0986", // ln 3 = 1.098612
      "√(2/25) ≈ 0.283", // √0.08 = 0.282843
      "0.283 × √10 ≈ 0.9", // 0.89493
      "8 × (−2/3) + 16 × 1/3 = 0", // −16/3 + 16/3
      "(1/3)² + ½(2/3)² = 1/9 + 2/9 = 1/3", // 1/9 + ½ × 4/9
    ];
    for (const md of right) expect(status(md), md).toEqual(status(md).map(() => "verified"));
  });

  it("fails a result that only unrounded numbers give: a line must hold on paper with the numbers as printed", () => {
    // 0.3796 stands for 0.37955 to 0.37965, and ½ × 0.37965² = 0.072067 rounds to 0.0721. But on paper
    // with the printed 0.3796: ½ × 0.14409616 = 0.07204808, which is 0.0000519 from 0.0721, more than half
    // a unit (0.00005) of its last digit: a learner gets 0.0720.
    const [check] = findWorkedLines("the loss is ½ × 0.3796² = 0.0721.").map((l) => checkWorkedLine(l));
    expect(check.status).toBe("wrong");
    expect(check.message).toBe(
      'the worked line "½ × 0.3796² = 0.0721" does not hold on paper: "½ × 0.3796²" with the numbers as printed gives 0.0720481, more than half a unit of the last digit from 0.0721 (right only for unrounded numbers: print them with more digits)',
    );
    // One more digit: 0.37961² = 0.1441037521, half of it 0.0720518760, 0.0000481 from 0.0721: inside.
    expect(status("the loss is ½ × 0.37961² = 0.0721.")).toEqual(["verified"]);
    // And the answer the printed numbers give holds: 0.0720481 is 0.0000481 from 0.0720.
    expect(status("½ × 0.3796² = 0.0720")).toEqual(["verified"]);
    // 0.2578 − 0.0251 = 0.2327 exactly, a whole unit of the last digit from 0.2328.
    expect(status("new weight = 0.2578 + (−0.0251) = 0.2328")).toEqual(["wrong"]);
    expect(status("new weight = 0.2578 + (−0.0251) = 0.2327")).toEqual(["verified"]);
    // 0.0722 is out of reach even for unrounded numbers: the largest ½ × 0.37965² is 0.072067, below 0.07215.
    expect(status("½ × 0.3796² = 0.0722")).toEqual(["wrong"]);
  });

  it("rejects a changed operator, a dropped term and a wrong result, naming the sides", () => {
    expect(messages("(3 × 2) + (1 + 5) + 4 = 15")).toEqual(['the worked line "(3 × 2) + (1 + 5) + 4 = 15" does not add up: "(3 × 2) + (1 + 5) + 4" is 16, but "15" is 15']);
    expect(status("(3 × 2) + (1 × 5) = 15")).toEqual(["wrong"]); // 11, the bias 4 dropped
    expect(status("(3 × 2) + (1 × 5) + 4 = 11 + 4 = 16")).toEqual(["wrong"]);
    expect(status("1 − 0.001 × (−67.5) = 1.0675")).toEqual(["verified"]);
    expect(status("1 + 0.001 × (−67.5) = 1.0675")).toEqual(["wrong"]); // 0.9325
    // 0.5 is an input, exact as printed (too short to be a rounded result): 0.5 × 0.5 is 0.25, and 0.26
    // (0.255 to 0.265) is out.
    expect(messages("0.5 × 0.5 = 0.26")).toEqual(['the worked line "0.5 × 0.5 = 0.26" does not add up: "0.5 × 0.5" is 0.25, but "0.26" is 0.255 to 0.265']);
    // A less precise result is exact after "=", rounded after "≈".
    expect([status("0.5 = 0.5078"), status("0.5078 ≈ 0.5")]).toEqual([["wrong"], ["verified"]]);
  });

  it("treats a whole number as exact after =, and as rounded after ≈", () => {
    expect(status("7 / 2 = 3")).toEqual(["wrong"]); // 3.5
    expect(status("7 / 2 ≈ 4")).toEqual(["verified"]); // 3.5 rounds to 4 (3.5 to 4.5)
    expect(status("7 / 2 ≈ 5")).toEqual(["wrong"]);
  });

  it("checks lines with letters as identities, and names a value where they fail", () => {
    expect(status("(15 × (1 + h) − 18)² = (−3 + 15h)² = 9 − 90h + 225h²")).toEqual(["verified"]);
    expect(status("3 × (2x + 1) − 4 = 6x − 1 and x − 2 × (x − 1) = 2 − x")).toEqual(["verified", "verified"]);
    expect(status("σ(z) = 1 / (1 + e^(−z))")).toEqual(["verified"]);
    // (−3 + 15h)² = 9 − 90h + 225h², not + 90h: at h = 0.37, 9 − 90 × 0.37 + 225 × 0.1369 = 6.5025 but 9 + 33.3 + 30.8025 = 73.1025.
    expect(messages("(−3 + 15h)² = 9 + 90h + 225h²")).toEqual([
      'the worked line "(−3 + 15h)² = 9 + 90h + 225h²" does not hold for every value of h: at h = 0.37, "(−3 + 15h)²" is 6.5025, but "9 + 90h + 225h²" is 73.1025',
    ]);
  });

  it("leaves a line with letters that have no value unchecked, and checks it once the claims give them", () => {
    expect(status("z = w × h = 6")).toEqual(["unchecked"]);
    expect(status("z = w × h = 6", { w: 2, h: 3 })).toEqual(["verified"]);
    expect(status("z = w × h = 7", { w: 2, h: 3 })).toEqual(["wrong"]);
    // ŷ − y against numbers: compared once ŷ and y have values.
    expect(status("ŷ − y = 17 − 20 = −3")).toEqual(["verified"]);
    expect(status("ŷ − y = 17 − 20 = −3", { "ŷ": 17, y: 21 })).toEqual(["wrong"]);
  });

  it("reports what it cannot read, and a division by 0, clearly", () => {
    expect(messages("f(2) + 1 = 5")).toEqual(['"f(2) + 1" cannot be read: "f(…)" is a function the checker does not know']);
    expect(messages("3 / (2 − 2) = 1")).toEqual(['the worked line "3 / (2 − 2) = 1" divides by 0 (or by a number that may be 0)']);
    expect([status("1 + 2 + … + 9.5 = 40"), status("1 − 2 + … + 10 = 55")]).toEqual([["wrong"], ["wrong"]]);
  });
});
