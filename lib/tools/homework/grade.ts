// npm run grade -- <submissions dir> --out <dir> [--source <instructor notebooks dir>] [--timeout <s>]
//                  [--jobs <n>] [--memory <MB>]
// Grades every submitted notebook: <submissions>/<student>/<notebook>.ipynb. Each submission runs in a
// fresh, isolated process with a time limit and caps on memory and output; the student's answers are
// compared with answers computed from the instructor's notebook (by default the course's own
// notebooks/, which hold the reference solutions and hidden tests). Writes a feedback page per student
// and gradebook.csv.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { basename, join, resolve } from "node:path";
import { CheckCall, CheckOptions, Outcome, judgeOutcomes } from "../../course/exercises";
import { Cell, Notebook, asNotebook, joinText, readNotebook } from "../notebooks/ipynb";
import { mapLimited, notebooksDir, repoRoot } from "../notebooks/list";
import { scratchWorkspace } from "../notebooks/workspace";
import { CompileService } from "./compile-service";
import { groupCpuMs } from "./cpu-time";
import { Encoded } from "./encode";
import type { GradeJob } from "./grade-child";
import { definedNames, exerciseCells, isImportCell } from "./parts";
import { feedbackPage, gradebookCsv } from "./report";

export interface GradeOptions {
  source: string;
  timeoutMs: number;
  memoryMb: number;
  jobs: number;
  maxOutputChars: number;
}

export const defaultGradeOptions: GradeOptions = { source: notebooksDir, timeoutMs: 60_000, memoryMb: 512, jobs: Math.max(1, Math.min(2, cpus().length)), maxOutputChars: 100_000 };

/** A recorded check with the arguments still in their JSON-safe form. */
type RecordedCall = Omit<CheckCall, "cases"> & { cases: { args: Encoded[]; expected: number | number[] }[] };

/** What the instructor's notebook says about grading one notebook. */
export interface AssignmentKey {
  notebook: string;
  instructor: Notebook;
  exercises: { exercise: string; functionName: string; cellId: string; calls: RecordedCall[]; points: number }[];
}

export interface CheckGrade {
  hidden: boolean;
  points: number;
  earned: number;
  message: string;
}

export interface ExerciseGrade {
  exercise: string;
  points: number;
  earned: number;
  checks: CheckGrade[];
  /** Why nothing could be checked, when that is the case. */
  note?: string;
}

export interface NotebookGrade {
  student: string;
  notebook: string;
  earned: number;
  points: number;
  /** Set when the submission could not be graded at all (invalid JSON, empty, time-out, crash). */
  problem?: string;
  exercises: ExerciseGrade[];
  ms: number;
}

/** Runs the instructor's notebook once, in a trusted process, and records every check. */
export async function assignmentKey(notebookPath: string): Promise<AssignmentKey> {
  // The instructor's notebook runs in a workspace of its own, wherever it is kept.
  const dir = scratchWorkspace("course-grade-");
  copyFileSync(notebookPath, join(dir, basename(notebookPath)));
  const out = join(dir, "calls.json");
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [join(repoRoot, "lib/tools/run-ts.cjs"), join(repoRoot, "lib/tools/homework/record-child.ts"), join(dir, basename(notebookPath)), out], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`recording ${basename(notebookPath)} failed: ${err.trim()}`))));
  });
  const { failures, calls } = JSON.parse(readFileSync(out, "utf8")) as { failures: string[]; calls: RecordedCall[] };
  rmSync(dir, { recursive: true, force: true });
  if (failures.length) throw new Error(`the instructor notebook ${basename(notebookPath)} does not run cleanly: ${failures.join("; ")}`);
  const instructor = readNotebook(notebookPath);
  const cells = exerciseCells(instructor);
  const ids = [...new Set(calls.map((c) => c.exercise))];
  const exercises = ids.map((exercise) => {
    const mine = calls.filter((c) => c.exercise === exercise);
    const functionName = mine[0].functionName;
    const cell = cells.find((c) => c.names.includes(functionName));
    if (!cell) throw new Error(`${basename(notebookPath)}: exercise ${exercise} checks ${functionName}, which no exercise cell defines`);
    return { exercise, functionName, cellId: cell.cell.id, calls: mine, points: mine.reduce((s, c) => s + (c.options.points ?? 1), 0) };
  });
  return { notebook: basename(notebookPath), instructor, exercises };
}

/** Reads a submission: a notebook, or the reason it is not one. */
function readSubmission(path: string): Notebook | string {
  const text = readFileSync(path, "utf8");
  if (!text.trim()) return "the submitted file is empty";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `the submitted file is not valid JSON (${(e as Error).message}); submit the .ipynb file that Jupyter saved`;
  }
  try {
    const nb = asNotebook(parsed, "the submitted file");
    if (!nb.cells.some((c) => c.cell_type === "code")) return "the submitted notebook has no code cells";
    return nb;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The student's cell for an exercise: same cell id, or else any code cell defining the function. */
function studentCell(nb: Notebook, cellId: string, functionName: string): Cell | undefined {
  const byId = nb.cells.find((c) => c.id === cellId && c.cell_type === "code");
  if (byId && definedNames(joinText(byId.source)).includes(functionName)) return byId;
  return nb.cells.find((c) => c.cell_type === "code" && definedNames(joinText(c.source)).includes(functionName)) ?? byId;
}

interface ChildReport {
  cellErrors: Record<string, string>;
  exercises: Map<string, { missing?: boolean; checks?: Outcome[][] }>;
  done: boolean;
  crash?: string;
}

/** Runs one submission's cells and calls in an isolated child; returns what it reported. */
function runIsolated(job: GradeJob, options: GradeOptions, compiler: CompileService): Promise<{ report: ChildReport; timedOut: boolean; exitCode: number | null }> {
  const dir = scratchWorkspace("course-grade-");
  writeFileSync(join(dir, "job.json"), JSON.stringify(job));
  const nonce = randomBytes(16).toString("hex");
  const childArgs = [
    "--experimental-permission",
    `--allow-fs-read=${dir}/`,
    `--allow-fs-read=${join(repoRoot, "lib")}/`,
    `--allow-fs-read=${join(repoRoot, "node_modules")}/`,
    `--max-old-space-size=${options.memoryMb}`,
    "--no-warnings",
    join(repoRoot, "lib/tools/run-ts.cjs"),
    join(repoRoot, "lib/tools/homework/grade-child.ts"),
  ];
  return new Promise((done) => {
    const guard = spawn(process.execPath, [join(repoRoot, "lib/tools/homework/guard.cjs"), ...childArgs], {
      cwd: dir,
      stdio: ["pipe", "ignore", "ignore", "pipe"],
      detached: true,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    // Standard input carries the secret first, then the compiled cells the child asks for.
    guard.stdin!.on("error", () => undefined);
    guard.stdin!.write(`${nonce}\n`);
    const report: ChildReport = { cellErrors: {}, exercises: new Map(), done: false };
    let buffer = "";
    let received = 0;
    let timedOut = false;
    const killAll = () => {
      try {
        process.kill(-guard.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    // The limit counts CPU time where the system tells it (Linux), so that a busy machine cannot make an
    // honest notebook run out of time; a process that only waits is stopped at ten times the limit.
    const started = Date.now();
    const timer = setInterval(() => {
      const cpu = groupCpuMs(guard.pid!);
      const wall = Date.now() - started;
      if ((cpu ?? wall) > options.timeoutMs || wall > 10 * options.timeoutMs) {
        timedOut = true;
        killAll();
      }
    }, 200);
    const channel = guard.stdio[3] as NodeJS.ReadableStream;
    channel.setEncoding("utf8");
    channel.on("data", (chunk: string) => {
      received += chunk.length;
      if (received > 20_000_000) return killAll();
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(line);
        } catch {
          continue;
        }
        if (message.nonce !== nonce) continue;
        if (message.kind === "cells") report.cellErrors = message.errors as Record<string, string>;
        if (message.kind === "exercise") report.exercises.set(String(message.exercise), message as { missing?: boolean; checks?: Outcome[][] });
        if (message.kind === "done") report.done = true;
        if (message.kind === "compile") {
          void compiler.compile(String(message.prevDecl), String(message.src)).then((converted) => {
            if (guard.exitCode === null && guard.signalCode === null) guard.stdin!.write(`${JSON.stringify(converted)}\n`);
          });
        }
        if (message.kind === "crash") report.crash = String(message.error);
      }
    });
    guard.on("exit", (code) => {
      clearInterval(timer);
      killAll();
      rmSync(dir, { recursive: true, force: true });
      done({ report, timedOut, exitCode: code });
    });
  });
}

/** Grades one student's notebook against the key. */
export async function gradeSubmission(student: string, path: string, key: AssignmentKey, options: GradeOptions, compiler: CompileService): Promise<NotebookGrade> {
  const started = Date.now();
  const points = key.exercises.reduce((s, e) => s + e.points, 0);
  const zero = (problem: string): NotebookGrade => ({
    student,
    notebook: key.notebook,
    earned: 0,
    points,
    problem,
    exercises: key.exercises.map((e) => ({ exercise: e.exercise, points: e.points, earned: 0, checks: [], note: problem })),
    ms: Date.now() - started,
  });
  const submission = readSubmission(path);
  if (typeof submission === "string") return zero(submission);

  const setup = key.instructor.cells.filter(isImportCell).map((c) => ({ id: c.id, role: "setup" as const, source: joinText(c.source) }));
  const found = key.exercises.map((e) => ({ e, cell: studentCell(submission, e.cellId, e.functionName) }));
  const job: GradeJob = {
    cells: [...setup, ...found.filter((f) => f.cell).map((f) => ({ id: f.cell!.id, role: "exercise" as const, source: joinText(f.cell!.source) }))],
    exercises: key.exercises.map((e) => ({ exercise: e.exercise, functionName: e.functionName, checks: e.calls.map((c) => c.cases.map((k) => ({ args: k.args }))) })),
    maxOutputChars: options.maxOutputChars,
  };
  const { report, timedOut } = await runIsolated(job, options, compiler);

  const exercises: ExerciseGrade[] = key.exercises.map((e) => {
    const cell = found.find((f) => f.e === e)!.cell;
    const grade: ExerciseGrade = { exercise: e.exercise, points: e.points, earned: 0, checks: [] };
    const reported = report.exercises.get(e.exercise);
    if (!cell) {
      grade.note = `no cell defines ${e.functionName}: the exercise cell was deleted, or the function renamed. Keep the name ${e.functionName}.`;
      return grade;
    }
    const cellError = report.cellErrors[cell.id];
    if (!reported) {
      grade.note = timedOut
        ? `grading stopped after ${Math.round(options.timeoutMs / 1000)} s of computing before reaching this exercise (an endless loop?)`
        : report.crash
          ? `your notebook crashed the grader's process: ${report.crash}`
          : "grading stopped before reaching this exercise (the process ran out of memory or was stopped)";
      return grade;
    }
    if (reported.missing) {
      grade.note = cellError
        ? `your exercise cell failed to run, so ${e.functionName} was never defined: ${firstLine(cellError)}`
        : `${e.functionName} is not defined: did you rename it? Keep the name ${e.functionName}.`;
      return grade;
    }
    e.calls.forEach((call, k) => {
      const outcomes = reported.checks?.[k] ?? [];
      const result = judgeOutcomes(e.exercise, e.functionName, call.cases, outcomes, call.options as CheckOptions);
      const worth = call.options.points ?? 1;
      const earned = result.status === "correct" ? worth : 0;
      grade.checks.push({ hidden: call.hidden, points: worth, earned, message: call.hidden ? hiddenMessage(result.status) : result.message });
      grade.earned += earned;
    });
    return grade;
  });
  const earned = exercises.reduce((s, e) => s + e.earned, 0);
  const problem = timedOut ? `time limit of ${Math.round(options.timeoutMs / 1000)} s of computing reached` : undefined;
  return { student, notebook: key.notebook, earned, points, problem, exercises, ms: Date.now() - started };
}

/** Hidden checks say whether they passed, never what they test. */
function hiddenMessage(status: string): string {
  return status === "correct" ? "hidden check passed." : status === "not done" ? "hidden check: not done yet." : "hidden check failed: test your function on more cases of your own.";
}

function firstLine(text: string): string {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /^[\w.]*Error\b.*:/.test(l)) ?? lines.find((l) => /^\d+:\d+ - /.test(l)) ?? lines[0] ?? "").slice(0, 300);
}

/** Every (student, notebook file) pair in a submissions folder: <submissions>/<student>/<notebook>.ipynb. */
export function findSubmissions(dir: string): { student: string; notebook: string; path: string }[] {
  const out: { student: string; notebook: string; path: string }[] = [];
  for (const student of readdirSync(dir).sort()) {
    const folder = join(dir, student);
    if (!statSync(folder).isDirectory()) continue;
    for (const file of readdirSync(folder).sort()) if (file.endsWith(".ipynb")) out.push({ student, notebook: file, path: join(folder, file) });
  }
  return out;
}

/** Grades a whole submissions folder and writes the feedback pages and the gradebook. */
export async function gradeAll(submissionsDir: string, outDir: string, options: GradeOptions): Promise<NotebookGrade[]> {
  const submissions = findSubmissions(submissionsDir);
  const keys = new Map<string, AssignmentKey>();
  for (const name of [...new Set(submissions.map((s) => s.notebook))]) {
    const source = join(options.source, name);
    if (!existsSync(source)) throw new Error(`no instructor notebook ${name} in ${options.source}`);
    keys.set(name, await assignmentKey(source));
  }
  const compiler = new CompileService();
  let grades: NotebookGrade[];
  try {
    grades = await mapLimited(submissions, options.jobs, (s) => gradeSubmission(s.student, s.path, keys.get(s.notebook)!, options, compiler));
  } finally {
    compiler.close();
  }
  mkdirSync(join(outDir, "feedback"), { recursive: true });
  for (const student of [...new Set(grades.map((g) => g.student))]) {
    writeFileSync(join(outDir, "feedback", `${student.replace(/[^\w.-]+/g, "_")}.html`), feedbackPage(student, grades.filter((g) => g.student === student)));
  }
  writeFileSync(join(outDir, "gradebook.csv"), gradebookCsv(grades, [...keys.values()]));
  return grades;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const submissions = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
  const out = value("--out");
  if (!submissions || !out) {
    console.error("usage: npm run grade -- <submissions dir> --out <dir> [--source <dir>] [--timeout <s>] [--jobs <n>] [--memory <MB>]");
    process.exit(2);
  }
  const options: GradeOptions = {
    ...defaultGradeOptions,
    source: resolve(value("--source") ?? defaultGradeOptions.source),
    timeoutMs: Number(value("--timeout") ?? defaultGradeOptions.timeoutMs / 1000) * 1000,
    jobs: Number(value("--jobs") ?? defaultGradeOptions.jobs),
    memoryMb: Number(value("--memory") ?? defaultGradeOptions.memoryMb),
  };
  const started = Date.now();
  const grades = await gradeAll(resolve(submissions), resolve(out), options);
  for (const g of grades) console.log(`${g.student}\t${g.notebook}\t${g.earned}/${g.points}${g.problem ? `\t(${g.problem})` : ""}`);
  console.log(`graded ${grades.length} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s; feedback and gradebook.csv in ${resolve(out)}`);
}

if (process.argv[1] === __filename) {
  main().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
