// npm run notebooks [-- <notebook.ipynb> …] [--check]
// Re-executes notebooks (all by default), each in a fresh process and kernel, and writes their outputs back, for
// authors. With --check, writes nothing and fails if any stored output differs from the re-run.
import { cpus } from "node:os";
import { basename, resolve } from "node:path";
import { normalizeFigureHtml } from "./normalize";
import { readNotebook, writeNotebook, formatNotebook } from "./ipynb";
import { courseNotebooks, longestFirst, mapLimited, recordTimes } from "./list";
import { NotebookPool, failures, staleCells, withOutputs } from "./runner";
import { readFileSync } from "node:fs";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const named = args.filter((a) => !a.startsWith("--")).map((a) => resolve(a));
  const paths = named.length ? named : courseNotebooks();
  let failed = false;
  // What is stored must be what a fresh Jupyter kernel prints: one new process per notebook.
  const workers = Math.max(1, Math.min(2, cpus().length));
  const pool = new NotebookPool(workers, { fresh: true });
  const times = new Map<string, number>();
  await mapLimited(longestFirst(paths), workers, async (path) => {
    const nb = readNotebook(path);
    const run = await pool.run(path);
    times.set(path, run.wallMs);
    const problems = failures(nb, run);
    if (problems.length) {
      failed = true;
      for (const p of problems) console.error(p.message);
      return;
    }
    if (check) {
      const stale = staleCells(nb, run, normalizeFigureHtml);
      for (const p of stale) console.error(p.message);
      if (stale.length) failed = true;
      else console.log(`${basename(path)}: outputs up to date (${(run.wallMs / 1000).toFixed(1)} s)`);
      return;
    }
    const updated = withOutputs(nb, run);
    const before = readFileSync(path, "utf8");
    const after = formatNotebook(updated);
    if (before !== after) writeNotebook(path, updated);
    console.log(`${basename(path)}: ${before === after ? "unchanged" : "outputs written"} (${(run.wallMs / 1000).toFixed(1)} s)`);
  });
  recordTimes(times);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
