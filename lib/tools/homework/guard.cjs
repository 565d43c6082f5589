// Runs one grading child and stands between it and the grader: a submission that kills its parent
// process kills only this guard, and the grader carries on with the others.
//   node guard.cjs <node arguments for the child…>
"use strict";
const { spawn } = require("node:child_process");

const child = spawn(process.execPath, process.argv.slice(2), { stdio: ["inherit", "ignore", "ignore", 3] });
child.on("exit", (code, signal) => process.exit(code === null ? (signal === "SIGKILL" ? 137 : 1) : code));
