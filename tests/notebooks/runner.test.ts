// The notebook checks bite: a broken cell in a scratch copy fails with its real message, its cell and
// its line, and a stored output that no longer matches is reported.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";
import { afterAll, describe, expect, it } from "vitest";
import { Notebook, joinText, readNotebook, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";
import { failingLine, failures, runNotebook, staleCells } from "../../lib/tools/notebooks/runner";

const scratch = scratchWorkspace("course-scratch-");
// The warm pool shared by the test files of this test worker (runner.ts): each notebook still gets a
// fresh kernel, and no file pays again for starting a process.
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const original = readNotebook("notebooks/00-start-here.ipynb");

function scratchCopy(name: string, edit: (nb: Notebook) => void): string {
  const nb: Notebook = JSON.parse(JSON.stringify(original));
  edit(nb);
  const path = join(scratch, name);
  writeNotebook(path, nb);
  return path;
}

const codeIndex = (id: string) => original.cells.findIndex((c) => c.id === id);

describe("a deliberately broken cell", () => {
  it("fails with the notebook, the cell, the line and the real error text", async () => {
    const index = codeIndex("figure");
    const path = scratchCopy("broken-runtime.ipynb", (nb) => {
      nb.cells[index].source = 'const width = 3;\nthrow new Error("the network is on fire");\n';
    });
    const run = await runNotebook(path);
    const [problem] = failures(readNotebook(path), run);
    expect(problem.message).toContain(`broken-runtime.ipynb, cell ${index + 1} (id figure) failed at line 2: throw new Error("the network is on fire");`);
    expect(problem.message).toContain("Error: the network is on fire");
  });

  it("reports a type error with its line", async () => {
    const index = codeIndex("first-cell");
    const path = scratchCopy("broken-types.ipynb", (nb) => {
      nb.cells[index].source = 'const ok = 1;\nconst count: number = "three";\n';
    });
    const run = await runNotebook(path);
    const [problem] = failures(readNotebook(path), run);
    expect(problem.message).toContain(`cell ${index + 1} (id first-cell) failed at line 2: const count: number = "three";`);
    expect(problem.message).toContain("Type 'string' is not assignable to type 'number'");
  });

  it("reports an engine error raised from inside lib", async () => {
    const index = codeIndex("after");
    const path = scratchCopy("broken-engine.ipynb", (nb) => {
      nb.cells[index].source = 'import { forward } from "./lib";\nconst out = forward(net, [1, 2, 3]);\n';
    });
    const run = await runNotebook(path);
    const [problem] = failures(readNotebook(path), run);
    expect(problem.message).toContain(`cell ${index + 1} (id after) failed at line 2: const out = forward(net, [1, 2, 3]);`);
    expect(problem.message).toContain("Error: the input has 3 numbers, but 2 were expected (one per input neuron)");
  });
});

describe("a stale stored output", () => {
  it("is reported with the cell and both versions", async () => {
    const index = codeIndex("first-cell");
    const path = scratchCopy("stale.ipynb", (nb) => {
      nb.cells[index].outputs = [{ output_type: "stream", name: "stdout", text: "Hello from an older version\n" }];
    });
    const run = await runNotebook(path);
    const nb = readNotebook(path);
    expect(failures(nb, run)).toEqual([]);
    const stale = staleCells(nb, run, normalizeFigureHtml);
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toContain(`stale.ipynb, cell ${index + 1} (id first-cell): the stored output differs from a re-run.`);
    expect(joinText(nb.cells[index].source)).toContain("greeting");
  });
});

describe("a notebook that never ends", () => {
  it("is stopped at its limit, with the cell it was running, and the next notebook still runs", async () => {
    // The first code cell loops, so that no cell before it can use up the limit on a busy machine.
    const index = original.cells.findIndex((c) => c.cell_type === "code");
    const path = scratchCopy("endless.ipynb", (nb) => {
      nb.cells[index].source = "while (true) {}\n";
    });
    const run = await runNotebook(path, { timeoutMs: 2000 });
    const [problem] = failures(readNotebook(path), run);
    expect(problem.message).toBe(`endless.ipynb, cell ${index + 1}: timed out after 2 s`);
    const next = join(scratch, "next.ipynb");
    writeNotebook(next, { ...original, cells: [{ cell_type: "code", id: "sum", metadata: {}, source: "1 + 1;\n", outputs: [] }] });
    const after = await runNotebook(next);
    expect(after.crash).toBeUndefined();
    expect(after.result.cells.map((c) => c.outputs)).toEqual([[{ output_type: "stream", name: "stdout", text: "2\n" }]]);
  });
});

describe("failingLine", () => {
  it("finds a line that tslab rewrote with exports.", () => {
    const err = "evalmachine.<anonymous>:3\nexports.tsLastExpr = exports.show(exports.points);\n   ^\n\nReferenceError: x";
    expect(failingLine("const a = 1;\nshow(points);", err)).toEqual({ number: 2, text: "show(points);" });
  });
});
