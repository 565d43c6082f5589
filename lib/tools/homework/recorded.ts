// The checks a run of the instructor's notebook made, in the answer key's JSON-safe form. Used by the
// recorder (record-child.ts) and by the notebook tests, which run every notebook anyway and so record its
// key at no extra cost (recordingCell).
import type { CheckCall } from "../../course/exercises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { encodeArgs, knowLibrary } from "./encode";
import type { RecordedCall } from "./model";

/** Every check call recorded so far in this process, with its arguments encoded; `scope` finds the notebook's variables. */
export function recordedCalls(scope: (name: string) => unknown): RecordedCall[] {
  // The same module instance the notebook's lib.js loaded (lib-build.cjs's load), so functions match by identity.
  knowLibrary(createRequire(join(__dirname, "..", "..", "..", "package.json"))("./lib/tools/lib-build.cjs").load());
  const calls = (globalThis as { __courseChecks?: { calls: CheckCall[] } }).__courseChecks?.calls ?? [];
  return calls.map((c) => ({ ...c, cases: c.cases.map((k) => ({ args: encodeArgs(k.args, scope), expected: k.expected as number | number[] })) }));
}

/** Marks the line a recording cell prints. */
export const recordingMark = "course-answer-key-calls:";

/**
 * A cell to run after a notebook's own cells, in the same kernel: it prints the recorded calls on one
 * line. (In a tslab cell, `exports` holds the notebook's top-level variables.)
 */
export function recordingCell(): string {
  return `console.log(${JSON.stringify(recordingMark)} + JSON.stringify(require(${JSON.stringify(__filename)}).recordedCalls((name: string) => (exports as any)[name])));`;
}

/** The calls a recording cell printed, or undefined when it printed none. */
export function parseRecording(printed: string): RecordedCall[] | undefined {
  const line = printed.split("\n").find((l) => l.startsWith(recordingMark));
  return line ? (JSON.parse(line.slice(recordingMark.length)) as RecordedCall[]) : undefined;
}
