// Lists every function in lib with its length in lines, longest first (issue 18: none over 80).
// Usage: node lib/tools/run-ts.cjs tests/function-lengths.ts [how many, default 15]
// A function's length runs from the line of its first token (after any doc comment) to the line of its
// closing brace, so a function's nested functions count in it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionLength {
  file: string;
  line: number;
  name: string;
  lines: number;
}

/** Every function-like node in one source text: declarations, expressions, arrows, methods, accessors. */
export function functionLengthsIn(source: string, file = "source.ts"): FunctionLength[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: FunctionLength[] = [];
  const lineOf = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const line = lineOf(node.getStart(sourceFile));
      found.push({ file, line, name: nameOf(node, sourceFile), lines: lineOf(node.getEnd()) - line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function nameOf(node: ts.Node, sourceFile: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sourceFile);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText(sourceFile);
  return "(anonymous)";
}

/** Every function in the .ts files below a folder, longest first. */
export function functionLengths(folder: string): FunctionLength[] {
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
  return files
    .flatMap((name) => functionLengthsIn(readFileSync(join(folder, name), "utf8"), relative(process.cwd(), join(folder, name))))
    .sort((a, b) => b.lines - a.lines);
}

if (process.argv[1]?.endsWith("function-lengths.ts")) {
  const most = Number(process.argv[2] ?? 15);
  const all = functionLengths(join(__dirname, "..", "lib"));
  console.log(`${all.length} functions in lib; over 80 lines: ${all.filter((f) => f.lines > 80).length}; over 60: ${all.filter((f) => f.lines > 60).length}`);
  for (const f of all.slice(0, most)) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
}
