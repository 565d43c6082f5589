// A class of submissions as a hostile class would hand them in, built from any instructor notebook:
// every kind of attack and accident the grader must survive, each with the score it must get.
//
// Attacks that would gain marks if they worked are written as "capability probes": the exercise keeps
// its honest solution, guarded by the attack (`if (!probe) return wrong`). A probe that works earns the
// marks, so the expected score (0) proves the capability is closed, not merely that the code failed.
// Accidents (an endless loop, process.exit, a memory bomb in one cell) must cost only the exercise
// they are in: the other exercises keep their marks.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exerciseKey } from "../../lib/course/exercise-keys/index";
import * as courseLibrary from "../../lib/index";
import { studentVersion } from "../../lib/tools/homework/assign";
import { exerciseCells } from "../../lib/tools/homework/parts";
import { replaceSolutions, solutionLines } from "../../lib/tools/homework/solutions";
import { Cell, Notebook, formatNotebook, joinText } from "../../lib/tools/notebooks/ipynb";

export interface HostileOptions {
  /** The instructor's notebook file the grader reads (an attack tries to read it). */
  instructorPath: string;
  /** The project whose files an attack tries to reach (its .git, notebooks, answer keys). */
  projectRoot: string;
  /** A file of another student's submission, which an attack tries to read. */
  otherSubmission: string;
  /** A process outside the sandbox, which an attack tries to signal (signal 0: only asks whether it may). */
  outsidePid: number;
  /** A TCP port on 127.0.0.1 where a server listens, which an attack tries to reach. */
  port: number;
  /** An environment variable set for the grader, which an attack tries to read. */
  secretVariable: string;
  /** Per exercise, in order: what a student could copy to cheat on it (see courseCheats); none: no cheating kinds. */
  cheats?: (ExerciseCheat | undefined)[];
}

/** What a student could copy to cheat on one exercise. */
export interface ExerciseCheat {
  /** The visible checks' arguments and right answers (a student reads them in the check's feedback), to hard-code. */
  visible: { args: unknown[]; expected: unknown }[];
  /** A course library function that does the exercise's job with the same arguments, to call instead. */
  engine?: string;
}

/**
 * The cheats for a course notebook: its check cells name the exercises (check("04.2", mySigmoid)); the
 * visible cases and their answers come from the course's answer keys, the library function from the
 * key's `reimplements` (the first one, when it takes the exercise's arguments).
 */
export function courseCheats(nb: Notebook): (ExerciseCheat | undefined)[] {
  const lib = courseLibrary as unknown as Record<string, unknown>;
  return exerciseCells(nb).map(({ names }) => {
    const check = nb.cells.map((c) => joinText(c.source)).map((src) => new RegExp(`^check\\("(\\d\\d\\.\\d)", ${names[0]}\\)`, "m").exec(src)).find(Boolean);
    if (!check) return undefined;
    const key = exerciseKey(check[1]) as unknown as { cases: () => unknown[][]; answer: (...a: unknown[]) => unknown; reimplements?: string[] };
    const visible = key.cases().map((args) => ({ args, expected: key.answer(...args) }));
    const first = key.reimplements?.[0];
    const engine = first && typeof lib[first] === "function" && (lib[first] as Function).length === key.answer.length ? first : undefined;
    return { visible, ...(engine ? { engine } : {}) };
  });
}

/** What one submission must get: its score per exercise (in order) and, optionally, text its feedback must hold. */
export interface Expectation {
  /** Points per exercise, in order: a number, or "full" for all of that exercise's points; "full" alone for every exercise. */
  earned: (number | "full")[] | "full";
  /** Per exercise: a pattern the exercise's feedback (note and check messages) must match. */
  notes?: (RegExp | undefined)[];
  /** A pattern the submission's problem must match. */
  problem?: RegExp;
}

export interface HostileSubmission {
  student: string;
  /** The file's content, or "folder" / "link" for a folder or a symbolic link named like the notebook. */
  content: string | Notebook | { folder: true } | { linkTo: string };
  expect: Expectation;
}

const q = JSON.stringify;

/** The instructor's notebook with each exercise cell's source passed through `edit`. */
function editExercises(nb: Notebook, edit: (source: string, index: number, cell: Cell) => string): Notebook {
  const exercises = exerciseCells(nb);
  return {
    ...nb,
    cells: nb.cells.map((cell) => {
      const k = exercises.findIndex((e) => e.cell === cell);
      return k < 0 ? cell : { ...cell, source: edit(joinText(cell.source), k, cell) };
    }),
  };
}

/** Every exercise keeps its solution, behind a guard: `if (!(probe)) throw …`. */
function guarded(nb: Notebook, setup: string, probe: string): Notebook {
  return editExercises(nb, (source, k) => {
    const guard = (indent: string) => [`${indent}if (!(${probe})) throw new Error("the attack found nothing");`, ...solutionLines(source)];
    return `${k === 0 ? `${setup}\n` : ""}${replaceSolutions(source, guard)}`;
  });
}

/** One exercise's cell with `prefix` placed before its source (its solution kept). */
function withPrefix(nb: Notebook, exercise: number, prefix: string): Notebook {
  return editExercises(nb, (source, k) => (k === exercise ? `${prefix}\n${source}` : source));
}

/** One exercise's solution replaced by `lines`. */
function replaced(nb: Notebook, exercise: number, lines: string[]): Notebook {
  return editExercises(nb, (source, k) => (k === exercise ? replaceSolutions(source, (indent) => lines.map((l) => indent + l)) : source));
}

/** Exercise `k` lost, all the others kept. */
export const allBut = (count: number, k: number): ("full" | number)[] => Array.from({ length: count }, (_, i) => (i === k ? 0 : "full"));

/**
 * The hostile class for one instructor notebook. Exercise index 1 (the second exercise) is where the
 * accidents happen, so that exercise 0 (before it) and the last one (after it) show they are unaffected.
 */
export function hostileClass(instructor: Notebook, name: string, o: HostileOptions): HostileSubmission[] {
  const count = exerciseCells(instructor).length;
  const student = studentVersion(instructor, name).student;
  const none = { earned: Array.from({ length: count }, () => 0) };
  const escapes = (target: string) =>
    // Through the links a grading folder used to hold, relative and absolute, and through /proc.
    q([`node_modules/../${target}`, `lib/../${target}`, `./node_modules/../../${target}`, join(o.projectRoot, target), `/proc/self/cwd/node_modules/../${target}`, `/proc/self/root${join(o.projectRoot, target)}`]);
  const readAny = (paths: string) =>
    `const found = (() => { for (const p of ${paths}) { try { return require("fs").readFileSync(p, "utf8"); } catch {} } return ""; })();`;
  const relative = (path: string) => path.replace(`${o.projectRoot}/`, "");
  return [
    { student: "honest", content: instructor, expect: { earned: "full" } },
    { student: "untouched", content: student, expect: { ...none, notes: [/not done yet/] } },
    // Reading what a student may not see.
    { student: "reads-the-solutions", content: guarded(instructor, readAny(escapes(relative(o.instructorPath)) .replace("[", `[${q(o.instructorPath)}, `)), "found.includes(\"BEGIN SOLUTION\")"), expect: none },
    { student: "reads-git", content: guarded(instructor, readAny(escapes(".git/HEAD")), "found.length > 0"), expect: none },
    { student: "reads-answer-keys", content: guarded(instructor, `const found = (() => { for (const d of ${escapes("node_modules/.cache/course-answer-keys")}) { try { return require("fs").readdirSync(d).join(); } catch {} } return ""; })();`, "found.length > 0"), expect: none },
    { student: "reads-another-student", content: guarded(instructor, readAny(q([o.otherSubmission])), "found.length > 0"), expect: none },
    { student: "reads-the-environment", content: guarded(instructor, `const found = process.env[${q(o.secretVariable)}] ?? "";`, "found.length > 0"), expect: none },
    { student: "uses-the-network", content: guarded(instructor, `let found = false;\ntry {\n  await new Promise<void>((ok, fail) => { const s = require("net").connect(${o.port}, "127.0.0.1", () => { found = true; s.end(); ok(); }); s.on("error", fail); });\n} catch {}\ntry { const r = await fetch("http://127.0.0.1:${o.port}/"); found = found || r.ok; } catch {}`, "found"), expect: none },
    { student: "signals-other-processes", content: guarded(instructor, `let found = false;\ntry { process.kill(${o.outsidePid}, 0); found = true; } catch {}`, "found"), expect: none },
    { student: "starts-programs", content: guarded(instructor, `let found = false;\ntry { require("child_process").execSync("true"); found = true; } catch {}`, "found"), expect: none },
    { student: "writes-files", content: guarded(instructor, `let found = false;\ntry { require("fs").writeFileSync(${q(`${o.projectRoot}/written-by-a-submission.txt`)}, "x"); found = true; } catch {}`, "found"), expect: none },
    // Cells that break the grader's own bookkeeping; each must still be graded.
    {
      student: "cell-id-constructor",
      content: {
        ...instructor,
        cells: [
          ...instructor.cells.map((c) => (c.id === exerciseCells(instructor)[0].cell.id ? { ...c, id: "constructor" } : c)),
          { cell_type: "code", id: "__proto__", metadata: {}, source: "const extra = 1;", outputs: [], execution_count: null },
          { cell_type: "code", id: "toString", metadata: {}, source: 'throw new Error("an extra cell that fails");', outputs: [], execution_count: null },
        ],
      } as Notebook,
      expect: { earned: "full" },
    },
    { student: "folder-named-like-the-notebook", content: { folder: true }, expect: { ...none, problem: /folder/ } },
    { student: "link-to-a-file", content: { linkTo: o.instructorPath }, expect: { ...none, problem: /link/ } },
    { student: "python-notebook", content: pythonNotebook(), expect: { ...none, problem: /not a TypeScript notebook/ } },
    { student: "invalid-json", content: '{"cells": [ this is not json', expect: { ...none, problem: /not valid JSON/ } },
    { student: "empty-file", content: "", expect: { ...none, problem: /empty/ } },
    { student: "not-a-notebook", content: '{"hello": "world"}', expect: { ...none, problem: /not a Jupyter notebook/ } },
    // Accidents in exercise 2: only exercise 2 is lost.
    { student: "process-exit", content: withPrefix(instructor, 1, "process.exit(0);"), expect: { earned: allBut(count, 1), notes: [undefined, /process\.exit/] } },
    { student: "never-resolving-promise", content: withPrefix(instructor, 1, "await new Promise(() => {});"), expect: { earned: allBut(count, 1), notes: [undefined, /never/] } },
    { student: "never-resolving-timer", content: withPrefix(instructor, 1, "await new Promise(() => { setInterval(() => {}, 1000); });"), expect: { earned: allBut(count, 1), notes: [undefined, /wait/] } },
    { student: "endless-loop", content: replaced(instructor, 1, ["while (true) {}"]), expect: { earned: allBut(count, 1), notes: [undefined, /time limit|endless/] } },
    { student: "memory-bomb-buffers", content: withPrefix(instructor, 1, "const hoard: Uint8Array[] = [];\nfor (let i = 0; i < 64; i++) hoard.push(new Uint8Array(64 * 2 ** 20).fill(1));"), expect: { earned: allBut(count, 1), notes: [undefined, /memory/] } },
    { student: "memory-bomb-heap", content: withPrefix(instructor, 1, "const heap: number[][] = [];\nfor (;;) heap.push(new Array(1e6).fill(1.5));"), expect: { earned: allBut(count, 1), notes: [undefined, /memory/] } },
    { student: "prints-megabytes", content: withPrefix(instructor, 1, 'for (let i = 0; i < 20; i++) console.log("spam ".repeat(1_000_000));'), expect: { earned: "full" } },
    { student: "throws-later", content: withPrefix(instructor, 1, 'setTimeout(() => { throw new Error("thrown from a timer"); }, 0);\nPromise.reject(new Error("a rejection nobody handles"));'), expect: { earned: "full" } },
    { student: "kills-its-parent", content: withPrefix(instructor, 0, 'try { process.kill(process.ppid, "SIGKILL"); } catch {}\ntry { process.kill(process.pid, "SIGKILL"); } catch {}'), expect: { earned: "full" } },
    {
      student: "tampers-with-built-ins",
      content: withPrefix(
        instructor,
        0,
        [
          "Object.prototype.hasOwnProperty = () => false;",
          "(JSON as any).stringify = () => \"{}\";",
          "(Array as any).isArray = () => false;",
          "(Number as any).isFinite = () => false;",
          "(Array as any).from = () => [];",
          "(globalThis as any).Reflect = undefined;",
          "(Math as any).abs = () => 0;",
          "(Math as any).round = () => 0;",
        ].join("\n"),
      ),
      // The grader keeps working (it judges in its own process, with what it captured before any submitted code ran).
      expect: { earned: "full" },
    },
    {
      student: "forges-the-report",
      content: withPrefix(instructor, 0, 'for (let fd = 3; fd < 6; fd++) try { require("fs").writeSync(fd, JSON.stringify({ kind: "done", nonce: "guess" }) + "\\n" + JSON.stringify({ kind: "exercise", exercise: "x", checks: [[{ value: 1 }]] }) + "\\n"); } catch {}\n(globalThis as any).__courseChecks = { results: [], calls: [] };'),
      expect: { earned: "full" },
    },
    { student: "renames-the-function", content: editExercises(instructor, (s, k) => (k === 0 ? s.replace(/function (\w+)/, "function $1Renamed") : s)), expect: { earned: allBut(count, 0), notes: [/Keep the name/] } },
    { student: "deletes-an-exercise", content: { ...instructor, cells: instructor.cells.filter((c) => c !== exerciseCells(instructor)[count - 1].cell) }, expect: { earned: allBut(count, count - 1) } },
    ...cheating(instructor, name, o.cheats ?? []),
  ];
}

/**
 * Cheating that the visible checks cannot see: answers hard-coded for the visible inputs (the hidden
 * tests catch them: only the visible checks' points are earned), and the course library's version of
 * the function called or handed in as it is (graded on the student's own code: nothing).
 */
function cheating(instructor: Notebook, name: string, cheats: (ExerciseCheat | undefined)[]): HostileSubmission[] {
  if (!cheats.some(Boolean)) return [];
  const exercises = exerciseCells(instructor);
  const release = studentVersion(instructor, name).exercises;
  const visiblePoints = (k: number) => (releaseFor(k)?.checks ?? []).filter((c) => c.visible).reduce((s, c) => s + c.points, 0);
  // An exercise's release entry: the one whose check cell comes right after the exercise cell.
  const releaseFor = (k: number) => {
    const after = instructor.cells.slice(exercises[k].index + 1).find((c) => release.some((r) => r.checks.some((x) => x.cell === c.id)));
    return release.find((r) => r.checks.some((x) => x.cell === after?.id));
  };
  const hardCoded = editExercises(instructor, (source, k) => {
    const cheat = cheats[k];
    if (!cheat) return source;
    const table = Object.fromEntries(cheat.visible.map((v) => [JSON.stringify(v.args), v.expected]));
    return replaceSolutions(source, (indent) => [`${indent}const seen: Record<string, unknown> = ${JSON.stringify(table)};`, `${indent}return (seen[JSON.stringify(Array.from(arguments))] ?? 0) as any;`]);
  });
  const out: HostileSubmission[] = [
    {
      student: "hard-codes-visible-answers",
      content: hardCoded,
      expect: { earned: exercises.map((_, k) => (cheats[k] ? visiblePoints(k) : "full")), notes: exercises.map((_, k) => (cheats[k] ? /hidden check failed/ : undefined)) },
    },
  ];
  const k = cheats.findIndex((c) => c?.engine);
  if (k >= 0) {
    const engine = cheats[k]!.engine!;
    const fn = exercises[k].names[0];
    const calls = editExercises(instructor, (source, i) =>
      i === k ? `import { ${engine} as courseVersion } from "./lib";\n${replaceSolutions(source, (indent) => [`${indent}return (courseVersion as any)(...Array.from(arguments));`])}` : source,
    );
    const isIt = editExercises(instructor, (source, i) => (i === k ? `import { ${engine} } from "./lib";\nconst ${fn} = ${engine};` : source));
    const notes = exercises.map((_, i) => (i === k ? new RegExp(`graded on your own code; this calls the course library's ${engine}`) : undefined));
    out.push({ student: "calls-the-engine", content: calls, expect: { earned: allBut(exercises.length, k), notes } });
    out.push({ student: "is-the-engine", content: isIt, expect: { earned: allBut(exercises.length, k), notes: notes.map((n) => n && new RegExp(n.source.replace("this calls", "this is"))) } });
  }
  return out;
}

/** A notebook saved by a Python kernel: what a student sends who opened the file in the wrong kernel. */
export function pythonNotebook(): Notebook {
  return {
    cells: [{ cell_type: "code", id: "py", metadata: {}, source: "def my_relu(z):\n    return max(0, z)\n", outputs: [], execution_count: 1 }],
    metadata: { kernelspec: { display_name: "Python 3", language: "python", name: "python3" }, language_info: { name: "python", version: "3.11.2" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** Writes `<dir>/<student>/<name>` for every submission. */
export function writeSubmissions(dir: string, name: string, submissions: readonly HostileSubmission[]): void {
  for (const s of submissions) {
    const folder = join(dir, s.student);
    mkdirSync(folder, { recursive: true });
    const file = join(folder, name);
    const c = s.content;
    if (typeof c === "string") writeFileSync(file, c);
    else if ("folder" in c) mkdirSync(file, { recursive: true });
    else if ("linkTo" in c) symlinkSync(c.linkTo, file);
    else writeFileSync(file, formatNotebook(c));
  }
}
