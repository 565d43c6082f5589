// How long grading a class takes: N submissions of one notebook (default 100; the practice notebook of
// the homework tests, every submission a copy of the reference answers), two at a time on two cores.
// The answer key is recorded first, as `npm run assign` does, and timed on its own; grading reuses it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultGradeOptions, gradeAll } from "../../lib/tools/homework/grade";
import { answerKey, recordKey } from "../../lib/tools/homework/key";
import { formatNotebook } from "../../lib/tools/notebooks/ipynb";
import { assignmentNotebook } from "../homework/fixture";
import { Measurement } from "./harness";

export async function gradingBenchmark(count: number): Promise<Measurement[]> {
  const root = mkdtempSync(join(tmpdir(), "course-bench-grade-"));
  const source = join(root, "source");
  mkdirSync(source);
  const text = formatNotebook(assignmentNotebook());
  writeFileSync(join(source, "practice.ipynb"), text);
  for (let i = 0; i < count; i++) {
    const folder = join(root, "submissions", `student-${String(i).padStart(3, "0")}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "practice.ipynb"), text);
  }
  const keyStarted = Date.now();
  await recordKey(join(source, "practice.ipynb"));
  const keyMs = Date.now() - keyStarted;
  await answerKey(join(source, "practice.ipynb"));
  const started = Date.now();
  const cpuBefore = cpuWithChildrenMs();
  const grades = await gradeAll(join(root, "submissions"), join(root, "out"), { ...defaultGradeOptions, source });
  const ms = Date.now() - started;
  const cpuMs = cpuWithChildrenMs() - cpuBefore;
  rmSync(root, { recursive: true, force: true });
  const full = grades.filter((g) => g.earned === g.points).length;
  return [
    { name: "record the answer key of one notebook (npm run assign)", medianMs: keyMs, runs: 1 },
    {
      name: `grade ${count} submissions of one notebook (${defaultGradeOptions.jobs} at a time)`,
      medianMs: ms,
      runs: 1,
      extra: { "per submission": `${(ms / count / 1000).toFixed(2)} s`, "CPU per submission (all processes)": `${(cpuMs / count / 1000).toFixed(2)} s`, "full marks": `${full}/${count}` },
    },
  ];
}

/**
 * CPU time of this process and of every child it has waited for (Linux /proc: utime, stime, cutime,
 * cstime): unlike wall time, it does not grow when other programs keep the machine busy.
 */
function cpuWithChildrenMs(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}
