// Writing a file that another process may be reading at the same moment (a cache, a kernel spec, a notebook).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `text` to `path` whole: into a temporary file beside it, then renamed over it, so that a reader
 * sees the old file or the new one, never half of one. Makes the folder first when it is missing.
 */
export function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
