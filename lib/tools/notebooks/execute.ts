// Child-process entry: executes one notebook's code cells in order in a fresh in-process kernel and
// writes the results as JSON. Run by runner.ts; one process per notebook keeps runs independent.
//   node lib/tools/run-ts.cjs lib/tools/notebooks/execute.ts <notebook.ipynb> <results.json>
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { joinText, readNotebook } from "./ipynb";
import { CellRun, InProcessKernel } from "./kernel";

export interface ExecutionResult {
  notebook: string;
  startMs: number;
  cells: ({ index: number; id: string } & CellRun)[];
}

async function main(): Promise<void> {
  const [notebookPath, resultPath] = process.argv.slice(2).map((p) => resolve(p));
  const nb = readNotebook(notebookPath);
  const started = performance.now();
  const kernel = new InProcessKernel(dirname(notebookPath));
  const result: ExecutionResult = { notebook: notebookPath, startMs: performance.now() - started, cells: [] };
  for (const [index, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const run = await kernel.run(joinText(cell.source));
    result.cells.push({ index, id: cell.id, ...run });
    // Write after every cell, so a crash or a time-out still leaves what ran.
    writeFileSync(resultPath, JSON.stringify(result));
    if (!run.ok) break;
  }
  kernel.close();
  writeFileSync(resultPath, JSON.stringify(result));
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
