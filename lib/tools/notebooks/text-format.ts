// A plain-text form of a notebook, for drafting and reviewing: each cell starts with a line
//   %% markdown <id>      or      %% code <id>
// followed by the cell's source. Outputs are not kept; run `npm run notebooks` to fill them in.
//   npm run notebook-text -- to-ipynb draft.txt notebooks/05-layers.ipynb
//   npm run notebook-text -- to-text notebooks/05-layers.ipynb draft.txt
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { Cell, Notebook, courseMetadata, joinText, readNotebook, writeNotebook } from "./ipynb";

const header = /^%% (markdown|code) ([A-Za-z0-9][A-Za-z0-9_-]*)\s*$/;

/** Parses the text form into cells. */
export function cellsFromText(text: string): Cell[] {
  const cells: Cell[] = [];
  const ids = new Set<string>();
  let current: Cell | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current) {
      while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
      current.source = lines.join("\n");
      cells.push(current);
    }
  };
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    const m = header.exec(line);
    if (m) {
      flush();
      if (ids.has(m[2])) throw new Error(`line ${n + 1}: the cell id "${m[2]}" is used twice`);
      ids.add(m[2]);
      current = m[1] === "code" ? { cell_type: "code", id: m[2], metadata: {}, source: "", outputs: [], execution_count: null } : { cell_type: "markdown", id: m[2], metadata: {}, source: "" };
      lines = [];
    } else if (current) {
      lines.push(line);
    } else if (line.trim()) {
      throw new Error(`line ${n + 1}: text before the first "%% markdown <id>" or "%% code <id>" line`);
    }
  }
  flush();
  return cells;
}

/** The text form of a notebook. */
export function textFromNotebook(nb: Notebook): string {
  return nb.cells.map((c) => `%% ${c.cell_type === "code" ? "code" : "markdown"} ${c.id}\n${joinText(c.source)}\n`).join("\n");
}

/** Builds a notebook from text, keeping the outputs of unchanged code cells of `previous`. */
export function notebookFromText(text: string, previous?: Notebook): Notebook {
  const cells = cellsFromText(text).map((cell) => {
    const old = previous?.cells.find((c) => c.id === cell.id && c.cell_type === cell.cell_type && joinText(c.source) === cell.source);
    return old && cell.cell_type === "code" ? { ...cell, outputs: old.outputs, execution_count: old.execution_count } : cell;
  });
  return { cells, metadata: courseMetadata, nbformat: 4, nbformat_minor: 5 };
}

function main(): void {
  const [direction, from, to] = process.argv.slice(2);
  if (direction === "to-ipynb" && from && to) {
    writeNotebook(to, notebookFromText(readFileSync(from, "utf8"), existsSync(to) ? readNotebook(to) : undefined));
  } else if (direction === "to-text" && from && to) {
    writeFileSync(to, textFromNotebook(readNotebook(from)));
  } else {
    console.error("usage: npm run notebook-text -- to-ipynb <draft.txt> <notebook.ipynb>\n       npm run notebook-text -- to-text <notebook.ipynb> <draft.txt>");
    process.exit(2);
  }
}

if (process.argv[1] === __filename) main();
