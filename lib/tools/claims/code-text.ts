// What a reader reads in a code cell besides the code: its comments ("// 0.7311 is σ(1)") and the
// strings a figure shows (a caption, a description read aloud as alt text, a title, an axis label, a
// series label, a note). These state numbers like the prose does, so they are checked like prose.
// The cell is parsed with TypeScript's own parser, so a "//" inside a string is not a comment and a
// template's ${…} parts (computed when the cell runs) are not read. Loading TypeScript takes a moment,
// so what it reads from each cell is kept in node_modules/.cache/course-claims, keyed by the cell's source.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type * as TypeScript from "typescript";
import { ReadableLeaf } from "./numbers";
import { writeWhole } from "../files";

let typescript: typeof TypeScript | undefined;
/** TypeScript, loaded only when a cell is not in the cache. */
const loadTypeScript = (): typeof TypeScript => (typescript ??= require("typescript") as typeof TypeScript);

interface CellReading {
  leaves: CodeLeaf[];
  literals: CodeLiteral[];
  arrays: CodeArray[];
}

/** An array literal of a cell's code ([2, 5]) with how many items it lists, and where it stands. */
export interface CodeArray {
  length: number;
  start: number;
  end: number;
}

/** A numeric literal of a cell's code, with its sign, and where its text (sign included) stands in the source. */
export interface CodeLiteral {
  value: number;
  start: number;
  end: number;
}

const cacheFile = resolve(__dirname, "..", "..", "..", "node_modules", ".cache", "course-claims", "code-text.json");
let cache: Record<string, CellReading> | undefined;
let dirty = false;
/** A change to this file or to TypeScript invalidates what the cache holds. */
let version: string | undefined;
const readerVersion = () =>
  (version ??= createHash("sha256")
    .update(readFileSync(__filename))
    .update(String((require("typescript/package.json") as { version: string }).version))
    .digest("hex")
    .slice(0, 16));

/** What TypeScript reads from a cell, from the cache when the cell has not changed. */
function reading(source: string): CellReading {
  if (!cache) {
    try {
      cache = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, CellReading>;
    } catch {
      cache = {};
    }
    process.once("exit", () => {
      if (!dirty) return;
      try {
        writeWhole(cacheFile, JSON.stringify(cache));
      } catch {
        // A read-only checkout still works, only without the cache.
      }
    });
  }
  const key = createHash("sha256").update(`${readerVersion()}\0${source}`).digest("hex").slice(0, 32);
  const known = cache[key];
  if (known) return known;
  const fresh = { leaves: readCode(source), literals: readLiterals(source), arrays: readArrays(source) };
  cache[key] = fresh;
  dirty = true;
  return fresh;
}

/** Property names whose string values a figure or a progress view shows to the reader. */
export const shownProperties = new Set(["caption", "description", "title", "subtitle", "label", "xLabel", "yLabel", "note", "alt"]);

/** A readable piece of a code cell, with its offset in the cell source. */
export interface CodeLeaf extends ReadableLeaf {
  kind: "comment" | "shown text";
}

/** Lines of a comment that belong to the course's exercise markers, not to the reader's text. */
const markers = /^(BEGIN|END) (SOLUTION|HIDDEN TESTS)$|^YOUR CODE HERE$/;

/** The comments and shown strings of a code cell, in reading order. */
export function readableCode(source: string): CodeLeaf[] {
  return reading(source).leaves;
}

/** The numeric literals of a code cell's code (with their signs): the inputs it sets, such as a weight or a learning rate. */
export function numericLiterals(source: string): number[] {
  return reading(source).literals.map((l) => l.value);
}

/** The array literals of a cell's code, with their lengths: the counts a lesson chooses (two inputs, three ways). */
export function arrayLiterals(source: string): CodeArray[] {
  return reading(source).arrays;
}

/** The same literals with their places in the source (a sign in front counts as part of the literal). */
export function literalSpans(source: string): CodeLiteral[] {
  return reading(source).literals;
}

function readCode(source: string): CodeLeaf[] {
  const ts = loadTypeScript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const leaves: CodeLeaf[] = [];
  const seen = new Set<number>();
  const comments = (ranges: TypeScript.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      const raw = source.slice(r.pos, r.end);
      const inner = r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.replace(/^\/\/\s?/, "") : raw.replace(/^\/\*+/, "").replace(/\*\/$/, "");
      if (markers.test(inner.trim())) continue;
      leaves.push({ kind: "comment", at: r.end - inner.length - (r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? 0 : 2), text: inner });
    }
  };
  const visit = (node: TypeScript.Node) => {
    comments(ts.getLeadingCommentRanges(source, node.getFullStart()));
    comments(ts.getTrailingCommentRanges(source, node.getEnd()));
    if (ts.isPropertyAssignment(node) && shownProperties.has(propertyName(node.name))) {
      for (const piece of literalPieces(node.initializer)) leaves.push({ kind: "shown text", ...piece });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  comments(ts.getLeadingCommentRanges(source, file.endOfFileToken.getFullStart()));
  return leaves.sort((a, b) => a.at - b.at);
}

function propertyName(name: TypeScript.PropertyName): string {
  const ts = loadTypeScript();
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : "";
}

/** The literal text of a string or template (without its ${…} parts), with offsets in the source. */
function literalPieces(node: TypeScript.Expression): ReadableLeaf[] {
  const ts = loadTypeScript();
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ at: node.getStart() + 1, text: node.getText().slice(1, -1) }];
  if (ts.isTemplateExpression(node)) {
    const pieces: ReadableLeaf[] = [{ at: node.head.getStart() + 1, text: node.head.getText().slice(1, -2) }];
    for (const span of node.templateSpans) {
      const raw = span.literal.getText();
      const tail = ts.isTemplateTail(span.literal);
      pieces.push({ at: span.literal.getStart() + 1, text: raw.slice(1, tail ? -1 : -2) });
    }
    return pieces.filter((p) => p.text.length);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...literalPieces(node.left), ...literalPieces(node.right)];
  if (ts.isParenthesizedExpression(node)) return literalPieces(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalPieces(node.whenTrue), ...literalPieces(node.whenFalse)];
  return [];
}

function readLiterals(source: string): CodeLiteral[] {
  const ts = loadTypeScript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: CodeLiteral[] = [];
  const visit = (node: TypeScript.Node) => {
    if (ts.isNumericLiteral(node)) {
      const negative = ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === ts.SyntaxKind.MinusToken;
      out.push({ value: (negative ? -1 : 1) * Number(node.text), start: negative ? node.parent.getStart() : node.getStart(), end: node.getEnd() });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function readArrays(source: string): CodeArray[] {
  const ts = loadTypeScript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: CodeArray[] = [];
  const visit = (node: TypeScript.Node) => {
    if (ts.isArrayLiteralExpression(node)) out.push({ length: node.elements.length, start: node.getStart(), end: node.getEnd() });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
