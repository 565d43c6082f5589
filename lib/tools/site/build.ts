// The course as a static website: every notebook rendered to one HTML page (prose, code, printed
// output, figures and live widgets, from the outputs stored in the notebook; nothing is re-run), a
// table of contents, and one stylesheet. The pages need no server and no network: open
// build/site/index.html, or let `npm start` serve it when Jupyter is not installed.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { marked } from "marked";
import { escapeHtml, withoutStill } from "../../figures/render";
import { isCheckCell, isExerciseCell, splitHidden } from "../homework/parts";
import { stripSolutions } from "../homework/solutions";
import { shownIn, withoutMarkers } from "../learner/copy";
import { Cell, Notebook, Output, joinText, readNotebook } from "../notebooks/ipynb";
import { courseNotebooks, repoRoot } from "../notebooks/list";
import { livePageParts, writeRuntime } from "./live/page-parts";
import { siteStyle } from "./style";

export const siteFolder = join(repoRoot, "build", "site");

/** What the table of contents says about one notebook. */
export interface PageInfo {
  /** The notebook's file. */
  path: string;
  /** The page's file name, e.g. "05-layers-and-forward-pass.html". */
  file: string;
  /** "05". */
  number: string;
  /** "Layers and the forward pass". */
  title: string;
  /** The first sentence after the title, if short. */
  summary: string;
}

/** Number and title from the notebook's first heading ("# 05 · Layers and the forward pass"). */
export function pageInfo(path: string, nb: Notebook): PageInfo {
  const file = basename(path).replace(/\.ipynb$/, ".html");
  const first = nb.cells.find((c) => c.cell_type === "markdown");
  const source = first ? joinText(first.source) : "";
  const heading = /^#\s+(.+)$/m.exec(source)?.[1]?.trim() ?? basename(path, ".ipynb");
  const split = /^(\d+)\s*[·:.\-–]\s*(.+)$/.exec(heading);
  const number = split ? split[1] : (/^(\d+)/.exec(basename(path))?.[1] ?? "");
  const title = split ? split[2] : heading;
  const after = source.replace(/^#[^\n]*\n/, "").trim();
  const sentence = /^[^\n]*?[.!?](?=\s|$)/.exec(after.replace(/\s*\n\s*/g, " "))?.[0] ?? "";
  const summary = sentence.length <= 200 ? sentence.replace(/\*\*|__|`/g, "") : "";
  return { path, file, number, title, summary };
}

/** Markdown to HTML; links and bold names of course notebooks point at their pages. */
export function renderMarkdown(source: string, pages: readonly PageInfo[]): string {
  let html = marked.parse(source, { async: false, gfm: true }) as string;
  const known = new Set(pages.map((p) => p.file.replace(/\.html$/, "")));
  html = html.replace(/href="([^"#]+)\.ipynb(#[^"]*)?"/g, (m, name: string, hash: string | undefined) =>
    known.has(basename(name)) ? `href="${basename(name)}.html${hash ?? ""}"` : m,
  );
  html = html.replace(/<(strong|code)>(\d\d-[\w-]+)\.ipynb<\/\1>/g, (m, tag: string, name: string) =>
    known.has(name) ? `<${tag}><a href="${name}.html">${name}.ipynb</a></${tag}>` : m,
  );
  return html;
}

/** Removes terminal colour codes from error text. */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** One output as HTML: printed text as <pre>, figures and widgets as they are. */
export function renderOutput(output: Output): string {
  if (output.output_type === "stream") return `<pre class="${output.name}">${escapeHtml(joinText(output.text))}</pre>`;
  if (output.output_type === "error") return `<pre class="error">${escapeHtml(plain(`${output.ename}: ${output.evalue}`))}</pre>`;
  const data = output.data;
  if (data["text/html"] !== undefined) return `<div class="html">${withoutStill(joinText(data["text/html"]))}</div>`;
  if (data["image/svg+xml"] !== undefined) return `<div class="html">${joinText(data["image/svg+xml"])}</div>`;
  if (data["image/png"] !== undefined) return `<div class="html"><img alt="" src="data:image/png;base64,${joinText(data["image/png"]).replace(/\s/g, "")}"></div>`;
  if (data["text/plain"] !== undefined) return `<pre>${escapeHtml(joinText(data["text/plain"]))}</pre>`;
  return "";
}

function renderCell(cell: Cell, pages: readonly PageInfo[]): string {
  const id = cell.id ? ` id="${escapeHtml(cell.id)}"` : "";
  if (cell.cell_type === "markdown") return `<section class="cell markdown"${id}>\n${renderMarkdown(joinText(cell.source), pages)}</section>`;
  if (cell.cell_type === "raw") return `<pre class="cell raw"${id}>${escapeHtml(joinText(cell.source))}</pre>`;
  const source = joinText(cell.source).replace(/\s+$/, "");
  const outputs = (cell.outputs ?? []).map(renderOutput).join("\n");
  return (
    `<section class="cell code"${id}>\n<pre class="source"><code>${escapeHtml(source)}</code></pre>\n` +
    (outputs ? `<div class="outputs">\n${outputs}\n</div>\n` : "") +
    "</section>"
  );
}

/**
 * A notebook's cells as a reader of the site meets them: the cells meant for Jupyter only (id ending in
 * "-jupyter", such as "press Shift + Enter") left out; every exercise as the learner's stub, its check
 * without an output; and after each check a "Show a solution" the reader opens on purpose, with the
 * worked solution and what the check printed for it.
 */
/** A cell as its page shows it to a learner: an exercise as its stub, a check without hidden tests; none for a Jupyter-only cell. */
function learnerCell(cell: Cell): Cell | undefined {
  if (shownIn(cell) === "jupyter") return undefined;
  const source = joinText(cell.source);
  if (isExerciseCell(cell)) return { ...cell, source: stripSolutions(source), outputs: [] };
  if (isCheckCell(cell)) return { ...cell, source: splitHidden(source).visible.trimEnd(), outputs: [] };
  return cell;
}

/** The notebook as its page shows it to a learner, and as the page's cells run. */
export function learnerView(nb: Notebook): Notebook {
  return { ...nb, cells: nb.cells.map(learnerCell).filter((c): c is Cell => c !== undefined) };
}

export function renderCells(nb: Notebook, pages: readonly PageInfo[]): string {
  const html: string[] = [];
  let exercise: Cell | undefined;
  for (const cell of nb.cells) {
    const shown = learnerCell(cell);
    if (!shown) continue;
    html.push(renderCell(shown, pages));
    if (isExerciseCell(cell)) exercise = cell;
    else if (isCheckCell(cell)) {
      if (exercise) html.push(solutionDetails(exercise, cell));
      exercise = undefined;
    }
  }
  return html.join("\n");
}

function solutionDetails(exercise: Cell, check: Cell): string {
  const code = withoutMarkers(joinText(exercise.source)).replace(/\s+$/, "");
  const outputs = (check.outputs ?? []).map(renderOutput).join("\n");
  return (
    '<details class="solution">\n<summary>Show a solution</summary>\n' +
    "<p>One way to do it. Try it yourself first: a solution you find teaches more than one you read.</p>\n" +
    `<pre class="source"><code>${escapeHtml(code)}</code></pre>\n` +
    (outputs ? `<p>What the check says to it:</p>\n<div class="outputs">\n${outputs}\n</div>\n` : "") +
    "</details>"
  );
}

const siteNotice =
  "Every code cell on this page runs in your browser: change it, then press Shift+Enter or its ▶ Run button. " +
  "Under each cell is what it printed in the course's own run. Exercises start unsolved; each has a solution to open on purpose. " +
  "Your edits stay in this browser (Reset cell brings back the course's code; Download .ipynb saves your notebook for Jupyter).";
const indexNotice =
  "Open any notebook and run its code cells right in your browser: nothing to install. To work in Jupyter instead, " +
  "install the course as its README says and run <code>npm start</code>.";

function layout(title: string, body: string, nav = ""): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="stylesheet" href="style.css">',
    "</head>",
    "<body>",
    `<header class="site"><nav class="pager"><a class="home" href="index.html">How Neural Networks Learn</a>${nav}</nav></header>`,
    `<main>\n${body}\n</main>`,
    '<footer class="site">How Neural Networks Learn: an interactive course in TypeScript notebooks.</footer>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function pager(previous: PageInfo | undefined, next: PageInfo | undefined): string {
  const link = (p: PageInfo | undefined, rel: string, arrow: (s: string) => string) =>
    p ? `<a rel="${rel}" href="${p.file}">${arrow(`${p.number} · ${escapeHtml(p.title)}`)}</a>` : "<span></span>";
  return `<nav class="pager">${link(previous, "prev", (s) => `← ${s}`)}${link(next, "next", (s) => `${s} →`)}</nav>`;
}

/** One notebook's page. */
export function renderPage(nb: Notebook, info: PageInfo, pages: readonly PageInfo[]): string {
  const k = pages.findIndex((p) => p.file === info.file);
  const previous = k > 0 ? pages[k - 1] : undefined;
  const next = k >= 0 && k + 1 < pages.length ? pages[k + 1] : undefined;
  const cells = renderCells(nb, pages);
  // The page's cells run as the learner sees them: exercises as stubs, no Jupyter-only cells.
  const live = livePageParts(learnerView(nb), info.path);
  const body = `${pager(previous, next)}
<p class="notice">${siteNotice}</p>
${cells}
${pager(previous, next)}
${live}`;
  return layout(`${info.number} · ${info.title} · How Neural Networks Learn`, body, ` <span>${escapeHtml(info.number)} · ${escapeHtml(info.title)}</span>`);
}

/** The table of contents. */
export function renderIndex(pages: readonly PageInfo[]): string {
  const items = pages
    .map(
      (p) =>
        `<li><span class="number">${escapeHtml(p.number)}</span><span><a href="${p.file}">${escapeHtml(p.title)}</a>` +
        (p.summary ? `<br><span class="idea">${escapeHtml(p.summary)}</span>` : "") +
        "</span></li>",
    )
    .join("\n");
  const body =
    '<div class="markdown"><h1>How Neural Networks Learn</h1>\n' +
    "<p>A course that takes you from a single neuron to backpropagation, a network that learns XOR, and a classifier " +
    "that reads handwritten digits. Every number in the text was computed by the course's own engine.</p></div>\n" +
    `<ol class="toc">\n${items}\n</ol>\n<p class="notice">${indexNotice}</p>`;
  return layout("How Neural Networks Learn", body);
}

export interface SiteBuild {
  folder: string;
  pages: PageInfo[];
  bytes: number;
  ms: number;
}

/** Renders every notebook (or those given) into `folder`, replacing what was there. */
export function buildSite(paths: readonly string[] = courseNotebooks(), folder = siteFolder): SiteBuild {
  const started = Date.now();
  const notebooks = paths.map((path) => ({ path, nb: readNotebook(path) }));
  const pages = notebooks.map(({ path, nb }) => pageInfo(path, nb));
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    bytes += Buffer.byteLength(text);
  };
  write("style.css", siteStyle.trimStart());
  notebooks.forEach(({ nb }, k) => write(pages[k].file, renderPage(nb, pages[k], pages)));
  // What runs the cells in the browser (lib/tools/site/live).
  bytes += writeRuntime(folder);
  // The table of contents goes last: its time stamp says when the whole site was finished.
  write("index.html", renderIndex(pages));
  return { folder, pages, bytes, ms: Date.now() - started };
}

/** The newest change among the files a site is built from (the notebooks, the site's own code, and lib, which runs in the pages). */
export function newestSource(paths: readonly string[] = courseNotebooks()): number {
  const own = ["build.ts", "style.ts"].map((f) => join(__dirname, f));
  return Math.max(...[...paths, ...own, ...libSources()].map((p) => statSync(p).mtimeMs));
}

/** lib's TypeScript files: the course library and the live runtime both go into the site's runtime/. */
function libSources(folder = join(repoRoot, "lib")): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") found.push(...libSources(path));
    else if (entry.isFile() && path.endsWith(".ts")) found.push(path);
  }
  return found;
}

/** Whether the site in `folder` is missing or older than the notebooks it shows. */
export function siteIsStale(folder = siteFolder, paths: readonly string[] = courseNotebooks()): boolean {
  try {
    const built = statSync(join(folder, "index.html")).mtimeMs;
    const pages = paths.map((p) => join(folder, basename(p).replace(/\.ipynb$/, ".html")));
    for (const page of pages) statSync(page);
    return built < newestSource(paths);
  } catch {
    return true;
  }
}
