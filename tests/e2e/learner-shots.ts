// Screenshots of a learner's notebook before and after an exercise, in classic Notebook in headless
// Chromium: the learner's copy of 01 (made as `npm start` makes it, in a folder beside
// notebooks/my-course), Restart & Run All, a picture of exercise 01.1 with its check saying "not done
// yet"; then the learner's answer typed into the cell, the cell and its check run again, and a picture of
// the check saying ✅.
//
//   node lib/tools/run-ts.cjs tests/e2e/learner-shots.ts [output folder]   (default build/learner-shots)
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { withBrowser } from "../../lib/tools/browser";
import { syncLearnerCopy } from "../../lib/tools/learner/copy";
import { notebooksDir } from "../../lib/tools/notebooks/list";
import { findJupyter, jupyterEnv, registerKernel, repoRoot } from "../../lib/tools/start";
import "./cleanup";
import { startNotebookServer } from "./server";

const name = "01-a-neuron.ipynb";
const answer = "function neuronOutput(weight: number, input: number): number {\n  return weight * input;\n}";

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? join(repoRoot, "build", "learner-shots"));
  mkdirSync(out, { recursive: true });
  const folder = join(notebooksDir, `my-course-test-shots-${process.pid}`);
  syncLearnerCopy({ sources: [join(notebooksDir, name)], folder });
  registerKernel();
  const env = jupyterEnv();
  const jupyter = findJupyter(env, "notebook");
  if (!jupyter) throw new Error("classic Notebook is not installed");
  const server = await startNotebookServer(jupyter, env, folder);
  try {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`${server.url}/notebooks/${name}?token=${server.token}`);
      await page.waitForFunction("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())", undefined, { timeout: 120_000, polling: 100 });
      await page.evaluate("Jupyter.notebook.set_autosave_interval(0); Jupyter.notebook.restart_run_all({ confirm: false })");
      const checkText = (id: string) => `(() => { const c = Jupyter.notebook.get_cells().find((c) => c.metadata && c.element && c.get_text().startsWith('check("${id}"')); return c ? c.output_area.element.text() : ""; })()`;
      await page.waitForFunction(`${checkText("01.3")}.includes("Exercise 01.3")`, undefined, { timeout: 300_000, polling: 250 });
      await page.evaluate(`(() => {
        const style = document.createElement("style");
        style.textContent = "html, body, #site { height: auto !important; overflow: visible !important; }";
        document.head.appendChild(style);
      })()`);
      // The region from exercise 01.1's text to its check's output.
      const region = `(() => {
        const cells = Jupyter.notebook.get_cells();
        const first = cells.findIndex((c) => c.get_text().includes("### Exercise 01.1"));
        const last = cells.findIndex((c) => c.get_text().startsWith('check("01.1"'));
        const top = cells[first].element[0].getBoundingClientRect().top + window.scrollY;
        const bottom = cells[last].element[0].getBoundingClientRect().bottom + window.scrollY;
        const left = cells[first].element[0].getBoundingClientRect().left;
        return { x: Math.max(0, left - 10), y: top - 8, width: cells[first].element[0].getBoundingClientRect().width + 20, height: bottom - top + 16 };
      })()`;
      const before = join(out, "01-exercise-before.png");
      await page.screenshot({ path: before, fullPage: true, clip: (await page.evaluate(region)) as { x: number; y: number; width: number; height: number } });
      console.log(`before: ${((await page.evaluate(checkText("01.1"))) as string).trim()}`);
      // The learner types the answer, runs the cell, then the check.
      await page.evaluate(`(() => {
        const cells = Jupyter.notebook.get_cells();
        const cell = cells.find((c) => c.get_text().startsWith("function neuronOutput"));
        cell.set_text(${JSON.stringify(answer)});
        cell.execute();
        cells.find((c) => c.get_text().startsWith('check("01.1"')).execute();
      })()`);
      await page.waitForFunction(`${checkText("01.1")}.includes("✅")`, undefined, { timeout: 120_000, polling: 250 });
      const after = join(out, "01-exercise-after.png");
      await page.screenshot({ path: after, fullPage: true, clip: (await page.evaluate(region)) as { x: number; y: number; width: number; height: number } });
      console.log(`after: ${((await page.evaluate(checkText("01.1"))) as string).trim()}`);
      console.log(`screenshots: ${before}, ${after}`);
    });
  } finally {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
