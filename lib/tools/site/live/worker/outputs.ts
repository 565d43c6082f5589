// What a cell prints and displays, sent to the page as it happens (so a progress bar moves and a loss
// curve grows while a cell trains). Text is formatted as Node formats console.log in the Jupyter kernel
// (util.inspect, extracted from Node for browsers: node-inspect-extracted).
import { formatWithOptions } from "node-inspect-extracted";

export type WorkerMessage =
  | { type: "ready"; ms: number }
  | { type: "stream"; cell: number; name: "stdout" | "stderr"; text: string }
  | { type: "display"; cell: number; data: Record<string, string>; displayId?: string; update: boolean }
  | { type: "done"; cell: number; ok: boolean; ms: number; compileMs: number }
  | { type: "need"; asset: "mnist" };

/** The cell whose outputs these are (the last one started, as in Jupyter). */
let current = 0;
export function setCurrentCell(cell: number): void {
  current = cell;
}

export function send(message: WorkerMessage): void {
  (self as unknown as { postMessage(m: unknown): void }).postMessage(message);
}

export function write(name: "stdout" | "stderr", text: string): void {
  send({ type: "stream", cell: current, name, text });
}

export function display(data: Record<string, string>, displayId: string | undefined, update: boolean): void {
  send({ type: "display", cell: current, data, displayId, update });
}

/** Replaces the worker's console with one that writes to the current cell's outputs. */
export function captureConsole(): void {
  const format = (args: unknown[]) => `${formatWithOptions({ colors: false }, ...args)}\n`;
  const out = (...args: unknown[]) => write("stdout", format(args));
  const err = (...args: unknown[]) => write("stderr", format(args));
  const c = console as unknown as Record<string, unknown>;
  c.log = out;
  c.info = out;
  c.debug = out;
  c.error = err;
  c.warn = err;
  c.trace = err;
}
