// Every notebook runs top to bottom in a fresh in-process tslab kernel, and what it prints equals
// what is stored in it. A failure names the notebook, the cell, the failing line and the error text.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, mapLimited } from "../../lib/tools/notebooks/list";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";
import { NotebookRun, failures, runNotebook, staleCells } from "../../lib/tools/notebooks/runner";

const paths = courseNotebooks();
// Start every run now, two at a time (the machine has two cores); each test awaits its own.
const runs = new Map<string, Promise<NotebookRun>>();
const all = mapLimited(paths, 2, async (path) => {
  const run = runNotebook(path);
  runs.set(path, run);
  return run;
});

describe("notebooks", () => {
  it("exist", () => {
    expect(paths.length).toBeGreaterThan(0);
  });

  for (const path of paths) {
    it(`${basename(path)} runs cleanly and its stored outputs equal a re-run`, async () => {
      await all;
      const run = await runs.get(path)!;
      const nb = readNotebook(path);
      const problems = [...failures(nb, run), ...staleCells(nb, run, normalizeFigureHtml)];
      expect(problems.map((p) => p.message).join("\n\n")).toBe("");
      expect(run.result.cells.length).toBe(nb.cells.filter((c) => c.cell_type === "code").length);
    }, 300_000);
  }
});
