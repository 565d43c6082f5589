// The site's cells run in the browser (lib/tools/site/live), checked in headless Chromium on the built
// site served as `npm start` serves it without Jupyter:
//  - every notebook's page runs all its cells (Run all, in the page's kernel worker) and every cell's
//    outputs equal the outputs stored by Jupyter (compared as the notebook tests compare them: streams
//    merged, figures through lib/tools/notebooks/normalize.ts);
//  - an exercise answered wrongly then correctly shows ❌ then ✅;
//  - `while (true) {}` is stopped by Stop, and the next cell still finds the variables of earlier cells;
//  - an edit survives a reload, Download .ipynb saves a notebook Jupyter reads with the learner's code,
//    and Reset cell puts the course's code back.
// The first page is also opened from disk (file://) and runs its first cell.
// Screenshots of that page before and after its Run all go to build/e2e/site/.
// Nothing may be fetched from outside the site (it works offline). Errors the page logs (uncaught exceptions, console.error of the page) are problems: the site is the
// course's own page, nothing on it belongs to anyone else.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { withBrowser } from "../../lib/tools/browser";
import { hasSolution, replaceSolutions } from "../../lib/tools/homework/solutions";
import { Notebook, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";
import { comparableOutputs } from "../../lib/tools/notebooks/runner";
import { serveSite } from "../../lib/tools/site/serve";

export const siteShotsFolder = join(repoRoot, "build", "e2e", "site");

export interface LiveRun {
  problems: string[];
  /** Per notebook: cells compared and the time Run all took in the page. */
  pages: { notebook: string; cells: number; runAllMs: number; firstOutputMs: number }[];
  ms: number;
}

type PageOutputs = Record<string, unknown[] | undefined>;

/** A generous limit for one page's Run all: a stuck page fails, a slow machine does not. */
const runAllLimitMs = 20 * 60 * 1000;
/** The same for opening a page, a click, a download. */
const pageLimitMs = 10 * 60 * 1000;

/**
 * Figures compared as the notebook tests compare them (normalize.ts: Plot's ids renumbered, decimals to 3
 * places), and a widget's id, a hash of its data at full precision, left out: the browser's Math.cos
 * (the course's random normal numbers, lib/engine/random.ts), Math.tanh and ** differ from Node's in the
 * last bit of some values, which the rounded comparison hides and the hash does not.
 */
const comparableHtml = (html: string) => normalizeFigureHtml(html).replace(/\bnnw-([a-z-]+)-[0-9a-f]{8}\b/g, "nnw-$1-ID");

function firstDifference(stored: string, fresh: string): string {
  let i = 0;
  while (i < stored.length && stored[i] === fresh[i]) i++;
  const from = Math.max(0, i - 80);
  return `    stored:  …${stored.slice(from, i + 100)}…\n    browser: …${fresh.slice(from, i + 100)}…`;
}

async function openPage(context: BrowserContext, url: string, problems: string[], label: string): Promise<Page> {
  const page = await context.newPage();
  // A busy machine makes a page slow, never a failure: only a stuck page is (limits of minutes).
  page.setDefaultTimeout(pageLimitMs);
  page.setDefaultNavigationTimeout(pageLimitMs);
  page.on("pageerror", (e) => problems.push(`${label}: the page threw: ${e.message}`));
  page.on("console", (m) => {
    // The browser asks every site for /favicon.ico by itself; the course's pages name no icon.
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(`${label}: the page logged an error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ""}`);
  });
  // Offline: nothing is fetched from anywhere but the site itself (blob: and data: are the page's own).
  const site = url.startsWith("file:") ? "file:///" : `${new URL(url).origin}/`;
  page.on("request", (request) => {
    const target = request.url();
    if (!target.startsWith(site) && !/^(blob|data):/.test(target)) problems.push(`${label}: the page fetched ${target}; the site must work offline`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__nnLive !== undefined);
  return page;
}

/** Runs every cell of one page and compares what each printed with what Jupyter stored. */
async function runAllAndCompare(context: BrowserContext, url: string, path: string, problems: string[], then?: (page: Page) => Promise<void>): Promise<LiveRun["pages"][number]> {
  const name = basename(path);
  const nb: Notebook = readNotebook(path);
  const page = await openPage(context, url, problems, name);
  const shot = (when: string) => page.screenshot({ path: join(siteShotsFolder, `${name.replace(/\.ipynb$/, "")}-${when}.png`) });
  try {
    if (then) {
      mkdirSync(siteShotsFolder, { recursive: true });
      await shot("before");
    }
    // The notebook's own code in every cell, as Jupyter ran it: where the page offers a learner's copy
    // (an exercise's stub instead of its solution), the test types the course's answer in, as a learner
    // who solved it would.
    const solved = nb.cells.filter((c) => c.cell_type === "code").map((c) => ({ id: c.id, source: joinText(c.source).replace(/\s+$/, "") }));
    const typed = await page.evaluate((cells) => {
      const live = window.__nnLive!;
      let changed = 0;
      for (const { id, source } of cells) {
        const cell = live.cell(id);
        if (!cell || cell.editor.value === source) continue;
        cell.editor.value = source;
        cell.editor.dispatchEvent(new Event("input"));
        changed++;
      }
      return changed;
    }, solved);
    const result = await page.evaluate(async (limit) => {
      const live = window.__nnLive!;
      const started = performance.now();
      const timer = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), limit));
      const ok = await Promise.race([live.runAll(), timer]);
      // performance.now() counts from the page's navigation: the first output's time is from opening the page.
      return { ok, ms: performance.now() - started, firstOutputMs: live.firstOutputAt ?? 0, outputs: live.outputs() as Record<string, unknown[] | undefined> };
    }, runAllLimitMs);
    if (result.ok === "timeout") problems.push(`${name} (site): Run all did not finish in ${runAllLimitMs / 60000} minutes`);
    let cells = 0;
    for (const [k, cell] of nb.cells.entries()) {
      if (cell.cell_type !== "code") continue;
      const fresh = (result.outputs as PageOutputs)[cell.id];
      if (fresh === undefined) {
        problems.push(`${name} (site), cell ${k + 1} (id ${cell.id}): did not run in the page${result.ok === false ? " (Run all stopped at an earlier error)" : ""}`);
        continue;
      }
      cells++;
      const stored = JSON.stringify(comparableOutputs(cell.outputs, comparableHtml));
      const got = JSON.stringify(comparableOutputs(fresh as never, comparableHtml));
      if (stored !== got) problems.push(`${name} (site), cell ${k + 1} (id ${cell.id}): the page printed something else than Jupyter stored.\n${firstDifference(stored, got)}`);
    }
    // What the test typed is no learner's work: the page's storage is left empty.
    if (typed) await page.evaluate(() => localStorage.clear());
    if (then) {
      // The first exercise on screen, with its check's ✅ below it.
      const exercise = nb.cells.find((c) => c.cell_type === "code" && hasSolution(joinText(c.source)));
      if (exercise) await page.locator(`section[id="${exercise.id}"]`).scrollIntoViewIfNeeded();
      await shot("after");
      await then(page);
    }
    return { notebook: name, cells, runAllMs: result.ms, firstOutputMs: result.firstOutputMs };
  } finally {
    await page.close();
  }
}

/** Sets a cell's code as a learner's typing would (the editor's input event saves it). */
async function typeInto(page: Page, id: string, code: string): Promise<void> {
  await page.evaluate(
    ({ id, code }) => {
      const cell = window.__nnLive!.cell(id)!;
      cell.editor.value = code;
      cell.editor.dispatchEvent(new Event("input"));
    },
    { id, code },
  );
}

/** Runs a cell as its ▶ button does; returns whether it ran without error, and the text of its outputs. */
async function run(page: Page, id: string): Promise<{ ok: boolean; text: string }> {
  return page.evaluate(async (id) => {
    const live = window.__nnLive!;
    const cell = live.cell(id)!;
    const ok = await live.runCell(cell);
    return { ok, text: cell.outputsBox.textContent ?? "" };
  }, id);
}

/**
 * What a learner does on a page with exercises, on `path`'s page after its Run all: answers the first
 * exercise wrongly (❌ and a hint) then rightly (✅); starts `while (true) {}`, stops it with Stop, and runs
 * a cell that needs an earlier cell's variable; edits a cell, reloads, finds the edit, and Reset cell
 * puts the page's code back.
 */
async function interactions(page: Page, path: string, problems: string[]): Promise<void> {
  const name = `${basename(path)} (site)`;
  const nb = readNotebook(path);
  const code = nb.cells.filter((c) => c.cell_type === "code").map((c) => ({ id: c.id, source: joinText(c.source) }));
  const exercise = code.find((c) => hasSolution(c.source));
  const check = exercise && code.slice(code.indexOf(exercise)).find((c) => /(^|[^.\w])check(Function)?\s*\(/m.test(c.source));
  const wrongFile = join(repoRoot, "tests", "exercises", basename(path).replace(/\.ipynb$/, ".wrong.ts"));
  const wrong = exercise && existsSync(wrongFile) ? ((await import(wrongFile)) as { default: Record<string, string[]> }).default[exercise.id] : undefined;
  if (!exercise || !check || !wrong) {
    problems.push(`${name}: no exercise with a check and a wrong answer (tests/exercises) to try`);
    return;
  }
  // ❌ then ✅: the wrong answer from tests/exercises, then the course's own solution.
  await typeInto(page, exercise.id, replaceSolutions(exercise.source, (indent) => wrong.map((l) => indent + l)));
  await run(page, exercise.id);
  const wrongRun = await run(page, check.id);
  if (!wrongRun.text.includes("❌") || !/hint/i.test(wrongRun.text) || wrongRun.text.includes("✅")) {
    problems.push(`${name}: a wrong answer to exercise ${exercise.id} should get ❌ and a hint; the check printed:\n${wrongRun.text}`);
  }
  await typeInto(page, exercise.id, exercise.source);
  await run(page, exercise.id);
  const rightRun = await run(page, check.id);
  if (!rightRun.text.includes("✅") || rightRun.text.includes("❌")) {
    problems.push(`${name}: the course's answer to exercise ${exercise.id} should get ✅; the check printed:\n${rightRun.text}`);
  }

  // A runaway cell: Stop ends it, the page stays usable, and earlier variables are still there.
  const [first, loop, after] = [code[0].id, code[1].id, code[2].id];
  await typeInto(page, first, "const keptAcrossStop = 41;");
  await run(page, first);
  await typeInto(page, loop, 'console.log("looping");\nwhile (true) {}');
  await page.evaluate((id) => {
    const live = window.__nnLive!;
    (window as unknown as { loopRun: Promise<boolean> }).loopRun = live.runCell(live.cell(id)!);
  }, loop);
  await page.waitForFunction((id) => window.__nnLive!.cell(id)!.outputsBox.textContent?.includes("looping"), loop, { timeout: 0 });
  await page.getByRole("button", { name: "■ Stop" }).click();
  const stopped = await page.evaluate(async (id) => {
    const ok = await (window as unknown as { loopRun: Promise<boolean> }).loopRun;
    return { ok, text: window.__nnLive!.cell(id)!.outputsBox.textContent ?? "" };
  }, loop);
  if (stopped.ok || !stopped.text.includes("Stopped")) problems.push(`${name}: Stop should end while (true) {} and say "Stopped"; the cell shows: ${stopped.text}`);
  await typeInto(page, after, "keptAcrossStop + 1");
  const next = await run(page, after);
  if (!next.ok || next.text.trim() !== "42") problems.push(`${name}: after Stop, the next cell should find keptAcrossStop and print 42; it printed: ${next.text}`);

  // A type error is reported as tslab reports it (line:column - message), and not run; a run-time error
  // gives its message and the cell's line.
  await typeInto(page, after, 'console.log("ran");\nconst typed: number = "seven";');
  const typeError = await run(page, after);
  if (typeError.ok || !typeError.text.includes("2:7 - Type 'string' is not assignable to type 'number'.") || typeError.text.includes("ran")) {
    problems.push(`${name}: a type error should be reported as "2:7 - Type 'string' is not assignable to type 'number'." and the cell not run; it printed: ${typeError.text}`);
  }
  await typeInto(page, after, 'const list: number[] = [];\nconst first = list[0];\nconsole.log(first.toFixed(2));');
  const runtimeError = await run(page, after);
  if (runtimeError.ok || !/TypeError: Cannot read properties of undefined \(reading 'toFixed'\)\s+at line 3 of this cell/.test(runtimeError.text)) {
    problems.push(`${name}: a run-time error should show its message and "at line 3 of this cell"; it printed: ${runtimeError.text}`);
  }

  // An edit survives a reload; Reset cell puts back the page's code.
  const pageCode = await page.evaluate((id) => window.__nnLive!.cell(id)!.original, first);
  await page.reload();
  await page.waitForFunction(() => window.__nnLive !== undefined);
  const kept = await page.evaluate((id) => window.__nnLive!.cell(id)!.editor.value, first);
  if (kept !== "const keptAcrossStop = 41;") problems.push(`${name}: an edit did not survive a reload; the cell holds: ${kept}`);
  // Download .ipynb: the learner's code, in a notebook Jupyter reads (nbconvert parses and validates it).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "⬇ Download .ipynb" }).click()]);
  const saved = join(mkdtempSync(join(tmpdir(), "course-download-")), download.suggestedFilename());
  await download.saveAs(saved);
  if (basename(saved) !== basename(path)) problems.push(`${name}: Download .ipynb should save ${basename(path)}, not ${basename(saved)}`);
  try {
    const converted = execFileSync("jupyter", ["nbconvert", "--to", "notebook", "--stdout", saved], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const cell = (JSON.parse(converted) as Notebook).cells.find((c) => c.id === first);
    if (!cell || joinText(cell.source) !== "const keptAcrossStop = 41;") problems.push(`${name}: the downloaded notebook should hold the learner's code in cell ${first}; it holds: ${cell ? joinText(cell.source) : "no such cell"}`);
  } catch (e) {
    problems.push(`${name}: Jupyter (nbconvert) could not read the downloaded notebook: ${(e as { stderr?: string }).stderr ?? e}`);
  } finally {
    rmSync(dirname(saved), { recursive: true, force: true });
  }
  await page.locator(`section[id="${first}"] button.reset`).click();
  const reset = await page.evaluate((id) => window.__nnLive!.cell(id)!.editor.value, first);
  if (reset !== pageCode) problems.push(`${name}: Reset cell should put back the page's code; the cell holds: ${reset}`);
  // Leave the page's storage as the learner found it: every edit reset.
  for (const id of await page.evaluate(() => Array.from(document.querySelectorAll("section.cell.edited"), (s) => s.id))) {
    await page.locator(`section[id="${id}"] button.reset`).click();
  }
  const left = await page.evaluate(() => Object.keys(localStorage).length);
  if (left) problems.push(`${name}: Reset cell on every edited cell should leave nothing in the browser's storage; ${left} item(s) left`);
}

/** The built folder opened from disk (file://), as a learner who downloaded it would: the first cell runs. */
export async function fromDisk(context: BrowserContext, siteFolder: string, path: string, problems: string[]): Promise<void> {
  const name = `${basename(path)} (site from disk)`;
  const file = join(siteFolder, basename(path).replace(/\.ipynb$/, ".html"));
  const page = await openPage(context, pathToFileURL(file).href, problems, name);
  try {
    const first = readNotebook(path).cells.find((c) => c.cell_type === "code")!;
    const outputs = await page.evaluate(async (id) => {
      const live = window.__nnLive!;
      await live.runCell(live.cell(id)!);
      return live.outputs()[id];
    }, first.id);
    const stored = JSON.stringify(comparableOutputs(first.outputs, comparableHtml));
    const got = JSON.stringify(comparableOutputs(outputs as never, comparableHtml));
    if (stored !== got) problems.push(`${name}, cell ${first.id}: the page printed something else than Jupyter stored.\n${firstDifference(stored, got)}`);
  } finally {
    await page.close();
  }
}

/** The whole browser check of the live site. */
export async function checkLiveSite(siteFolder: string, paths: readonly string[]): Promise<LiveRun> {
  const started = Date.now();
  const problems: string[] = [];
  const pages: LiveRun["pages"] = [];
  // The learner's actions are tried on the first notebook with exercises (01), after its Run all.
  const interactive = paths.find((p) => readNotebook(p).cells.some((c) => c.cell_type === "code" && hasSolution(joinText(c.source))));
  const server = await serveSite(siteFolder, { port: 0 });
  try {
    await withBrowser(async (context) => {
      for (const path of paths) {
        const url = `${server.url}${basename(path).replace(/\.ipynb$/, ".html")}`;
        const run = await runAllAndCompare(context, url, path, problems, path === interactive ? (page) => interactions(page, path, problems) : undefined);
        pages.push(run);
        console.log(`  site       ${run.notebook.padEnd(32)} ${(run.runAllMs / 1000).toFixed(1).padStart(6)} s  ${run.cells} cells run in the page (first output ${(run.firstOutputMs / 1000).toFixed(1)} s after opening it)`);
      }
      await fromDisk(context, siteFolder, paths[0], problems);
    });
  } finally {
    await server.close();
  }
  return { problems, pages, ms: Date.now() - started };
}
