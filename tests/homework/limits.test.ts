// The grader's limits and housekeeping: the time limit counts the CPU time a submission computes (a busy
// machine or a sleeping submission is not charged), the wall clock is only a generous backstop, and the
// temporary folders of a grader killed outright are removed by the next one. No timing is asserted.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sweepStaleFolders, tempPrefix } from "../../lib/tools/homework/cleanup";
import { backstopMs, groupUsage, limitReached } from "../../lib/tools/homework/cpu-time";
import { defaultGradeOptions, gradeAll } from "../../lib/tools/homework/grade";
import { Notebook, formatNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { assignmentNotebook } from "./fixture";

const root = mkdtempSync(join(tmpdir(), "course-limits-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const limits = { timeoutMs: 1000, waitMs: 3000 };
const moment = { cpuMs: 0, wallMs: 0, queuedMs: 0, compilerMs: 0, idleMs: 0, runnable: true };

describe("the time limit", () => {
  it("stops a submission that computed more than its CPU time", () => {
    expect(limitReached({ ...moment, cpuMs: 1001, wallMs: 1200 }, limits)).toBe("time");
    expect(limitReached({ ...moment, cpuMs: 999, wallMs: 1200 }, limits)).toBeUndefined();
  });

  it("does not charge a busy machine: a starved submission (ready to run, waiting for a CPU) is never stopped for time or for waiting", () => {
    // Load 20 on 2 cores: ten times the wall clock for the same computing, and more.
    const starved = { ...moment, cpuMs: 900, wallMs: 50 * limits.timeoutMs, queuedMs: 49 * limits.timeoutMs, idleMs: 20 * limits.waitMs, runnable: true };
    expect(limitReached(starved, limits)).toBeUndefined();
    // Even far past the old cap of ten times the CPU limit in wall-clock time.
    expect(limitReached({ ...starved, wallMs: 1000 * limits.timeoutMs, queuedMs: 999 * limits.timeoutMs }, limits)).toBeUndefined();
  });

  it("keeps the wall clock only as a backstop, counting neither the queue for a CPU nor the grader's compiler", () => {
    const b = backstopMs(limits);
    expect(b).toBeGreaterThanOrEqual(30 * limits.timeoutMs);
    expect(limitReached({ ...moment, cpuMs: 10, wallMs: b + 1, runnable: true }, limits)).toBe("backstop");
    expect(limitReached({ ...moment, cpuMs: 10, wallMs: b + 1, queuedMs: 2, runnable: true }, limits)).toBeUndefined();
    expect(limitReached({ ...moment, cpuMs: 10, wallMs: b + 1, compilerMs: 2, runnable: true }, limits)).toBeUndefined();
  });

  it("stops a submission that computes nothing and is not ready to (waiting for a promise that never comes)", () => {
    expect(limitReached({ ...moment, cpuMs: 10, wallMs: 4000, idleMs: 3001, runnable: false }, limits)).toBe("waiting");
    expect(limitReached({ ...moment, cpuMs: 10, wallMs: 4000, idleMs: 2999, runnable: false }, limits)).toBeUndefined();
  });

  it("reads CPU time from the system: a process that sleeps is charged less than one that spins for a second of CPU", async () => {
    // Each stays alive (blocked on its standard input) after its work, so that it can be measured.
    const start = (code: string) => spawn(process.execPath, ["-e", `${code}; process.stdout.write("done\\n"); require("fs").readSync(0, Buffer.alloc(1));`], { detached: true, stdio: ["pipe", "pipe", "ignore"] });
    const finished = (p: ReturnType<typeof start>) => new Promise<void>((ok) => p.stdout!.once("data", () => ok()));
    const sleeper = start("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500)");
    const spinner = start("const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) < 1e6) {}");
    try {
      await Promise.all([finished(sleeper), finished(spinner)]);
      // Each says "done" just before it blocks on its input; on a busy machine it may still be running for
      // a moment after that. Wait, with no clock, until the system's other account of it
      // (/proc/<pid>/status, not read by groupUsage) says it sleeps.
      const asleep = async (pid: number) => {
        const state = () => (existsSync(`/proc/${pid}/status`) ? /^State:\s*(\S)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] : "S");
        while (state() !== "S") await new Promise((ok) => setTimeout(ok, 20));
      };
      await Promise.all([asleep(sleeper.pid!), asleep(spinner.pid!)]);
      const slept = groupUsage(sleeper.pid!);
      const spun = groupUsage(spinner.pid!);
      if (!slept || !spun) return; // no /proc here
      expect(spun.cpuMs).toBeGreaterThanOrEqual(1000);
      expect(slept.cpuMs).toBeLessThan(1000);
      expect(slept.runnable).toBe(false);
    } finally {
      for (const p of [sleeper, spinner]) p.kill("SIGKILL");
    }
  }, 0);

  it("gives full marks to a submission that sleeps longer than its CPU limit: sleeping is not computing", async () => {
    const instructor = assignmentNotebook();
    const sleeps: Notebook = {
      ...instructor,
      cells: instructor.cells.map((c) => (c.id === "exercise-1" ? { ...c, source: `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);\n${c.source}` } : c)),
    };
    const source = join(root, "source");
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, "practice.ipynb"), formatNotebook(instructor));
    mkdirSync(join(root, "submissions", "sleeper"), { recursive: true });
    writeFileSync(join(root, "submissions", "sleeper", "practice.ipynb"), formatNotebook(sleeps));
    // 4 s of sleep against a CPU limit of 1.5 s: a wall-clock limit would have zeroed the exercise.
    const [grade] = await gradeAll(join(root, "submissions"), join(root, "out"), { ...defaultGradeOptions, source, timeoutMs: 1500, waitMs: 60_000 });
    expect([grade.earned, grade.points, grade.problem]).toEqual([6, 6, undefined]);
  });
});

describe("temporary folders of a grader killed outright", () => {
  it("are named after their owner, and only those of owners that are gone are removed", () => {
    const dir = join(root, "tmp-unit");
    mkdirSync(dir, { recursive: true });
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    const stale = `course-grade-${gone}-compile-abc123`;
    const live = `${tempPrefix("job")}def456`;
    const unknown = ["course-grade-runtime-XyZ123", "course-compile-Ab12Cd", "something-else"];
    for (const name of [stale, live, ...unknown]) mkdirSync(join(dir, name, "inside"), { recursive: true });
    expect(live.startsWith(`course-grade-${process.pid}-job-`)).toBe(true);
    expect(sweepStaleFolders(dir)).toEqual([stale]);
    expect(readdirSync(dir).sort()).toEqual([live, ...unknown].sort());
  });

  it("a grader killed with SIGKILL leaves its folders, and the next grading run removes them", async () => {
    // The grader runs with a temporary folder of its own (TMPDIR), so that only its folders are looked at.
    const tmp = join(root, "tmp-kill");
    const subs = join(root, "kill-submissions");
    mkdirSync(tmp, { recursive: true });
    mkdirSync(join(subs, "someone"), { recursive: true });
    const source = join(root, "source");
    writeFileSync(join(subs, "someone", "practice.ipynb"), formatNotebook(assignmentNotebook()));
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, "practice.ipynb"), formatNotebook(assignmentNotebook()));
    const grader = spawn(process.execPath, [join(repoRoot, "lib/tools/run-ts.cjs"), join(repoRoot, "lib/tools/homework/grade.ts"), subs, "--out", join(root, "kill-out"), "--source", source], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: "ignore",
    });
    const mine = () => readdirSync(tmp).filter((e) => e.startsWith(`course-grade-${grader.pid}-`));
    // Killed as soon as its compile server has its folder (after the key and the sandbox's program).
    while (!mine().some((e) => e.includes("-compile-")) && grader.exitCode === null) await new Promise((ok) => setTimeout(ok, 50));
    grader.kill("SIGKILL");
    await new Promise((ok) => grader.once("exit", ok));
    // What it started stops on its own: the compiler when its channel closes (after the cell it is
    // compiling), a grading child when its guard sees the grader gone. Wait until no process works in them.
    const working = () =>
      readdirSync("/proc").some((p) => {
        try {
          return /^\d+$/.test(p) && readlinkSync(`/proc/${p}/cwd`).startsWith(tmp);
        } catch {
          return false;
        }
      });
    while (working()) await new Promise((ok) => setTimeout(ok, 100));
    const left = mine();
    expect(left.some((e) => e.includes("-compile-"))).toBe(true);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(sweepStaleFolders().sort()).toEqual(expect.arrayContaining(left.filter((e) => existsSync(join(tmp, e)))));
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(mine()).toEqual([]);
  });
});
