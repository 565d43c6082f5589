// JupyterLab, the front end learners name first, cannot be installed here (no PyPI), but its front-end
// packages are on npm. This check renders every notebook's stored outputs in headless Chromium with
// JupyterLab's own output area and renderers (@jupyterlab/outputarea, @jupyterlab/rendermime with its
// standard factories and its default sanitizer), bundled by esbuild, once as a trusted notebook and
// once as an untrusted one, and checks what Lab shows:
//  - no output shows nothing;
//  - trusted, every stored figure is drawn (a visible SVG in its cell's output), once (its still
//    picture for sanitised notebooks stays hidden), and every widget starts (its script runs, its
//    sliders or buttons appear);
//  - untrusted, Lab's sanitizer removes every <svg>, <style> and <script>: every figure must still be
//    drawn, by its still picture (an <img> of the same SVG that loads and is visible); no widget
//    script runs and each widget shows its still picture and its note saying how to use it;
//  - the browser logs no error from the course's outputs. The policy is console.ts's: errors thrown in
//    JupyterLab's own bundled code (served under /static/, as Lab serves its own) are notes.
// Outputs are handed to Lab as Jupyter's server hands them over (multiline strings joined).
import { createServer, Server } from "node:http";
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { withBrowser } from "../../lib/tools/browser";
import { Notebook, Output, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { ConsoleEntry, blame } from "./console";
import { widgetExamples } from "./widget-pages";
import { lossCurve } from "../../lib/figures/loss-curve";
import { stillNote } from "../../lib/widgets/output";
import { escapeHtml, stillClass, withStill } from "../../lib/figures/render";

export interface LabRun {
  problems: string[];
  /** Console errors from JupyterLab's own code, not the course's: reported, never failures. */
  notes: string[];
  /** Notebooks rendered (each twice: trusted and untrusted). */
  notebooks: number;
  figures: number;
  widgets: number;
  /** Figures drawn in the untrusted rendering by their still picture (Lab's sanitizer removed their SVG). */
  untrustedStills: number;
  screenshots: string[];
  /** Bytes of the bundled JupyterLab renderers, and how long esbuild took. */
  bundleBytes: number;
  bundleMs: number;
  ms: number;
}

export const labShotsFolder = join(repoRoot, "build", "e2e", "jupyterlab");

/** JupyterLab's output area and renderers for the browser, in one script (esbuild, from node_modules). */
export async function bundleLabRenderers(): Promise<{ code: string; ms: number }> {
  const esbuild = await import("esbuild");
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [join(__dirname, "jupyterlab", "entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    // Lab's icons are imported as SVG text; its style sheets are left out (the check looks at what
    // is drawn, not at Lab's colours).
    loader: { ".svg": "text", ".css": "empty" },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return { code: result.outputFiles[0].text, ms: Date.now() - started };
}

const page = `<!doctype html><html><head><meta charset="utf-8"><title>JupyterLab outputs</title>
<script src="/static/jupyterlab.js"></script></head>
<body style="margin: 8px; font-family: system-ui, sans-serif;"><div id="notebook"></div></body></html>`;

/** A local server: the page at /, the bundle at /static/jupyterlab.js (Lab's own files live under /static/). */
function serve(bundle: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    else if (path === "/static/jupyterlab.js") res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    else if (path === "/favicon.ico") res.writeHead(204).end();
    else res.writeHead(404).end();
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    done({ server, url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` });
  }));
}

/**
 * Outputs as JupyterLab receives them from its server: Jupyter's contents API reads the notebook with
 * nbformat, which joins each multiline string (stored as a list of lines) into one string.
 */
export function asServed(outputs: readonly Output[]): Output[] {
  return outputs.map((o) => {
    if (o.output_type === "stream") return { ...o, text: joinText(o.text) };
    if (o.output_type === "error") return o;
    const data = Object.fromEntries(Object.entries(o.data).map(([mime, v]) => [mime, Array.isArray(v) && !/json$/.test(mime) ? v.join("") : v]));
    return { ...o, data };
  });
}

const isDisplay = (o: Output) => o.output_type === "display_data" || o.output_type === "execute_result";
const htmlOf = (o: Output) => (isDisplay(o) && "data" in o ? joinText(o.data["text/html"] ?? o.data["image/svg+xml"] ?? "") : "");
const isFigure = (o: Output) => /<svg/.test(htmlOf(o));
const isWidget = (o: Output) => /data-nn-widget=/.test(htmlOf(o));

interface CellSeen {
  /** Output areas of the cell with a visible SVG in them. */
  figures: number;
  /** Output areas of the cell with a visible, loaded still picture (an <img> of a figure) in them. */
  pictures: number;
  /** Visible still pictures in the cell, all outputs together. */
  pictureCount: number;
  /** Widget roots shown, those started, and those started with controls (a slider or a button). */
  widgets: number;
  live: number;
  controls: number;
  /** Outputs whose text is empty: nothing shown at all. */
  empty: number;
  /** Outputs showing a widget's still-picture note (what an untrusted widget says instead of starting). */
  stills: number;
}

// Run in the page: what each cell's output area shows. A string, so tsconfig needs no DOM types here.
const seen = `Array.from(document.querySelectorAll("[data-cell]")).map((cell) => {
  const outputs = Array.from(cell.querySelectorAll(".jp-OutputArea-output"));
  const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const roots = Array.from(cell.querySelectorAll("[data-nn-widget]"));
  const live = roots.filter((r) => r.querySelector("[data-nn-live]"));
  return {
    figures: outputs.filter((o) => Array.from(o.querySelectorAll("svg")).some(visible)).length,
    pictures: outputs.filter((o) => Array.from(o.querySelectorAll("img.${stillClass}")).some((i) => visible(i) && i.complete && i.naturalWidth > 0)).length,
    pictureCount: Array.from(cell.querySelectorAll("img.${stillClass}")).filter(visible).length,
    widgets: roots.length,
    live: live.length,
    controls: live.filter((r) => Array.from(r.querySelectorAll("input[type=range], button")).some(visible)).length,
    empty: outputs.filter((o) => !(o.textContent || "").trim() && !o.querySelector("svg, img")).length,
    stills: outputs.filter((o) => Array.from(o.querySelectorAll("p")).some((p) => visible(p) && ${JSON.stringify(stillNote)} === (p.textContent || "").trim())).length,
  };
})`;

/** Resolves once the page's DOM has not changed for `quietMs` (renderers are asynchronous), or after `maxMs`. */
const settled = (quietMs: number, maxMs: number) => `new Promise((done) => {
  const started = performance.now();
  let last = performance.now();
  const observer = new MutationObserver(() => (last = performance.now()));
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const tick = () => {
    const now = performance.now();
    if (now - last >= ${quietMs} || now - started >= ${maxMs}) { observer.disconnect(); done(undefined); }
    else setTimeout(tick, 50);
  };
  setTimeout(tick, 50);
})`;

/**
 * Renders one notebook's stored outputs in JupyterLab's output areas, trusted or not, and returns what
 * went wrong (empty when Lab shows the notebook as it should).
 */
export async function renderInLab(context: BrowserContext, url: string, name: string, nb: Notebook, trusted: boolean, run: LabRun, screenshot?: string): Promise<string[]> {
  const how = trusted ? "trusted" : "untrusted";
  const where = `${name} (JupyterLab, ${how})`;
  const problems: string[] = [];
  const cells = nb.cells.filter((c) => c.cell_type === "code");
  const origin = new URL(url).origin;
  const tab = await context.newPage();
  const record = (entry: ConsoleEntry, text: string) => (blame(entry, origin) === "jupyter" ? run.notes.push(`${where}: ${text}`) : problems.push(`${where}: ${text}`));
  tab.on("console", (m) => {
    if (m.type() !== "error") return;
    const at = m.location().url;
    record({ text: m.text(), url: at }, `console error: ${m.text()}${at ? ` (${at})` : ""}`);
  });
  tab.on("pageerror", (e) => record({ text: e.message, stack: e.stack ?? "" }, `uncaught: ${e.message}`));
  tab.on("dialog", (d) => {
    problems.push(`${where}: a dialog opened (${d.message()})`);
    void d.dismiss();
  });
  try {
    await tab.goto(url);
    await tab.evaluate(([outputs, t]) => (window as unknown as { renderOutputs(o: unknown, t: boolean): Promise<void> }).renderOutputs(outputs, t), [cells.map((c) => asServed(c.outputs ?? [])), trusted] as const);
    await tab.evaluate(settled(500, 15_000));
    const shown = (await tab.evaluate(seen)) as CellSeen[];
    let stills = 0;
    cells.forEach((cell, k) => {
      const outputs = cell.outputs ?? [];
      const figures = outputs.filter(isFigure).length;
      const widgets = outputs.filter(isWidget).length;
      const s = shown[k];
      const at = `${where}, cell ${nb.cells.indexOf(cell) + 1} (id ${cell.id})`;
      if (s.empty > 0) problems.push(`${at}: ${s.empty} output(s) show nothing`);
      if (trusted) {
        if (s.figures < figures) problems.push(`${at}: ${s.figures} of ${figures} figures drawn`);
        if (s.pictures > 0) problems.push(`${at}: ${s.pictures} figure(s) shown twice (the still picture for untrusted notebooks is visible beside the SVG)`);
        if (s.widgets < widgets) problems.push(`${at}: ${s.widgets} of ${widgets} widgets shown`);
        if (s.live < s.widgets) problems.push(`${at}: only ${s.live} of ${s.widgets} widgets started`);
        if (s.controls < s.live) problems.push(`${at}: ${s.live - s.controls} started widget(s) show no slider or button`);
        run.figures += Math.min(s.figures, figures);
        run.widgets += s.live;
      } else {
        // Untrusted, Lab's sanitizer removes every script and every inline SVG (it allows no <svg>):
        // each figure must be drawn by its still picture.
        if (s.live > 0) problems.push(`${at}: ${s.live} widget(s) started in an untrusted notebook (a script ran)`);
        if (s.stills < widgets) problems.push(`${at}: ${widgets} widget(s), but only ${s.stills} show their note: an untrusted widget must say how to use it`);
        if (s.pictures < figures) problems.push(`${at}: ${s.pictures} of ${figures} figures drawn untrusted (a sanitised figure must show its still picture)`);
        const svgs = outputs.reduce((n, o) => n + (htmlOf(o).match(/<svg[\s>]/g) ?? []).length, 0);
        if (s.pictureCount > svgs) problems.push(`${at}: ${s.pictureCount} still pictures shown untrusted for ${svgs} SVG(s): a figure shows twice`);
        stills += Math.min(s.pictures, figures);
      }
    });
    run.untrustedStills += stills;
    // The first widget's cell, as Lab shows it.
    const first = cells.findIndex((c) => (c.outputs ?? []).some(isWidget));
    if (screenshot && first >= 0) {
      mkdirSync(labShotsFolder, { recursive: true });
      await tab.locator(`[data-cell="${first}"]`).screenshot({ path: screenshot });
      run.screenshots.push(screenshot);
    }
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    await tab.close();
  }
  return problems;
}

/** With JupyterLab's renderers served on a local server, runs `job`. */
export async function withLab<T>(run: LabRun, job: (context: BrowserContext, url: string) => Promise<T>): Promise<T> {
  const bundle = await bundleLabRenderers();
  run.bundleBytes = Buffer.byteLength(bundle.code);
  run.bundleMs = bundle.ms;
  const { server, url } = await serve(bundle.code);
  try {
    return await withBrowser((context) => job(context, url));
  } finally {
    server.close();
  }
}

export function emptyLabRun(): LabRun {
  return { problems: [], notes: [], notebooks: 0, figures: 0, widgets: 0, untrustedStills: 0, screenshots: [], bundleBytes: 0, bundleMs: 0, ms: 0 };
}

/** Every notebook in `paths`, rendered by JupyterLab trusted and untrusted. */
export async function checkInJupyterLab(paths: string[]): Promise<LabRun> {
  const started = Date.now();
  const run = emptyLabRun();
  await withLab(run, async (context, url) => {
    for (const path of paths) {
      const name = basename(path);
      const nb = readNotebook(path);
      const shots = nb.cells.some((c) => (c.outputs ?? []).some(isWidget));
      for (const trusted of [true, false]) {
        const shot = shots ? join(labShotsFolder, `${name.replace(/\.ipynb$/, "")}-${trusted ? "trusted" : "untrusted"}.png`) : undefined;
        run.problems.push(...(await renderInLab(context, url, name, nb, trusted, run, shot)));
      }
      run.notebooks++;
    }
  });
  run.ms = Date.now() - started;
  return run;
}

interface LabFault {
  name: string;
  /** The stored outputs of a one-cell notebook that shows the fault. */
  outputs: Output[];
  /** Text the check must report for it. */
  expect: RegExp;
  /** Rendered as an untrusted notebook (default: trusted). */
  untrusted?: boolean;
}

const html = (text: string): Output => ({ output_type: "display_data", data: { "text/html": text, "text/plain": "<figure>" }, metadata: {} });

function labFaults(): LabFault[] {
  const widget = widgetExamples().find((w) => w.name === "playground")!.figure.html;
  const figure = lossCurve({ label: "training", losses: [1, 0.5, 0.3, 0.2].map((loss, epoch) => ({ epoch, loss })) }, { caption: "A loss curve." }).html;
  return [
    {
      name: "a widget whose script throws when it starts",
      outputs: [html(widget.replace("var start = __nnWidget.start;", 'var start = function () { throw new Error("the widget is on fire"); };'))],
      expect: /only 0 of 1 widgets started/,
    },
    { name: "an output whose script throws", outputs: [html('<p>hello</p><script>throw new Error("an output script failed");</script>')], expect: /uncaught: an output script failed/ },
    { name: "an output whose script does not parse", outputs: [html("<p>hello</p><script>var broken = {,};</script>")], expect: /uncaught: .*Unexpected token/ },
    { name: "an output whose script logs an error", outputs: [html('<p>hello</p><script>console.error("something the course logged");</script>')], expect: /console error: something the course logged/ },
    {
      name: "an untrusted widget without its note",
      outputs: [html(widget.replace(escapeHtml(stillNote), ""))],
      expect: /only 0 show their note/,
      untrusted: true,
    },
    { name: "a figure that is not drawn", outputs: [html('<svg width="0" height="0"><circle r="5"></circle></svg>')], expect: /0 of 1 figures drawn/ },
    {
      name: "an untrusted figure without its still picture",
      outputs: [html(figure)],
      expect: /0 of 1 figures drawn untrusted/,
      untrusted: true,
    },
    {
      name: "an untrusted figure whose still picture does not load",
      outputs: [html(withStill(figure).replace("data:image/svg+xml;charset=utf-8,", "data:image/svg+xml;charset=utf-8,broken"))],
      expect: /0 of 1 figures drawn untrusted/,
      untrusted: true,
    },
    {
      name: "an untrusted widget without its still picture",
      outputs: [html(widget.replace(new RegExp(`<img class="${stillClass}"[^>]*>`), ""))],
      expect: /0 of 1 figures drawn untrusted/,
      untrusted: true,
    },
    {
      name: "an untrusted widget with two still pictures",
      outputs: [html(widget.replace(new RegExp(`(<img class="${stillClass}"[^>]*>)`), "$1$1"))],
      expect: /2 still pictures shown untrusted for 1 SVG\(s\)/,
      untrusted: true,
    },
    {
      name: "a trusted figure shown twice (its still picture visible)",
      outputs: [html(withStill(figure).replace(/<style>[^<]*<\/style>/, ""))],
      expect: /1 figure\(s\) shown twice/,
    },
  ];
}

/** Proof that the JupyterLab check bites on the course's faults: each broken notebook must fail it, with the right message. */
export async function checkTheLabCheck(): Promise<string[]> {
  const problems: string[] = [];
  const run = emptyLabRun();
  await withLab(run, async (context, url) => {
    for (const fault of labFaults()) {
      const nb: Notebook = {
        cells: [{ cell_type: "code", id: "fault", metadata: {}, source: "", outputs: fault.outputs, execution_count: 1 }],
        metadata: {},
        nbformat: 4,
        nbformat_minor: 5,
      };
      const found = (await renderInLab(context, url, "fault.ipynb", nb, !fault.untrusted, run)).join("\n");
      const bites = fault.expect.test(found);
      if (!bites) problems.push(`the JupyterLab check missed ${fault.name}: expected ${fault.expect}, got:\n${found || "(no problem at all)"}`);
      console.log(`  ${bites ? "ok  " : "MISS"} a notebook with ${fault.name} fails the JupyterLab check`);
    }
  });
  return problems;
}
