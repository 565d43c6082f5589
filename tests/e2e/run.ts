// npm run test:e2e [-- <notebook.ipynb> …] [--no-browser] [--widgets-only] [--site-only] [--lab-only]
// End-to-end check through real Jupyter, as a student meets the course:
//  1. every notebook (or the ones named) runs in `jupyter nbconvert --execute` with the tslab kernel, and
//     what it prints equals what is stored in it;
//  2. the first notebook (00-start-here, or the first one named) is opened in classic Jupyter Notebook in
//     headless Chromium, run with Kernel › Restart & Run All, checked (its widgets must start, the course
//     logs no error; errors about Jupyter's own page are notes), and screenshotted to build/e2e/;
//  2b. every notebook's (or the named ones') stored outputs are rendered in Chromium by JupyterLab's own
//     output area and renderers (tests/e2e/jupyterlab.ts), trusted and untrusted: the figures are drawn,
//     the widgets start (trusted) or show their note (untrusted), the course logs no error. With all
//     notebooks, that check is also shown to fail on broken outputs. --lab-only runs this step alone.
//  3. (all notebooks only) the browser check itself is checked: notebooks with a broken widget or a
//     throwing output script must fail it; and the clock-sensitive tests (a notebook with its
//     exercises, a class graded) must pass on a machine kept busy by busy loops on every core;
//  4. the interactive widgets are checked in Chromium against the engine, on generated test pages and
//     on the static site's pages (rebuilt into build/site/ first): the named notebooks' pages number by
//     number, every other page for loading with working widgets. --widgets-only runs this step alone.
//  5. the site's live cells (lib/tools/site/live) in Chromium: every notebook's page (or the named ones)
//     runs all its cells in the browser and prints what Jupyter stored; an exercise gets ❌ then ✅,
//     while (true) {} is stopped, an edit survives a reload. --site-only runs this step alone.
// A notebook may sit anywhere beside a lib.d.ts and lib.js (lib/tools/lib-build.cjs writeImportFiles).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { executeNotebook, NbconvertRun } from "./nbconvert";
import { PageRun, runInBrowser, shown } from "./page";
import { BusyRun, testsOnABusyMachine } from "./busy";
import { checkTheBrowserCheck } from "./self-check";
import { WidgetRun, checkWidgetPages } from "./widgets";
import { LiveRun, checkLiveSite } from "./site-live";
import { LabRun, checkInJupyterLab, checkTheLabCheck, labShotsFolder } from "./jupyterlab";
import { buildSite, siteFolder } from "../../lib/tools/site/build";
import { mapLimited } from "../../lib/tools/notebooks/list";
import "./cleanup";
import { courseNotebooks, findJupyter, firstNotebook, jupyterEnv, registerKernel, repoRoot } from "../../lib/tools/start";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const started = Date.now();
  const args = process.argv.slice(2);
  const browser = !args.includes("--no-browser");
  const widgetsOnly = args.includes("--widgets-only");
  const siteOnly = args.includes("--site-only");
  const labOnly = args.includes("--lab-only");
  // npm runs scripts from the package root; paths the user typed are relative to where they typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const named = args.filter((a) => !a.startsWith("--")).map((a) => resolve(base, a));
  const paths = named.length ? named : courseNotebooks();
  for (const p of paths) {
    if (!existsSync(p)) {
      console.error(`No such notebook: ${p}`);
      return 1;
    }
  }

  if (siteOnly) {
    buildSite();
    const live = await liveStep(paths);
    return report(live.problems, started);
  }

  if (labOnly) {
    const lab = await labStep(paths, named.length > 0);
    return report(lab.problems, started);
  }

  if (widgetsOnly) {
    const widgets = await widgetStep(paths, named.length > 0);
    return report(widgets.problems, started);
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
  let widgets: WidgetRun | undefined;
  let live: LiveRun | undefined;
  let lab: LabRun | undefined;
  let selfCheck: string[] | undefined;
  let busy: BusyRun | undefined;
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
    if (browser) {
      lab = await labStep(paths, named.length > 0);
      problems.push(...lab.problems);
    }
    if (browser && !named.length) {
      console.log("Checking that the browser check fails on the course's faults…");
      selfCheck = await checkTheBrowserCheck(jupyter, env, join(repoRoot, "build", "e2e"));
      problems.push(...selfCheck);
    }
    if (!named.length) {
      console.log("Running the clock-sensitive tests on a busy machine (busy loops on every core)…");
      busy = await testsOnABusyMachine();
      console.log(`  ${busy.problems.length ? "FAIL" : "ok  "} notebook 01 with its exercises, and a class graded, beside ${busy.hogs} busy loops (${seconds(busy.ms)})`);
      problems.push(...busy.problems);
    }
    if (browser) widgets = await widgetStep(paths, named.length > 0);
    if (widgets) problems.push(...widgets.problems);
    // The widget step has just built the site.
    if (browser) live = await liveStep(paths);
    if (live) problems.push(...live.problems);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  console.log("\nSummary");
  if (page) {
    console.log(`  kernel start: ${seconds(page.restartMs)} (restart → ready, in the browser); page open → kernel connected: ${seconds(page.connectMs)}`);
  }
  for (const run of runs) console.log(`  nbconvert  ${basename(run.path).padEnd(32)} ${seconds(run.wallMs).padStart(7)}  ${run.ok ? "ok" : "FAILED"}`);
  if (page) {
    console.log(`  browser    ${basename(page.path).padEnd(32)} ${seconds(page.runAllMs).padStart(7)}  ${page.problems.length ? "FAILED" : "ok"} (Restart & Run All; ${page.figures} figures drawn, ${page.widgets} widgets started)`);
    for (const note of page.notes) console.log(`  note       not the course's: ${note}`);
    console.log(`  screenshot ${page.screenshot}`);
    for (const shot of page.widgetShots) console.log(`  screenshot ${shot}`);
  }
  if (lab) {
    console.log(`  jupyterlab ${lab.notebooks} notebook(s) rendered by JupyterLab's renderers, trusted and untrusted: ${lab.figures} figures drawn, ${lab.widgets} widgets started ${seconds(lab.ms).padStart(7)}  ${lab.problems.length ? "FAILED" : "ok"}`);
    if (lab.untrustedStills) console.log(`  untrusted  ${untrustedNote(lab)}`);
    for (const note of lab.notes) console.log(`  note       not the course's: ${note}`);
  }
  if (busy) console.log(`  busy       the tests pass beside ${busy.hogs} busy loops ${seconds(busy.ms).padStart(7)}  ${busy.problems.length ? "FAILED" : "ok"}`);
  if (selfCheck) console.log(`  self-check the browser check ${selfCheck.length ? "MISSED a fault" : "fails on each of 4 broken notebooks"}`);
  if (widgets) console.log(`  widgets    ${widgets.widgets.length} checked in Chromium, ${widgets.checks} values compared with the engine ${seconds(widgets.ms).padStart(7)}`);
  if (live) {
    const cells = live.pages.reduce((n, p) => n + p.cells, 0);
    console.log(`  site       ${live.pages.length} page(s) ran all their cells in Chromium (${cells} cells compared with Jupyter's outputs) ${seconds(live.ms).padStart(7)}  ${live.problems.length ? "FAILED" : "ok"}`);
  }
  return report(problems, started);
}

function report(problems: string[], started: number): number {
  console.log(`  total      ${seconds(Date.now() - started)}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n`);
    console.error(problems.join("\n\n"));
    return 1;
  }
  console.log("\nAll end-to-end checks passed.");
  return 0;
}

/**
 * Rebuilds the site from every notebook, then checks the widgets: on test pages, on the pages of the
 * notebooks named (or of every notebook with a widget) number by number, and on every other page for
 * loading with working widgets.
 */
async function widgetStep(paths: string[], named: boolean): Promise<WidgetRun> {
  const site = buildSite();
  const pageOf = (p: string) => join(site.folder, basename(p).replace(/\.ipynb$/, ".html"));
  const withWidgets = site.pages.filter((p) => readFileSync(join(site.folder, p.file), "utf8").includes("data-nn-widget=")).map((p) => join(site.folder, p.file));
  const deep = named ? paths.map(pageOf).filter((p) => withWidgets.includes(p)) : withWidgets;
  const shallow = [join(site.folder, "index.html"), ...site.pages.map((p) => join(site.folder, p.file)).filter((p) => !deep.includes(p))];
  console.log(`Checking the widgets in Chromium: test pages in build/widgets/, ${deep.length} site page(s) value by value, ${shallow.length} for loading…`);
  const run = await checkWidgetPages({ deep, shallow });
  for (const w of run.widgets) console.log(`  widget     ${w.kind.padEnd(11)} ${w.page}`);
  console.log(`  ${run.problems.length ? "FAIL" : "ok  "} ${run.checks} displayed values equal the engine's; screenshots in ${shown(join(repoRoot, "build", "e2e", "widgets"))}/`);
  return run;
}

const untrustedNote = (lab: LabRun) =>
  `untrusted, JupyterLab's sanitizer removes the inline SVG of every figure; ${lab.untrustedStills} figures are drawn by their still pictures, and the widgets show their notes`;

/** Stored outputs rendered by JupyterLab's own renderers, and (all notebooks) the proof that this check bites. */
async function labStep(paths: string[], named: boolean): Promise<LabRun> {
  console.log(`Rendering the stored outputs of ${paths.length} notebook(s) with JupyterLab's renderers in Chromium, trusted and untrusted…`);
  const run = await checkInJupyterLab(paths);
  console.log(`  ${run.problems.length ? "FAIL" : "ok  "} ${run.figures} figures drawn, ${run.widgets} widgets started; bundle ${(run.bundleBytes / 1024).toFixed(0)} KiB in ${seconds(run.bundleMs)}; screenshots in ${shown(labShotsFolder)}/ (${seconds(run.ms)})`);
  if (run.untrustedStills) console.log(`  ok   ${untrustedNote(run)}`);
  if (!named) {
    console.log("Checking that the JupyterLab check fails on the course's faults…");
    run.problems.push(...(await checkTheLabCheck()));
  }
  return run;
}

/** The site's live cells, on the built site in build/site/. */
async function liveStep(paths: string[]): Promise<LiveRun> {
  console.log(`Running every cell of ${paths.length} site page(s) in Chromium, in the page's own kernel…`);
  const run = await checkLiveSite(siteFolder, paths);
  console.log(`  ${run.problems.length ? "FAIL" : "ok  "} outputs equal Jupyter's; exercise ❌ then ✅, Stop, saved edits (${seconds(run.ms)})`);
  return run;
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
