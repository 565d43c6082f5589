// How fast the course runs: kernel start, each notebook's execution time (in a fresh in-process tslab
// kernel, as npm test runs them) and the five slowest cells of the whole course.
import { writeFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { Notebook, readNotebook, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks } from "../../lib/tools/notebooks/list";
import { runNotebook } from "../../lib/tools/notebooks/runner";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";
import { Measurement, median } from "./harness";

/** Process start plus tslab's compiler warm-up: a notebook with one trivial cell, run 3 times. */
async function kernelStart(): Promise<Measurement> {
  const dir = scratchWorkspace("course-bench-");
  const path = join(dir, "empty.ipynb");
  const nb: Notebook = { cells: [{ cell_type: "code", id: "one", metadata: {}, source: "1 + 1;", outputs: [] }], metadata: {}, nbformat: 4, nbformat_minor: 5 };
  writeNotebook(path, nb);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push((await runNotebook(path)).wallMs);
  rmSync(dir, { recursive: true, force: true });
  return { name: "kernel start (process + tslab, one trivial cell)", medianMs: median(times), runs: 3 };
}

export async function notebookBenchmarks(): Promise<Measurement[]> {
  const rows: Measurement[] = [await kernelStart()];
  const cells: { name: string; ms: number }[] = [];
  let total = 0;
  for (const path of courseNotebooks()) {
    const run = await runNotebook(path);
    const name = basename(path);
    const nb = readNotebook(path);
    const failed = run.result.cells.some((c) => !c.ok) || run.crash;
    total += run.wallMs;
    const ordinary = run.result.cells.filter((c) => c.ms < 300).length;
    rows.push({
      name: `notebook ${name}`,
      medianMs: run.wallMs,
      runs: 1,
      extra: { cells: run.result.cells.length, "cells under 300 ms": `${ordinary}/${run.result.cells.length}`, ...(failed ? { failed: "yes" } : {}) },
    });
    for (const c of run.result.cells) cells.push({ name: `${name} cell ${c.index + 1} (${nb.cells[c.index].id})`, ms: c.ms });
  }
  rows.push({ name: "whole course, one notebook after another", medianMs: total, runs: 1 });
  cells.sort((a, b) => b.ms - a.ms);
  for (const c of cells.slice(0, 5)) rows.push({ name: `slow cell: ${c.name}`, medianMs: c.ms, runs: 1 });
  return rows;
}

// Allow `node lib/tools/run-ts.cjs tests/bench/notebooks.ts` on its own.
if (process.argv[1] === __filename) {
  notebookBenchmarks().then((rows) => writeFileSync(1, JSON.stringify(rows, null, 2) + "\n"));
}
