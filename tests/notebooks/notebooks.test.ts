// Every notebook runs top to bottom in a fresh tslab kernel, and what it prints equals what is stored in
// it; a failure names the notebook, the cell, the failing line and the error text. Then, in the same
// kernel, every exercise is tried as a learner would try it, by editing the exercise cell and running
// it and its check again: the untouched stub must get "not done yet", a plausible wrong answer its
// hint. (The reference answers' ✅ is part of the stored outputs.)
//
// Two worker processes run the notebooks, longest first. Each test waits for its own notebook only,
// with no clock of its own: a notebook has a generous limit of its own (NotebookPool), counted from
// the moment it starts, so a busy machine makes this slow, never red.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultGradeOptions, gradeAll } from "../../lib/tools/homework/grade";
import { keyFromCalls, keyHash, storeKey } from "../../lib/tools/homework/key";
import { parseRecording, recordingCell } from "../../lib/tools/homework/recorded";
import { splitHidden } from "../../lib/tools/homework/parts";
import { hasSolution, replaceSolutions, stripSolutions } from "../../lib/tools/homework/solutions";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { longestFirst, recordTimes, repoRoot } from "../../lib/tools/notebooks/list";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";
import { NotebookRun, failures, runNotebook, staleCells } from "../../lib/tools/notebooks/runner";
import { selectedNotebooks } from "./selection";

const isCheck = (source: string) => /(^|[^.\w])check(Function)?\s*\(/m.test(source);
const printed = (outputs: readonly { output_type: string; text?: unknown }[] | undefined) =>
  (outputs ?? []).map((o) => (o.output_type === "stream" ? joinText(o.text as string) : "")).join("");

interface Plan {
  path: string;
  name: string;
  /** Indexes of exercise cells (with a solution region) and of check cells, in notebook order. */
  exercises: number[];
  checks: number[];
  /** Wrong answers by exercise cell id (tests/exercises/<notebook>.wrong.ts). */
  wrong: Record<string, string[]>;
}

async function planFor(path: string): Promise<Plan> {
  const nb = readNotebook(path);
  const name = basename(path);
  const code = nb.cells.map((c, i) => ({ c, i, source: joinText(c.source) })).filter(({ c }) => c.cell_type === "code");
  const file = resolve(repoRoot, `tests/exercises/${name.replace(/\.ipynb$/, "")}.wrong.ts`);
  const wrong: Record<string, string[]> = existsSync(file) ? ((await import(file)) as { default: Record<string, string[]> }).default : {};
  return { path, name, exercises: code.filter((x) => hasSolution(x.source)).map((x) => x.i), checks: code.filter((x) => isCheck(x.source)).map((x) => x.i), wrong };
}

/** The exercise and check cells again, in notebook order, with each exercise's solution replaced. */
function variant(plan: Plan, replace: (id: string, source: string) => string) {
  const nb = readNotebook(plan.path);
  const indexes = [...plan.exercises, ...plan.checks].sort((a, b) => a - b);
  return indexes.map((index) => {
    const cell = nb.cells[index];
    const source = joinText(cell.source);
    return { index, source: plan.exercises.includes(index) ? replace(cell.id, source) : source };
  });
}

const plans = await Promise.all(selectedNotebooks().map(planFor));
const runs = new Map<string, Promise<NotebookRun>>();
// Longest first (list.ts), so that the two workers finish together.
for (const path of longestFirst(plans.map((p) => p.path))) {
  const plan = plans.find((p) => p.path === path)!;
  const extra = plan.exercises.length
    ? [
        // First, before the tries below add checks of their own: the answer key, recorded from this very run.
        { label: "answer key", cells: [{ index: -1, source: recordingCell() }] },
        { label: "stubs", cells: variant(plan, (_id, source) => stripSolutions(source)) },
        { label: "wrong answers", cells: variant(plan, (id, source) => replaceSolutions(source, (indent) => (plan.wrong[id] ?? []).map((l) => indent + l))) },
      ]
    : [];
  // The warm pool shared by every test file that runs notebooks in this test worker (runner.ts).
  runs.set(plan.path, runNotebook(plan.path, { extra }));
}

afterAll(async () => {
  const times = new Map<string, number>();
  for (const [path, run] of runs) times.set(path, (await run).wallMs);
  recordTimes(times);
});

/** What the check cells printed in one extra step of a run. */
function checkOutputs(plan: Plan, run: NotebookRun, step: number): string[] {
  // Step 0 records the answer key; the tries come after it.
  return plan.checks.map((index) => printed(run.extra[step + 1]?.find((c) => c.index === index)?.outputs));
}

describe("notebooks", () => {
  it("exist, and every one ends with exercises (00 with one to practise on)", () => {
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((p) => p.exercises.length).map((p) => p.name)).toEqual(plans.map((p) => p.name));
  });

  for (const plan of plans) {
    describe(plan.name, () => {
      it("runs cleanly, and its stored outputs equal a re-run", async () => {
        const run = await runs.get(plan.path)!;
        const nb = readNotebook(plan.path);
        const problems = [...failures(nb, run), ...staleCells(nb, run, normalizeFigureHtml)];
        expect(problems.map((p) => p.message).join("\n\n")).toBe("");
        expect(run.result.cells.length).toBe(nb.cells.filter((c) => c.cell_type === "code").length);
      }, 0);

      if (!plan.exercises.length) return;

      it("has a check for each exercise, and a wrong answer to try on each", () => {
        expect(plan.checks.length).toBeGreaterThanOrEqual(plan.name.startsWith("00-") ? 1 : 2);
        const ids = plan.exercises.map((i) => readNotebook(plan.path).cells[i].id);
        expect(Object.keys(plan.wrong).sort()).toEqual([...ids].sort());
      });

      it("stores ✅ for every reference answer", () => {
        const nb = readNotebook(plan.path);
        for (const index of plan.checks) expect(printed(nb.cells[index].outputs)).toMatch(/^✅ Exercise \S+: correct/m);
      });

      it('says "not done yet" to every untouched stub', async () => {
        const run = await runs.get(plan.path)!;
        expect(run.crash).toBeUndefined();
        for (const text of checkOutputs(plan, run, 0)) expect(text).toMatch(/⏳ Exercise \S+: not done yet/);
      }, 0);

      it("gives every wrong answer its hint", async () => {
        const run = await runs.get(plan.path)!;
        expect(run.crash).toBeUndefined();
        for (const text of checkOutputs(plan, run, 1)) expect(text).toMatch(/❌ Exercise \S+: .*Hint: /);
      }, 0);
    });
  }
});

// The autograder on the course itself: the instructor's copy of every notebook, handed in as a student's
// submission, scores full marks in one class run. The answer keys come from the runs above (recorded in
// the same kernel, stored in the key cache as `npm run assign` stores them), so grading records nothing.
describe("homework", () => {
  it("gives the instructor's copy of every notebook full marks, graded in one class run", async () => {
    const graded = plans.filter((p) => p.exercises.length);
    if (!graded.length) return;
    const root = mkdtempSync(join(tmpdir(), "course-honest-"));
    try {
      mkdirSync(join(root, "submissions", "instructor-copy"), { recursive: true });
      for (const plan of graded) {
        const run = await runs.get(plan.path)!;
        expect(run.crash).toBeUndefined();
        const calls = parseRecording(printed(run.extra[0]?.[0]?.outputs));
        expect(calls, `${plan.name}: the recording cell printed no calls`).toBeDefined();
        // Hidden checks written check(…, { hidden }) mark themselves; a notebook with other hidden checks is
        // recorded by the grader itself (it marks them while they run).
        if (hiddenChecksMarkThemselves(readNotebook(plan.path))) storeKey(plan.path, keyFromCalls(plan.path, keyHash(plan.path), calls!));
        copyFileSync(plan.path, join(root, "submissions", "instructor-copy", plan.name));
      }
      const grades = await gradeAll(join(root, "submissions"), join(root, "out"), { ...defaultGradeOptions, source: dirname(graded[0].path) });
      const scores = grades.map((g) => `${g.notebook}: ${g.earned}/${g.points}${g.problem ? ` (${g.problem})` : ""}${g.exercises.filter((e) => e.earned < e.points).map((e) => ` [${e.exercise}: ${e.note ?? e.checks.map((c) => c.message).join(" ")}]`).join("")}`);
      expect(scores).toEqual(grades.map((g) => `${g.notebook}: ${g.points}/${g.points}`));
      expect(grades.map((g) => g.notebook)).toEqual(graded.map((p) => p.name).sort());
      // Every exercise counts: at least one point for each exercise cell of the notebook.
      for (const g of grades) expect(g.points).toBeGreaterThanOrEqual(graded.find((p) => p.name === g.notebook)!.exercises.length);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 0);
});

/** Whether every check in the notebook's hidden-tests regions is a check(…, { hidden }) (marked hidden by itself). */
function hiddenChecksMarkThemselves(nb: ReturnType<typeof readNotebook>): boolean {
  return nb.cells.every((cell) => {
    if (cell.cell_type !== "code" || !/BEGIN HIDDEN TESTS/.test(joinText(cell.source))) return true;
    return splitHidden(joinText(cell.source)).hidden.every((part) => (part.match(/(^|[^.\w])check(Function)?\s*\(/gm) ?? []).length === (part.match(/(^|[^.\w])check\s*\([^]*?\bhidden\s*:/gm) ?? []).length);
  });
}
