// Runs one grading child and stands between it and the grader: a submission that kills its parent
// process kills only this guard, and the grader carries on with the others. If the grader itself goes
// away (killed, crashed), the guard removes the submission's folder and stops the child's whole process
// group at once: no submission keeps running after the grader.
//   node guard.cjs <command> <arguments…>
"use strict";
const { spawn } = require("node:child_process");

const grader = process.ppid;
const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ["inherit", "ignore", "inherit", 3] });
const stopAll = () => {
  try {
    process.kill(-process.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
};
const watch = setInterval(() => {
  if (process.ppid === grader) return;
  // Orphaned: the grader was killed outright. Remove the submission's folder (this process's own), then stop.
  try {
    require("node:fs").rmSync(process.cwd(), { recursive: true, force: true });
  } catch {
    // nothing to remove
  }
  stopAll();
}, 500);
child.on("error", (e) => {
  process.stderr.write(`could not start the grading process: ${e.message}\n`);
  process.exit(127);
});
child.on("exit", (code, signal) => {
  clearInterval(watch);
  process.exit(code === null ? 128 + (require("node:os").constants.signals[signal] || 9) : code);
});
