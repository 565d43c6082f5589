// Opens a notebook in classic Jupyter Notebook in headless Chromium, runs Kernel › Restart & Run All
// as a student would, and checks what the page shows: every code cell ran, nothing went to stderr,
// the figures are drawn, the interactive widgets started, the browser logged no errors. Saves a
// full-page screenshot.
import { mkdirSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { withBrowser } from "../../lib/tools/browser";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import type { Jupyter } from "../../lib/tools/start";
import { ConsoleEntry, blame } from "./console";
import { withoutInternalFrames } from "./nbconvert";
import { startNotebookServer } from "./server";

export interface PageRun {
  path: string;
  problems: string[];
  /** Console errors about Jupyter's own page, not the course: reported, never failures. */
  notes: string[];
  /** Page opened → kernel connected (the first kernel start, page load included). */
  connectMs: number;
  /** Restart requested → kernel ready again. */
  restartMs: number;
  /** Restart & Run All requested → every cell finished. */
  runAllMs: number;
  figures: number;
  /** Interactive widgets that started in the page, and their screenshots. */
  widgets: number;
  widgetShots: string[];
  screenshot: string;
}

interface CellState {
  index: number;
  count: number | string | null;
  source: string;
  outputs: { output_type: string; name?: string; text?: string; ename?: string; evalue?: string }[];
}

// Run in the page (classic Notebook's global `Jupyter`); kept as strings so the course's tsconfig
// needs no DOM types.
const connected = "!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())";
const restartRunAll = `(() => {
  const nb = Jupyter.notebook;
  nb.set_autosave_interval(0); // never write the run back into the course's file
  nb.clear_all_output();
  for (const cell of nb.get_cells()) if (cell.cell_type === "code") cell.set_input_prompt();
  window.__e2e = { requested: performance.now(), ready: null };
  nb.events.one("kernel_ready.Kernel", () => (window.__e2e.ready = performance.now()));
  nb.restart_run_all({ confirm: false });
})()`;
const state = `(() => ({
  busy: Jupyter.notebook.kernel_busy,
  restartMs: window.__e2e.ready === null ? null : window.__e2e.ready - window.__e2e.requested,
  cells: Jupyter.notebook.get_cells().map((cell, index) => ({
    index,
    type: cell.cell_type,
    count: cell.cell_type === "code" ? (cell.input_prompt_number ?? null) : null,
    source: cell.get_text(),
    outputs: cell.cell_type === "code" ? cell.output_area.outputs : [],
  })).filter((c) => c.type === "code"),
}))()`;
// Output areas showing an HTML output with a drawn (non-empty) SVG in it.
const drawnFigures = `Array.from(document.querySelectorAll(".output_html")).filter((area) =>
  Array.from(area.querySelectorAll("svg")).some((svg) => { const r = svg.getBoundingClientRect(); return r.width > 0 && r.height > 0; })).length`;
// Interactive widgets in the outputs, and how many of them started (replaced their still figure).
const widgetCounts = `({
  widgets: document.querySelectorAll(".output_area [data-nn-widget]").length,
  live: document.querySelectorAll(".output_area [data-nn-widget] [data-nn-live]").length,
})`;
// The notebook scrolls inside #site; let the page grow instead, so a full-page screenshot shows it all.
const unscroll = `(() => {
  const style = document.createElement("style");
  style.textContent = "html, body, #site { height: auto !important; overflow: visible !important; }";
  document.head.appendChild(style);
})()`;

const text = (o: CellState["outputs"][number]) => (o.output_type === "error" ? `${o.ename}: ${o.evalue}` : joinText(o.text ?? ""));

export async function runInBrowser(jupyter: Jupyter, env: NodeJS.ProcessEnv, path: string, screenshot: string, timeoutMs = 600_000): Promise<PageRun> {
  const name = basename(path);
  const stored = readNotebook(path);
  const storedFigures = stored.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => (o.output_type === "display_data" || o.output_type === "execute_result") && /<svg/.test(joinText(o.data["text/html"] ?? o.data["image/svg+xml"])))
    .length;
  const storedWidgets = stored.cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => (o.output_type === "display_data" || o.output_type === "execute_result") && /data-nn-widget=/.test(joinText(o.data["text/html"])))
    .length;
  const run: PageRun = { path, problems: [], notes: [], connectMs: 0, restartMs: 0, runAllMs: 0, figures: 0, widgets: 0, widgetShots: [], screenshot };
  const server = await startNotebookServer(jupyter, env, dirname(path));
  try {
    await withBrowser(async (context) => {
      const page = await context.newPage();
      // Errors about Jupyter's own page (a missing nbextension, say) are notes; the course's fail.
      const origin = new URL(server.url).origin;
      const consoleErrors: string[] = [];
      const record = (entry: ConsoleEntry, text: string) => (blame(entry, origin) === "jupyter" ? run.notes : consoleErrors).push(text);
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        const url = m.location().url;
        record({ text: m.text(), url }, `${m.text()}${url ? ` (${url})` : ""}`);
      });
      page.on("pageerror", (e) => record({ text: e.message, stack: e.stack ?? "" }, `uncaught: ${e.message}`));

      const opened = Date.now();
      await page.goto(`${server.url}/notebooks/${encodeURI(name)}?token=${server.token}`);
      await page.waitForFunction(connected, undefined, { timeout: 120_000, polling: 100 });
      run.connectMs = Date.now() - opened;

      const requested = Date.now();
      await page.evaluate(restartRunAll);
      // Finished when no cell is queued or running ("In [*]"), the kernel is idle, and that holds for a second.
      let previous = "";
      let stableSince = 0;
      let last: { busy: boolean; restartMs: number | null; cells: CellState[] } | undefined;
      for (;;) {
        last = (await page.evaluate(state)) as typeof last & object;
        const snapshot = JSON.stringify([last.busy, last.cells.map((c) => c.count)]);
        const settled = last.restartMs !== null && !last.busy && last.cells.every((c) => c.count !== "*") && last.cells.some((c) => typeof c.count === "number");
        if (settled && snapshot === previous) {
          if (Date.now() - stableSince >= 1000) break;
        } else stableSince = Date.now();
        previous = snapshot;
        if (Date.now() - requested > timeoutMs) {
          run.problems.push(`${name} (browser): cells still running after ${timeoutMs / 1000} s`);
          break;
        }
        await page.waitForTimeout(250);
      }
      run.runAllMs = Date.now() - requested - 1000;
      run.restartMs = last.restartMs ?? 0;

      for (const cell of last.cells) {
        const where = `${name} (browser), cell ${cell.index + 1} (id ${stored.cells[cell.index]?.id ?? "?"})`;
        if (!cell.source.trim()) continue;
        if (typeof cell.count !== "number") run.problems.push(`${where} did not run (prompt "In [${cell.count ?? " "}]")`);
        const bad = cell.outputs.filter((o) => o.output_type === "error" || (o.output_type === "stream" && o.name === "stderr"));
        if (bad.length) run.problems.push(`${where} wrote an error:\n${withoutInternalFrames(bad.map(text).join("").trim()).replace(/^/gm, "    ")}`);
      }
      run.figures = (await page.evaluate(drawnFigures)) as number;
      if (run.figures < storedFigures) run.problems.push(`${name} (browser): ${run.figures} figures drawn, but the notebook stores ${storedFigures}`);
      // Widgets start a moment after their output is inserted; give them a second.
      await page.waitForFunction(`(() => { const c = ${widgetCounts}; return c.live >= c.widgets; })()`, undefined, { timeout: 5000 }).catch(() => undefined);
      const widgets = (await page.evaluate(widgetCounts)) as { widgets: number; live: number };
      if (widgets.widgets < storedWidgets) run.problems.push(`${name} (browser): ${widgets.widgets} widgets shown, but the notebook stores ${storedWidgets}`);
      if (widgets.live < widgets.widgets) run.problems.push(`${name} (browser): only ${widgets.live} of ${widgets.widgets} widgets started`);
      run.widgets = widgets.live;
      for (const e of consoleErrors) run.problems.push(`${name} (browser): console error: ${e}`);

      await page.evaluate(unscroll);
      mkdirSync(dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
      // Each widget as it looks in classic Notebook, beside the page's screenshot.
      const roots = page.locator(".output_area [data-nn-widget]");
      for (let k = 0; k < (await roots.count()); k++) {
        const path = screenshot.replace(/\.png$/, `-widget-${k + 1}.png`);
        await roots.nth(k).screenshot({ path });
        run.widgetShots.push(path);
      }
    });
  } catch (e) {
    run.problems.push(`${name} (browser): ${(e as Error).message}\n  server log (last lines):\n${server.log().trim().split("\n").slice(-15).join("\n")}`);
  } finally {
    await server.stop();
  }
  return run;
}

/** A path for messages: relative to the current folder when that is shorter. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.length < path.length ? rel : path;
}
