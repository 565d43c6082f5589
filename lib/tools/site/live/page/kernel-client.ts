// The page's side of the kernel: starts the worker (runtime/kernel.js holds its code as text, so that a
// page opened from disk can start it too: browsers refuse a worker made from a file:// address, not one
// made from a Blob), sends it cells one at a time, and hands what they print to the page. Stopping a cell
// that never returns means ending the worker: a fresh one is started and the cells that had run before
// are run again quietly, so their variables are back, as after an interrupt in Jupyter.

/** One output, as nbformat stores it. */
export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | { output_type: "display_data"; data: Record<string, string>; metadata: Record<string, unknown> };

type WorkerMessage =
  | { type: "ready"; ms: number }
  | { type: "stream"; cell: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; cell: number; data: Record<string, string>; displayId?: string; update: boolean }
  | { type: "done"; cell: number; ok: boolean; ms: number; compileMs: number }
  | { type: "need"; asset: "mnist" };

export interface CellListener {
  output(output: Output, replaces?: number): number | void;
  stream(name: "stdout" | "stderr", text: string): void;
}

export interface RunResult {
  ok: boolean;
  /** False when the cell was stopped, or the kernel restarted, before it finished. */
  finished: boolean;
  ms: number;
  compileMs: number;
}

declare global {
  interface Window {
    __nnKernelSource?: string;
    __nnMnistPacked?: string;
  }
}

/** Loads a classic script once (runtime/*.js set a global); works from file:// and over http. */
const loading = new Map<string, Promise<void>>();
export function loadScript(src: string): Promise<void> {
  let known = loading.get(src);
  if (!known) {
    known = new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(src);
        reject(new Error(`could not load ${src}`));
      };
      document.head.appendChild(script);
    });
    loading.set(src, known);
  }
  return known;
}

interface Pending {
  cell: number;
  code: string;
  listener: CellListener | undefined;
  resolve(result: RunResult): void;
}

export type KernelState = "off" | "starting" | "idle" | "busy" | "restoring";

export class KernelClient {
  private worker: Worker | undefined;
  private workerUrl: string | undefined;
  private nextCell = 1;
  private readonly pending = new Map<number, Pending>();
  /** Displays by id, per cell: where an update goes. */
  private readonly displays = new Map<string, { cell: number; index: number }>();
  /** The cells that ran without error in this kernel, in order: run again after a stop. */
  private history: string[] = [];
  private replaying = 0;
  state: KernelState = "off";
  onState: (state: KernelState, note?: string) => void = () => undefined;

  constructor(private readonly runtimeFolder: string) {}

  private setState(state: KernelState, note?: string): void {
    this.state = state;
    this.onState(state, note);
  }

  /** Starts the worker if there is none. */
  async start(): Promise<void> {
    if (this.worker) return;
    this.setState("starting", "loading the compiler and the course library…");
    await loadScript(`${this.runtimeFolder}/kernel.js`);
    if (this.worker) return;
    this.workerUrl ??= URL.createObjectURL(new Blob([window.__nnKernelSource ?? ""], { type: "text/javascript" }));
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      for (const p of this.pending.values()) p.listener?.stream("stderr", `The kernel failed: ${event.message}\n`);
    };
    this.worker = worker;
    if (this.state === "starting") this.setState(this.pending.size ? "busy" : "idle");
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    if (message.type === "need") {
      void this.sendMnist(worker);
      return;
    }
    if (message.type === "ready") return;
    const pending = this.pending.get(message.cell);
    if (message.type === "done") {
      if (!pending) return;
      this.pending.delete(message.cell);
      if (message.ok) this.history.push(pending.code);
      pending.resolve({ ok: message.ok, finished: true, ms: message.ms, compileMs: message.compileMs });
      if (!this.pending.size && this.state !== "restoring") this.setState("idle");
      return;
    }
    const listener = pending?.listener;
    if (!listener) return;
    if (message.type === "stream") listener.stream(message.name, message.text);
    else {
      const output: Output = { output_type: "display_data", data: message.data, metadata: {} };
      const known = message.displayId ? this.displays.get(message.displayId) : undefined;
      if (message.update && known && known.cell === message.cell) listener.output(output, known.index);
      else {
        const index = listener.output(output);
        if (message.displayId && typeof index === "number") this.displays.set(message.displayId, { cell: message.cell, index });
      }
    }
  }

  private async sendMnist(worker: Worker): Promise<void> {
    await loadScript(`${this.runtimeFolder}/mnist.js`);
    const text = atob(window.__nnMnistPacked ?? "");
    const bytes = new Uint8Array(text.length);
    for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
    worker.postMessage({ type: "mnist", data: bytes.buffer }, [bytes.buffer]);
  }

  /** Runs a cell's code; resolves when it has finished, failed, or was stopped. */
  async run(code: string, listener?: CellListener): Promise<RunResult> {
    const cell = this.nextCell++;
    const result = new Promise<RunResult>((resolve) => this.pending.set(cell, { cell, code, listener, resolve }));
    await this.start();
    if (!this.pending.has(cell)) return result;
    if (this.state !== "restoring") this.setState("busy");
    this.worker!.postMessage({ type: "run", cell, code });
    return result;
  }

  /** Ends the worker; every cell waiting or running ends unfinished. */
  private end(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.displays.clear();
    for (const p of this.pending.values()) p.resolve({ ok: false, finished: false, ms: 0, compileMs: 0 });
    this.pending.clear();
  }

  /** A fresh kernel: nothing defined, as after Kernel › Restart in Jupyter. */
  async restart(): Promise<void> {
    this.end();
    this.history = [];
    this.setState("off");
    await this.start();
  }

  /**
   * Stops what runs now: the worker ends, a new one starts, and the cells that had run without error are
   * run again quietly, so that the next cell finds their variables.
   */
  async stop(): Promise<void> {
    const again = this.history;
    this.end();
    this.history = [];
    if (!again.length) {
      this.setState("off");
      await this.start();
      return;
    }
    const round = ++this.replaying;
    this.setState("restoring", `restoring the variables of ${again.length} cell${again.length === 1 ? "" : "s"} that ran before…`);
    // All sent now, in order: a cell the learner runs meanwhile queues behind them in the worker.
    const results = await Promise.all(again.map((code) => this.run(code)));
    if (round === this.replaying && results.every((r) => r.finished)) this.setState(this.pending.size ? "busy" : "idle");
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}
