// npm run test:e2e [-- <notebook.ipynb> …] [--no-browser]
// End-to-end check through real Jupyter, as a student meets the course:
//  1. every notebook (or the ones named) runs in `jupyter nbconvert --execute` with the tslab kernel, and
//     what it prints equals what is stored in it;
//  2. the first notebook (00-start-here, or the first one named) is opened in classic Jupyter Notebook in
//     headless Chromium, run with Kernel › Restart & Run All, checked, and screenshotted to build/e2e/.
// A scratch copy of a notebook must sit inside the repository but outside node_modules (tslab does not
// compile local .ts files under node_modules), beside a copy of notebooks/lib.ts and a link lib -> ../lib,
// e.g. build/scratch/.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve, sep } from "node:path";
import { executeNotebook, NbconvertRun } from "./e2e/nbconvert";
import { PageRun, runInBrowser, shown } from "./e2e/page";
import { mapLimited } from "./notebooks/list";
import "./e2e/cleanup";
import { courseNotebooks, findJupyter, firstNotebook, jupyterEnv, registerKernel, repoRoot } from "./start";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const started = Date.now();
  const args = process.argv.slice(2);
  const browser = !args.includes("--no-browser");
  // npm runs scripts from the package root; paths the user typed are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const named = args.filter((a) => !a.startsWith("--")).map((a) => resolve(base, a));
  const paths = named.length ? named : courseNotebooks();
  for (const p of paths) {
    if (!existsSync(p)) {
      console.error(`No such notebook: ${p}`);
      return 1;
    }
    if (p.split(sep).includes("node_modules")) console.warn(`warning: ${shown(p)} is under node_modules, where tslab does not compile local .ts files; its imports will fail`);
  }

  registerKernel();
  const env = jupyterEnv();
  const jupyter = findJupyter(env, "notebook");
  if (!jupyter) {
    console.error("test:e2e needs Jupyter Notebook and nbconvert. On Debian/Ubuntu:");
    console.error("  sudo apt-get install jupyter-notebook python3-nbclient python3-nbconvert jupyter-client jupyter-nbconvert chromium");
    return 1;
  }
  if (browser && Number(jupyter.version.split(".")[0]) >= 7) {
    console.error(`test:e2e drives classic Notebook 6's page, and ${jupyter.command} is Notebook ${jupyter.version}; run with --no-browser`);
    return 1;
  }
  console.log(`Jupyter Notebook ${jupyter.version} (${jupyter.command}), tslab kernel from node_modules/.cache/course-jupyter`);

  const out = mkdtempSync(join(tmpdir(), "course-e2e-"));
  const problems: string[] = [];
  let runs: NbconvertRun[] = [];
  let page: PageRun | undefined;
  try {
    console.log(`Executing ${paths.length} notebook(s) with jupyter nbconvert, two at a time…`);
    runs = await mapLimited(paths, 2, async (path) => {
      const i = paths.indexOf(path);
      const run = await executeNotebook(jupyter, env, path, join(out, String(i)));
      console.log(`  ${run.ok ? "ok  " : "FAIL"} ${shown(path)} (${seconds(run.wallMs)})`);
      return run;
    });
    for (const run of runs) problems.push(...run.problems);

    if (browser) {
      const target = named.length ? named[0] : firstNotebook;
      const screenshot = join(repoRoot, "build", "e2e", basename(target).replace(/\.ipynb$/, ".png"));
      console.log(`Opening ${shown(target)} in classic Notebook in headless Chromium…`);
      // The page must not write its run back into the notebook; if it did anyway, put the file back.
      const before = readFileSync(target);
      page = await runInBrowser(jupyter, env, target, screenshot);
      if (!readFileSync(target).equals(before)) {
        writeFileSync(target, before);
        page.problems.push(`${basename(target)} (browser): the page saved the notebook; the original was put back`);
      }
      problems.push(...page.problems);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  console.log("\nSummary");
  if (page) {
    console.log(`  kernel start: ${seconds(page.restartMs)} (restart → ready, in the browser); page open → kernel connected: ${seconds(page.connectMs)}`);
  }
  for (const run of runs) console.log(`  nbconvert  ${basename(run.path).padEnd(32)} ${seconds(run.wallMs).padStart(7)}  ${run.ok ? "ok" : "FAILED"}`);
  if (page) {
    console.log(`  browser    ${basename(page.path).padEnd(32)} ${seconds(page.runAllMs).padStart(7)}  ${page.problems.length ? "FAILED" : "ok"} (Restart & Run All; ${page.figures} figures drawn)`);
    console.log(`  screenshot ${page.screenshot}`);
  }
  console.log(`  total      ${seconds(Date.now() - started)}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n`);
    console.error(problems.join("\n\n"));
    return 1;
  }
  console.log("\nAll end-to-end checks passed.");
  return 0;
}

// Ctrl-C: exit through process.exit, so that e2e/cleanup.ts stops the server, nbconvert and the kernels.
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
