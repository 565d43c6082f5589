// How fast the course runs headless. First each notebook alone, in a fresh process started as the course's
// kernel spec starts the Jupyter kernel (Node's default settings), every cell compiled afresh, as Jupyter
// runs it: its time split into starting the process and kernel, compiling cells (tslab's type check and
// JavaScript) and running them, with its processor time and its first `import … from "./lib"` cell.
// Then the whole course as a maintainer re-runs it, `npm run notebooks -- --check` (a fresh process per
// notebook, two side by side on a machine with two cores or more), with every cell compiled afresh and
// with unchanged compiles reused; then one after another in one warm worker. Last, the five slowest cells.
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Notebook, readNotebook, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, repoRoot } from "../../lib/tools/notebooks/list";
import { NotebookPool } from "../../lib/tools/notebooks/runner";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";
import { Measurement, median } from "./harness";

/**
 * Process start plus tslab's compiler warm-up (a notebook with one trivial cell), and then a cell that only
 * imports from "./lib": run 3 times.
 */
async function kernelStart(pool: NotebookPool): Promise<Measurement[]> {
  const dir = scratchWorkspace("course-bench-");
  const path = join(dir, "empty.ipynb");
  const cell = (id: string, source: string) => ({ cell_type: "code" as const, id, metadata: {}, source, outputs: [] });
  const nb: Notebook = { cells: [cell("one", "1 + 1;"), cell("import", 'import { sigmoid, show } from "./lib";')], metadata: {}, nbformat: 4, nbformat_minor: 5 };
  writeNotebook(path, nb);
  const starts: number[] = [];
  const imports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const run = await pool.run(path);
    const importMs = run.result.cells[1].ms;
    starts.push(run.wallMs - importMs);
    imports.push(importMs);
  }
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "kernel start (process + tslab, one trivial cell)", medianMs: median(starts), runs: 3 },
    { name: 'a cell that only imports from "./lib", the first in a fresh kernel', medianMs: median(imports), runs: 3 },
  ];
}

export async function notebookBenchmarks(): Promise<Measurement[]> {
  // Every cell compiled afresh, as in Jupyter (the tests' workers reuse unchanged compiles: compile-cache.ts).
  const fresh = new NotebookPool(1, { fresh: true, compileCache: false, asKernel: true });
  const rows: Measurement[] = await kernelStart(fresh);
  const cells: { name: string; ms: number }[] = [];
  const imports: number[] = [];
  const total = { wall: 0, cpu: 0, start: 0, compile: 0, run: 0 };
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const path of courseNotebooks()) {
    const run = await fresh.run(path);
    const name = basename(path);
    const nb = readNotebook(path);
    const failed = run.result.cells.some((c) => !c.ok) || run.crash;
    const compile = run.result.cells.reduce((sum, c) => sum + c.compileMs, 0);
    const cellsMs = run.result.cells.reduce((sum, c) => sum + c.ms, 0);
    const start = run.wallMs - cellsMs;
    total.wall += run.wallMs;
    total.cpu += run.cpuMs ?? 0;
    total.start += start;
    total.compile += compile;
    total.run += cellsMs - compile;
    const firstImport = run.result.cells.find((c) => /from "\.\/lib"/.test(nb.cells[c.index].source as string));
    if (firstImport) imports.push(firstImport.ms);
    rows.push({
      name: `notebook ${name}`,
      medianMs: run.wallMs,
      runs: 1,
      extra: {
        "processor time": seconds(run.cpuMs ?? 0),
        start: seconds(start),
        compile: seconds(compile),
        run: seconds(cellsMs - compile),
        cells: run.result.cells.length,
        "first import from ./lib": firstImport ? `${Math.round(firstImport.ms)} ms` : "-",
        ...(failed ? { failed: "yes" } : {}),
      },
    });
    for (const c of run.result.cells) cells.push({ name: `${name} cell ${c.index + 1} (${nb.cells[c.index].id})`, ms: c.ms });
  }
  rows.push({
    name: "whole course one notebook after another, each in a fresh kernel process, every cell compiled",
    medianMs: total.wall,
    runs: 1,
    extra: { "processor time": seconds(total.cpu), start: seconds(total.start), compile: seconds(total.compile), run: seconds(total.run) },
  });
  rows.push({ name: "first cell that imports from ./lib, with its own work (median over the notebooks)", medianMs: median(imports), runs: imports.length, extra: { slowest: `${Math.round(Math.max(...imports))} ms` } });

  rows.push(wholeCourse(false), wholeCourse(true));

  const warm = new NotebookPool(1, { compileCache: false });
  let warmTotal = 0;
  for (const path of courseNotebooks()) warmTotal += (await warm.run(path)).wallMs;
  warm.close();
  rows.push({ name: "whole course, one notebook after another in one warm worker (as npm test)", medianMs: warmTotal, runs: 1 });

  cells.sort((a, b) => b.ms - a.ms);
  for (const c of cells.slice(0, 5)) rows.push({ name: `slow cell: ${c.name}`, medianMs: c.ms, runs: 1 });
  return rows;
}

/**
 * The whole course headless, as a maintainer runs it: `npm run notebooks -- --check`, timed from the
 * outside. With compiles reused it runs twice and the second run counts (the first fills the cache).
 */
function wholeCourse(reuse: boolean): Measurement {
  const run = () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ["lib/tools/run-ts.cjs", "lib/tools/notebooks/cli.ts", "--check"], {
      cwd: repoRoot,
      encoding: "utf8",
      env: { ...process.env, ...(reuse ? {} : { COURSE_COMPILE_CACHE: "off" }) },
    });
    return { ms: performance.now() - started, ok: result.status === 0 };
  };
  if (reuse) run();
  const { ms, ok } = run();
  const how = reuse ? "unchanged compiles reused" : "every cell compiled afresh";
  return { name: `WHOLE COURSE HEADLESS: npm run notebooks -- --check, ${how}`, medianMs: ms, runs: 1, extra: ok ? {} : { failed: "yes" } };
}

// Allow `node lib/tools/run-ts.cjs tests/bench/notebooks.ts` on its own.
if (process.argv[1] === __filename) {
  notebookBenchmarks().then((rows) => writeFileSync(1, JSON.stringify(rows, null, 2) + "\n"));
}
