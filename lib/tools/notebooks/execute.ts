// A notebook worker: a child process that runs notebooks it is sent over IPC, each in a fresh
// in-process tslab kernel, one after another, and reports every cell as it finishes. Started by
// runner.ts (NotebookPool). One worker runs many notebooks so that the compiler, jsdom and Plot are
// loaded once, not once per notebook; between notebooks the compiled course library is unloaded, so
// each notebook starts from the library's initial state as in a fresh Jupyter kernel.
//   node lib/tools/run-ts.cjs lib/tools/notebooks/execute.ts      (with an IPC channel)
import { dirname, resolve } from "node:path";
import { compileCacheEnabled } from "./compile-cache";
import { joinText, readNotebook } from "./ipynb";
import { notebooksDir } from "./list";
import { CellRun, InProcessKernel } from "./kernel";

export interface ExecutionResult {
  notebook: string;
  /** Kernel creation, in milliseconds. */
  startMs: number;
  cells: CellResult[];
}

export type CellResult = { index: number; id: string } & CellRun;

/** Cells to run again after the notebook has run top to bottom, in the same kernel (an exercise's stub, say). */
export interface ExtraStep {
  label: string;
  cells: { index: number; source: string }[];
}

export interface Job {
  id: number;
  path: string;
  extra?: ExtraStep[];
}

/** What a worker sends: a cell finished, an extra step's cell finished, or the job is done. */
export type WorkerMessage =
  | { type: "start"; id: number; startMs: number }
  | { type: "cell"; id: number; cell: CellResult }
  | { type: "extra"; id: number; step: number; cell: CellResult }
  | { type: "done"; id: number; cpuMs: number };

/**
 * Forgets every module a notebook loaded except third-party packages (jsdom, Plot, tslab: loading them
 * again would only cost time), so that the next notebook loads the course library afresh.
 */
function unloadNotebookModules(before: Set<string>): void {
  const packages = /[\\/]node_modules[\\/](?!\.cache[\\/])/;
  for (const key of Object.keys(require.cache)) if (!before.has(key) && !packages.test(key)) delete require.cache[key];
}

async function runJob(job: Job, send: (m: WorkerMessage) => void): Promise<void> {
  const path = resolve(job.path);
  const nb = readNotebook(path);
  const loaded = new Set(Object.keys(require.cache));
  const started = performance.now();
  // The course's own notebooks keep their compiles between runs (compile-cache.ts); scratch copies
  // elsewhere, made afresh by each test, would only fill the cache.
  const kernel = new InProcessKernel(dirname(path), { compileCache: compileCacheEnabled() && dirname(path) === notebooksDir });
  // The checks this notebook makes, and only those (a warm worker runs many notebooks in one process):
  // the notebook tests record the answer key from them (homework/recorded.ts).
  const checks = (globalThis as { __courseChecks?: { calls: unknown[]; results: unknown[] } }).__courseChecks;
  if (checks) (checks.calls.length = 0), (checks.results.length = 0);
  send({ type: "start", id: job.id, startMs: performance.now() - started });
  let ok = true;
  try {
    for (const [index, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const run = await kernel.run(joinText(cell.source));
      send({ type: "cell", id: job.id, cell: { index, id: cell.id, ...run } });
      if (!run.ok) {
        ok = false;
        break;
      }
    }
    if (ok) {
      for (const [step, { cells }] of (job.extra ?? []).entries()) {
        for (const { index, source } of cells) {
          const run = await kernel.run(source);
          send({ type: "extra", id: job.id, step, cell: { index, id: nb.cells[index]?.id ?? "", ...run } });
        }
      }
    }
  } finally {
    kernel.close();
    unloadNotebookModules(loaded);
  }
  // The whole process's processor time so far (in a fresh worker: its start, this notebook and nothing else).
  const cpu = process.cpuUsage();
  send({ type: "done", id: job.id, cpuMs: (cpu.user + cpu.system) / 1000 });
}

if (process.send) {
  // This process makes one kernel per notebook: parse the type declarations once for all of them.
  require("../kernel-compiler.cjs").setUpCompiler({ shareDeclarations: true });
  const send = (m: WorkerMessage) => process.send!(m);
  let queue = Promise.resolve();
  process.on("message", (job: Job) => {
    queue = queue.then(() =>
      runJob(job, send).catch((e) => {
        process.stderr.write(`${(e as Error).stack ?? e}\n`);
        process.exit(1);
      }),
    );
  });
  // The runner went away (finished, or crashed): nothing is left to do.
  process.on("disconnect", () => process.exit(0));
}
