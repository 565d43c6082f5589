// What must not outlive the grader: process groups of grading children, the compile server, temporary
// folders. Each is registered while it exists; when the grader ends in any way it can notice (normal
// exit, an error, Ctrl-C, a termination signal), everything still registered is stopped and removed.
// A grading child whose grader is killed outright (SIGKILL) is stopped by its guard (guard.cjs).
import { readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The name start of every temporary folder the grader makes: `course-grade-<pid>-<kind>-`, so that the
 * next run can tell whose folder it is. `kind` is runtime, job, compile or key.
 */
export function tempPrefix(kind: "runtime" | "job" | "compile" | "key"): string {
  return `course-grade-${process.pid}-${kind}-`;
}

const owned = /^course-grade-(\d+)-/;

/** Whether a process is running (a process of another user counts as running). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary folders of graders that are gone: a grader killed outright (SIGKILL) cannot
 * remove its own. A folder whose owner still runs (another grader on the same machine) is left alone,
 * and so is every folder not named by tempPrefix. Returns the folders removed.
 */
export function sweepStaleFolders(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const m = owned.exec(entry);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      rmSync(join(dir, entry), { recursive: true, force: true });
      removed.push(entry);
    } catch {
      // removed by someone else meanwhile, or not ours to remove
    }
  }
  return removed;
}

const actions = new Map<number, () => void>();
let next = 1;
let installed = false;

/** Registers something to undo at exit; returns a function that unregisters it (when it was undone normally). */
export function onCleanup(action: () => void): () => void {
  install();
  const id = next++;
  actions.set(id, action);
  return () => actions.delete(id);
}

/** Runs every registered action now (synchronously). */
export function cleanupNow(): void {
  for (const [id, action] of [...actions]) {
    actions.delete(id);
    try {
      action();
    } catch {
      // already gone
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // Only when nobody else handles the signal (a test runner may): then this process would end anyway.
      if (process.listenerCount(signal) > 1) return cleanupNow();
      cleanupNow();
      process.stderr.write(`\ngrading stopped (${signal}): every grading process was stopped and every temporary folder removed\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}
