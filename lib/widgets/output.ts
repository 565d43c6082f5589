/**
 * How a widget travels in a notebook: one text/html output holding a still figure and a <script>.
 * Where scripts run (a trusted notebook in classic Notebook or JupyterLab, VS Code, the course's static
 * site), the script builds the live widget and puts it in the figure's place; where they do not (an
 * untrusted notebook, a preview on GitHub) the sanitiser drops the script and the figure stays.
 *
 * The script holds the widget's bundle (its browser code and the engine modules it uses) and its data
 * as JSON. Nothing is fetched: no network, no CDN. The widget's id is a hash of its content, so the
 * same widget gives byte-identical output on every run.
 */
import { Figure, compactDrawing, escapeHtml, withStill } from "../figures/render";
import { bundle } from "./bundle";

/** JSON that can sit inside a <script> element: "<", ">" and "&" escaped, so "</script>" or "<!--" cannot occur. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A short, stable hash of a text (32-bit FNV-1a, as 8 hex digits). */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

// Finds the widget's element and starts it. In JupyterLab, VS Code and plain pages the script knows
// its own element (document.currentScript); classic Notebook runs scripts before it inserts the output
// into the page, so there the script waits until an element with its id appears. Each element starts
// once (data-nn-started), however many copies of the script run.
const boot = `
function begin(root) {
  if (root.hasAttribute("data-nn-started")) return;
  root.setAttribute("data-nn-started", "");
  var fallback = root.querySelector("[data-nn-fallback]");
  var live = document.createElement("div");
  live.setAttribute("data-nn-live", "");
  try {
    start(live, data);
  } catch (e) {
    console.warn("This interactive figure could not start, so its still picture stays:", e);
    return;
  }
  if (fallback) root.replaceChild(live, fallback);
  else root.insertBefore(live, root.firstChild);
}
var me = document.currentScript;
var host = me && me.parentNode;
if (host && host.getAttribute && host.getAttribute("data-nn-widget") === id) {
  begin(host);
} else {
  var tries = 0;
  (function look() {
    var roots = document.querySelectorAll('[data-nn-widget="' + id + '"]:not([data-nn-started])');
    for (var k = 0; k < roots.length; k++) begin(roots[k]);
    if (!roots.length && ++tries < 600) setTimeout(look, 25);
  })();
}
`;

export interface WidgetParts {
  /** A short name: "playground", "fit", "inspector", "boundary". */
  kind: string;
  /** The browser entry under lib/, e.g. "widgets/client/playground"; it exports start(element, data). */
  entry: string;
  /** Everything the browser code needs, as plain JSON. */
  data: unknown;
  /** The still picture shown where scripts cannot run. */
  fallback: Figure;
  /** A line under the still picture, saying how to get the live widget. */
  note?: string;
  /** The widget's title, also shown above the still picture (plain text). */
  title?: string;
}

/** The default line under a widget's still picture. */
export const stillNote =
  "This is a still picture of an interactive figure. To use it, run the notebook in Jupyter (trusted), or open the course's site (npm start without Jupyter, or npm run build).";

/**
 * The still figure with its drawing coordinates rounded to a tenth of a pixel (invisible, and a third
 * smaller for contours and networks with hundreds of lines). Text, colours and labels are untouched.
 */
export function compactFigure(html: string): string {
  return compactDrawing(html);
}

/** One self-contained HTML output for a widget. */
export function widgetOutput(parts: WidgetParts): Figure {
  const json = scriptJson(parts.data);
  const still = compactFigure(parts.fallback.html);
  // Plot numbers its clip paths and markers with process-wide counters; they must not change the id.
  const stableFallback = still.replace(/plot-(clip|marker|pattern|gradient)-\d+/g, "plot-$1");
  const id = `nnw-${parts.kind}-${contentHash(`${parts.kind}\n${json}\n${stableFallback}`)}`;
  const { code } = bundle(parts.entry);
  const script =
    `(function () {\n"use strict";\nvar id = "${id}";\nvar data = ${json};\n${code.trim()}\n` +
    `var start = __nnWidget.start;\n${boot.trim()}\n})();`;
  const note = parts.note ?? stillNote;
  return {
    html:
      `<div class="nn-widget" data-nn-widget="${id}">` +
      `<div data-nn-fallback="">` +
      (parts.title ? `<div style="font: 600 14px system-ui, sans-serif; margin: 0 0 6px;">${escapeHtml(parts.title)}</div>` : "") +
      withStill(still) +
      `<p style="font: 12px system-ui, sans-serif; opacity: 0.75; margin: 4px 0 0;">${escapeHtml(note)}</p></div>` +
      `<script>\n${script}\n</script></div>`,
  };
}
