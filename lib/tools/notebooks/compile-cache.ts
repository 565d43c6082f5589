// tslab's compile of a cell (type check, then JavaScript and declarations) is a pure function of what it
// reads: the cell, the declarations of the cells before it, the notebook folder's lib.d.ts and the compiled
// library's declarations it points to, the installed packages (TypeScript, tslab, @types) and Node's version
// (tslab's target). It is most of the time a notebook run takes. The notebook workers (execute.ts) keep each
// compile of a course notebook in node_modules/.cache/course-compile, named by a hash of all of those, and
// reuse it when all of them are unchanged: a cell runs exactly as before (and a cell with a type error
// prints the same error), only the compiler is not asked the same question twice.
// Any change (a cell, an earlier cell's declarations, lib, a package) gives a new name, so a stale compile is
// never used. COURSE_COMPILE_CACHE=off turns it off; the Jupyter kernel (kernel.cjs) never uses it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Converted } from "./kernel";
import { writeWhole } from "../files";

const root = resolve(__dirname, "..", "..", "..");
export const compileCacheDir = join(root, "node_modules", ".cache", "course-compile");

export function compileCacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(off|0|false|no)$/i.test(env.COURSE_COMPILE_CACHE ?? "");
}

/** Every .d.ts file under `folder`, with its text, sorted (the compiled library's declarations). */
function declarationFiles(folder: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...declarationFiles(path));
    else if (entry.name.endsWith(".d.ts")) found.push(path);
  }
  return found.sort();
}

/**
 * What every compile in `folder` depends on besides its cell and the declarations before it: the installed
 * packages (package-lock.json), the kernel's own code that sets up the converter (kernel.ts,
 * kernel-compiler.cjs, this file), Node's major version, the folder itself, every file in it that a cell
 * could import (.d.ts, .ts, .json), and, for each `export * from "…"` in its .d.ts files, every declaration
 * file of the folder that names (the compiled course library, wherever it was built).
 */
export function compileContext(folder: string): string {
  const hash = createHash("sha256");
  hash.update(`node ${process.versions.node.split(".")[0]}\0${folder}\0`);
  hash.update(readFileSync(join(root, "package-lock.json")));
  // The code that sets up the converter and this cache: a change to either starts afresh.
  for (const own of ["kernel.ts", "compile-cache.ts", "../kernel-compiler.cjs"]) hash.update(`\0${own}\0`).update(readFileSync(join(__dirname, own)));
  const local = readdirSync(folder)
    .filter((name) => /\.(d\.ts|ts|tsx|json)$/.test(name) && statSync(join(folder, name)).isFile())
    .sort();
  const libraries = new Set<string>();
  for (const name of local) {
    const text = readFileSync(join(folder, name));
    hash.update(`\0${name}\0`).update(text);
    if (name.endsWith(".d.ts")) for (const m of text.toString("utf8").matchAll(/from\s+"([^"]+)"/g)) libraries.add(dirname(resolve(folder, m[1])));
  }
  for (const library of [...libraries].sort()) {
    for (const file of declarationFiles(library)) hash.update(`\0${file}\0`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** Kept small: past this many compiles (old versions of cells pile up as notebooks change), start afresh. */
const mostEntries = 20_000;
let pruned = false;

function pruneOnce(): void {
  if (pruned) return;
  pruned = true;
  try {
    let count = 0;
    for (const shard of readdirSync(compileCacheDir)) count += readdirSync(join(compileCacheDir, shard)).length;
    if (count > mostEntries) rmSync(compileCacheDir, { recursive: true, force: true });
  } catch {
    // No cache yet.
  }
}

/** A compile function that answers from the cache when it can, and fills it otherwise. */
export function cachedCompile(folder: string, compile: (prevDecl: string, src: string) => Converted, cacheDir = compileCacheDir): (prevDecl: string, src: string) => Converted {
  if (cacheDir === compileCacheDir) pruneOnce();
  const context = compileContext(folder);
  return (prevDecl, src) => {
    const key = createHash("sha256").update(context).update("\0").update(prevDecl).update("\0").update(src).digest("hex");
    const file = join(cacheDir, key.slice(0, 2), `${key}.json`);
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, "utf8")) as Converted;
      } catch {
        // Unreadable (cut short): compile again below.
      }
    }
    const converted = compile(prevDecl, src);
    // Cells that bring in .ts files of their own are compiled with them each time.
    if (!converted.sideOutputs?.length) {
      try {
        writeWhole(file, JSON.stringify(converted));
      } catch {
        // A read-only checkout runs without the cache.
      }
    }
    return converted;
  };
}
