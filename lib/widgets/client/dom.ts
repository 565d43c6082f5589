/// <reference lib="dom" />
/**
 * Small helpers for building the widgets' pages by hand: elements, SVG, sliders, buttons, and the one
 * stylesheet every widget carries. Text always goes in through textContent, never as markup, so a
 * label such as "<b>" shows as those three characters.
 */

export const svgNamespace = "http://www.w3.org/2000/svg";

/** The course's colours (the same as lib/figures' palette). */
export const colors = {
  blue: "#3b82c4",
  orange: "#e8833a",
  red: "#d64545",
  green: "#2e9d5b",
  gray: "#8a8f98",
  positive: "#3b82c4",
  negative: "#d64545",
  class0: "#4aa3df",
  class1: "#2bb673",
  /** Neurons are light discs with dark text, readable on light and dark pages alike. */
  node: "#f3f4f6",
  nodeStroke: "#4b5563",
  nodeText: "#111827",
  ink: "#1f3a68",
};

type Child = Node | string | null | undefined | false;

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  append(node, children);
  return node;
}

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNamespace, tag) as SVGElementTagNameMap[K];
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

/** Sets several attributes at once. */
export function set(node: Element, attributes: Record<string, string | number>): void {
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
}

/** Replaces an element's text (never parsed as markup). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Mixes two hex colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  const u = Math.min(1, Math.max(0, t));
  return `#${pa.map((v, i) => Math.round(v + (pb[i] - v) * u).toString(16).padStart(2, "0")).join("")}`;
}

export interface Slider {
  /** The row: name, range input, value. */
  row: HTMLElement;
  input: HTMLInputElement;
  /** Moves the slider to `value` (widening its range if needed) and shows it (or `text`), without an event. */
  show(value: number, text?: string): void;
}

export interface SliderOptions {
  name: string;
  min: number;
  max: number;
  step: number;
  value: number;
  format: (value: number) => string;
  /** What the slider is for, e.g. "in-0" or "w-1-0-2"; tests find sliders and values by it. */
  key: string;
  onInput: (value: number) => void;
}

/** A labelled range slider that shows its value; `onInput` runs as it moves. */
export function slider(options: SliderOptions): Slider {
  const input = el("input", {
    type: "range",
    min: String(options.min),
    max: String(options.max),
    step: String(options.step),
    "data-nn-param": options.key,
    "aria-label": options.name,
  });
  input.value = String(options.value);
  const readout = el("span", { class: "nnw-readout", "data-nn-readout": options.key });
  const name = el("span", { class: "nnw-name" }, options.name);
  const row = el("label", { class: "nnw-slider" }, name, input, readout);
  const show = (value: number, text?: string) => {
    if (value < Number(input.min)) input.min = String(Math.floor(value));
    if (value > Number(input.max)) input.max = String(Math.ceil(value));
    input.value = String(value);
    setText(readout, text ?? options.format(value));
    readout.setAttribute("data-exact", String(value));
  };
  input.addEventListener("input", () => {
    const value = Number(input.value);
    setText(readout, options.format(value));
    readout.setAttribute("data-exact", String(value));
    options.onInput(value);
  });
  show(options.value);
  return { row, input, show };
}

/** A button; `pressed` makes it a toggle that screen readers announce as such. */
export function button(label: string, onClick: () => void, key?: string): HTMLButtonElement {
  const node = el("button", { type: "button", class: "nnw-button" }, label);
  if (key) node.setAttribute("data-nn-button", key);
  node.addEventListener("click", onClick);
  return node;
}

/** A Play / Pause button: Play runs `begin`, then `step` every `ms` milliseconds until it returns false or Pause is pressed. */
export function playButton(begin: () => void, step: () => boolean, ms: number): { button: HTMLButtonElement; pause(): void } {
  let playing: number | null = null;
  const node = button("▶ Play", () => (playing === null ? play() : pause()), "play");
  const pause = (): void => {
    if (playing !== null) window.clearInterval(playing);
    playing = null;
    setText(node, "▶ Play");
    node.setAttribute("aria-pressed", "false");
  };
  const play = (): void => {
    begin();
    setText(node, "❚❚ Pause");
    node.setAttribute("aria-pressed", "true");
    playing = window.setInterval(() => {
      if (!step()) pause();
    }, ms);
  };
  return { button: node, pause };
}

/** The stylesheet every widget carries inside its own root (so each output stands alone). */
export function styleSheet(): HTMLStyleElement {
  return el(
    "style",
    {},
    `
.nnw { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: inherit; max-width: 100%; margin: 4px 0 8px; }
.nnw * { box-sizing: border-box; }
.nnw [hidden] { display: none !important; }
.nnw-title { font-weight: 600; font-size: 14px; margin: 0 0 6px; }
.nnw-row { display: flex; flex-wrap: wrap; gap: 14px 22px; align-items: flex-start; }
.nnw-column { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.nnw-slider { display: grid; grid-template-columns: 4.2em var(--nnw-track, 150px) 4.6em; align-items: center; gap: 8px; margin: 0; font-weight: normal; }
.nnw-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.nnw-slider input { width: var(--nnw-track, 150px); margin: 0; accent-color: ${colors.blue}; }
.nnw-readout, .nnw-number { font-variant-numeric: tabular-nums; white-space: nowrap; }
.nnw-readout { text-align: right; }
.nnw-group { font-size: 12px; opacity: 0.8; margin: 6px 0 0; }
.nnw-button { font: inherit; color: inherit; background: rgba(128, 128, 128, 0.12); border: 1px solid rgba(128, 128, 128, 0.55); border-radius: 6px; padding: 3px 12px; cursor: pointer; line-height: 1.4; }
.nnw-button:hover { background: rgba(128, 128, 128, 0.24); }
.nnw-button:focus-visible { outline: 2px solid ${colors.blue}; outline-offset: 1px; }
.nnw-button[aria-pressed="true"] { background: rgba(59, 130, 196, 0.28); }
.nnw-buttons { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 4px 0; }
.nnw-panel { border: 1px solid rgba(128, 128, 128, 0.4); border-radius: 8px; padding: 8px 10px; }
.nnw-note { font-size: 12px; opacity: 0.75; margin: 2px 0; }
.nnw-mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.nnw-lines { margin: 2px 0; white-space: pre-wrap; }
.nnw-grid { display: grid; gap: 2px 8px; align-items: baseline; }
.nnw-svg { display: block; max-width: 100%; height: auto; overflow: visible; }
.nnw-svg text { font: 11px system-ui, -apple-system, "Segoe UI", sans-serif; }
.nnw-label { fill: currentColor; }
.nnw-axis line, .nnw-axis path { stroke: currentColor; stroke-opacity: 0.35; fill: none; }
.nnw-gridline { stroke: currentColor; stroke-opacity: 0.1; }
.nnw-clickable { cursor: pointer; }
.nnw-selected { stroke: ${colors.orange} !important; stroke-width: 3px !important; }
.nnw-bar-track { fill: currentColor; fill-opacity: 0.08; }
`,
  );
}

/** A widget's outer element, with its stylesheet and an optional title (plain text). */
export function widgetRoot(title?: string): HTMLElement {
  const root = el("div", { class: "nnw" }, styleSheet());
  if (title) root.appendChild(el("div", { class: "nnw-title" }, title));
  return root;
}

/** Calls `frame` on every animation frame until it returns false or `stop()` is called. */
export function animate(frame: () => boolean): { stop(): void } {
  let running = true;
  const tick = () => {
    if (!running) return;
    if (frame()) requestAnimationFrame(tick);
    else running = false;
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
    },
  };
}
