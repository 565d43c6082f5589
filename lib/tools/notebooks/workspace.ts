// A fresh folder outside the project where a copy of a notebook can run as if it sat in notebooks/:
// links to the course's lib and node_modules (so imports resolve the same way) and a copy of lib.ts.
// Outside node_modules on purpose: TypeScript does not compile a project's own files under node_modules.
import { copyFileSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notebooksDir, repoRoot } from "./list";

export function scratchWorkspace(prefix = "course-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  symlinkSync(join(repoRoot, "lib"), join(dir, "lib"), "junction");
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "junction");
  copyFileSync(join(notebooksDir, "lib.ts"), join(dir, "lib.ts"));
  return dir;
}
