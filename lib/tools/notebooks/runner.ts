// Runs notebooks in worker processes (a fresh in-process tslab kernel for each notebook), compares
// what they print with what is stored in them, and writes fresh outputs back for authors.
import { ChildProcess, fork } from "node:child_process";
import { basename, join, resolve } from "node:path";
import type { CellResult, ExecutionResult, ExtraStep, Job, WorkerMessage } from "./execute";
import { Cell, Notebook, Output, joinText, readNotebook } from "./ipynb";

const root = resolve(__dirname, "..", "..", "..");

export interface RunOptions {
  /**
   * The most time one notebook may take, from the moment a worker starts it (time spent waiting for a
   * free worker does not count), in milliseconds. Default 600 000: generous, so that a busy machine
   * gives a slow run, never a failed one; it only stops a notebook that never ends.
   */
  timeoutMs?: number;
  /** Cells to run again, after the notebook, in the same kernel. */
  extra?: ExtraStep[];
}

export interface NotebookRun {
  path: string;
  result: ExecutionResult;
  /** What each extra step's cells printed, in the order of RunOptions.extra. */
  extra: CellResult[][];
  /** Time from the worker starting this notebook to its last cell. */
  wallMs: number;
  /** Processor time of the worker process when the notebook ended (all its threads, since it started). */
  cpuMs?: number;
  /** Set when the process itself failed (time-out, crash) rather than a cell. */
  crash?: string;
}

interface Pending {
  job: Job;
  timeoutMs: number;
  run: NotebookRun;
  started: number;
  done: (run: NotebookRun) => void;
}

interface Worker {
  child: ChildProcess;
  current?: Pending;
  timer?: NodeJS.Timeout;
  stderr: string;
}

/**
 * Worker processes that run notebooks, `size` at a time. A worker runs one notebook after another (each
 * in a fresh kernel); with `fresh`, every notebook gets a new process, as each gets in Jupyter.
 * Workers end with the process that started them.
 */
export class NotebookPool {
  private readonly queue: Pending[] = [];
  private readonly workers = new Set<Worker>();
  private nextId = 1;

  constructor(
    private readonly size = 2,
    /**
     * compileCache: false makes every cell compile afresh (compile-cache.ts), as in Jupyter; asKernel starts
     * workers with Node's default settings, as the course's kernel spec starts the Jupyter kernel: for measuring.
     */
    private readonly options: { fresh?: boolean; memoryMb?: number; compileCache?: boolean; asKernel?: boolean } = {},
  ) {}

  run(path: string, options: RunOptions = {}): Promise<NotebookRun> {
    return new Promise((done) => {
      const job: Job = { id: this.nextId++, path: resolve(path), extra: options.extra };
      const run: NotebookRun = { path, result: { notebook: job.path, startMs: 0, cells: [] }, extra: (options.extra ?? []).map(() => []), wallMs: 0 };
      this.queue.push({ job, timeoutMs: options.timeoutMs ?? 600_000, run, started: 0, done });
      this.dispatch();
    });
  }

  /** Stops every worker (queued notebooks are not run). */
  close(): void {
    for (const w of this.workers) w.child.kill("SIGKILL");
    this.workers.clear();
  }

  private dispatch(): void {
    for (const w of this.workers) if (!w.current && this.queue.length) this.give(w, this.queue.shift()!);
    while (this.workers.size < this.size && this.queue.length) this.give(this.spawn(), this.queue.shift()!);
  }

  private spawn(): Worker {
    const child = fork(join(root, "lib/tools/run-ts.cjs"), [join(root, "lib/tools/notebooks/execute.ts")], {
      // One thread for V8 (no background compiling or parallel GC): with two workers and the test
      // runner sharing two cores, helper threads cost more than they save (40 s instead of 52 s here).
      execArgv: this.options.asKernel ? [] : [`--max-old-space-size=${this.options.memoryMb ?? 4096}`, "--single-threaded", "--max-semi-space-size=16"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...(this.options.compileCache === false ? { COURSE_COMPILE_CACHE: "off" } : {}) },
    });
    const worker: Worker = { child, stderr: "" };
    this.workers.add(worker);
    child.stderr!.on("data", (d) => (worker.stderr = (worker.stderr + d).slice(-20_000)));
    child.on("message", (m: WorkerMessage) => this.receive(worker, m));
    child.on("exit", (code, signal) => this.exited(worker, code, signal));
    return worker;
  }

  /** A busy worker keeps the caller alive; an idle one must not (when the caller ends, it sees its channel close). */
  private hold(worker: Worker, busy: boolean): void {
    const channel = (worker.child as unknown as { channel?: { ref(): void; unref(): void } }).channel;
    if (busy) {
      worker.child.ref();
      channel?.ref();
    } else {
      worker.child.unref();
      channel?.unref();
    }
  }

  private give(worker: Worker, pending: Pending): void {
    this.hold(worker, true);
    worker.current = pending;
    worker.stderr = "";
    pending.started = Date.now();
    worker.timer = setTimeout(() => {
      pending.run.crash = `timed out after ${pending.timeoutMs / 1000} s`;
      worker.child.kill("SIGKILL");
    }, pending.timeoutMs);
    worker.timer.unref();
    worker.child.send(pending.job);
  }

  private receive(worker: Worker, m: WorkerMessage): void {
    const pending = worker.current;
    if (!pending || m.id !== pending.job.id) return;
    const { run } = pending;
    if (m.type === "start") run.result.startMs = m.startMs;
    else if (m.type === "cell") run.result.cells.push(m.cell);
    else if (m.type === "extra") run.extra[m.step].push(m.cell);
    else if (m.type === "done") {
      run.cpuMs = m.cpuMs;
      this.finish(worker);
      if (this.options.fresh) {
        this.workers.delete(worker);
        worker.child.kill("SIGKILL");
      }
      this.dispatch();
    }
  }

  private finish(worker: Worker): void {
    const pending = worker.current!;
    clearTimeout(worker.timer);
    worker.current = undefined;
    this.hold(worker, false);
    pending.run.wallMs = Date.now() - pending.started;
    pending.done(pending.run);
  }

  private exited(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    if (!this.workers.delete(worker)) return;
    if (worker.current) {
      const { run } = worker.current;
      run.crash ??= `the notebook's process ${signal ? `was stopped (${signal})` : `exited with code ${code}`}${worker.stderr ? `: ${worker.stderr.trim()}` : ""}`;
      this.finish(worker);
    }
    this.dispatch();
  }
}

let shared: NotebookPool | undefined;

/** Executes every code cell of the notebook at `path` in a fresh kernel, on a shared pool of two workers. */
export function runNotebook(path: string, options: RunOptions = {}): Promise<NotebookRun> {
  shared ??= new NotebookPool(2);
  return shared.run(path, options);
}

/** A problem found in a notebook run, with everything a maintainer needs to act on it. */
export interface Problem {
  notebook: string;
  /** 1-based cell number as Jupyter counts cells (markdown included). */
  cell: number;
  cellId: string;
  message: string;
}

/** Finds the failing cell of a run and explains it: cell number, failing line, the real error text. */
export function failures(nb: Notebook, run: NotebookRun): Problem[] {
  const name = basename(run.path);
  const problems: Problem[] = [];
  const failed = run.result.cells.find((c) => !c.ok);
  if (failed) {
    const source = joinText(nb.cells[failed.index].source);
    const errorText = failed.outputs
      .filter((o) => o.output_type === "stream" && o.name === "stderr")
      .map((o) => joinText((o as { text: string }).text))
      .join("")
      .trim();
    const line = failingLine(source, errorText, failed.compiledLine);
    problems.push({
      notebook: name,
      cell: failed.index + 1,
      cellId: failed.id,
      message: `${name}, cell ${failed.index + 1} (id ${failed.id}) failed${line ? ` at line ${line.number}: ${line.text.trim()}` : ""}\n${indent(errorText || "(no error text)")}`,
    });
  } else if (run.crash) {
    const last = run.result.cells[run.result.cells.length - 1];
    const next = nb.cells.findIndex((c, i) => c.cell_type === "code" && i > (last ? last.index : -1));
    problems.push({ notebook: name, cell: next + 1, cellId: nb.cells[next]?.id ?? "", message: `${name}, cell ${next + 1}: ${run.crash}` });
  }
  return problems;
}

/**
 * Works out which line of the cell failed. tslab reports type errors as "line:column - message" and
 * run-time errors with the compiled line and a caret under it; that compiled line is found in the source.
 */
export function failingLine(source: string, errorText: string, compiledLine?: string): { number: number; text: string } | undefined {
  const lines = source.split("\n");
  const typeError = /^(\d+):(\d+) - /m.exec(errorText);
  if (typeError) {
    const n = Number(typeError[1]);
    return { number: n, text: lines[n - 1] ?? "" };
  }
  // tslab rewrites names from earlier cells as exports.name; undo that before looking for the line.
  const shown = /evalmachine\.<anonymous>:\d+\n(.*)\n\s*\^/.exec(errorText)?.[1] ?? compiledLine;
  if (!shown) return undefined;
  const squash = (text: string) => text.replace(/exports\.tsLastExpr = /g, "").replace(/exports\./g, "").replace(/[\s;]/g, "");
  const compiled = squash(shown);
  let best = -1;
  let bestScore = 0;
  lines.forEach((line, i) => {
    const mine = squash(line);
    if (!mine) return;
    let score = 0;
    if (compiled === mine || compiled.includes(mine) || mine.includes(compiled)) score = Math.min(mine.length, compiled.length) + 1000;
    else while (score < mine.length && mine[score] === compiled[score]) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best >= 0 && bestScore >= 8 ? { number: best + 1, text: lines[best] } : undefined;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/**
 * Outputs in a comparable form: consecutive streams of the same kind merged, multi-line strings joined,
 * and figure ids from Plot's counters renumbered.
 */
export function comparableOutputs(outputs: readonly Output[] | undefined, normalizeHtml: (html: string) => string): unknown[] {
  const merged: Output[] = [];
  for (const o of outputs ?? []) {
    const last = merged[merged.length - 1];
    if (o.output_type === "stream" && last && last.output_type === "stream" && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: joinText(last.text) + joinText(o.text) };
    } else {
      merged.push(o.output_type === "stream" ? { ...o, text: joinText(o.text) } : o);
    }
  }
  return merged.map((o) => {
    if (o.output_type === "stream") return { stream: o.name, text: joinText(o.text) };
    if (o.output_type === "error") return { error: o.ename, text: o.evalue };
    const data: Record<string, string> = {};
    for (const [mime, value] of Object.entries(o.data)) {
      const text = joinText(value);
      data[mime] = mime === "text/html" || mime === "image/svg+xml" ? normalizeHtml(text) : text;
    }
    return { display: data };
  });
}

/** Cells whose stored outputs differ from what a fresh run printed. */
export function staleCells(nb: Notebook, run: NotebookRun, normalizeHtml: (html: string) => string): Problem[] {
  const name = basename(run.path);
  const problems: Problem[] = [];
  for (const cellRun of run.result.cells) {
    if (!cellRun.ok) continue;
    const cell = nb.cells[cellRun.index];
    const stored = JSON.stringify(comparableOutputs(cell.outputs, normalizeHtml));
    const fresh = JSON.stringify(comparableOutputs(cellRun.outputs, normalizeHtml));
    if (stored !== fresh) {
      problems.push({
        notebook: name,
        cell: cellRun.index + 1,
        cellId: cell.id,
        message: `${name}, cell ${cellRun.index + 1} (id ${cell.id}): the stored output differs from a re-run.\n${firstDifference(stored, fresh)}\n    Re-run the notebook and store its outputs: npm run notebooks -- ${name}`,
      });
    }
  }
  return problems;
}

function firstDifference(stored: string, fresh: string): string {
  let i = 0;
  while (i < stored.length && stored[i] === fresh[i]) i++;
  const from = Math.max(0, i - 60);
  return `    stored:  …${stored.slice(from, i + 80)}…\n    re-run:  …${fresh.slice(from, i + 80)}…`;
}

/** The notebook with each executed cell's outputs replaced by a run's fresh outputs and counts 1, 2, 3… */
export function withOutputs(nb: Notebook, run: NotebookRun): Notebook {
  const byIndex = new Map(run.result.cells.map((c) => [c.index, c]));
  let count = 0;
  const cells: Cell[] = nb.cells.map((cell, index) => {
    if (cell.cell_type !== "code") return cell;
    count++;
    const fresh = byIndex.get(index);
    return { ...cell, execution_count: fresh ? count : null, outputs: fresh ? mergeStreams(fresh.outputs) : [] };
  });
  return { ...nb, cells };
}

function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const last = merged[merged.length - 1];
    if (o.output_type === "stream" && last && last.output_type === "stream" && last.name === o.name) {
      merged[merged.length - 1] = { ...last, text: joinText(last.text) + joinText(o.text) };
    } else merged.push(o);
  }
  return merged;
}

/** Reads a notebook, for callers that only import the runner. */
export { readNotebook };
