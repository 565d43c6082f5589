// The parts of an exercise notebook that homework tooling cares about: exercise cells (with solution
// regions), check cells (calling `check("01.2", weightFor)` or the low-level checkFunction, possibly with
// hidden-tests regions), and import cells.
import ts from "typescript";
import { Cell, Notebook, joinText } from "../notebooks/ipynb";
import { hasSolution } from "./solutions";

const hiddenBegin = /^[ \t]*\/\/ BEGIN HIDDEN TESTS[ \t]*$/;
const hiddenEnd = /^[ \t]*\/\/ END HIDDEN TESTS[ \t]*$/;

/** A check cell split into its visible part and its hidden-tests regions. */
export function splitHidden(source: string): { visible: string; hidden: string[] } {
  const visible: string[] = [];
  const hidden: string[] = [];
  let current: string[] | undefined;
  source.split("\n").forEach((line, n) => {
    if (hiddenBegin.test(line)) {
      if (current) throw new Error(`line ${n + 1}: BEGIN HIDDEN TESTS inside another hidden region`);
      current = [];
    } else if (hiddenEnd.test(line)) {
      if (!current) throw new Error(`line ${n + 1}: END HIDDEN TESTS without BEGIN HIDDEN TESTS`);
      hidden.push(current.join("\n"));
      current = undefined;
    } else (current ?? visible).push(line);
  });
  if (current) throw new Error("BEGIN HIDDEN TESTS without END HIDDEN TESTS");
  const shown = visible.join("\n");
  if (/\bhidden\s*:/.test(shown) && hiddenCasesIn(shown)) {
    throw new Error("a check with hidden cases (check(…, { hidden: … })) stands outside a BEGIN HIDDEN TESTS … END HIDDEN TESTS region: learners would see it");
  }
  return { visible: shown, hidden };
}

/** Whether a cell's source calls `check` with a `hidden` option (hidden cases). */
function hiddenCasesIn(source: string): boolean {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "check") {
      const options = node.arguments[2];
      if (options && ts.isObjectLiteralExpression(options) && options.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "hidden")) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export const isExerciseCell = (cell: Cell) => cell.cell_type === "code" && hasSolution(joinText(cell.source));
export const isCheckCell = (cell: Cell) => cell.cell_type === "code" && /(^|[^.\w])check(Function)?\s*\(/m.test(joinText(cell.source));

/** Whether a code cell holds only import declarations (and comments). */
export function isImportCell(cell: Cell): boolean {
  if (cell.cell_type !== "code") return false;
  const file = ts.createSourceFile("cell.ts", joinText(cell.source), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  return file.statements.length > 0 && file.statements.every((s) => ts.isImportDeclaration(s));
}

/** The names of the functions (and constants) a cell defines at its top level. */
export function definedNames(source: string): string[] {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const names: string[] = [];
  for (const s of file.statements) {
    if (ts.isFunctionDeclaration(s) && s.name) names.push(s.name.text);
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
  }
  return names;
}

/**
 * The exercise ids a check cell names in its check calls, with their points (default 1):
 * `check("01.2", weightFor, { points: 2 })` or `checkFunction("H.1", fn, cases, { hint, points: 2 })`.
 */
export function checksIn(source: string): { exercise: string; points: number }[] {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: { exercise: string; points: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === "checkFunction" || node.expression.text === "check")) {
      const [id, , third, fourth] = node.arguments;
      const options = node.expression.text === "check" ? third : fourth;
      if (id && ts.isStringLiteral(id)) {
        let points = 1;
        if (options && ts.isObjectLiteralExpression(options)) {
          for (const p of options.properties) {
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === "points" && ts.isNumericLiteral(p.initializer)) points = Number(p.initializer.text);
          }
        }
        found.push({ exercise: id.text, points });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The exercise cells of a notebook with the function names they define. */
export function exerciseCells(nb: Notebook): { cell: Cell; index: number; names: string[] }[] {
  return nb.cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => isExerciseCell(cell)).map(({ cell, index }) => ({ cell, index, names: definedNames(joinText(cell.source)) }));
}
