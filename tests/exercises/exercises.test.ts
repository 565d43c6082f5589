// Every exercise check, tried three ways in real kernels: the reference answer passes (the stored
// notebook shows ✅), an untouched stub gets "not done yet", and a wrong answer gets its hint.
import { rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";
import { afterAll, describe, expect, it } from "vitest";
import { hasSolution, replaceSolutions, stripSolutions } from "../../lib/tools/homework/solutions";
import { Notebook, joinText, readNotebook, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks } from "../../lib/tools/notebooks/list";
import { NotebookRun, runNotebook } from "../../lib/tools/notebooks/runner";
import { existsSync } from "node:fs";

const scratch = scratchWorkspace("course-exercises-");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isCheck = (source: string) => /\bcheckFunction\(/.test(source);
const outputText = (run: NotebookRun, index: number) =>
  (run.result.cells.find((c) => c.index === index)?.outputs ?? []).map((o) => ("text" in o ? joinText(o.text) : "")).join("");

const withExercises = courseNotebooks().filter((p) => readNotebook(p).cells.some((c) => c.cell_type === "code" && hasSolution(joinText(c.source))));

describe("exercise checks", () => {
  it("exist in every course notebook from 01 on", () => {
    const expected = courseNotebooks().filter((p) => !basename(p).startsWith("00-"));
    expect(withExercises.map((p) => basename(p))).toEqual(expected.map((p) => basename(p)));
  });

  for (const path of withExercises) {
    const name = basename(path);
    const nb = readNotebook(path);
    const checks = nb.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.cell_type === "code" && isCheck(joinText(c.source)));

    it(`${name}: the reference answers pass`, () => {
      expect(checks.length).toBeGreaterThanOrEqual(2);
      for (const { c } of checks) {
        const text = (c.outputs ?? []).map((o) => ("text" in o ? joinText(o.text) : "")).join("");
        expect(text).toMatch(/^✅ Exercise \S+: correct/m);
      }
    });

    it(`${name}: untouched stubs say "not done yet"`, async () => {
      const copy: Notebook = { ...nb, cells: nb.cells.map((c) => (c.cell_type === "code" ? { ...c, source: stripSolutions(joinText(c.source)) } : c)) };
      const file = join(scratch, `stub-${name}`);
      writeNotebook(file, copy);
      const run = await runNotebook(file);
      for (const { i } of checks) expect(outputText(run, i)).toMatch(/⏳ Exercise \S+: not done yet/);
    }, 120_000);

    it(`${name}: wrong answers get their hint`, async () => {
      // tests/exercises/<notebook>.wrong.ts: for each exercise cell id, the lines of a plausible wrong answer.
      const file = resolve(`tests/exercises/${name.replace(/\.ipynb$/, "")}.wrong.ts`);
      const answers: Record<string, string[]> = existsSync(file) ? ((await import(file)) as { default: Record<string, string[]> }).default : {};
      const solutionCells = nb.cells.filter((c) => c.cell_type === "code" && hasSolution(joinText(c.source)));
      expect(Object.keys(answers).sort()).toEqual(solutionCells.map((c) => c.id).sort());
      const copy: Notebook = {
        ...nb,
        cells: nb.cells.map((c) => (answers[c.id] ? { ...c, source: replaceSolutions(joinText(c.source), (indent) => answers[c.id].map((l) => indent + l)) } : c)),
      };
      const copyPath = join(scratch, `wrong-${name}`);
      writeNotebook(copyPath, copy);
      const run = await runNotebook(copyPath);
      for (const { i } of checks) expect(outputText(run, i)).toMatch(/❌ Exercise \S+: .*Hint: /);
    }, 120_000);
  }
});
