// Child-process entry for grading ONE submission. It runs bundled (homework/sandbox.ts) with Node's
// permission model: it can read only its own folder and its own program file, not write files, not
// start processes or threads; where the system allows, it has no network and no other process in sight
// (unshare), and its whole address space is capped (prlimit). It runs the setup cells and the student's
// exercise cells, then calls the student's functions on the recorded cases and reports raw answers on
// file descriptor 3, each line stamped with a secret it read from standard input before any student
// code ran. The parent judges the answers, so nothing a submission does here can change the expected
// values. It also says where it is ("cell", "calling"), so that when a submission stops the process
// (process.exit, an endless loop, memory), the grader knows which exercise to blame and can grade the
// others in a second run without it.
import * as fs from "node:fs";
import Module from "node:module";
import { Converted, InProcessKernel } from "../notebooks/kernel";
import { Encoded, decodeArgs } from "./encode";

export interface GradeJob {
  cells: { id: string; role: "setup" | "exercise"; source: string }[];
  /** Per exercise: the function, the cases of each check, and the course library's functions it must not call (it re-implements them). */
  exercises: { exercise: string; functionName: string; checks: { args: Encoded[] }[][]; engine?: string[] }[];
  maxOutputChars: number;
}

// Everything the reporting needs is captured now, before any student code can replace it.
const writeSync = fs.writeSync;
const readSync = fs.readSync;
const stringify = JSON.stringify;
const parse = JSON.parse;
const apply = Reflect.apply;
const isArray = Array.isArray;
const isFinite = Number.isFinite;
const arrayFrom = Array.from;
const isView = ArrayBuffer.isView;
const keysOf = Object.keys;
const mapGet = Map.prototype.get;
const defineProperty = Object.defineProperty;
const realExit = process.exit.bind(process);
const realReallyExit = (process as unknown as { reallyExit: (code?: number) => never }).reallyExit.bind(process);
const ownPid = process.pid;
const realKill = process.kill.bind(process);
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

/** The cell compiled by the grader's compiler (this process never compiles). */
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
  if (typeof value === "number") return isFinite(value) ? value : String(value);
  if (isArray(value) || isView(value)) {
    const list = arrayFrom(value as ArrayLike<unknown>);
    if (list.length > 100000) return "(a list too long to report)";
    const out: unknown[] = [];
    for (const v of list) out.push(typeof v === "number" ? (isFinite(v) ? v : String(v)) : `(${typeof v})`);
    return out;
  }
  return value === undefined ? "(undefined)" : `(${typeof value})`;
}

/** Modules a notebook never needs and a submission must not have: the network, other processes, the debugger. */
const refused = new Set(["net", "tls", "http", "https", "http2", "dgram", "dns", "dns/promises", "child_process", "cluster", "worker_threads", "inspector", "inspector/promises", "undici", "_http_client", "_http_agent", "_tls_wrap", "repl", "trace_events", "v8", "wasi"]);

/** Closes what the permission model leaves open, before any submitted code runs. */
function lockDown(): void {
  const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
  (Module as unknown as { _load: unknown })._load = function (request: string, ...rest: unknown[]) {
    const name = typeof request === "string" ? request.replace(/^node:/, "") : request;
    if (refused.has(name)) throw new Error(`require("${request}") is not available while grading: a notebook's exercises need no network, processes or debugger`);
    return apply(load, this, [request, ...rest]);
  };
  for (const name of ["fetch", "WebSocket", "EventSource"]) {
    try {
      delete (globalThis as Record<string, unknown>)[name];
    } catch {
      // not there
    }
  }
  const exit = (code?: number) => {
    emit({ kind: "exit", code: code ?? process.exitCode ?? 0 });
    realExit(code);
  };
  process.exit = exit as typeof process.exit;
  (process as unknown as { reallyExit: unknown }).reallyExit = (code?: number) => {
    emit({ kind: "exit", code: code ?? 0 });
    realReallyExit(code);
  };
  process.abort = (() => exit(134)) as typeof process.abort;
  const kill = (pid: number, signal?: string | number) => {
    if (pid !== ownPid) throw new Error("process.kill is not available while grading, except on the notebook's own process");
    return realKill(pid, signal);
  };
  process.kill = kill as typeof process.kill;
  (process as unknown as { _kill: unknown })._kill = () => {
    throw new Error("process._kill is not available while grading");
  };
}

/** Which watched library functions were called, while `watching` names them (null-prototype records: no prototype to tamper with). */
let watching: Record<string, true> = Object.create(null);
let called: Record<string, true> = Object.create(null);

/**
 * The course library as the submission's cells get it: the same functions, except that the ones some
 * exercise re-implements are wrapped, so that a call made while that exercise's function is checked is
 * noticed. Returns the wrapped copy and every form (original or wrapped) of each watched function.
 */
function watchedLibrary(library: Record<string, unknown>, names: string[]): { copy: Record<string, unknown>; forms: Map<unknown, string> } {
  const copy: Record<string, unknown> = {};
  if (library.__esModule) defineProperty(copy, "__esModule", { value: true });
  for (const key of keysOf(library)) copy[key] = library[key];
  const forms = new Map<unknown, string>();
  for (const name of names) {
    const original = library[name];
    if (typeof original !== "function") continue;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      if (watching[name]) called[name] = true;
      return apply(original as (...a: unknown[]) => unknown, this, args);
    };
    defineProperty(wrapped, "name", { value: name });
    copy[name] = wrapped;
    forms.set(original, name);
    forms.set(wrapped, name);
  }
  return { copy, forms };
}

async function main(): Promise<void> {
  const job: GradeJob = parse(fs.readFileSync("job.json", "utf8"));
  // `import ... from "./lib"` in a cell loads lib.js from this folder, which hands over the library bundled with this program.
  const librarySlot = Symbol.for("course.library.for.grading");
  const library = (globalThis as Record<symbol, unknown>)[librarySlot] as Record<string, unknown>;
  const watchedNames: string[] = [];
  for (const ex of job.exercises) for (const name of ex.engine ?? []) if (!watchedNames.includes(name)) watchedNames.push(name);
  const { copy, forms } = watchedLibrary(library, watchedNames);
  (globalThis as Record<symbol, unknown>)[librarySlot] = copy;
  const kernel = new InProcessKernel(process.cwd(), { maxOutputChars: job.maxOutputChars, precompiled: true });
  lockDown();
  const cellErrors: { id: string; error: string }[] = [];
  for (const cell of job.cells) {
    emit({ kind: "cell", id: cell.id });
    const run = await kernel.run(cell.source, compiled(kernel.previousDeclarations, cell.source));
    if (!run.ok) {
      const text = run.outputs.map((o) => ("text" in o ? String(o.text) : "")).join("");
      cellErrors.push({ id: cell.id, error: text.trim().slice(0, 2000) });
    }
  }
  emit({ kind: "cells", errors: cellErrors });
  for (const ex of job.exercises) {
    emit({ kind: "calling", exercise: ex.exercise });
    const fn = kernel.local(ex.functionName);
    if (typeof fn !== "function") {
      emit({ kind: "exercise", exercise: ex.exercise, missing: true });
      continue;
    }
    // The function itself may be the library's (`const mySigmoid = sigmoid`), or call it while it runs.
    called = Object.create(null);
    const watch: Record<string, true> = Object.create(null);
    for (const name of ex.engine ?? []) watch[name] = true;
    const itself = apply(mapGet, forms, [fn]) as string | undefined;
    if (itself !== undefined && watch[itself]) called[itself] = true;
    watching = watch;
    const checks: unknown[][] = [];
    for (const cases of ex.checks) {
      const outcomes: unknown[] = [];
      for (const c of cases) {
        try {
          outcomes.push({ value: safeValue(apply(fn as (...a: unknown[]) => unknown, undefined, decodeArgs(c.args, library))) });
        } catch (e) {
          outcomes.push(describeError(e));
          break;
        }
      }
      checks.push(outcomes);
    }
    watching = Object.create(null);
    emit({ kind: "exercise", exercise: ex.exercise, checks, engine: keysOf(called), itself: itself !== undefined && watch[itself] === true });
  }
  emit({ kind: "done" });
  realExit(0);
}

main().catch((e) => {
  try {
    emit({ kind: "crash", error: describeError(e).error });
  } finally {
    realExit(1);
  }
});
