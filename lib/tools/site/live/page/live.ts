// The course site's pages as live notebooks: every code cell becomes editable, with Run (Shift+Enter),
// an execution count and Reset; a bar offers Run all, Stop, Restart and Download .ipynb. Cells run in the
// kernel worker (kernel-client.ts); their outputs replace the stored ones below the cell, drawn as
// Jupyter draws them (printed text, HTML figures, widgets whose scripts run). A learner's edits are kept in
// the browser's storage, per page and cell, and survive a reload.
import { CellListener, KernelClient, KernelState, Output } from "./kernel-client";
import { liveStyle } from "./style";

interface NotebookCell {
  cell_type: "markdown" | "code" | "raw";
  id: string;
  metadata: Record<string, unknown>;
  source: string;
}
interface PageNotebook {
  file: string;
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
  cells: NotebookCell[];
}

interface LiveCell {
  id: string;
  original: string;
  section: HTMLElement;
  editor: HTMLTextAreaElement;
  count: HTMLElement;
  outputsBox: HTMLElement;
  /** Outputs of the last run in this page, as nbformat stores them; undefined until the cell runs here. */
  outputs: Output[] | undefined;
  executionCount: number | null;
  running: boolean;
}

const storagePrefix = "how-neural-networks-learn";

function readNotebook(): PageNotebook | undefined {
  const data = document.getElementById("nn-notebook");
  return data?.textContent ? (JSON.parse(data.textContent) as PageNotebook) : undefined;
}

function storageKey(notebook: PageNotebook, id: string): string {
  return `${storagePrefix}:${notebook.file}:${id}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Puts HTML into `box` and runs its scripts, as Jupyter does for a trusted output. */
function setHtml(box: HTMLElement, html: string): void {
  box.innerHTML = html;
  for (const old of Array.from(box.querySelectorAll("script"))) {
    const script = document.createElement("script");
    for (const a of Array.from(old.attributes)) script.setAttribute(a.name, a.value);
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
}

/** One output's element. */
function renderOutput(output: Output): HTMLElement {
  if (output.output_type === "stream") return el("pre", { class: output.name }, output.text);
  const data = output.data;
  const box = el("div", { class: "html" });
  if (data["text/html"] !== undefined) setHtml(box, data["text/html"]);
  else if (data["image/svg+xml"] !== undefined) setHtml(box, data["image/svg+xml"]);
  else if (data["image/png"] !== undefined) box.appendChild(el("img", { alt: "", src: `data:image/png;base64,${data["image/png"]}` }));
  else if (data["text/plain"] !== undefined) return el("pre", {}, data["text/plain"]);
  return box;
}

function autosize(editor: HTMLTextAreaElement): void {
  editor.style.height = "auto";
  editor.style.height = `${editor.scrollHeight + 2}px`;
}

class LivePage {
  private readonly kernel: KernelClient;
  private readonly cells: LiveCell[] = [];
  private executionCount = 0;
  private status!: HTMLElement;
  private stopButton!: HTMLButtonElement;
  /** When the first cell run in this page finished (performance.now(), from the page's opening). */
  firstOutputAt: number | undefined;
  /** Raised by Stop and Restart: a Run all in progress ends. */
  private generation = 0;

  constructor(private readonly notebook: PageNotebook, runtimeFolder: string) {
    this.kernel = new KernelClient(runtimeFolder);
    this.kernel.onState = (state, note) => this.showState(state, note);
  }

  mount(): void {
    const style = el("style", {}, liveStyle);
    document.head.appendChild(style);
    const sources = new Map(this.notebook.cells.map((c) => [c.id, c]));
    for (const section of Array.from(document.querySelectorAll<HTMLElement>("section.cell.code"))) {
      const cell = sources.get(section.id);
      if (cell) this.cells.push(this.makeLive(section, cell));
    }
    this.mountBar();
    this.showState("off");
  }

  private mountBar(): void {
    const bar = el("div", { class: "live-bar", role: "toolbar", "aria-label": "Notebook" });
    const button = (label: string, title: string, action: () => void) => {
      const b = el("button", { type: "button", title }, label);
      b.addEventListener("click", action);
      bar.appendChild(b);
      return b;
    };
    button("▶▶ Run all", "Run every cell from the top", () => void this.runAll());
    this.stopButton = button("■ Stop", "Stop the running cell", () => void this.stop());
    button("↻ Restart", "Start a fresh kernel: nothing defined", () => void this.restart());
    button("⬇ Download .ipynb", "Save this notebook with your code, to open in Jupyter", () => this.download());
    this.status = el("span", { class: "live-status", role: "status", "aria-live": "polite" });
    bar.appendChild(this.status);
    const main = document.querySelector("main");
    const notice = main?.querySelector(".notice");
    if (notice) notice.after(bar);
    else main?.prepend(bar);
  }

  private showState(state: KernelState, note?: string): void {
    const words: Record<KernelState, string> = {
      off: "Edit any code cell and press Shift+Enter (or ▶) to run it, right here in your browser.",
      starting: "Starting the kernel: ",
      idle: "Kernel ready.",
      busy: "Running…",
      restoring: "Stopped. The kernel restarted: ",
    };
    this.status.textContent = `${words[state]}${note ?? ""}`;
    this.status.dataset.state = state;
    this.stopButton.disabled = !(state === "busy" || state === "restoring" || state === "starting");
  }

  private makeLive(section: HTMLElement, cell: NotebookCell): LiveCell {
    const pre = section.querySelector("pre.source");
    const original = cell.source.replace(/\s+$/, "");
    const saved = storage()?.getItem(storageKey(this.notebook, cell.id));
    const editor = el("textarea", { class: "source", spellcheck: "false", autocapitalize: "off", autocomplete: "off", "aria-label": "Code cell" });
    editor.value = saved ?? original;
    const tools = el("div", { class: "cell-tools" });
    const run = el("button", { type: "button", class: "run", title: "Run this cell (Shift+Enter)" }, "▶ Run");
    const count = el("span", { class: "count", title: "Execution count" }, "[ ]");
    const reset = el("button", { type: "button", class: "reset", title: "Put back the course's code for this cell" }, "Reset cell");
    tools.append(run, count, reset);
    let outputsBox = section.querySelector<HTMLElement>(".outputs");
    if (!outputsBox) {
      outputsBox = el("div", { class: "outputs" });
      section.appendChild(outputsBox);
    }
    pre?.replaceWith(editor);
    section.insertBefore(tools, editor);
    const live: LiveCell = { id: cell.id, original, section, editor, count, outputsBox, outputs: undefined, executionCount: null, running: false };
    const markEdited = () => section.classList.toggle("edited", editor.value !== original);
    markEdited();
    editor.addEventListener("input", () => {
      autosize(editor);
      markEdited();
      const store = storage();
      if (editor.value === original) store?.removeItem(storageKey(this.notebook, cell.id));
      else store?.setItem(storageKey(this.notebook, cell.id), editor.value);
    });
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.runCell(live).then(() => {
          if (event.shiftKey) this.focusNext(live);
        });
      } else if (event.key === "Tab" && !event.shiftKey) {
        event.preventDefault();
        editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
        editor.dispatchEvent(new Event("input"));
      }
    });
    run.addEventListener("click", () => void this.runCell(live));
    reset.addEventListener("click", () => {
      editor.value = original;
      editor.dispatchEvent(new Event("input"));
    });
    requestAnimationFrame(() => autosize(editor));
    return live;
  }

  private focusNext(cell: LiveCell): void {
    const next = this.cells[this.cells.indexOf(cell) + 1];
    if (next) {
      next.editor.focus();
      next.editor.scrollIntoView({ block: "nearest" });
    }
  }

  /** Runs one cell; resolves true when it ran without an error. */
  async runCell(cell: LiveCell): Promise<boolean> {
    if (cell.running) return false;
    cell.running = true;
    cell.section.classList.add("running");
    cell.count.textContent = "[*]";
    const outputs: Output[] = [];
    const elements: HTMLElement[] = [];
    cell.outputs = outputs;
    cell.outputsBox.replaceChildren();
    const listener: CellListener = {
      output: (output, replaces) => {
        const node = renderOutput(output);
        if (replaces !== undefined && elements[replaces]) {
          outputs[replaces] = output;
          elements[replaces].replaceWith(node);
          elements[replaces] = node;
          return replaces;
        }
        outputs.push(output);
        elements.push(node);
        cell.outputsBox.appendChild(node);
        return outputs.length - 1;
      },
      stream: (name, text) => {
        const k = outputs.length - 1;
        const last = outputs[k];
        if (last && last.output_type === "stream" && last.name === name) {
          last.text += text;
          elements[k].textContent = last.text;
          return;
        }
        listener.output({ output_type: "stream", name, text });
      },
    };
    const result = await this.kernel.run(cell.editor.value, listener);
    this.firstOutputAt ??= performance.now();
    cell.running = false;
    cell.section.classList.remove("running");
    if (result.finished) {
      cell.executionCount = ++this.executionCount;
      cell.count.textContent = `[${cell.executionCount}]`;
    } else {
      cell.count.textContent = "[ ]";
      if (cell.outputs === outputs && outputs.length + 1 > 0) listener.stream("stderr", "Stopped.\n");
    }
    cell.section.classList.toggle("failed", result.finished && !result.ok);
    return result.ok;
  }

  /** Runs every cell from the top, stopping at the first error (as Jupyter's Run All does). */
  async runAll(): Promise<boolean> {
    const round = this.generation;
    for (const cell of this.cells) {
      if (round !== this.generation) return false;
      if (!(await this.runCell(cell))) return false;
    }
    return true;
  }

  async stop(): Promise<void> {
    this.generation++;
    await this.kernel.stop();
  }

  async restart(): Promise<void> {
    this.generation++;
    this.executionCount = 0;
    for (const cell of this.cells) cell.count.textContent = "[ ]";
    await this.kernel.restart();
  }

  /** The notebook as Jupyter stores it, with the learner's code and the outputs of cells run here. */
  toIpynb(): string {
    const byId = new Map(this.cells.map((c) => [c.id, c]));
    const lines = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const cells = this.notebook.cells.map((cell) => {
      if (cell.cell_type !== "code") return { ...cell, source: lines(cell.source) };
      const live = byId.get(cell.id);
      const outputs = (live?.outputs ?? []).map((o) => (o.output_type === "stream" ? { ...o, text: lines(o.text) } : { ...o, data: Object.fromEntries(Object.entries(o.data).map(([k, v]) => [k, k.startsWith("image/") && k !== "image/svg+xml" ? v : lines(v)])) }));
      return { cell_type: "code", execution_count: live?.executionCount ?? null, id: cell.id, metadata: cell.metadata, outputs, source: lines(live ? live.editor.value : cell.source) };
    });
    const { file: _file, ...rest } = this.notebook;
    return `${JSON.stringify({ ...rest, cells }, null, 1)}\n`;
  }

  download(): void {
    const blob = new Blob([this.toIpynb()], { type: "application/x-ipynb+json" });
    const a = el("a", { href: URL.createObjectURL(blob), download: this.notebook.file });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** For tests and the curious: the outputs of each cell run in this page, by cell id. */
  outputs(): Record<string, Output[] | undefined> {
    return Object.fromEntries(this.cells.map((c) => [c.id, c.outputs]));
  }

  cell(id: string): LiveCell | undefined {
    return this.cells.find((c) => c.id === id);
  }

  get kernelState(): KernelState {
    return this.kernel.state;
  }
}

declare global {
  interface Window {
    __nnLive?: LivePage;
  }
}

function main(): void {
  const notebook = readNotebook();
  if (!notebook) return;
  const script = document.querySelector<HTMLScriptElement>("script[data-nn-runtime]");
  const runtimeFolder = script?.dataset.nnRuntime ?? "runtime";
  const page = new LivePage(notebook, runtimeFolder);
  page.mount();
  window.__nnLive = page;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", main);
else main();
