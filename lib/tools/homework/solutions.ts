// Solution regions in exercise cells, marked as nbgrader marks them:
//     // BEGIN SOLUTION
//     ...the reference answer...
//     // END SOLUTION
// A region is always a whole function body, so a stub can stand in for it.

const begin = /^([ \t]*)\/\/ BEGIN SOLUTION[ \t]*$/;
const end = /^[ \t]*\/\/ END SOLUTION[ \t]*$/;

/** The stub a student sees instead of a solution: a marker and a friendly "not done yet". */
export function stubLines(indent: string): string[] {
  return [`${indent}// YOUR CODE HERE`, `${indent}return notDoneYet();`];
}

/** Whether a cell's source holds at least one solution region. */
export function hasSolution(source: string): boolean {
  return source.split("\n").some((line) => begin.test(line));
}

/**
 * Replaces every solution region (markers included) with `replacement(indent)`; throws on unbalanced
 * markers so that a solution can never leak through a typo.
 */
export function replaceSolutions(source: string, replacement: (indent: string) => string[]): string {
  const out: string[] = [];
  let inside = false;
  const lines = source.split("\n");
  lines.forEach((line, n) => {
    const b = begin.exec(line);
    if (b) {
      if (inside) throw new Error(`line ${n + 1}: BEGIN SOLUTION inside another solution region`);
      inside = true;
      out.push(...replacement(b[1]));
    } else if (end.test(line)) {
      if (!inside) throw new Error(`line ${n + 1}: END SOLUTION without BEGIN SOLUTION`);
      inside = false;
    } else if (!inside) {
      out.push(line);
    } else if (/SOLUTION/.test(line)) {
      throw new Error(`line ${n + 1}: a line mentioning SOLUTION inside a solution region; check the markers`);
    }
  });
  if (inside) throw new Error("BEGIN SOLUTION without END SOLUTION");
  return out.join("\n");
}

/** The student version of a cell: every solution region replaced by the stub. */
export function stripSolutions(source: string): string {
  return replaceSolutions(source, stubLines);
}

/** The lines inside the solution regions (markers excluded): what must never reach a student. */
export function solutionLines(source: string): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const line of source.split("\n")) {
    if (begin.test(line)) inside = true;
    else if (end.test(line)) inside = false;
    else if (inside) lines.push(line);
  }
  return lines;
}
