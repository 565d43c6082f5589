// Student versions of every course notebook: no line of any solution appears anywhere in them, every
// exercise has its stub, exercise outputs are cleared and every other output is kept.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { leakedSolutionLines, studentVersion, withoutScripts } from "../../lib/tools/homework/assign";
import { isCheckCell, isExerciseCell } from "../../lib/tools/homework/parts";
import { solutionLines } from "../../lib/tools/homework/solutions";
import { formatNotebook, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks } from "../../lib/tools/notebooks/list";

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
