// Student versions of every course notebook: no line of any solution appears anywhere in them, every
// exercise has its stub, exercise outputs are cleared and every other output is kept.
import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { exerciseKeys } from "../../lib/course/exercise-keys/index";
import * as courseLibrary from "../../lib/index";
import { learnerVersion, solutionsNotebook } from "../../lib/tools/learner/copy";
import { pageInfo, renderPage } from "../../lib/tools/site/build";
import { describe, expect, it } from "vitest";
import { leakedSolutionLines, studentVersion, withoutScripts } from "../../lib/tools/homework/assign";
import { exerciseCells, isCheckCell, isExerciseCell, splitHidden } from "../../lib/tools/homework/parts";
import { solutionLines } from "../../lib/tools/homework/solutions";
import { formatNotebook, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks, repoRoot } from "../../lib/tools/notebooks/list";

describe("student versions of the course notebooks", () => {
  for (const path of courseNotebooks().filter((p) => !basename(p).startsWith("00-"))) {
    const name = basename(path);
    it(`${name}: keep no solution line, stub every exercise, clear only exercise outputs`, () => {
      const instructor = readNotebook(path);
      const { student, exercises } = studentVersion(instructor, name);
      expect(leakedSolutionLines(instructor, student)).toEqual([]);
      // Scan the whole file as text too, line by line.
      const text = formatNotebook(student);
      for (const cell of instructor.cells) {
        for (const line of solutionLines(joinText(cell.source))) {
          const t = line.trim();
          if (t.length > 3 && !/^[\s{}()[\];,.]*$/.test(t) && !t.startsWith("//")) expect(text).not.toContain(JSON.stringify(t).slice(1, -1));
        }
      }
      expect(text).not.toMatch(/BEGIN SOLUTION|END SOLUTION|HIDDEN TESTS/);
      student.cells.forEach((cell, i) => {
        const original = instructor.cells[i];
        if (isExerciseCell(original)) {
          expect(joinText(cell.source)).toContain("// YOUR CODE HERE");
          expect(cell.outputs).toEqual([]);
        } else if (isCheckCell(original)) {
          expect(cell.outputs).toEqual([]);
        } else {
          // Every other output is kept; interactive outputs keep their still figure without their script.
          expect(cell).toEqual(withoutScripts(original));
          expect(JSON.stringify(cell)).not.toMatch(/<script/i);
        }
      });
      expect(exercises.length).toBeGreaterThanOrEqual(2);
    });
  }
});

/** The literal hidden cases of a check cell: the text after `hidden:` in each hidden check, without spaces. */
function hiddenLiterals(source: string): string[] {
  return splitHidden(source).hidden.flatMap((part) => [...part.matchAll(/hidden:\s*(\[[\s\S]*\])\s*\}\s*\);/g)].map((m) => m[1].replace(/\s+/g, "")));
}

describe("hidden tests of the course notebooks", () => {
  const all = courseNotebooks().map((path) => ({ path, name: basename(path), nb: readNotebook(path) }));
  const literals = all.flatMap(({ nb }) => nb.cells.filter(isCheckCell).flatMap((c) => hiddenLiterals(joinText(c.source))));

  it("every exercise of every notebook has hidden tests as well as its visible check", () => {
    for (const { nb, name } of all) {
      const { exercises } = studentVersion(nb, name);
      expect(exercises.length, name).toBe(exerciseCells(nb).length);
      for (const e of exercises) {
        expect(e.checks.filter((c) => c.visible).length, `${name} ${e.id}`).toBeGreaterThan(0);
        expect(e.checks.filter((c) => !c.visible).length, `${name} ${e.id}`).toBeGreaterThan(0);
      }
    }
    expect(literals.length).toBe(all.reduce((s, { nb }) => s + exerciseCells(nb).length, 0));
    // The instructor's copies hold them, in their sources and in the notebook file.
    for (const { nb } of all) {
      const text = formatNotebook(nb).replace(/\s+|\\n/g, "");
      for (const literal of nb.cells.filter(isCheckCell).flatMap((c) => hiddenLiterals(joinText(c.source)))) expect(text.includes(JSON.stringify(literal).slice(1, -1))).toBe(true);
    }
  });

  it("no hidden case reaches anything a learner gets: the student version, the learner's copy and its solutions, the site's pages", () => {
    const pages = all.map(({ path, nb }) => pageInfo(path, nb));
    for (const { nb, name, path } of all) {
      const copies = [
        formatNotebook(studentVersion(nb, name).student),
        formatNotebook(learnerVersion(nb, name, "jupyter")),
        formatNotebook(learnerVersion(nb, name, "site")),
        formatNotebook(solutionsNotebook(nb, name) ?? nb),
        renderPage(nb, pageInfo(path, nb), pages),
      ].map((text) => text.replace(/\s+|\\n/g, ""));
      for (const copy of copies) {
        expect(copy).not.toMatch(/HIDDENTESTS|hidden:\[/);
        for (const literal of literals) expect(copy.includes(literal) || copy.includes(JSON.stringify(literal).slice(1, -1)), `${name}: ${literal}`).toBe(false);
      }
    }
  });

  it("no hidden case is in the course library, which the grader's sandbox bundles (and learners have)", () => {
    const libText = libraryFiles(join(repoRoot, "lib")).map((f) => readFileSync(f, "utf8").replace(/\s+/g, "")).join("\n");
    for (const literal of literals) expect(libText.includes(literal), literal).toBe(false);
  });

  it("refuses hidden cases outside a hidden-tests region", () => {
    expect(() => splitHidden('check("04.2", mySigmoid, { hidden: [[1]] });')).toThrow(/outside a BEGIN HIDDEN TESTS/);
    expect(splitHidden('check("04.2", mySigmoid);\n// BEGIN HIDDEN TESTS\ncheck("04.2", mySigmoid, { hidden: [[1]] });\n// END HIDDEN TESTS').visible).toBe('check("04.2", mySigmoid);');
  });

  it("names, for every exercise that re-implements a library function, a function the library has", () => {
    const lib = courseLibrary as unknown as Record<string, unknown>;
    const named = exerciseKeys.flatMap((k) => (k.reimplements ?? []).map((n) => `${k.id} ${n}: ${typeof lib[n]}`));
    expect(named).toEqual(named.map((line) => line.replace(/: .*$/, ": function")));
    expect(named.length).toBeGreaterThan(20);
  });
});

function libraryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? libraryFiles(join(dir, e.name)) : /\.(ts|js|cjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}
