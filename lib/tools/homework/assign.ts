// npm run assign -- <notebooks…> --out <dir>
// Writes student versions of course notebooks: solution regions replaced by a stub, hidden tests
// removed, the outputs of exercise and check cells cleared, every other output kept; and a release
// manifest (per exercise: id, points, which checks) that says what will be graded.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, resolve } from "node:path";
import { Cell, Notebook, joinText, readNotebook, writeNotebook } from "../notebooks/ipynb";
import { sweepStaleFolders } from "./cleanup";
import { answerKey, cachedKey, keyCacheDir } from "./key";
import { checksIn, isCheckCell, isExerciseCell, splitHidden } from "./parts";
import { solutionLines, stripSolutions } from "./solutions";

export interface ReleaseExercise {
  id: string;
  points: number;
  checks: { cell: string; visible: boolean; points: number }[];
}

export interface ReleaseManifest {
  notebooks: { notebook: string; exercises: ReleaseExercise[] }[];
}

/** The student version of one notebook and its part of the manifest. */
export function studentVersion(nb: Notebook, name: string): { student: Notebook; exercises: ReleaseExercise[] } {
  const exercises = new Map<string, ReleaseExercise>();
  const note = (id: string, cell: string, visible: boolean, points: number) => {
    const ex = exercises.get(id) ?? { id, points: 0, checks: [] };
    ex.checks.push({ cell, visible, points });
    ex.points += points;
    exercises.set(id, ex);
  };
  const cells: Cell[] = nb.cells.map((cell) => {
    if (isExerciseCell(cell)) return { ...cell, source: stripSolutions(joinText(cell.source)), outputs: [], execution_count: null };
    if (isCheckCell(cell)) {
      const { visible, hidden } = splitHidden(joinText(cell.source));
      for (const c of checksIn(visible)) note(c.exercise, cell.id, true, c.points);
      for (const part of hidden) for (const c of checksIn(part)) note(c.exercise, cell.id, false, c.points);
      return { ...cell, source: visible.replace(/\n{3,}/g, "\n\n").trimEnd(), outputs: [], execution_count: null };
    }
    return withoutScripts(cell);
  });
  const student = { ...nb, cells };
  const leaked = leakedSolutionLines(nb, student);
  if (leaked.length) {
    throw new Error(`${name}: solution lines would still appear in the student version: ${leaked.map((l) => JSON.stringify(l)).join(", ")}. Change the teaching cells that repeat them.`);
  }
  return { student, exercises: [...exercises.values()] };
}

/**
 * An interactive output carries the engine's own code in a script, and the engine implements some of
 * what the exercises ask for (a sigmoid, a softmax). The handed-out copy keeps such an output's still
 * figure and drops its script; the student's own run of the cell brings the interactive version back.
 */
export function withoutScripts(cell: Cell): Cell {
  if (!cell.outputs?.some((o) => o.output_type === "display_data" && /<script\b/i.test(joinText(o.data["text/html"])))) return cell;
  return {
    ...cell,
    outputs: cell.outputs.map((o) => {
      if (o.output_type !== "display_data" || !o.data["text/html"]) return o;
      return { ...o, data: { ...o.data, "text/html": joinText(o.data["text/html"]).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "") } };
    }),
  };
}

/**
 * Solution lines (trimmed, ignoring lines of only brackets and punctuation) that appear anywhere in
 * the student notebook: sources, outputs or metadata.
 */
export function leakedSolutionLines(instructor: Notebook, student: Notebook): string[] {
  const lines = new Set<string>();
  for (const cell of instructor.cells) {
    if (cell.cell_type !== "code") continue;
    for (const line of solutionLines(joinText(cell.source))) {
      const t = line.trim();
      if (t && !/^[\s{}()[\];,.]*$/.test(t) && !t.startsWith("//")) lines.add(t);
    }
  }
  const text = JSON.stringify(student);
  const everyLine = new Set(
    student.cells.flatMap((cell) => [
      ...joinText(cell.source).split("\n"),
      ...(cell.outputs ?? []).flatMap((o) => ("text" in o ? joinText(o.text) : "data" in o ? Object.values(o.data).map((v) => joinText(v)).join("\n") : "").split("\n")),
    ]).map((l) => l.trim()),
  );
  return [...lines].filter((l) => everyLine.has(l) || text.includes(JSON.stringify(l).slice(1, -1)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  if (outAt < 0 || !args[outAt + 1]) {
    console.error("usage: npm run assign -- <notebooks…> --out <dir>");
    process.exit(2);
  }
  const out = resolve(args[outAt + 1]);
  const paths = args.filter((a, i) => i !== outAt && i !== outAt + 1);
  if (!paths.length) throw new Error("name at least one notebook to assign");
  mkdirSync(out, { recursive: true });
  sweepStaleFolders();
  const manifest: ReleaseManifest = { notebooks: [] };
  for (const path of paths) {
    const name = basename(path);
    const { student, exercises } = studentVersion(readNotebook(path), name);
    writeNotebook(join(out, name), student);
    manifest.notebooks.push({ notebook: name, exercises });
    const points = exercises.reduce((s, e) => s + e.points, 0);
    console.log(`${name}: ${exercises.length} exercises, ${points} points (${exercises.flatMap((e) => e.checks).filter((c) => !c.visible).length} hidden checks)`);
  }
  for (const path of paths) {
    const started = Date.now();
    const cached = cachedKey(path);
    await answerKey(path);
    console.log(`${basename(path)}: answer key ${cached ? "already recorded" : `recorded in ${((Date.now() - started) / 1000).toFixed(1)} s`} (${keyCacheDir})`);
  }
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  // lib.d.ts and lib.js, so that `import ... from "./lib"` works in the student versions where they
  // are, on this machine (a student with their own clone of the course runs them in its notebooks/).
  (createRequire(__filename)("../lib-build.cjs") as { writeImportFiles(folder: string): void }).writeImportFiles(out);
  console.log(`student versions, manifest.json, lib.d.ts and lib.js written to ${out}`);
}

if (process.argv[1] === __filename) {
  main().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
