// What a reader reads in a code cell besides the code: its comments ("// 0.7311 is σ(1)") and the
// strings a figure shows (a caption, a description read aloud as alt text, a title, an axis label, a
// series label, a note). These state numbers like the prose does, so they are checked like prose.
// The cell is parsed with TypeScript's own parser, so a "//" inside a string is not a comment and a
// template's ${…} parts (computed when the cell runs) are not read.
import ts from "typescript";
import { ReadableLeaf } from "./numbers";

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
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const leaves: CodeLeaf[] = [];
  const seen = new Set<number>();
  const comments = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      const raw = source.slice(r.pos, r.end);
      const inner = r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.replace(/^\/\/\s?/, "") : raw.replace(/^\/\*+/, "").replace(/\*\/$/, "");
      if (markers.test(inner.trim())) continue;
      leaves.push({ kind: "comment", at: r.end - inner.length - (r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? 0 : 2), text: inner });
    }
  };
  const visit = (node: ts.Node) => {
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

function propertyName(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : "";
}

/** The literal text of a string or template (without its ${…} parts), with offsets in the source. */
function literalPieces(node: ts.Expression): ReadableLeaf[] {
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

/** The numeric literals of a code cell's code (with their signs): the inputs it sets, such as a weight or a learning rate. */
export function numericLiterals(source: string): number[] {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNumericLiteral(node)) {
      const negative = ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === ts.SyntaxKind.MinusToken;
      out.push((negative ? -1 : 1) * Number(node.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
