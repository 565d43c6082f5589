// Answer keys: the instructor's notebook is run once, in a trusted process (record-child.ts), and every
// check it makes is recorded with its cases and expected answers. `npm run assign` makes the key when it
// writes the student versions; `npm run grade` finds it in the cache and records it only when it is
// missing (a notebook changed since, or graded without assigning). The cache is node_modules/.cache/
// course-answer-keys, outside anything a submission's sandbox may read (see sandbox.ts). A key is named
// after a hash of what it was made from, so a changed notebook or library never meets a stale key.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { exerciseKeys } from "../../course/exercise-keys/index";
import { joinText, readNotebook } from "../notebooks/ipynb";
import { repoRoot } from "../notebooks/list";
import { scratchWorkspace } from "../notebooks/workspace";
import { onCleanup, tempPrefix } from "./cleanup";
import type { AssignmentKey, RecordedCall } from "./model";
import { exerciseCells, isImportCell } from "./parts";
import { writeWhole } from "../files";

export const keyCacheDir = join(repoRoot, "node_modules", ".cache", "course-answer-keys");
const libBuild = createRequire(join(repoRoot, "package.json"))("./lib/tools/lib-build.cjs") as { sourceHash(libDir?: string): string; defaults: { libDir: string } };

/** What a key depends on: the notebook's bytes, the course library's sources, and the recorder's own code. */
export function keyHash(notebookPath: string): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(notebookPath));
  hash.update(libBuild.sourceHash(libBuild.defaults.libDir));
  for (const file of ["record-child.ts", "recorded.ts", "encode.ts", "key.ts", "parts.ts"]) hash.update(readFileSync(join(__dirname, file)));
  return hash.digest("hex").slice(0, 24);
}

const cachePath = (notebookPath: string, made: string) => join(keyCacheDir, `${basename(notebookPath, ".ipynb")}-${made}.json`);

/** The cached key of a notebook, or undefined when there is none for its current content. */
export function cachedKey(notebookPath: string): AssignmentKey | undefined {
  const made = keyHash(notebookPath);
  const file = cachePath(notebookPath, made);
  if (!existsSync(file)) return undefined;
  try {
    const key = JSON.parse(readFileSync(file, "utf8")) as AssignmentKey;
    return key.made === made ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The key of a notebook: from the cache, or recorded now and cached. */
export async function answerKey(notebookPath: string, onRecord?: (name: string) => void): Promise<AssignmentKey> {
  const cached = cachedKey(notebookPath);
  if (cached) return cached;
  onRecord?.(basename(notebookPath));
  const key = await recordKey(notebookPath);
  storeKey(notebookPath, key);
  return key;
}

export function storeKey(notebookPath: string, key: AssignmentKey): void {
  writeWhole(cachePath(notebookPath, key.made), JSON.stringify(key));
}

/** Runs the instructor's notebook once, in a trusted process, and records every check. */
export async function recordKey(notebookPath: string): Promise<AssignmentKey> {
  const made = keyHash(notebookPath);
  // The instructor's notebook runs in a workspace of its own, wherever it is kept.
  const dir = scratchWorkspace(tempPrefix("key"));
  const forget = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    copyFileSync(notebookPath, join(dir, basename(notebookPath)));
    const out = join(dir, "calls.json");
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [join(repoRoot, "lib/tools/run-ts.cjs"), join(__dirname, "record-child.ts"), join(dir, basename(notebookPath)), out], { stdio: ["ignore", "ignore", "pipe"] });
      const stop = onCleanup(() => child.kill("SIGKILL"));
      let err = "";
      child.stderr.on("data", (d) => (err += d));
      child.on("close", (code) => {
        stop();
        if (code === 0) done();
        else fail(new Error(`recording the answer key of ${basename(notebookPath)} failed: ${err.trim()}`));
      });
    });
    const { failures, calls } = JSON.parse(readFileSync(out, "utf8")) as { failures: string[]; calls: RecordedCall[] };
    if (failures.length) throw new Error(`the instructor notebook ${basename(notebookPath)} does not run cleanly: ${failures.join("; ")}`);
    return keyFromCalls(notebookPath, made, calls);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    forget();
  }
}

/** A key from the checks a run of the instructor's notebook recorded. */
export function keyFromCalls(notebookPath: string, made: string, calls: RecordedCall[]): AssignmentKey {
  const instructor = readNotebook(notebookPath);
  const cells = exerciseCells(instructor);
  const ids = [...new Set(calls.map((c) => c.exercise))];
  const exercises = ids.map((exercise) => {
    const mine = calls.filter((c) => c.exercise === exercise);
    const functionName = mine[0].functionName;
    const cell = cells.find((c) => c.names.includes(functionName));
    if (!cell) throw new Error(`${basename(notebookPath)}: exercise ${exercise} checks ${functionName}, which no exercise cell defines`);
    // The library functions the exercise re-implements: its course key's, or what its checkFunction calls name.
    const engine = [...new Set([...(exerciseKeys.find((k) => k.id === exercise)?.reimplements ?? []), ...mine.flatMap((c) => c.options.reimplements ?? [])])];
    return { exercise, functionName, cellId: cell.cell.id, calls: mine, points: mine.reduce((s, c) => s + (c.options.points ?? 1), 0), ...(engine?.length ? { engine: [...engine] } : {}) };
  });
  const setup = instructor.cells.filter(isImportCell).map((c) => ({ id: c.id, source: joinText(c.source) }));
  return { notebook: basename(notebookPath), made, setup, exercises };
}
