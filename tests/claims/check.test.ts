// The checker on small made-up notebooks: verified, given, unchecked, wrong and missing numbers.
import { describe, expect, it } from "vitest";
import { weightedSumWorking } from "../../lib/course/arithmetic";
import { checkNotebook, reportMessages } from "../../lib/tools/claims/check";
import { claimsFor } from "../../lib/tools/claims/define";
import { Notebook } from "../../lib/tools/notebooks/ipynb";

function notebook(markdown: string): Notebook {
  return { cells: [{ cell_type: "markdown", id: "intro", metadata: {}, source: markdown }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
}

const claims = claimsFor("t.ipynb", (c) => {
  const input = c.given("input", 2, "the example input");
  const weight = c.given("weight", 3, "the example weight");
  const power = c.given("power", -0.5, "the example power");
  c.cell("intro", [input, weight, 3 * 2, power, () => Math.exp(-0.5), c.line(() => weightedSumWorking([3, 1], [2, 5], 4))]);
});

const text = (six: string, e: string) => `Input 2 times 3 gives ${six}. Then e to the −0.5 is ${e}. In full: (3 × 2) + (1 × 5) + 4 = 15.`;

describe("checkNotebook", () => {
  it("passes when every number agrees at its printed precision", () => {
    const report = checkNotebook(notebook(text("6", "0.6065")), claims, "t.ipynb");
    expect(reportMessages(report)).toEqual([]);
    expect([report.found, report.verified, report.given]).toEqual([11, 8, 3]);
    // 0.61 is 0.6065 to two places, so it also passes.
    expect(reportMessages(checkNotebook(notebook(text("6", "0.61")), claims, "t.ipynb"))).toEqual([]);
  });

  it("names the cell, the sentence, the printed number and the computed value when a number is wrong", () => {
    const report = checkNotebook(notebook(text("6", "0.6066")), claims, "t.ipynb");
    expect(reportMessages(report)).toEqual([
      't.ipynb, cell 1 (id intro): "Then e to the −0.5 is 0.6066." prints 0.6066, but the check computes 0.606530659713 (0.6065 at the printed precision) [computed by the check]',
    ]);
  });

  it("fails on a changed given", () => {
    const report = checkNotebook(notebook(text("6", "0.6065").replace("Input 2", "Input 3")), claims, "t.ipynb");
    expect(report.wrong).toBe(1);
    expect(reportMessages(report)[0]).toContain('prints 3, but the given value is 2 [given "input": the example input]');
  });

  it("fails on a new number that nothing covers", () => {
    const report = checkNotebook(notebook(`${text("6", "0.6065")} That took 7 seconds.`), claims, "t.ipynb");
    expect(report.unchecked).toBe(1);
    expect(reportMessages(report)[0]).toContain('"That took 7 seconds." prints 7, which no check verifies and no given declares');
  });

  it("fails when the text drops a number the claims expect", () => {
    const report = checkNotebook(notebook(text("six", "0.6065")), claims, "t.ipynb");
    expect(report.missing).toBe(1);
    expect(reportMessages(report)[0]).toContain("the claims expect 6 [arithmetic in the claims] here, but the text has no such number");
  });

  it("fails on a notebook without claims, and on claims for cells that do not exist", () => {
    expect(reportMessages(checkNotebook(notebook("Just 1 number."), undefined, "u.ipynb"))).toContain("u.ipynb has no claims file: create tests/claims/u.claims.ts");
    const stray = claimsFor("t.ipynb", (c) => c.cell("gone", []));
    expect(reportMessages(checkNotebook(notebook("No numbers."), stray, "t.ipynb"))).toContain('t.ipynb: the claims name cell "gone", which the notebook does not have');
  });

  it("demands exactness for whole numbers and allows rounding only when asked", () => {
    const loose = claimsFor("t.ipynb", (c) => c.cell("intro", [c.rounded(() => 68.27)]));
    const strict = claimsFor("t.ipynb", (c) => c.cell("intro", [() => 68.27]));
    expect(reportMessages(checkNotebook(notebook("About 68 %."), loose, "t.ipynb"))).toEqual([]);
    expect(checkNotebook(notebook("About 68 %."), strict, "t.ipynb").wrong).toBe(1);
  });
});
