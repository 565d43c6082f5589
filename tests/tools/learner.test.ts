// The learner's copy of the course (lib/tools/learner/copy.ts), which `npm start` opens:
// - for every course notebook, no line of a solution and no check that shows an expected value; every
//   exercise a `// YOUR CODE HERE` stub whose check has not run; the solutions one folder away;
// - it runs from where `npm start` puts it (a folder beside notebooks/my-course): its checks say
//   "not done yet", a learner's answer gets ✅, and the solutions notebook runs; so does a student
//   version written by `npm run assign` into a folder of its own;
// - a learner's saved work survives `git pull` (the copy is git-ignored) and a rebuild (syncing the copy
//   again, writing the import files again), and `--update` carries their answers into a new version;
// - a notebook the course no longer has (a lesson renamed or split) leaves the copy: untouched, it goes;
//   worked in, it moves into earlier/; its solutions go either way.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leakedSolutionLines } from "../../lib/tools/homework/assign";
import { isCheckCell, isExerciseCell } from "../../lib/tools/homework/parts";
import { learnerFolder, learnerVersion, renewNotebook, solutionsNotebook, syncLearnerCopy } from "../../lib/tools/learner/copy";
import { Notebook, formatNotebook, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, notebooksDir, repoRoot } from "../../lib/tools/notebooks/list";
import { NotebookRun, runNotebook } from "../../lib/tools/notebooks/runner";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";

/** A check cell's code, without comments and blank lines: only `check("NN.k", name);` calls may remain. */
const checkLines = (source: string) =>
  source
    .split("\n")
    .map((l) => l.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);
// A check may pass more argument lists from the notebook's own data (`{ cases: [[counts]] }`), never an
// expected value.
const onlyChecks = /^check\("\d{2}\.\d+", [A-Za-z_$][\w$]*(, \{ cases: [^]*\})?\);$/;
const printed = (run: NotebookRun, id: string) =>
  run.result.cells
    .filter((c) => c.id === id)
    .flatMap((c) => c.outputs)
    .map((o) => (o.output_type === "stream" ? joinText(o.text) : ""))
    .join("");

describe("the learner's copy of every course notebook", () => {
  for (const path of courseNotebooks()) {
    const name = basename(path);
    it(`${name}: no solution line, every exercise a stub not yet run, every check without an expected value`, () => {
      const course = readNotebook(path);
      const mine = learnerVersion(course, name);
      expect(leakedSolutionLines(course, mine)).toEqual([]);
      expect(formatNotebook(mine)).not.toMatch(/BEGIN (SOLUTION|HIDDEN TESTS)/);
      const exercises = mine.cells.filter(isExerciseCell);
      const stubs = mine.cells.filter((c) => c.cell_type === "code" && joinText(c.source).includes("// YOUR CODE HERE"));
      expect(exercises).toEqual([]);
      expect(stubs.length).toBe(course.cells.filter(isExerciseCell).length);
      const checks = mine.cells.filter(isCheckCell);
      expect(checks.length).toBeGreaterThan(0);
      for (const cell of [...stubs, ...checks]) {
        expect(cell.outputs ?? []).toEqual([]);
        expect(cell.execution_count ?? null).toBeNull();
      }
      for (const cell of checks) for (const line of checkLines(joinText(cell.source))) expect(line).toMatch(onlyChecks);
      for (const cell of checks) expect(joinText(cell.source)).not.toMatch(/\bexpected\b/);
      // The solutions: one notebook, opened on purpose, whose checks are plain too.
      const solutions = solutionsNotebook(course, name)!;
      expect(solutions.cells.filter((c) => c.cell_type === "code" && /return notDoneYet\(\)/.test(joinText(c.source)))).toEqual([]);
      for (const cell of solutions.cells.filter(isCheckCell)) for (const line of checkLines(joinText(cell.source))) expect(line).toMatch(onlyChecks);
      expect(joinText(mine.cells.find((c) => c.id === "solutions-note")?.source)).toContain(`solutions/${name}`);
    });
  }

  it("lives in a folder git ignores, inside notebooks/", () => {
    expect(learnerFolder).toBe(join(notebooksDir, "my-course"));
    const ignored = spawnSync("git", ["check-ignore", "-q", join(learnerFolder, "01-a-neuron.ipynb")], { cwd: repoRoot });
    expect(ignored.status).toBe(0);
  });
});

// A folder beside notebooks/my-course, made as `npm start` makes that one (same depth, so `./lib`
// resolves the same way), removed afterwards.
const beside = join(notebooksDir, `my-course-test-${process.pid}`);
const scratch: string[] = [];
afterAll(() => {
  rmSync(beside, { recursive: true, force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("the learner's copy runs where npm start puts it", () => {
  const name = "01-a-neuron.ipynb";
  it("its checks say not done yet, a learner's answer gets ✅, and its solutions notebook runs", async () => {
    const report = syncLearnerCopy({ sources: [join(notebooksDir, name)], folder: beside });
    expect(report.created).toEqual([name]);
    expect(existsSync(join(beside, "lib.js")) && existsSync(join(beside, "lib.d.ts"))).toBe(true);
    const mine = readNotebook(join(beside, name));
    const stub = mine.cells.find((c) => c.id === "exercise-1")!;
    const answer = joinText(stub.source).replace(/\/\/ YOUR CODE HERE\n\s*return notDoneYet\(\);/, "return input * weight;");
    expect(answer).not.toBe(joinText(stub.source));
    const check = mine.cells.find((c) => c.id === "check-1")!;
    const [run, solved] = await Promise.all([
      runNotebook(join(beside, name), { extra: [{ label: "a learner's answer", cells: [{ index: mine.cells.indexOf(stub), source: answer }, { index: mine.cells.indexOf(check), source: joinText(check.source) }] }] }),
      runNotebook(join(beside, "solutions", name)),
    ]);
    expect(run.crash).toBeUndefined();
    expect(run.result.cells.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    for (const id of ["check-1", "check-2", "check-3"]) expect(printed(run, id)).toMatch(/^⏳ Exercise 01\.\d: not done yet/);
    const afterAnswer = run.extra[0].map((c) => c.outputs.map((o) => (o.output_type === "stream" ? joinText(o.text) : "")).join("")).join("");
    expect(afterAnswer).toMatch(/✅ Exercise 01\.1: correct/);
    expect(solved.crash).toBeUndefined();
    expect(solved.result.cells.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    for (const id of ["check-1", "check-2", "check-3"]) expect(printed(solved, id)).toMatch(/^✅ Exercise 01\.\d: correct/);
  }, 0);

  it("so does a student version written by npm run assign into a folder of its own", async () => {
    const out = scratchWorkspace("course-assign-");
    scratch.push(out);
    const assign = spawnSync(process.execPath, [join(repoRoot, "lib/tools/run-ts.cjs"), join(repoRoot, "lib/tools/homework/assign.ts"), join(notebooksDir, "02-weighted-sum.ipynb"), "--out", join(out, "release")], { cwd: repoRoot, encoding: "utf8" });
    expect(assign.stderr).toBe("");
    expect(assign.status).toBe(0);
    const run = await runNotebook(join(out, "release", "02-weighted-sum.ipynb"));
    expect(run.crash).toBeUndefined();
    expect(run.result.cells.filter((c) => !c.ok).map((c) => c.id)).toEqual([]);
    expect(printed(run, "check-1")).toMatch(/^⏳ Exercise 02\.1: not done yet/);
  }, 0);
});

describe("a learner's saved work", () => {
  it("survives git pull and a rebuild, and --update carries their answers into the new version", () => {
    const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=course", "-c", "user.email=course@example.invalid", "-c", "init.defaultBranch=main", ...args], { cwd, encoding: "utf8" });
    const root = scratchWorkspace("course-pull-");
    scratch.push(root);
    // The course as published: .gitignore and two notebooks.
    const origin = join(root, "origin");
    mkdirSync(join(origin, "notebooks"), { recursive: true });
    cpSync(join(repoRoot, ".gitignore"), join(origin, ".gitignore"));
    const names = ["00-start-here.ipynb", "01-a-neuron.ipynb"];
    for (const n of names) cpSync(join(notebooksDir, n), join(origin, "notebooks", n));
    git(origin, "init", "-q");
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "the course");
    // The learner's clone, and their copy made as npm start makes it.
    const clone = join(root, "clone");
    git(root, "clone", "-q", origin, clone);
    const sources = names.map((n) => join(clone, "notebooks", n));
    const folder = join(clone, "notebooks", "my-course");
    expect(syncLearnerCopy({ sources, folder }).created).toEqual(names);
    // The learner answers exercise 01.1 and saves (Jupyter writes the whole file).
    const path = join(folder, "01-a-neuron.ipynb");
    const mine = JSON.parse(readFileSync(path, "utf8")) as Notebook;
    const stub = mine.cells.find((c) => c.id === "exercise-1")!;
    stub.source = joinText(stub.source).replace(/\/\/ YOUR CODE HERE\n\s*return notDoneYet\(\);/, "return weight * input; // my answer");
    const saved = JSON.stringify(mine, null, 1) + "\n";
    writeFileSync(path, saved);
    expect(git(clone, "status", "--porcelain")).toBe("");
    // The course changes both notebooks; the learner pulls.
    for (const n of names) {
      const nb = readNotebook(join(origin, "notebooks", n));
      nb.cells[0].source = joinText(nb.cells[0].source) + "\n\nA sentence added by a later version of the course.";
      writeFileSync(join(origin, "notebooks", n), formatNotebook(nb));
    }
    git(origin, "commit", "-qam", "a new version");
    git(clone, "pull", "-q", "--ff-only");
    expect(readFileSync(path, "utf8")).toBe(saved);
    expect(git(clone, "status", "--porcelain")).toBe("");
    // A rebuild: the lib's import files written again, the copy synced again (what npm start does).
    createRequire(__filename)("../../lib/tools/lib-build.cjs").writeImportFiles(folder);
    const report = syncLearnerCopy({ sources, folder });
    expect(readFileSync(path, "utf8")).toBe(saved);
    expect(report.waiting).toEqual(["01-a-neuron.ipynb"]);
    // The notebook they never touched follows the course.
    expect(report.updated).toEqual(["00-start-here.ipynb"]);
    expect(readFileSync(join(folder, "00-start-here.ipynb"), "utf8")).toContain("A sentence added by a later version of the course.");
    // --update: the new version, with their answer carried over; their notebook kept in earlier/.
    const renewed = renewNotebook("01-a-neuron.ipynb", "keepAnswers", { sources, folder });
    expect(renewed.carried).toEqual(["exercise-1"]);
    const now = readFileSync(path, "utf8");
    expect(now).toContain("A sentence added by a later version of the course.");
    expect(now).toContain("// my answer");
    expect(readFileSync(renewed.movedTo!, "utf8")).toBe(saved);
    expect(readdirSync(join(folder, "earlier"))).toHaveLength(1);
    expect(git(clone, "status", "--porcelain")).toBe("");
  });
});

describe("a notebook the course no longer has", () => {
  it("leaves the learner's copy: an untouched one goes, one they worked in moves into earlier/, solutions go", () => {
    const root = scratchWorkspace("course-retire-");
    scratch.push(root);
    const folder = join(root, "my-course");
    // An earlier course had 00, 01 and 02; the learner worked in 01.
    const earlier = ["00-start-here.ipynb", "01-a-neuron.ipynb", "02-weighted-sum.ipynb"].map((n) => join(notebooksDir, n));
    expect(syncLearnerCopy({ sources: earlier, folder, retire: true }).created).toHaveLength(3);
    const worked = join(folder, "01-a-neuron.ipynb");
    writeFileSync(worked, readFileSync(worked, "utf8").replace("// YOUR CODE HERE", "// YOUR CODE HERE (I was here)"));
    const before = readFileSync(worked, "utf8");
    writeFileSync(join(folder, "my-own-notes.ipynb"), "{}\n");
    // The course now has only 00: 01 and 02 are gone (as 10-backpropagation.ipynb went when it was split).
    const report = syncLearnerCopy({ sources: [earlier[0]], folder, retire: true });
    expect(report.retired.map((r) => r.name)).toEqual(["01-a-neuron.ipynb", "02-weighted-sum.ipynb"]);
    expect(existsSync(join(folder, "02-weighted-sum.ipynb"))).toBe(false);
    expect(report.retired[1].movedTo).toBeUndefined();
    expect(existsSync(worked)).toBe(false);
    expect(readFileSync(report.retired[0].movedTo!, "utf8")).toBe(before);
    expect(basename(report.retired[0].movedTo!)).toMatch(/^01-a-neuron \(.+\)\.ipynb$/);
    for (const n of ["01-a-neuron.ipynb", "02-weighted-sum.ipynb"]) expect(existsSync(join(folder, "solutions", n))).toBe(false);
    expect(existsSync(join(folder, "solutions", "00-start-here.ipynb"))).toBe(true);
    // A file the copy did not make is never touched, and a second sync retires nothing more.
    expect(readFileSync(join(folder, "my-own-notes.ipynb"), "utf8")).toBe("{}\n");
    expect(syncLearnerCopy({ sources: [earlier[0]], folder, retire: true }).retired).toEqual([]);
    // Without retire, a partial list of sources (as the other tests pass) retires nothing.
    expect(syncLearnerCopy({ sources: earlier, folder }).retired).toEqual([]);
  });
});
