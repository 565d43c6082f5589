// No function in lib is over 80 lines (issue 18: a learner can read each in one screen or two), and the
// lister behind that rule counts lines as a reader would (checked on a source counted by hand).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { functionLengths, functionLengthsIn } from "./function-lengths";

describe("function lengths", () => {
  it("counts each function from its first line to its closing brace, nested ones inside their parent", () => {
    const source = [
      "/** A doc comment is not counted. */", // 1
      "export function outer(x: number): number {", // 2
      "  const inner = (y: number) => {", // 3
      "    return y + 1;", // 4
      "  };", // 5
      "  return inner(x);", // 6
      "}", // 7
      "class Box {", // 8
      "  get size(): number {", // 9
      "    return 1;", // 10
      "  }", // 11
      "}", // 12
      "const twice = function (z: number) { return 2 * z; };", // 13
      "declare function bodiless(): void;", // 14: no body, not a function to read
    ].join("\n");
    const found = functionLengthsIn(source).map(({ name, line, lines }) => ({ name, line, lines }));
    expect(found).toEqual([
      { name: "outer", line: 2, lines: 6 },
      { name: "inner", line: 3, lines: 3 },
      { name: "size", line: 9, lines: 3 },
      { name: "twice", line: 13, lines: 1 },
    ]);
  });

  it("finds no function in lib over 80 lines", () => {
    const all = functionLengths(join(__dirname, "..", "lib"));
    expect(all.length).toBeGreaterThan(1000);
    const long = all.filter((f) => f.lines > 80).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });
});
