// Executes a notebook through real Jupyter (`jupyter nbconvert --execute` with the tslab kernel) and
// explains what went wrong: nbconvert's own message for a failing tslab cell is an empty
// CellExecutionError, so the real error text is read from the cell's stderr stream.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { Notebook, Output, joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";
import { comparableOutputs, failingLine } from "../../lib/tools/notebooks/runner";
import { Jupyter, repoRoot } from "../../lib/tools/start";
import { trackChild } from "./cleanup";

export interface NbconvertRun {
  path: string;
  ok: boolean;
  wallMs: number;
  problems: string[];
}

interface Finished {
  code: number | null;
  stderr: string;
  output?: string;
}

function nbconvert(jupyter: Jupyter, env: NodeJS.ProcessEnv, path: string, outDir: string, allowErrors: boolean): Promise<Finished> {
  mkdirSync(outDir, { recursive: true });
  const args = [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    `--ExecutePreprocessor.kernel_name=tslab`,
    `--ExecutePreprocessor.timeout=600`,
    ...(allowErrors ? ["--allow-errors"] : []),
    "--output-dir",
    outDir,
    path,
  ];
  return new Promise((done) => {
    const child = spawn(jupyter.command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    trackChild(child, false);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-50_000)));
    child.on("error", (e) => done({ code: null, stderr: String(e) }));
    child.on("close", (code) => {
      const output = join(outDir, basename(path));
      done({ code, stderr, output: existsSync(output) ? output : undefined });
    });
  });
}

const isCode = (nb: Notebook, i: number) => nb.cells[i].cell_type === "code";

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/** Error text without the stack frames of Node and tslab themselves, which say nothing about the cell. */
export function withoutInternalFrames(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s+at .*(\(node:|node_modules[\\/]tslab[\\/])/.test(line))
    .join("\n");
}

function errorTextOf(outputs: readonly Output[] | undefined): string {
  const text = (outputs ?? [])
    .map((o) => (o.output_type === "stream" && o.name === "stderr" ? joinText(o.text) : o.output_type === "error" ? `${o.ename}: ${o.evalue}` : ""))
    .join("")
    .trim();
  return withoutInternalFrames(text);
}

/** The source nbconvert quotes in "An error occurred while executing the following cell:". */
function quotedSource(stderr: string): string | undefined {
  const match = /executing the following cell:\n-{18}\n([\s\S]*?)\n-{18}\n/.exec(stderr);
  return match?.[1];
}

/** Runs one notebook, then compares what it printed with what is stored in it. */
export async function executeNotebook(jupyter: Jupyter, env: NodeJS.ProcessEnv, path: string, outDir: string): Promise<NbconvertRun> {
  const name = basename(path);
  const started = Date.now();
  const stored = readNotebook(path);
  const strict = await nbconvert(jupyter, env, path, join(outDir, "strict"), false);
  const wallMs = Date.now() - started;

  if (strict.code !== 0 || !strict.output) {
    if (!strict.stderr.includes("CellExecutionError")) {
      // Time-out, dead kernel, missing kernel spec…: nbconvert's own message says it.
      const tail = strict.stderr.trim().split("\n").slice(-12).join("\n");
      return { path, ok: false, wallMs, problems: [`${name}: jupyter nbconvert exited with code ${strict.code}\n${indent(tail)}`] };
    }
    // Run again, letting errors through, to get the executed notebook with the failing cell's stderr.
    const loose = await nbconvert(jupyter, env, path, join(outDir, "allow-errors"), true);
    const executed = loose.output ? readNotebook(loose.output) : undefined;
    const quoted = quotedSource(strict.stderr);
    let index = quoted === undefined ? -1 : stored.cells.findIndex((c, i) => isCode(stored, i) && joinText(c.source).trim() === quoted.trim());
    if (index < 0 && executed) index = executed.cells.findIndex((c, i) => isCode(executed, i) && errorTextOf(c.outputs) !== "");
    if (index < 0) {
      return { path, ok: false, wallMs, problems: [`${name}: a cell failed, and Jupyter did not say which\n${indent(strict.stderr.trim().split("\n").slice(-12).join("\n"))}`] };
    }
    const cell = stored.cells[index];
    const errorText = errorTextOf(executed?.cells[index]?.outputs) || "(the cell wrote no error text)";
    const line = failingLine(joinText(cell.source), errorText);
    const where = line ? ` at line ${line.number}: ${line.text.trim()}` : "";
    return { path, ok: false, wallMs, problems: [`${name}, cell ${index + 1} (id ${cell.id}) failed${where}\n${indent(errorText)}`] };
  }

  const executed = readNotebook(strict.output);
  const problems: string[] = [];
  stored.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    const before = JSON.stringify(comparableOutputs(cell.outputs, normalizeFigureHtml));
    const after = JSON.stringify(comparableOutputs(executed.cells[i]?.outputs, normalizeFigureHtml));
    if (before !== after) {
      problems.push(
        `${name}, cell ${i + 1} (id ${cell.id}): what Jupyter printed differs from the stored output\n${firstDifference(before, after)}\n` +
          `    Store fresh outputs with: npm run notebooks -- ${relative(repoRoot, path)}`,
      );
    }
  });
  return { path, ok: problems.length === 0, wallMs, problems };
}

function firstDifference(stored: string, fresh: string): string {
  let i = 0;
  while (i < stored.length && stored[i] === fresh[i]) i++;
  const from = Math.max(0, i - 60);
  return `    stored:  …${stored.slice(from, i + 80)}…\n    Jupyter: …${fresh.slice(from, i + 80)}…`;
}
