// Child-process entry for grading ONE submission, run with Node's permission model (it can read only
// its own workspace, lib and node_modules: not the instructor's notebooks; it cannot write files or
// start processes) and with a heap limit. It runs the setup cells and the student's exercise cells,
// then calls the student's functions on the recorded cases and reports raw answers on file descriptor 3,
// each line stamped with a secret it read from standard input before any student code ran. The parent
// judges the answers, so nothing a submission does inside this process can change the expected values.
import * as fs from "node:fs";
import { Converted, InProcessKernel } from "../notebooks/kernel";
import { Encoded, decodeArgs } from "./encode";

export interface GradeJob {
  cells: { id: string; role: "setup" | "exercise"; source: string }[];
  exercises: { exercise: string; functionName: string; checks: { args: Encoded[] }[][] }[];
  maxOutputChars: number;
}

// Everything the reporting needs is captured now, before any student code can replace it.
const writeSync = fs.writeSync;
const stringify = JSON.stringify;
const apply = Reflect.apply;
const nonce = readNonce();

function readNonce(): string {
  const buffer = Buffer.alloc(256);
  const length = fs.readSync(0, buffer, 0, 256, null);
  return buffer.toString("utf8", 0, length).split("\n")[0].trim();
}

function emit(message: Record<string, unknown>): void {
  const line = stringify({ ...message, nonce }) + "\n";
  writeSync(3, line);
}

const readSync = fs.readSync;
const parse = JSON.parse;
let pending = "";

/** The next line the grader writes on standard input (it blocks: nothing else can happen meanwhile). */
function readLine(): string {
  const buffer = Buffer.alloc(65536);
  for (;;) {
    const nl = pending.indexOf("\n");
    if (nl >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      return line;
    }
    let length = 0;
    try {
      length = readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      // Standard input made non-blocking (a cell touched process.stdin): wait a moment and read again.
      if ((e as { code?: string }).code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (length === 0) throw new Error("the grader closed the channel");
    pending += buffer.toString("utf8", 0, length);
  }
}

/** The cell compiled by the grader's compiler (this process never loads TypeScript). */
function compiled(prevDecl: string, src: string): Converted {
  emit({ kind: "compile", prevDecl, src });
  return parse(readLine()) as Converted;
}

function describeError(e: unknown): { error: string; notDone: boolean } {
  try {
    const err = e as { name?: unknown; message?: unknown };
    return { error: typeof err?.message === "string" ? err.message.slice(0, 500) : String(e).slice(0, 500), notDone: err?.name === "NotDoneYet" };
  } catch {
    return { error: "an error that could not be described", notDone: false };
  }
}

function safeValue(value: unknown): unknown {
  // Only plain numbers and lists of numbers are answers; anything else is reported by its kind.
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const list = Array.from(value as ArrayLike<unknown>);
    return list.length <= 100000 ? list.map((v) => (typeof v === "number" ? (Number.isFinite(v) ? v : String(v)) : `(${typeof v})`)) : "(a list too long to report)";
  }
  return value === undefined ? "(undefined)" : `(${typeof value})`;
}

async function main(): Promise<void> {
  const job: GradeJob = JSON.parse(fs.readFileSync("job.json", "utf8"));
  const kernel = new InProcessKernel(process.cwd(), { maxOutputChars: job.maxOutputChars, precompiled: true });
  const cellErrors: Record<string, string> = {};
  for (const cell of job.cells) {
    const run = await kernel.run(cell.source, compiled(kernel.previousDeclarations, cell.source));
    if (!run.ok) {
      const text = run.outputs.map((o) => ("text" in o ? String(o.text) : "")).join("");
      cellErrors[cell.id] = text.trim().slice(0, 2000);
    }
  }
  emit({ kind: "cells", errors: cellErrors });
  for (const ex of job.exercises) {
    const fn = kernel.local(ex.functionName);
    if (typeof fn !== "function") {
      emit({ kind: "exercise", exercise: ex.exercise, missing: true });
      continue;
    }
    const checks = ex.checks.map((cases) => {
      const outcomes: unknown[] = [];
      for (const c of cases) {
        try {
          outcomes.push({ value: safeValue(apply(fn as (...a: unknown[]) => unknown, undefined, decodeArgs(c.args))) });
        } catch (e) {
          outcomes.push(describeError(e));
          break;
        }
      }
      return outcomes;
    });
    emit({ kind: "exercise", exercise: ex.exercise, checks });
  }
  emit({ kind: "done" });
  process.exit(0);
}

main().catch((e) => {
  try {
    emit({ kind: "crash", error: describeError(e).error });
  } finally {
    process.exit(1);
  }
});
