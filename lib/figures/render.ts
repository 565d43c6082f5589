/**
 * Rendering Observable Plot figures without a browser: jsdom supplies the document, and every figure
 * comes out as a self-contained HTML string (an <svg>, or a <figure> with a caption). Text is never
 * measured, so the same data gives byte-identical output on every machine.
 */
import { Plot, PlotOptions } from "./plot";
import { createRequire } from "node:module";
import { join } from "node:path";

/** A finished figure: HTML that a notebook shows inline and a test can compare. */
export interface Figure {
  readonly html: string;
}

/** What every figure says about itself, for readers and for screen readers. */
export interface Described {
  /** A sentence shown under the figure. */
  caption?: string;
  /** What the figure shows, for screen readers (aria-label). */
  description?: string;
}

/** A panel with two axes: a title above it, its width, and the axes' names (each figure says its defaults). */
export interface PanelOptions extends Described {
  /** A title drawn above the panel, such as "epoch 40". */
  title?: string;
  width?: number;
  xLabel?: string;
  yLabel?: string;
}

/**
 * The few DOM features the figures use. Declared here rather than taken from the DOM type library,
 * because notebooks compile with tslab's settings, which have no DOM types.
 */
export interface FigureElement {
  tagName: string;
  outerHTML: string;
  innerHTML: string;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  setAttributeNS(namespace: string, name: string, value: string): void;
  appendChild(child: FigureElement): unknown;
  querySelectorAll(selector: string): ArrayLike<FigureElement>;
}

/** The document Plot draws into. */
export interface FigureDocument {
  createElement(tag: string): FigureElement;
}

/**
 * jsdom, loaded on first use through a plain require with the one constructor the figures need typed
 * here: its full type declarations would cost every notebook's first import a noticeable compile.
 */
type JsdomModule = { JSDOM: new (html: string) => { window: { document: unknown } } };
let sharedDocument: FigureDocument | undefined;

/** The shared jsdom document that Plot draws into. */
export function figureDocument(): FigureDocument {
  if (!sharedDocument) {
    const { JSDOM } = createRequire(join(__dirname, "..", "..", "package.json"))("jsdom") as JsdomModule;
    sharedDocument = new JSDOM("<!doctype html><html><body></body></html>").window.document as FigureDocument;
  }
  return sharedDocument;
}

/** Colours that read on a white page and on a dark one; text and axes use the page's own colour. */
export const palette = {
  blue: "#3b82c4",
  orange: "#e8833a",
  red: "#d64545",
  green: "#2e9d5b",
  purple: "#8e6bbf",
  gray: "#8a8f98",
  /** Class 0 and class 1 in decision boundaries and data points. */
  class0: "#4aa3df",
  class1: "#2bb673",
  /** Positive and negative weights. */
  positive: "#3b82c4",
  negative: "#d64545",
};

/** A fixed series of colours for several runs or curves, in order. */
export const seriesColors = [palette.blue, palette.orange, palette.green, palette.purple, palette.red, palette.gray];

/** Renders Plot options into a Figure: sets the document, the accessible description, and SVG namespaces. */
export function plotFigure(options: PlotOptions & Described): Figure {
  const { description, ...rest } = options;
  const node = Plot.plot({
    ...rest,
    document: figureDocument(),
    ariaLabel: description ?? options.caption,
  } as PlotOptions) as unknown as FigureElement;
  return { html: finishNode(node) };
}

/** Sets SVG namespaces on every <svg> inside `node` (needed when the HTML is saved and reopened). */
export function finishNode(node: FigureElement): string {
  const svgs = node.tagName.toLowerCase() === "svg" ? [node] : Array.from(node.querySelectorAll("svg"));
  for (const svg of svgs) {
    svg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns", "http://www.w3.org/2000/svg");
    svg.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xlink", "http://www.w3.org/1999/xlink");
    if (!svg.getAttribute("role")) svg.setAttribute("role", "img");
  }
  return node.outerHTML;
}

/**
 * Several figures side by side in one <figure> with one caption: for panels such as a decision boundary
 * at three epochs. Each panel keeps its own title; a key shared by the panels goes under them.
 */
export function panelRow(panels: readonly Figure[], options: Described & { key?: Figure } = {}): Figure {
  const doc = figureDocument();
  const figure = doc.createElement("figure");
  figure.setAttribute("style", "margin: 0; max-width: 100%;");
  if (options.description) {
    figure.setAttribute("role", "group");
    figure.setAttribute("aria-label", options.description);
  }
  const row = doc.createElement("div");
  row.setAttribute("style", "display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start;");
  for (const panel of panels) {
    const cell = doc.createElement("div");
    cell.innerHTML = panel.html;
    row.appendChild(cell);
  }
  figure.appendChild(row);
  if (options.key) {
    const key = doc.createElement("div");
    key.innerHTML = options.key.html;
    figure.appendChild(key);
  }
  if (options.caption) {
    const caption = doc.createElement("figcaption");
    caption.textContent = options.caption;
    caption.setAttribute("style", "font: 13px system-ui, sans-serif; margin-top: 6px;");
    figure.appendChild(caption);
  }
  return { html: figure.outerHTML };
}

/** Escapes text for use inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Mixes two hex colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const pa = hexToRgb(a);
  const pb = hexToRgb(b);
  const c = pa.map((v, i) => Math.round(v + (pb[i] - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function hexToRgb(hex: string): number[] {
  const h = hex.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** Keeps at most about `max` evenly spaced points of a long series, always keeping the first and last. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return points.slice();
  const step = (points.length - 1) / (max - 1);
  const kept: T[] = [];
  for (let k = 0; k < max; k++) kept.push(points[Math.round(k * step)]);
  return kept;
}

/**
 * The still copy of a figure for notebooks whose outputs are sanitised (an untrusted notebook in
 * JupyterLab or classic Notebook, a preview): their sanitisers remove <svg> and <style> but keep
 * <img src="data:…">. After each <svg> comes an <img> of the same drawing with explicit colours (dark
 * text on white), and a <style> hides an <img> that follows an <svg>. Where the SVG survives, the style
 * survives too and only the SVG shows (in the page's colours, as before); where the sanitiser removed
 * the SVG, it removed the style as well, and the picture shows. The rule needs the SVG right before
 * the picture, so a trusted output's style never hides the picture of an untrusted one.
 */
export const stillClass = "nn-still";
const stillStyle = `<style>svg+img.${stillClass}{display:none}</style>`;
const stillPattern = new RegExp(`<img class="${stillClass}"[^>]*>`, "g");
const stillOrSvgPattern = new RegExp(`<svg[\\s>][\\s\\S]*?</svg>(${stillPattern.source})?`, "g");

/**
 * Drawing coordinates rounded to a tenth of a pixel (invisible, and a third smaller for contours and
 * networks with hundreds of lines). Text, colours and labels are untouched.
 */
export function compactDrawing(html: string): string {
  return html.replace(/(\s(?:d|points|x|y|x1|y1|x2|y2|cx|cy|r|width|height|transform)=")([^"]*)"/g, (_m, name: string, value: string) =>
    `${name}${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Number(Number(n).toFixed(1))))}"`,
  );
}

/**
 * The still copy made small: cells of a raster (a group of plain filled rectangles) become one path
 * per colour, empty elements close themselves, and labels for screen readers go (the <img> has them
 * as its alt text). The drawing is the same.
 */
export function compactStill(svg: string): string {
  const rect = /<rect x="(-?[\d.]+)" y="(-?[\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"><\/rect>/g;
  return svg
    .replace(new RegExp(`(<g\\b[^>]*>)((?:${rect.source})+)</g>`, "g"), (_all, open: string, rects: string) => {
      const byFill = new Map<string, string>();
      for (const [, x, y, w, h, fill] of rects.matchAll(rect)) byFill.set(fill, `${byFill.get(fill) ?? ""}M${x},${y}h${w}v${h}h-${w}z`);
      return `${open}${[...byFill].map(([fill, d]) => `<path fill="${fill}" d="${d}"></path>`).join("")}</g>`;
    })
    .replace(/\saria-(?:label|hidden|description)="[^"]*"/g, "")
    .replace(/<(\w+)([^<>]*)><\/\1>/g, "<$1$2/>");
}

/**
 * The SVG as a data: URL for an <img>: coordinates rounded to a tenth of a pixel (compactDrawing),
 * made small (compactStill), dark text on a white ground, percent-encoded where a URL or a
 * single-quoted attribute needs it.
 */
export function stillDataUrl(svg: string): string {
  const colours = "color:#222;background:#fff;";
  const fixed = compactStill(compactDrawing(svg)).replace(/^<svg\b[^>]*>/, (open) =>
    /\sstyle="/.test(open) ? open.replace(/\sstyle="/, ` style="${colours}`) : open.replace(/^<svg/, `<svg style="${colours}"`),
  );
  return `data:image/svg+xml;charset=utf-8,${fixed.replace(/[%#<>'&\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}`;
}

/**
 * Figure HTML with a still picture after each <svg>, for sanitised notebooks (see stillClass). An SVG
 * that already has its picture keeps it (a widget's HTML, shown with show(), gets no second one).
 */
export function withStill(html: string): string {
  let added = false;
  const out = html.replace(stillOrSvgPattern, (svg, picture?: string) => {
    if (picture) return svg;
    added = true;
    const label = /^<svg\b[^>]*\saria-label="([^"]*)"/.exec(svg)?.[1] ?? "";
    return `${svg}<img class="${stillClass}" alt="${label}" src='${stillDataUrl(svg)}'>`;
  });
  return added && !out.includes(stillStyle) ? stillStyle + out : out;
}

/** Figure HTML without its still pictures (where scripts and styles always run, as on the course's site). */
export function withoutStill(html: string): string {
  return html.split(stillStyle).join("").replace(stillPattern, "");
}
