// A fresh folder outside the project where a copy of a notebook can run as if it sat in notebooks/:
// its own lib.d.ts and lib.js (so `import ... from "./lib"` loads the compiled course library, as in
// notebooks/) and a link to the course's node_modules (so other imports resolve the same way).
import { mkdtempSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./list";

const libBuild = createRequire(__filename)("../lib-build.cjs") as { writeImportFiles(folder: string): void };

export function scratchWorkspace(prefix = "course-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "junction");
  libBuild.writeImportFiles(dir);
  return dir;
}
