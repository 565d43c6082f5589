// The learner's copy of the course, which `npm start` opens: notebooks/my-course/, a folder git ignores.
// Each course notebook appears there with its exercises left to do (every solution replaced by a
// `// YOUR CODE HERE` stub, every check not yet run, hidden tests removed), and beside them:
//   solutions/   a worked solution to every exercise, one notebook per course notebook, opened on purpose;
//   earlier/     copies of the learner's own notebooks that an update or a reset moved aside;
//   lib.d.ts, lib.js and a `lib` link, so that `import ... from "./lib"` works here as in notebooks/.
// The course's own notebooks in notebooks/ stay the solved, tested source; nothing here is tracked.
//
// Keeping the learner's work: a notebook the learner has not edited follows the course (a `git pull`
// that changes a course notebook changes their copy at the next `npm start`). A notebook they have
// edited is never touched: when the course's version changes, `npm start` says so, and
// `npm start -- --update 05` makes the new version with their exercise answers carried over, after
// moving their notebook into earlier/. `npm start -- --reset 05` starts a notebook afresh the same way.
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative } from "node:path";
import ts from "typescript";
import { isCheckCell, isExerciseCell, isImportCell, splitHidden } from "../homework/parts";
import { stripSolutions } from "../homework/solutions";
import { Cell, Notebook, formatNotebook, joinText, readNotebook } from "../notebooks/ipynb";
import { courseNotebooks, notebooksDir, repoRoot } from "../notebooks/list";
import { writeWhole } from "../files";

export const learnerFolderName = "my-course";
/** Where `npm start` keeps the learner's copy. */
export const learnerFolder = join(notebooksDir, learnerFolderName);

const libBuild = createRequire(__filename)("../lib-build.cjs") as { writeImportFiles(folder: string): void };

/** Where a cell is shown: cells whose id ends in "-jupyter" only in Jupyter, "-site" only on the website. */
export function shownIn(cell: Cell): "jupyter" | "site" | "both" {
  return cell.id.endsWith("-jupyter") ? "jupyter" : cell.id.endsWith("-site") ? "site" : "both";
}

/** The cell that opens an exercise section: the "## Your turn" heading, or the first exercise cell. */
function exercisesStart(nb: Notebook): number {
  const heading = nb.cells.findIndex((c) => c.cell_type === "markdown" && /^##\s+(Your turn|Exercises)\b/m.test(joinText(c.source)));
  return heading >= 0 ? heading : nb.cells.findIndex(isExerciseCell);
}

/** The solutions notebook's file name for a course notebook. */
export const solutionsName = (name: string) => name;

/**
 * A course notebook as a learner meets it: every solution replaced by a stub, every check cell without
 * its hidden tests and without outputs, the cells for the other medium dropped, and (in Jupyter) a note
 * after the exercises' heading saying where the solutions are.
 */
export function learnerVersion(nb: Notebook, name: string, where: "jupyter" | "site" = "jupyter"): Notebook {
  const start = exercisesStart(nb);
  const cells: Cell[] = [];
  nb.cells.forEach((cell, index) => {
    const shown = shownIn(cell);
    if (shown !== "both" && shown !== where) return;
    if (isExerciseCell(cell)) cells.push({ ...cell, source: stripSolutions(joinText(cell.source)), outputs: [], execution_count: null });
    else if (isCheckCell(cell)) cells.push({ ...cell, source: splitHidden(joinText(cell.source)).visible.replace(/\n{3,}/g, "\n\n").trimEnd(), outputs: [], execution_count: null });
    else cells.push(cell);
    if (index === start && where === "jupyter" && nb.cells.some(isExerciseCell)) cells.push(solutionsNote(name));
  });
  return { ...nb, cells };
}

function solutionsNote(name: string): Cell {
  const link = `solutions/${solutionsName(name)}`;
  return {
    cell_type: "markdown",
    id: "solutions-note",
    metadata: {},
    source:
      `> **Stuck?** Every exercise below has a worked solution in [${link}](${link}). Open it on purpose, ` +
      "once you have tried: a solution you find teaches more than one you read.",
  };
}

/** A check cell as the solutions notebook shows it: each check alone, without data from the rest of the notebook. */
function plainChecks(source: string): string {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lines: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "check" && node.arguments.length >= 2) {
      lines.push(`check(${node.arguments[0].getText(file)}, ${node.arguments[1].getText(file)});`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines.join("\n");
}

/** An exercise cell with its solution in place and the solution's marker lines removed. */
export const withoutMarkers = (source: string) =>
  source
    .split("\n")
    .filter((line) => !/^[ \t]*\/\/ (BEGIN|END) SOLUTION[ \t]*$/.test(line))
    .join("\n");

/**
 * The worked solutions of a course notebook's exercises, as a notebook of their own: the notebook's
 * import cells, then its exercise section with every solution in place (its markers removed) and every
 * check ready to run.
 */
export function solutionsNotebook(nb: Notebook, name: string): Notebook | undefined {
  if (!nb.cells.some(isExerciseCell)) return undefined;
  const title = /^#\s+(.+)$/m.exec(joinText(nb.cells[0]?.source))?.[1] ?? name.replace(/\.ipynb$/, "");
  const start = exercisesStart(nb);
  const lastCheck = nb.cells.map((c, i) => (isCheckCell(c) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  const head: Cell = {
    cell_type: "markdown",
    id: "solutions-title",
    metadata: {},
    source:
      `# Solutions · ${title}\n\n` +
      `Worked solutions to the exercises of [${name}](../${name}). Try each exercise there first: a ` +
      "solution you find teaches more than one you read. Each solution here is one way to do it; yours may " +
      "look different and still be right, as long as its check says ✅.\n\n" +
      "To see the checks pass, run all the cells.",
  };
  const imports = nb.cells.slice(0, start).filter(isImportCell);
  const section = nb.cells.slice(start, lastCheck + 1).filter((c) => shownIn(c) !== "site");
  const cells = [...imports, ...section].map((cell): Cell => {
    if (isExerciseCell(cell)) return { ...cell, source: withoutMarkers(joinText(cell.source)), outputs: [], execution_count: null };
    if (isCheckCell(cell)) return { ...cell, source: plainChecks(splitHidden(joinText(cell.source)).visible), outputs: [], execution_count: null };
    return cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : cell;
  });
  return { ...nb, cells: [head, ...cells] };
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");
/** What the learner types: the cells' kinds, ids and sources, not their outputs. */
const sourcesOf = (nb: Notebook) => hash(JSON.stringify(nb.cells.map((c) => [c.cell_type, c.id, joinText(c.source)])));

interface Record {
  /** The course's learner version this copy was made from. */
  course: string;
  /** The file exactly as written, and its cells' sources. */
  written: string;
  sources: string;
}

interface State {
  notebooks: { [name: string]: Record };
}

export interface SyncReport {
  folder: string;
  /** Notebooks written for the first time. */
  created: string[];
  /** Notebooks the learner had not edited, brought up to the course's new version. */
  updated: string[];
  /** Notebooks the learner edited, whose course version has changed since: kept as they are. */
  waiting: string[];
  /** Files moved into earlier/ before being replaced. */
  movedAside: string[];
  /** Notebooks that could not be read (and were left alone). */
  unreadable: string[];
  /** Notebooks the course no longer has (renamed or split): each with where the learner's edited copy went, if anywhere. */
  retired: { name: string; movedTo?: string }[];
}

const stateFile = (folder: string) => join(folder, ".course-copy.json");

function readState(folder: string): State {
  try {
    const state = JSON.parse(readFileSync(stateFile(folder), "utf8")) as State;
    if (state && typeof state.notebooks === "object" && state.notebooks) return state;
  } catch {
    // No state yet, or a damaged one: every existing notebook then counts as the learner's own.
  }
  return { notebooks: {} };
}

/** Moves a learner's file into earlier/, under a name that says when; returns the new path. */
function moveAside(folder: string, name: string, now: Date): string {
  const earlier = join(folder, "earlier");
  mkdirSync(earlier, { recursive: true });
  const stamp = now.toISOString().replace(/[:]/g, "-").replace(/\..*$/, "");
  let target = join(earlier, name.replace(/\.ipynb$/, ` (${stamp}).ipynb`));
  for (let k = 2; existsSync(target); k++) target = join(earlier, name.replace(/\.ipynb$/, ` (${stamp}, ${k}).ipynb`));
  renameSync(join(folder, name), target);
  return target;
}

/** Links `lib` in `folder` to the course's lib/, for browsing the library from Jupyter's file list. */
function linkLib(folder: string): void {
  const link = join(folder, "lib");
  try {
    lstatSync(link);
    return;
  } catch {
    // not there yet
  }
  try {
    if (process.platform === "win32") symlinkSync(join(repoRoot, "lib"), link, "junction");
    else symlinkSync(relative(folder, join(repoRoot, "lib")), link, "dir");
  } catch {
    // Only for browsing: the notebooks import lib through lib.js and lib.d.ts.
  }
}

/** Writes the files that make `import ... from "./lib"` work in a folder of the learner's copy. */
function prepare(folder: string): void {
  mkdirSync(folder, { recursive: true });
  libBuild.writeImportFiles(folder);
}

/**
 * Brings the learner's copy up to date with the course: creates what is missing, updates what the
 * learner has not edited, keeps everything they have, and rewrites the solutions. `npm start` runs it.
 */
export function syncLearnerCopy(options: { sources?: readonly string[]; folder?: string; now?: Date; retire?: boolean } = {}): SyncReport {
  const folder = options.folder ?? learnerFolder;
  const sources = options.sources ?? courseNotebooks();
  const now = options.now ?? new Date();
  const report: SyncReport = { folder, created: [], updated: [], waiting: [], movedAside: [], unreadable: [], retired: [] };
  prepare(folder);
  linkLib(folder);
  prepare(join(folder, "solutions"));
  if (existsSync(join(folder, "earlier"))) prepare(join(folder, "earlier"));
  const state = readState(folder);
  for (const source of sources) {
    const name = basename(source);
    const course = readNotebook(source);
    const fresh = learnerVersion(course, name);
    const freshText = formatNotebook(fresh);
    const record: Record = { course: hash(freshText), written: hash(freshText), sources: sourcesOf(fresh) };
    const solutions = solutionsNotebook(course, name);
    if (solutions) writeWhole(join(folder, "solutions", solutionsName(name)), formatNotebook(solutions));
    const path = join(folder, name);
    const known = state.notebooks[name];
    if (!existsSync(path)) {
      writeWhole(path, freshText);
      state.notebooks[name] = record;
      report.created.push(name);
      continue;
    }
    const text = readFileSync(path, "utf8");
    if (text === freshText) {
      state.notebooks[name] = record;
      continue;
    }
    if (known && known.course === record.course) continue;
    let mine: Notebook;
    try {
      mine = JSON.parse(text) as Notebook;
      if (!Array.isArray(mine.cells)) throw new Error("no cells");
    } catch {
      report.unreadable.push(name);
      continue;
    }
    if (known && hash(text) === known.written) {
      writeWhole(path, freshText);
    } else if (known && sourcesOf(mine) === known.sources) {
      // Run, not edited: only outputs would be lost, and they come back with a run; keep them aside anyway.
      report.movedAside.push(moveAside(folder, name, now));
      writeWhole(path, freshText);
    } else {
      report.waiting.push(name);
      continue;
    }
    state.notebooks[name] = record;
    report.updated.push(name);
  }
  // A partial list of sources (a test's) says nothing about the other notebooks; the whole course does.
  if (options.retire ?? !options.sources) retireNotebooks(folder, state, sources, now, report);
  writeWhole(stateFile(folder), `${JSON.stringify(state, null, 1)}\n`);
  return report;
}

/**
 * Notebooks this copy made that the course no longer has (a lesson renamed or split in two): their
 * solutions go, a copy the learner never changed goes, and one they changed moves into earlier/. Files
 * the copy did not make are never touched.
 */
function retireNotebooks(folder: string, state: State, sources: readonly string[], now: Date, report: SyncReport): void {
  const current = new Set(sources.map((s) => basename(s)));
  for (const name of Object.keys(state.notebooks).sort()) {
    if (current.has(name)) continue;
    const known = state.notebooks[name];
    const path = join(folder, name);
    rmSync(join(folder, "solutions", solutionsName(name)), { force: true });
    delete state.notebooks[name];
    if (!existsSync(path)) continue;
    const text = readFileSync(path, "utf8");
    if (hash(text) === known.written) {
      rmSync(path);
      report.retired.push({ name: name });
    } else {
      report.retired.push({ name: name, movedTo: moveAside(folder, name, now) });
    }
  }
}

/**
 * The course's new version of a notebook the learner has edited, with their exercise answers carried
 * over (`keepAnswers`), or a fresh start (`reset`). Their notebook is first moved into earlier/.
 */
export function renewNotebook(name: string, how: "keepAnswers" | "reset", options: { sources?: readonly string[]; folder?: string; now?: Date } = {}): { path: string; movedTo?: string; carried: string[] } {
  const folder = options.folder ?? learnerFolder;
  const source = (options.sources ?? courseNotebooks()).find((p) => basename(p) === name);
  if (!source) throw new Error(`the course has no notebook ${name}`);
  prepare(folder);
  const fresh = learnerVersion(readNotebook(source), name);
  const path = join(folder, name);
  const carried: string[] = [];
  let movedTo: string | undefined;
  if (existsSync(path)) {
    if (how === "keepAnswers") {
      let mine: Notebook | undefined;
      try {
        mine = JSON.parse(readFileSync(path, "utf8")) as Notebook;
      } catch {
        mine = undefined;
      }
      for (const cell of fresh.cells) {
        if (!isStub(cell)) continue;
        const theirs = mine?.cells?.find((c) => c.id === cell.id && c.cell_type === "code");
        if (theirs && joinText(theirs.source).trim() !== joinText(cell.source).trim()) {
          cell.source = joinText(theirs.source);
          carried.push(cell.id);
        }
      }
    }
    movedTo = moveAside(folder, name, options.now ?? new Date());
  }
  const text = formatNotebook(fresh);
  writeWhole(path, text);
  const state = readState(folder);
  state.notebooks[name] = { course: hash(formatNotebook(learnerVersion(readNotebook(source), name))), written: hash(text), sources: sourcesOf(fresh) };
  writeWhole(stateFile(folder), `${JSON.stringify(state, null, 1)}\n`);
  return { path, movedTo, carried };
}

/** An exercise cell as the learner's copy first shows it. */
const isStub = (cell: Cell) => cell.cell_type === "code" && /^[ \t]*\/\/ YOUR CODE HERE[ \t]*$/m.test(joinText(cell.source));

/** The course notebook a learner means by "05", "05-layers…" or a file name. */
export function courseNotebookNamed(key: string, sources: readonly string[] = courseNotebooks()): string {
  const stem = basename(key).replace(/\.ipynb$/, "");
  const found = sources.filter((p) => basename(p).startsWith(stem));
  if (found.length !== 1) throw new Error(found.length ? `"${key}" names ${found.length} notebooks` : `no course notebook is named "${key}"`);
  return basename(found[0]);
}
