// Child-process entry, trusted: runs the INSTRUCTOR's notebook (reference answers, visible and hidden
// checks) and records every check call with its cases and expected answers, so that grading can
// compare students' answers with values computed from the instructor's own code.
//   node lib/tools/run-ts.cjs lib/tools/homework/record-child.ts <notebook.ipynb> <out.json>
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { joinText, readNotebook } from "../notebooks/ipynb";
import { InProcessKernel } from "../notebooks/kernel";
import { recordedCalls } from "./recorded";
import { isCheckCell, splitHidden } from "./parts";

async function main(): Promise<void> {
  const [notebookPath, outPath] = process.argv.slice(2).map((p) => resolve(p));
  const nb = readNotebook(notebookPath);
  const kernel = new InProcessKernel(dirname(notebookPath));
  const flag = globalThis as { __courseHiddenChecks?: boolean };
  const failures: string[] = [];
  for (const [index, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const parts = isCheckCell(cell) ? (({ visible, hidden }) => [{ source: visible, hidden: false }, ...hidden.map((source) => ({ source, hidden: true }))])(splitHidden(joinText(cell.source))) : [{ source: joinText(cell.source), hidden: false }];
    for (const part of parts) {
      flag.__courseHiddenChecks = part.hidden;
      const run = await kernel.run(part.source);
      if (!run.ok) failures.push(`cell ${index + 1} (id ${cell.id}): ${run.outputs.map((o) => ("text" in o ? joinText(o.text) : "")).join("").trim()}`);
    }
    flag.__courseHiddenChecks = false;
  }
  // Every expected answer is the answer key's, worked out here by the trusted recorder; the instructor's
  // reference solution must agree with it on every case, hidden ones included, or the key is not made.
  const results = (globalThis as { __courseChecks?: { results: { exercise: string; status: string; message: string }[] } }).__courseChecks?.results ?? [];
  for (const r of results) if (r.status !== "correct") failures.push(`the reference solution of exercise ${r.exercise} does not pass its check: ${r.message}`);
  const calls = recordedCalls((name) => kernel.local(name));
  writeFileSync(outPath, JSON.stringify({ failures, calls }));
  kernel.close();
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
