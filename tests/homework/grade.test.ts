// A class of submissions — correct, partly correct, untouched, and each hostile kind — graded with the
// expected scores. Hostile submissions get a clear result, cannot raise their own score, and never
// stop the others from being graded.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studentVersion } from "../../lib/tools/homework/assign";
import { NotebookGrade, childCommand, defaultGradeOptions, gradeAll } from "../../lib/tools/homework/grade";
import { buildSandbox } from "../../lib/tools/homework/sandbox";
import { Notebook, formatNotebook, joinText } from "../../lib/tools/notebooks/ipynb";
import { createServer } from "node:net";
import { exerciseCells } from "../../lib/tools/homework/parts";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { assignmentNotebook } from "./fixture";
import { HostileSubmission, hostileClass, writeSubmissions } from "./hostile";

const root = mkdtempSync(join(tmpdir(), "course-homework-"));
const source = join(root, "source");
const submissions = join(root, "submissions");
const out = join(root, "out");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const instructor = assignmentNotebook();
const student = studentVersion(instructor, "practice.ipynb").student;

/** The instructor's notebook with one exercise cell's source replaced. */
function edited(edits: Record<string, string>, base: Notebook = instructor): Notebook {
  return { ...base, cells: base.cells.map((c) => (edits[c.id] !== undefined ? { ...c, source: edits[c.id] } : c)) };
}

const submitted: Record<string, string | Notebook> = {
  correct: instructor,
  partly: edited({
    "exercise-2": "function weightedTotal(weights: number[], inputs: number[]): number {\n  return weights.length;\n}",
    "exercise-3": "function slopeOf(f: (x: number) => number, x: number): number {\n  return notDoneYet();\n}",
  }),
  untouched: student,
  "loops-forever": edited({ "exercise-2": "function weightedTotal(weights: number[], inputs: number[]): number {\n  while (true) {}\n}" }),
  throws: edited({ "exercise-1": 'throw new Error("I broke my own cell");\nfunction double(x: number): number {\n  return 2 * x;\n}' }),
  "prints-megabytes": edited({ "exercise-1": 'console.log("spam ".repeat(2_000_000));\nfunction double(x: number): number {\n  return 2 * x;\n}' }),
  "deletes-and-reorders": { ...instructor, cells: instructor.cells.filter((c) => c.id !== "exercise-3").reverse() },
  renames: edited({ "exercise-1": "function twice(x: number): number {\n  return 2 * x;\n}" }),
  "patches-checks": edited({
    "exercise-1": [
      'import * as lib from "./lib";',
      "(lib as any).checkFunction = () => console.log(\"✅ Exercise H.1: correct\");",
      "(lib as any).weightedSum = () => 0;",
      "Math.abs = () => 0;",
      '(globalThis as any).__courseChecks = { results: [{ exercise: "H.1", status: "correct" }], calls: [] };',
      'require("fs").writeSync(3, JSON.stringify({ kind: "exercise", exercise: "H.2", checks: [[{ value: 7 }]], nonce: "guess" }) + "\\n");',
      "function double(x: number): number {\n  return 0;\n}",
    ].join("\n"),
    "exercise-2": "function weightedTotal(weights: number[], inputs: number[]): number {\n  return 0;\n}",
  }),
  "reads-hidden-checks": edited({
    "exercise-1": `function double(x: number): number {\n  const instructor = require("fs").readFileSync(${JSON.stringify(join(source, "practice.ipynb"))}, "utf8");\n  return instructor.length > 0 ? 2 * x : 0;\n}`,
  }),
  "kills-the-grader": edited({ "exercise-1": "process.kill(process.ppid, \"SIGKILL\");\nfunction double(x: number): number {\n  return 2 * x;\n}" }),
  "invalid-json": '{"cells": [ this is not json',
  empty: "",
};

// The hostile class (hostile.ts) on the same notebook, in the same run: students named "hostile-…".
const secretVariable = "COURSE_GRADER_TEST_SECRET";
let hostile: HostileSubmission[] = [];
let connections = 0;
const server = createServer((socket) => {
  connections++;
  socket.end("HTTP/1.0 200 OK\r\n\r\nhello");
});
afterAll(() => server.close());

let grades: NotebookGrade[] = [];
const gradeOf = (name: string) => grades.find((g) => g.student === name)!;
const earned = (name: string) => gradeOf(name).exercises.map((e) => e.earned);
const notes = (name: string) => gradeOf(name).exercises.map((e) => [e.note ?? "", ...e.checks.map((c) => c.message)].join(" | "));

beforeAll(async () => {
  mkdirSync(source, { recursive: true });
  writeFileSync(join(source, "practice.ipynb"), formatNotebook(instructor));
  for (const [name, content] of Object.entries(submitted)) {
    mkdirSync(join(submissions, name), { recursive: true });
    writeFileSync(join(submissions, name, "practice.ipynb"), typeof content === "string" ? content : formatNotebook(content));
  }
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  process.env[secretVariable] = "the instructor's secret";
  hostile = hostileClass(instructor, "practice.ipynb", {
    instructorPath: join(source, "practice.ipynb"),
    projectRoot: repoRoot,
    otherSubmission: join(submissions, "correct", "practice.ipynb"),
    outsidePid: process.pid,
    port: (server.address() as { port: number }).port,
    secretVariable,
    // Exercise 1's visible cases (hard-coded by a cheat; its hidden test tries -3), and exercise 2's,
    // 3 × 2 + 1 × 5 = 11, which the library's weightedSum computes too. Exercise 3 takes a function.
    cheats: [{ visible: [{ args: [1], expected: 2 }, { args: [2.5], expected: 5 }] }, { visible: [{ args: [[3, 1], [2, 5]], expected: 11 }], engine: "weightedSum" }, undefined],
  }).map((h) => ({ ...h, student: `hostile-${h.student}` }));
  writeSubmissions(submissions, "practice.ipynb", hostile);
  // The limit counts CPU time, so a short one is safe on a busy machine: honest notebooks use well under 1 s,
  // and the memory bombs reach 128 MB in well under a second of computing (0.3-0.6 s measured). Each endless
  // loop burns the whole limit, so it is kept at 3 s, more than three times what an honest notebook needs.
  // A submission that computes nothing for 3 s (not counting time it waits for the grader's compiler) waits
  // for something that never comes.
  grades = await gradeAll(submissions, out, { ...defaultGradeOptions, source, timeoutMs: 3_000, waitMs: 3_000, memoryMb: 128 });
});

describe("grading a class", () => {
  it("gives full marks to the reference answers: 3 + 2 + 1 points", () => {
    expect(earned("correct")).toEqual([3, 2, 1]);
    expect(gradeOf("correct").points).toBe(6);
  });

  it("gives partial marks to a partly correct submission, with feedback", () => {
    expect(earned("partly")).toEqual([3, 0, 0]);
    expect(notes("partly")[1]).toContain("weightedTotal([3, 1], [2, 5]) returned 2, which is not right. Hint: multiply in pairs, then add.");
    expect(notes("partly")[1]).toContain("hidden check failed");
    expect(notes("partly")[2]).toContain("not done yet");
  });

  it("gives nothing to an untouched student version and says not done yet", () => {
    expect(earned("untouched")).toEqual([0, 0, 0]);
    for (const n of notes("untouched")) expect(n).toContain("not done yet");
  });

  it("stops an endless loop at the time limit, and grades the other exercises without it", () => {
    expect(earned("loops-forever")).toEqual([3, 0, 1]);
    expect(gradeOf("loops-forever").problem).toBe("H.2: it used the whole time limit of 3 s of computing (an endless loop?)");
    expect(notes("loops-forever")[1]).toContain("grading stopped while calling your function: it used the whole time limit of 3 s of computing");
  });

  it("reports a cell that throws, and grades the rest", () => {
    expect(earned("throws")).toEqual([0, 2, 1]);
    expect(notes("throws")[0]).toContain("your exercise cell failed to run, so double was never defined: Error: I broke my own cell");
  });

  it("grades a submission that prints megabytes", () => {
    expect(earned("prints-megabytes")).toEqual([3, 2, 1]);
  });

  it("finds exercises by cell id after cells are reordered, and says which were deleted", () => {
    expect(earned("deletes-and-reorders")).toEqual([3, 2, 0]);
    expect(notes("deletes-and-reorders")[2]).toContain("no cell defines slopeOf");
  });

  it("says when a function was renamed", () => {
    expect(earned("renames")[0]).toBe(0);
    expect(notes("renames")[0]).toContain("Keep the name double");
  });

  it("ignores tampering with the checks, the engine, the results and the report channel", () => {
    expect(earned("patches-checks")).toEqual([0, 0, 1]);
    expect(notes("patches-checks")[0]).toContain("double(1) returned 0, which is not right");
  });

  it("cannot read the instructor's notebook", () => {
    expect(earned("reads-hidden-checks")[0]).toBe(0);
    expect(notes("reads-hidden-checks")[0]).toMatch(/threw an error: Access to this API has been restricted/);
  });

  it("survives a submission that kills its parent process", () => {
    expect(earned("kills-the-grader")).toEqual([0, 2, 1]);
    expect(notes("kills-the-grader")[0]).toContain("process.kill is not available while grading");
    expect(earned("correct")).toEqual([3, 2, 1]);
  });

  it("explains invalid and empty files", () => {
    expect(gradeOf("invalid-json").problem).toContain("not valid JSON");
    expect(gradeOf("empty").problem).toBe("the submitted file is empty");
    expect(gradeOf("empty").earned).toBe(0);
  });

  it("writes a feedback page per student and a gradebook", () => {
    const csv = readFileSync(join(out, "gradebook.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("student,practice H.1,practice H.2,practice H.3,total,max,problems");
    expect(csv).toContain("correct,3,2,1,6,6,");
    expect(csv).toContain("partly,3,0,0,3,6,");
    const page = readFileSync(join(out, "feedback", "partly.html"), "utf8");
    expect(page).toContain("<h1>Feedback for partly: 3 / 6</h1>");
    expect(page).toContain("(hidden) hidden check failed");
    expect(page).not.toContain("[0.5, -2, 4]");
  });
});

describe("grading a hostile class", () => {
  it("gives every hostile submission the score it must get, with its own clear message", () => {
    const points = exerciseCells(instructor).map((_, k) => [3, 2, 1][k]);
    const report = (h: HostileSubmission) => {
      const g = gradeOf(h.student);
      if (!g) return `${h.student}: not graded`;
      const want = points.map((p, k) => (h.expect.earned === "full" || h.expect.earned[k] === "full" ? p : h.expect.earned[k]));
      const got = g.exercises.map((e) => e.earned);
      const wrongNotes = (h.expect.notes ?? []).map((pattern, k) => (pattern && !pattern.test(notes(h.student)[k]) ? ` note ${k + 1} ${pattern} missing in "${notes(h.student)[k]}"` : "")).join("");
      const wrongProblem = h.expect.problem && !h.expect.problem.test(g.problem ?? "") ? ` problem ${h.expect.problem} missing in "${g.problem}"` : "";
      return `${h.student}: ${got.join(" ")}${got.join(" ") === want.join(" ") ? "" : ` (expected ${want.join(" ")}: ${notes(h.student).join(" / ")})`}${wrongNotes}${wrongProblem}`;
    };
    const expected = (h: HostileSubmission) => `${h.student}: ${points.map((p, k) => (h.expect.earned === "full" || h.expect.earned[k] === "full" ? p : h.expect.earned[k])).join(" ")}`;
    expect(hostile.map(report)).toEqual(hostile.map(expected));
  });

  it("lets no submission reach the network or the instructor's environment", () => {
    expect(connections).toBe(0);
  });

  it("lets a submission read only its own folder and the bundled program, with no link on the way (so a linked node_modules plays no part)", async () => {
    const sandbox = await buildSandbox();
    try {
      const dir = mkdtempSync(join(tmpdir(), "course-grade-"));
      const reads = childCommand(dir, sandbox, 128).filter((a) => a.startsWith("--allow-fs-read=")).map((a) => a.slice("--allow-fs-read=".length).replace(/\/$/, ""));
      rmSync(dir, { recursive: true });
      expect(reads).toEqual([dir, sandbox.program]);
      for (const path of [sandbox.dir, dirname(dir)]) expect(realpathSync(path)).toBe(path);
      for (const path of reads) expect(path.startsWith(`${repoRoot}/`)).toBe(false);
      expect(readdirSync(sandbox.dir)).toEqual(["grade-child.js"]);
    } finally {
      sandbox.close();
    }
  });
});

describe("the student version", () => {
  it("keeps no line of any solution and no hidden test", () => {
    const text = formatNotebook(student);
    for (const line of ["return 2 * x;", "let sum = 0;", "sum += weights[i] * inputs[i];", "const h = 1e-6;"]) expect(text).not.toContain(line);
    expect(text).not.toContain("HIDDEN");
    expect(text).not.toContain("[0.5, -2, 4]");
    const ex = student.cells.find((c) => c.id === "exercise-1")!;
    expect(joinText(ex.source)).toBe("function double(x: number): number {\n  // YOUR CODE HERE\n  return notDoneYet();\n}");
  });

  it("is resolved relative to this folder", () => {
    expect(resolve(".")).toBe(process.cwd());
  });
});
