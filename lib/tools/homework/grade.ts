// npm run grade -- <submissions dir> --out <dir> [--source <instructor notebooks dir>] [--timeout <s>]
//                  [--jobs <n>] [--memory <MB>]
// Grades every submitted notebook: <submissions>/<student>/<notebook>.ipynb. Each submission runs in a
// fresh, isolated process (sandbox.ts) with a time limit and caps on memory and output; the student's
// answers are compared with the answer key recorded from the instructor's notebook (key.ts; by default
// the course's own notebooks/, which hold the reference solutions). Writes a feedback page per student
// and gradebook.csv. Nothing it starts outlives it (cleanup.ts), Ctrl-C included.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CheckOptions, Outcome, judgeOutcomes } from "../../course/exercises";
import { Cell, Notebook, asNotebook, joinText } from "../notebooks/ipynb";
import { mapLimited, notebooksDir } from "../notebooks/list";
import { cleanupNow, onCleanup, sweepStaleFolders, tempPrefix } from "./cleanup";
import { CompileService } from "./compile-service";
import { backstopMs, groupUsage, limitReached } from "./cpu-time";
import { Encoded, argsForDisplay } from "./encode";
import type { GradeJob } from "./grade-child";
import { answerKey } from "./key";
import type { AssignmentKey, ExerciseGrade, NotebookGrade } from "./model";
import { definedNames } from "./parts";
import { feedbackPage, gradebookCsv } from "./report";
import { Sandbox, buildSandbox, librarySymbol } from "./sandbox";

export type { AssignmentKey, CheckGrade, ExerciseGrade, NotebookGrade } from "./model";

export interface GradeOptions {
  source: string;
  /** Most CPU time a submission may compute, in ms. */
  timeoutMs: number;
  /** How long a submission may compute nothing (waiting for a promise or a timer) before it is stopped, in ms. */
  waitMs: number;
  memoryMb: number;
  jobs: number;
  maxOutputChars: number;
}

export const defaultGradeOptions: GradeOptions = { source: notebooksDir, timeoutMs: 60_000, waitMs: 10_000, memoryMb: 512, jobs: Math.max(1, Math.min(2, cpus().length)), maxOutputChars: 100_000 };

/** Reads a submission: a notebook, or the reason it is not one. */
export function readSubmission(path: string): Notebook | string {
  let entry;
  try {
    entry = lstatSync(path);
  } catch (e) {
    return `the submitted file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  if (entry.isSymbolicLink()) return "the submission is a link to another file, not a notebook file: submit the .ipynb file itself";
  if (entry.isDirectory()) return "the submission is a folder named like a notebook, not a notebook file: submit the .ipynb file that Jupyter saved";
  if (!entry.isFile()) return "the submission is not a regular file: submit the .ipynb file that Jupyter saved";
  if (entry.size > maxSubmissionBytes) return `the submitted file is ${Math.round(entry.size / 2 ** 20)} MB, more than a notebook can be (${maxSubmissionBytes / 2 ** 20} MB): clear the outputs and submit again`;
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
    const language = notebookLanguage(nb);
    if (language && !/^(typescript|javascript|ts|js)$/i.test(language.name)) {
      return `this is not a TypeScript notebook: it was saved by a ${language.label} kernel. Open the course's notebook with the TypeScript kernel, do the exercises there and submit that file`;
    }
    if (!nb.cells.some((c) => c.cell_type === "code")) return "the submitted notebook has no code cells";
    return nb;
  } catch (e) {
    return (e as Error).message;
  }
}

const maxSubmissionBytes = 50 * 2 ** 20;

/** The language a notebook's metadata names (kernelspec, then language_info), if any. */
function notebookLanguage(nb: Notebook): { name: string; label: string } | undefined {
  const meta = (nb.metadata ?? {}) as { kernelspec?: { language?: unknown; display_name?: unknown }; language_info?: { name?: unknown } };
  const name = [meta.kernelspec?.language, meta.language_info?.name].find((v): v is string => typeof v === "string" && v.length > 0);
  if (!name) return undefined;
  const label = typeof meta.kernelspec?.display_name === "string" ? `${meta.kernelspec.display_name} (${name})` : name;
  return { name, label };
}

/** The student's cell for an exercise: same cell id, or else any code cell defining the function. */
function studentCell(nb: Notebook, cellId: string, functionName: string): Cell | undefined {
  const defines = (c: Cell) => {
    try {
      return definedNames(joinText(c.source)).includes(functionName);
    } catch {
      return false;
    }
  };
  const byId = nb.cells.find((c) => c.id === cellId && c.cell_type === "code");
  if (byId && defines(byId)) return byId;
  return nb.cells.find((c) => c.cell_type === "code" && defines(c)) ?? byId;
}

/** What the child reported for one exercise: its function missing, or the outcomes of its checks and the library functions it called that it should re-implement. */
type Reported = { missing?: boolean; checks?: Outcome[][]; engine?: string[]; itself?: boolean };

/** How one run of a submission's child ended. */
interface ChildRun {
  cellErrors: Map<string, string>;
  exercises: Map<string, Reported>;
  done: boolean;
  /** Where the child was when it stopped: the last cell it started, or the exercise it was calling. */
  at?: { cell: string } | { exercise: string };
  /** Why it stopped before the end, in words for the student; undefined when it finished. */
  stop?: string;
  /** What the child said when its own code failed. */
  crash?: string;
  /** Why, as a kind (for tests and the gradebook). */
  stopKind?: "time" | "backstop" | "waiting" | "exit" | "memory" | "flood" | "crash" | "unknown";
}

/**
 * The command that runs one submission: the launcher, then Node with the permission model, allowed to
 * read its own folder and the bundled program only (so the project's files and node_modules, linked or
 * not, play no part in it).
 */
export function childCommand(dir: string, sandbox: Sandbox, memoryMb: number): string[] {
  return [
    ...sandbox.launcher(memoryMb),
    process.execPath,
    "--experimental-permission",
    `--allow-fs-read=${dir}/`,
    `--allow-fs-read=${sandbox.program}`,
    `--max-old-space-size=${memoryMb}`,
    "--no-warnings",
    sandbox.program,
  ];
}

/** A running child and what it has said so far, shared by the pieces that watch it. */
interface Watch {
  run: ChildRun;
  /** Why the grader stopped it, if it did. */
  stoppedBy?: ChildRun["stopKind"];
  /** The code it called process.exit with. */
  exitCall?: number;
  /** The end of what it wrote on standard error. */
  stderr: string;
  /** Compilations asked for and not yet answered. */
  compiling: number;
  /** Kills the child and everything it started. */
  kill(): void;
}

/** Runs one submission's cells and calls in an isolated child; returns what it reported. */
function runIsolated(job: GradeJob, options: GradeOptions, compiler: CompileService, sandbox: Sandbox): Promise<ChildRun> {
  const dir = jobFolder(job);
  const forgetDir = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const nonce = randomBytes(16).toString("hex");
  const command = childCommand(dir, sandbox, options.memoryMb);
  return new Promise((done) => {
    const guard = spawn(process.execPath, [join(__dirname, "guard.cjs"), ...command], {
      cwd: dir,
      stdio: ["pipe", "ignore", "pipe", "pipe"],
      detached: true,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", FORCE_COLOR: "0", NO_COLOR: "1", LANG: "C.UTF-8" },
    });
    const kill = () => {
      try {
        process.kill(-guard.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const watch: Watch = { run: { cellErrors: new Map(), exercises: new Map(), done: false }, stderr: "", compiling: 0, kill };
    const forgetGroup = onCleanup(kill);
    // Standard input carries the secret first, then the compiled cells the child asks for.
    guard.stdin!.on("error", () => undefined);
    guard.stdin!.write(`${nonce}\n`);
    guard.stderr!.setEncoding("utf8");
    guard.stderr!.on("data", (d: string) => (watch.stderr = (watch.stderr + d).slice(-8000)));
    const timer = watchTime(guard.pid!, options, watch);
    const answer = (text: string) => {
      if (guard.exitCode === null && guard.signalCode === null) guard.stdin!.write(text);
    };
    readReports(guard.stdio[3] as NodeJS.ReadableStream, nonce, watch, (message) => takeReport(message, watch, compiler, answer));
    guard.on("exit", (code) => {
      clearInterval(timer);
      kill();
      forgetGroup();
      rmSync(dir, { recursive: true, force: true });
      forgetDir();
      const { run } = watch;
      if (!run.done) {
        run.stopKind = stopKindOf(watch, code);
        run.stop = stopWords(run.stopKind, options, { exitCall: watch.exitCall, code, crash: run.crash, stderr: watch.stderr });
      }
      done(run);
    });
  });
}

/** A plain folder with the job and lib.js, no links (the sandbox may read it, and nothing else but its program). */
function jobFolder(job: GradeJob): string {
  const dir = mkdtempSync(join(tmpdir(), tempPrefix("job")));
  writeFileSync(join(dir, "job.json"), JSON.stringify(job));
  writeFileSync(join(dir, "lib.js"), `module.exports = globalThis[Symbol.for(${JSON.stringify(librarySymbol)})];\n`);
  return dir;
}

/**
 * Stops the child when it runs out of time. The limit counts CPU time where the system tells it (Linux),
 * so that a busy machine makes grading slow, never wrong (cpu-time.ts); the wall clock is only a generous
 * backstop. A process that computes nothing for `waitMs`, is not even ready to (a busy machine), and is
 * not waiting for the grader's compiler, waits for something that never comes, and is stopped.
 */
function watchTime(pid: number, options: GradeOptions, watch: Watch): NodeJS.Timeout {
  const started = Date.now();
  let lastCpu = 0;
  let lastProgress = Date.now();
  let lastTick = Date.now();
  let compilerMs = 0;
  const limits = { timeoutMs: options.timeoutMs, waitMs: options.waitMs };
  return setInterval(() => {
    const usage = groupUsage(pid);
    const now = Date.now();
    // Time spent waiting for the grader's own compiler is not the submission's.
    if (watch.compiling > 0) compilerMs += now - lastTick;
    lastTick = now;
    if (usage === undefined) {
      // No CPU times on this system: the wall clock is all there is.
      if (now - started - compilerMs > options.timeoutMs) (watch.stoppedBy = "time"), watch.kill();
      return;
    }
    if (usage.cpuMs - lastCpu >= 50 || watch.compiling > 0 || usage.runnable) {
      lastCpu = usage.cpuMs;
      lastProgress = now;
    }
    const verdict = limitReached({ cpuMs: usage.cpuMs, wallMs: now - started, queuedMs: usage.queuedMs, compilerMs, idleMs: now - lastProgress, runnable: usage.runnable }, limits);
    if (verdict) {
      watch.stoppedBy = verdict;
      watch.kill();
    }
  }, 200);
}

/** Reads the child's report channel line by line, passing on each message that carries the secret; more than 20 MB stops it. */
function readReports(channel: NodeJS.ReadableStream, nonce: string, watch: Watch, take: (message: Record<string, unknown>) => void): void {
  let buffer = "";
  let received = 0;
  channel.setEncoding("utf8");
  channel.on("data", (chunk: string) => {
    received += chunk.length;
    if (received > 20_000_000) {
      watch.stoppedBy = "flood";
      return watch.kill();
    }
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
      if (message && message.nonce === nonce) take(message);
    }
  });
}

/** Takes one message of the child: where it is, what it reported, a cell to compile (answered through `answer`). */
function takeReport(message: Record<string, unknown>, watch: Watch, compiler: CompileService, answer: (text: string) => void): void {
  const { run } = watch;
  if (message.kind === "cell") run.at = { cell: String(message.id) };
  if (message.kind === "calling") run.at = { exercise: String(message.exercise) };
  if (message.kind === "cells" && Array.isArray(message.errors)) {
    for (const e of message.errors as { id: unknown; error: unknown }[]) run.cellErrors.set(String(e.id), String(e.error));
  }
  if (message.kind === "exercise") run.exercises.set(String(message.exercise), message as Reported);
  if (message.kind === "done") run.done = true;
  if (message.kind === "exit") watch.exitCall = Number(message.code);
  if (message.kind === "compile") {
    watch.compiling++;
    void compiler.compile(String(message.prevDecl), String(message.src)).then((converted) => {
      watch.compiling--;
      answer(`${JSON.stringify(converted)}\n`);
    });
  }
  if (message.kind === "crash") run.crash = String(message.error);
}

/** Why a child that did not finish stopped, as a kind. */
function stopKindOf(watch: Watch, code: number | null): NonNullable<ChildRun["stopKind"]> {
  if (watch.stoppedBy) return watch.stoppedBy;
  if (watch.exitCall !== undefined) return "exit";
  if (/out of memory|allocation failed|heap limit/i.test(watch.stderr) || code === 134 || code === 133) return "memory";
  if (watch.run.crash) return "crash";
  return code === 0 ? "waiting" : "unknown";
}

/** Why a child stopped, in words for the student. */
function stopWords(kind: NonNullable<ChildRun["stopKind"]>, options: GradeOptions, d: { exitCall?: number; code: number | null; crash?: string; stderr: string }): string {
  switch (kind) {
    case "time":
      return `it used the whole time limit of ${Math.round(options.timeoutMs / 1000)} s of computing (an endless loop?)`;
    case "backstop":
      return `it ran for more than ${Math.round(backstopMs(options) / 60_000)} minutes without finishing, computing a little now and then (a loop that sleeps?)`;
    case "waiting":
      return "it never finished: it waits for something that never happens (a promise that never resolves, or a timer that keeps the notebook running?)";
    case "exit":
      return `it called process.exit(${d.exitCall ?? ""}), which ends the whole notebook; remove that call`;
    case "memory":
      return `it used more memory than the grader allows (${options.memoryMb} MB)`;
    case "flood":
      return "it sent the grader more than 20 MB of answers";
    case "crash":
      return `the grading process failed: ${d.crash}`;
    default: {
      const why = d.stderr.split("\n").map((l) => l.trim()).filter(Boolean).slice(-3).join(" ").slice(0, 400);
      return `the grading process stopped unexpectedly (exit code ${d.code})${why ? `: ${why}` : ""}`;
    }
  }
}

/** Grades one student's notebook against the key. */
export async function gradeSubmission(student: string, path: string, key: AssignmentKey, options: GradeOptions, compiler: CompileService, sandbox: Sandbox): Promise<NotebookGrade> {
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

  const found = key.exercises.map((e) => ({ e, cell: studentCell(submission, e.cellId, e.functionName) }));
  const setup = key.setup.map((c) => ({ id: `setup:${c.id}`, role: "setup" as const, source: c.source }));
  const exerciseCellsToRun = [...new Map(found.filter((f) => f.cell).map((f) => [f.cell!.id, f.cell!])).values()].map((c) => ({ id: c.id, role: "exercise" as const, source: joinText(c.source) }));
  const job: GradeJob = { cells: [...setup, ...exerciseCellsToRun], exercises: [], maxOutputChars: options.maxOutputChars };
  const allExercises = key.exercises.map((e) => ({ exercise: e.exercise, functionName: e.functionName, checks: e.calls.map((c) => c.cases.map((k) => ({ args: k.args }))), engine: e.engine }));

  // Runs until every exercise is reported or blamed: when the child stops in a cell or in an exercise's
  // calls, that exercise is blamed, and the others are graded in a new run without it.
  const reported = new Map<string, Reported>();
  const cellErrors = new Map<string, string>();
  const blamed = new Map<string, string>();
  const problems: string[] = [];
  for (let attempt = 0; attempt <= key.exercises.length; attempt++) {
    job.exercises = allExercises.filter((e) => !reported.has(e.exercise) && !blamed.has(e.exercise));
    const run = await runIsolated(job, options, compiler, sandbox);
    for (const [id, error] of run.cellErrors) cellErrors.set(id, error);
    for (const [exercise, r] of run.exercises) reported.set(exercise, r);
    if (run.done || !run.stop) break;
    const at = run.at;
    const inCell = at && "cell" in at ? at.cell : undefined;
    const culprits = inCell ? found.filter((f) => f.cell?.id === inCell).map((f) => f.e.exercise) : at && "exercise" in at ? [at.exercise] : [];
    const fresh = culprits.filter((x) => !reported.has(x) && !blamed.has(x));
    if (!fresh.length) {
      // Stopped before any exercise cell (in the setup, at start): nothing more can be graded.
      for (const e of key.exercises) if (!reported.has(e.exercise) && !blamed.has(e.exercise)) blamed.set(e.exercise, `grading stopped before this exercise: ${run.stop}`);
      problems.push(run.stop);
      break;
    }
    for (const x of fresh) blamed.set(x, `grading stopped ${inCell ? "in this exercise's cell" : "while calling your function"}: ${run.stop}`);
    problems.push(`${fresh.join(", ")}: ${run.stop}`);
    if (inCell) job.cells = job.cells.filter((c) => c.id !== inCell);
  }

  const exercises = key.exercises.map((e) => gradeExercise(e, found.find((f) => f.e === e)!.cell, { reported, blamed, cellErrors }, options));
  const earned = exercises.reduce((s, e) => s + e.earned, 0);
  return { student, notebook: key.notebook, earned, points, problem: problems.length ? problems.join("; ") : undefined, exercises, ms: Date.now() - started };
}

/** One exercise's grade from what the runs reported: its checks judged, or a note saying why it has none. */
/**
 * Graded on the student's own code: when their function calls (or is) the library function the exercise
 * re-implements, the library's version does the whole job, so no check counts. Says so in the grade.
 */
function scoredNothingForTheLibrary(e: AssignmentKey["exercises"][number], got: Reported, grade: ExerciseGrade): boolean {
  const engine = Array.isArray(got.engine) ? got.engine.map(String).filter((n) => e.engine?.includes(n)) : [];
  if (!engine.length) return false;
  const names = engine.map((n) => `the course library's ${n}`).join(" and ");
  grade.note = `graded on your own code; this ${got.itself === true ? "is" : "calls"} ${names}. Write ${e.functionName} yourself, without it.`;
  for (const call of e.calls) grade.checks.push({ hidden: call.hidden, points: call.options.points ?? 1, earned: 0, message: grade.note });
  return true;
}

function gradeExercise(
  e: AssignmentKey["exercises"][number],
  cell: Cell | undefined,
  runs: { reported: Map<string, Reported>; blamed: Map<string, string>; cellErrors: Map<string, string> },
  options: GradeOptions,
): ExerciseGrade {
  const grade: ExerciseGrade = { exercise: e.exercise, points: e.points, earned: 0, checks: [] };
  if (!cell) {
    grade.note = `no cell defines ${e.functionName}: the exercise cell was deleted, or the function renamed. Keep the name ${e.functionName}.`;
    return grade;
  }
  const blame = runs.blamed.get(e.exercise);
  const got = runs.reported.get(e.exercise);
  if (blame || !got) {
    grade.note = blame ?? "grading stopped before reaching this exercise";
    return grade;
  }
  const cellError = runs.cellErrors.get(cell.id);
  if (got.missing) {
    grade.note = cellError
      ? `your exercise cell failed to run, so ${e.functionName} was never defined: ${firstLine(cellError)}${/allocation failed|out of memory/i.test(cellError) ? ` (the cell used more memory than the grader allows, ${options.memoryMb} MB)` : ""}`
      : `${e.functionName} is not defined after your exercise cell ran. Keep the name ${e.functionName}, defined at the top level of the cell.`;
    return grade;
  }
  if (scoredNothingForTheLibrary(e, got, grade)) return grade;
  e.calls.forEach((call, k) => {
    const outcomes = got.checks?.[k] ?? [];
    const cases = call.cases.map((c) => ({ args: argsForDisplay(c.args as Encoded[]), expected: c.expected }));
    const result = judgeOutcomes(e.exercise, e.functionName, cases, outcomes, call.options as CheckOptions);
    const worth = call.options.points ?? 1;
    const earned = result.status === "correct" ? worth : 0;
    grade.checks.push({ hidden: call.hidden, points: worth, earned, message: call.hidden ? hiddenMessage(result.status) : result.message });
    grade.earned += earned;
  });
  return grade;
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
    try {
      if (!statSync(folder).isDirectory()) continue;
    } catch {
      continue;
    }
    for (const file of readdirSync(folder).sort()) if (file.endsWith(".ipynb")) out.push({ student, notebook: file, path: join(folder, file) });
  }
  return out;
}

/** Grades a whole submissions folder and writes the feedback pages and the gradebook. */
export async function gradeAll(submissionsDir: string, outDir: string, options: GradeOptions, log: (line: string) => void = () => undefined): Promise<NotebookGrade[]> {
  // What an earlier grader killed outright (SIGKILL) could not remove.
  const swept = sweepStaleFolders();
  if (swept.length) log(`removed ${swept.length} temporary folder(s) left by an earlier grading run that was killed: ${swept.join(", ")}`);
  const submissions = findSubmissions(submissionsDir);
  const keys = new Map<string, AssignmentKey>();
  for (const name of [...new Set(submissions.map((s) => s.notebook))].sort()) {
    const source = join(options.source, name);
    if (!existsSync(source)) throw new Error(`no instructor notebook ${name} in ${options.source}`);
    keys.set(name, await answerKey(source, (n) => log(`no answer key for ${n} yet (npm run assign makes it): recording it now`)));
  }
  const sandbox = await buildSandbox();
  const forgetSandbox = onCleanup(() => sandbox.close());
  log(`sandbox: ${sandbox.isolation}`);
  const compiler = new CompileService();
  const forgetCompiler = onCleanup(() => compiler.close());
  let grades: NotebookGrade[];
  try {
    // The compiler starts (and reads the library's declarations) once, before any submission waits for it.
    for (const key of keys.values()) {
      let declarations = "";
      for (const cell of key.setup) declarations += (await compiler.compile(declarations, cell.source)).declOutput ?? "";
    }
    grades = await mapLimited(submissions, options.jobs, (s) => gradeSubmission(s.student, s.path, keys.get(s.notebook)!, options, compiler, sandbox));
  } finally {
    compiler.close();
    forgetCompiler();
    sandbox.close();
    forgetSandbox();
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
  const grades = await gradeAll(resolve(submissions), resolve(out), options, (line) => console.error(line));
  for (const g of grades) console.log(`${g.student}\t${g.notebook}\t${g.earned}/${g.points}${g.problem ? `\t(${g.problem})` : ""}`);
  console.log(`graded ${grades.length} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s; feedback and gradebook.csv in ${resolve(out)}`);
}

if (process.argv[1] === __filename) {
  main().catch((e) => {
    cleanupNow();
    console.error((e as Error).message);
    process.exit(1);
  });
}
