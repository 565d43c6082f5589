// Reading and writing Jupyter notebooks (nbformat 4.5) with a stable layout: the same JSON text that
// Jupyter itself writes (keys sorted, one-space indent, a final newline), so saving an unchanged
// notebook in Jupyter or re-running it here gives no diff.
import { readFileSync, writeFileSync } from "node:fs";

export type MultilineString = string | string[];

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

export interface DisplayOutput {
  output_type: "display_data" | "execute_result";
  data: Record<string, MultilineString>;
  metadata: Record<string, unknown>;
  execution_count?: number | null;
}

export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayOutput | ErrorOutput;

export interface Cell {
  cell_type: "markdown" | "code" | "raw";
  id: string;
  metadata: Record<string, unknown>;
  source: MultilineString;
  outputs?: Output[];
  execution_count?: number | null;
}

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** The kernel and language metadata every course notebook carries, as tslab reports them. */
export const courseMetadata = {
  kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
    version: "3.7.2",
  },
};

/** Joins a notebook's multi-line string (a list of lines) into one string. */
export function joinText(text: MultilineString | undefined): string {
  if (text === undefined) return "";
  return Array.isArray(text) ? text.join("") : text;
}

/** Splits a string into lines that keep their "\n", as nbformat stores them. */
export function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

/** Reads and parses a notebook, with a clear error for files that are not notebooks. */
export function readNotebook(path: string): Notebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  return asNotebook(parsed, path);
}

/** Checks that parsed JSON looks like a notebook. */
export function asNotebook(parsed: unknown, path = "the notebook"): Notebook {
  const nb = parsed as Notebook;
  if (!nb || typeof nb !== "object" || !Array.isArray(nb.cells)) throw new Error(`${path} is not a Jupyter notebook (no "cells" list)`);
  for (const [i, cell] of nb.cells.entries()) {
    if (!cell || typeof cell !== "object" || !["markdown", "code", "raw"].includes(cell.cell_type)) {
      throw new Error(`${path}: cell ${i + 1} has no valid cell_type`);
    }
  }
  return nb;
}

/** A JSON value with object keys sorted, recursively, as Jupyter writes notebooks. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The notebook as Jupyter would write it: sources and texts as line lists, keys sorted, indent 1. */
export function formatNotebook(nb: Notebook): string {
  const cells = nb.cells.map((cell) => {
    const out: Cell = { ...cell, source: splitLines(joinText(cell.source)) };
    if (cell.outputs) {
      out.outputs = cell.outputs.map((o) => {
        if (o.output_type === "stream") return { ...o, text: splitLines(joinText(o.text)) };
        if (o.output_type === "display_data" || o.output_type === "execute_result") {
          const data: Record<string, MultilineString> = {};
          for (const [mime, value] of Object.entries(o.data)) {
            data[mime] = mime.startsWith("image/") && mime !== "image/svg+xml" ? joinText(value) : splitLines(joinText(value));
          }
          return { ...o, data };
        }
        return o;
      });
    }
    return out;
  });
  return JSON.stringify(sortKeys({ ...nb, cells }), null, 1) + "\n";
}

/** Writes a notebook in the stable layout. */
export function writeNotebook(path: string, nb: Notebook): void {
  writeFileSync(path, formatNotebook(nb));
}
