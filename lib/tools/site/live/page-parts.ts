// What the site build adds to each notebook's page so that its cells run in the browser: the notebook's
// cells as JSON (the page's script needs their ids and sources, and Download .ipynb its metadata), and the
// page's script. The runtime's files go to runtime/ beside the pages.
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Notebook, joinText } from "../../notebooks/ipynb";
import { siteRuntime } from "./build-runtime";

/** JSON that can sit inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The notebook without its outputs, for the page's script. */
export function pageNotebook(nb: Notebook, file: string): unknown {
  return {
    file,
    metadata: nb.metadata,
    nbformat: nb.nbformat,
    nbformat_minor: nb.nbformat_minor,
    cells: nb.cells.map((c) => ({ cell_type: c.cell_type, id: c.id, metadata: c.metadata, source: joinText(c.source) })),
  };
}

/** The end of a notebook's page: its cells as data, and the script that makes them run. */
export function livePageParts(nb: Notebook, notebookPath: string): string {
  return (
    `<script type="application/json" id="nn-notebook">${scriptJson(pageNotebook(nb, basename(notebookPath)))}</script>\n` +
    '<script src="runtime/page.js" data-nn-runtime="runtime" defer></script>'
  );
}

/** Writes runtime/ into the site's folder; returns the bytes written. */
export function writeRuntime(folder: string): number {
  const runtime = siteRuntime();
  mkdirSync(join(folder, "runtime"), { recursive: true });
  let bytes = 0;
  for (const [name, text] of Object.entries(runtime.files)) {
    writeFileSync(join(folder, "runtime", name), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
