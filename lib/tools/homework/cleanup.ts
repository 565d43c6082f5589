// What must not outlive the grader: process groups of grading children, the compile server, temporary
// folders. Each is registered while it exists; when the grader ends in any way it can notice (normal
// exit, an error, Ctrl-C, a termination signal), everything still registered is stopped and removed.
// A grading child whose grader is killed outright (SIGKILL) is stopped by its guard (guard.cjs).
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
