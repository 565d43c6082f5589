// Runs notebooks in child processes (one fresh kernel each), compares what they print with what is
// stored in them, and writes fresh outputs back for authors.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { ExecutionResult } from "./execute";
import { Cell, Notebook, Output, joinText, readNotebook } from "./ipynb";

const root = resolve(__dirname, "..", "..", "..");

export interface RunOptions {
  /** Kill the notebook's process after this many milliseconds. Default 120 000. */
  timeoutMs?: number;
  /** Heap limit for the notebook's process, in MB. Default 2048. */
  memoryMb?: number;
}

export interface NotebookRun {
  path: string;
  result: ExecutionResult;
  /** Wall time of the whole child process, start-up included. */
  wallMs: number;
  /** Set when the process itself failed (time-out, crash) rather than a cell. */
  crash?: string;
}

/** Executes every code cell of the notebook at `path` in a fresh process. */
export function runNotebook(path: string, options: RunOptions = {}): Promise<NotebookRun> {
  const dir = mkdtempSync(join(tmpdir(), "course-run-"));
  const resultPath = join(dir, "result.json");
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${options.memoryMb ?? 2048}`, join(root, "lib/tools/run-ts.cjs"), join(root, "lib/tools/notebooks/execute.ts"), resolve(path), resultPath],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-20000)));
    child.stdout.on("data", () => {});
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let result: ExecutionResult = { notebook: path, startMs: 0, cells: [] };
      try {
        result = JSON.parse(readFileSync(resultPath, "utf8"));
      } catch {
        // No result file: the process died before the first cell finished.
      }
      rmSync(dir, { recursive: true, force: true });
      const wallMs = Date.now() - started;
      const crash =
        signal === "SIGKILL"
          ? `timed out after ${options.timeoutMs ?? 120_000} ms`
          : code !== 0
            ? `the notebook's process exited with code ${code}${stderr ? `: ${stderr.trim()}` : ""}`
            : undefined;
      done({ path, result, wallMs, crash });
    });
  });
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
