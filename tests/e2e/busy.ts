// A busy machine must make the tests slow, never red. This runs the tests most exposed to the clock
// (a notebook run with its exercises, which waits on worker processes; the grading of a class, whose
// time limit would stop an honest submission if it counted waiting) while two busy loops per core
// compete with them for the processor (the tests get a third of it or less), and requires them to pass.
import { spawn } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { killChild, trackChild } from "./cleanup";

export interface BusyRun {
  problems: string[];
  ms: number;
  hogs: number;
}

export async function testsOnABusyMachine(): Promise<BusyRun> {
  const started = Date.now();
  const count = 2 * cpus().length;
  const hogs = Array.from({ length: count }, () => {
    const hog = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
    trackChild(hog, false);
    return hog;
  });
  try {
    const vitest = [join(repoRoot, "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/vitest.config.mts", "tests/notebooks/notebooks.test.ts", "tests/homework/grade.test.ts"];
    const child = spawn(process.execPath, vitest, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, COURSE_NOTEBOOKS: "01-a-neuron" } });
    trackChild(child, false);
    let output = "";
    child.stdout!.on("data", (d) => (output = (output + d).slice(-20_000)));
    child.stderr!.on("data", (d) => (output = (output + d).slice(-20_000)));
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    const ms = Date.now() - started;
    const problems = code === 0 ? [] : [`on a busy machine (${count} busy loops), the tests failed:\n${output.replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n").slice(-40).join("\n")}`];
    return { problems, ms, hogs: count };
  } finally {
    for (const hog of hogs) killChild(hog, "SIGKILL", false);
  }
}
