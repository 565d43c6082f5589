// Notebook 12 prints the XOR training log and the learned predictions in the pure-Python program's own
// layout. Its stored outputs must equal that program's real output (tests/fixtures/xor-program.out),
// line for line: the nine log lines, then the prediction block.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";

const notebook = "notebooks/12-xor.ipynb";
const fixture = readFileSync("tests/fixtures/xor-program.out", "utf8").trimEnd().split("\n");
const logLines = fixture.filter((line) => line.startsWith("epoch "));
const predictionLines = fixture.slice(fixture.indexOf("learned predictions:"));

/** The text a code cell printed, as stored in the notebook. */
function storedText(id: string): string[] {
  const cell = readNotebook(notebook).cells.find((c) => c.id === id);
  if (!cell || cell.cell_type !== "code") throw new Error(`${notebook} has no code cell with the id "${id}"`);
  return (cell.outputs ?? [])
    .map((o) => ("text" in o ? joinText(o.text) : ""))
    .join("")
    .trimEnd()
    .split("\n");
}

describe("notebook 12's XOR log", () => {
  it("has the fixture's nine log lines, in order", () => {
    expect(logLines).toHaveLength(9);
    expect(storedText("train")).toEqual(logLines);
  });

  it("has the fixture's prediction block", () => {
    expect(predictionLines).toHaveLength(5);
    expect(storedText("predictions")).toEqual(predictionLines);
  });
});
