// npm run check -- <notebook> [<notebook> …]
// The maintainer's quick loop after editing a notebook: runs the notebook-wide tests for the named
// notebooks only: it executes top to bottom in a fresh kernel and equals its stored outputs; every
// exercise check passes with the reference answer and gives "not done yet" to the stub and its hint to
// a wrong answer; every number in its prose is verified or given, and a changed digit is caught.
// Name a notebook by its file, its path, or its number: npm run check -- 05
import { spawnSync } from "node:child_process";
import { basename, join } from "node:path";
import { courseNotebooks, repoRoot } from "../lib/tools/notebooks/list";

const named = process.argv.slice(2).filter((a) => a !== "--");
if (!named.length) {
  console.error("usage: npm run check -- <notebook> [<notebook> …]   (a file name, a path, or a number such as 05)");
  process.exit(2);
}
const names = named.map((n) => {
  const key = basename(n).replace(/\.ipynb$/, "");
  const found = courseNotebooks().filter((p) => basename(p).startsWith(key));
  if (found.length !== 1) {
    console.error(found.length ? `"${n}" names ${found.length} notebooks: ${found.map((p) => basename(p)).join(", ")}` : `no course notebook is named "${n}"`);
    process.exit(2);
  }
  return basename(found[0]);
});
console.log(`Checking ${names.join(", ")}: execution and stored outputs, exercises, numbers in the prose…`);
const files = ["tests/notebooks/notebooks.test.ts", "tests/notebooks/sizes.test.ts", "tests/claims/claims.test.ts", "tests/claims/widget-readings.test.ts", "tests/claims/paths.test.ts"];
const run = spawnSync(process.execPath, [join(repoRoot, "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/vitest.config.mts", ...files], {
  cwd: repoRoot,
  stdio: "inherit",
  env: { ...process.env, COURSE_NOTEBOOKS: names.join(",") },
});
process.exit(run.status ?? 1);
