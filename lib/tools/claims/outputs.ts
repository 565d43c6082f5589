// Claims that take their value from the notebook's own run: the number a code cell printed, read from
// its stored output. `npm test` re-runs every notebook and requires its stored outputs to equal the
// re-run (tests/notebooks/notebooks.test.ts), so a printed value is what the notebook's code computes;
// a claims file that reads it needs no second copy of that code.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { NotebookClaims } from "./define";
import { scanText } from "./numbers";

/**
 * Where the number sits: the text printed before it, as a string or a pattern; several are found in
 * order. A last anchor { nth: k } takes the k-th number (from 0) of the line after the others, for a
 * printed list: c.output("train", "losses:", { nth: 2 }).
 */
export type Anchor = string | RegExp | { nth: number };

/** A printed number, with the precision it was printed at. */
export interface PrintedNumber {
  value: number;
  decimals: number;
  /** The printed text around it, for messages. */
  context: string;
}

const notebooksDir = resolve(__dirname, "..", "..", "..", "notebooks");

interface StoredCell {
  id: string;
  cell_type: string;
  outputs?: unknown[];
}

/** Everything a code cell printed, as text: its streams and the plain text of its results. */
export function printedText(cell: StoredCell): string {
  const join1 = (t: unknown) => (Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "");
  return (cell.outputs ?? [])
    .map((o) => {
      const out = o as { output_type: string; text?: unknown; data?: Record<string, unknown> };
      if (out.output_type === "stream") return join1(out.text);
      if (out.output_type === "execute_result" && out.data?.["text/plain"] !== undefined) return join1(out.data["text/plain"]);
      return "";
    })
    .join("");
}

/** The text a code cell's figures show (their HTML without tags, scripts and styles): captions, titles. */
export function shownText(cell: StoredCell): string {
  const join1 = (t: unknown) => (Array.isArray(t) ? t.join("") : typeof t === "string" ? t : "");
  return (cell.outputs ?? [])
    .map((o) => join1((o as { data?: Record<string, unknown> }).data?.["text/html"]))
    .map((html) =>
      html
        .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
        .replace(/<[^>]*>/g, " ")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/[ \t]+/g, " "),
    )
    .join("\n");
}

/**
 * The number printed after the anchors in a code cell's stored output: in what it printed as text, or,
 * when that has no such anchors, in the text its figures show (a loss curve's caption).
 */
export function readPrinted(claims: NotebookClaims, cellId: string, anchors: readonly Anchor[]): PrintedNumber {
  try {
    return readPrintedIn(claims, cellId, anchors, printedText);
  } catch (e) {
    try {
      return readPrintedIn(claims, cellId, anchors, shownText);
    } catch {
      throw e;
    }
  }
}

function readPrintedIn(claims: NotebookClaims, cellId: string, anchors: readonly Anchor[], read: (cell: StoredCell) => string): PrintedNumber {
  const source: { cells: StoredCell[] } = claims.source ?? (claims.source = JSON.parse(readFileSync(join(notebooksDir, claims.notebook), "utf8")) as { cells: StoredCell[] });
  const cell = source.cells.find((c) => c.id === cellId);
  const where = `${claims.notebook}, cell "${cellId}"`;
  if (!cell) throw new Error(`${where} does not exist`);
  if (cell.cell_type !== "code") throw new Error(`${where} is not a code cell`);
  const text = read(cell);
  if (!text) throw new Error(`${where} has no printed output (run it and store its outputs: npm run notebooks -- ${claims.notebook})`);
  let at = 0;
  let nth = 0;
  for (const anchor of anchors) {
    if (typeof anchor === "object" && !(anchor instanceof RegExp)) {
      if (anchor !== anchors[anchors.length - 1]) throw new Error(`${where}: { nth } must be the last anchor`);
      nth = anchor.nth;
    } else if (typeof anchor === "string") {
      const k = text.indexOf(anchor, at);
      if (k < 0) throw new Error(`${where} did not print ${JSON.stringify(anchor)}${at ? " after the anchors before it" : ""}`);
      at = k + anchor.length;
    } else {
      const re = new RegExp(anchor.source, anchor.flags.includes("g") ? anchor.flags : `${anchor.flags}g`);
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) throw new Error(`${where} printed nothing that matches ${anchor}${at ? " after the anchors before it" : ""}`);
      at = m.index + m[0].length;
    }
  }
  const line = text.slice(at).split("\n")[0];
  const numbers = scanText(line);
  const first = numbers[nth];
  const shown = anchors.map((a) => (typeof a === "object" && !(a instanceof RegExp) ? `number ${a.nth}` : JSON.stringify(String(a)))).join(" … ");
  // The number must follow the anchors on the same line, separated by nothing but spaces and signs of punctuation.
  if (!first || (nth === 0 && !/^[\s:=(+]*$/.test(line.slice(0, first.offset)))) throw new Error(`${where}: no number right after ${shown} in "${text.slice(Math.max(0, at - 40), at + 40).trim()}"`);
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return { value: first.value, decimals: first.decimals, context: text.slice(lineStart, at + line.length).trim() };
}
