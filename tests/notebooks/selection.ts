// Which notebooks the notebook-wide tests cover: all of them, or those named in COURSE_NOTEBOOKS
// (comma-separated names or number prefixes, e.g. "05,12-xor"), which `npm run check` sets.
import { basename } from "node:path";
import { courseNotebooks } from "../../lib/tools/notebooks/list";

export function selectedNotebooks(): string[] {
  const wanted = (process.env.COURSE_NOTEBOOKS ?? "").split(",").map((w) => w.trim()).filter(Boolean);
  const all = courseNotebooks();
  if (!wanted.length) return all;
  return all.filter((path) => wanted.some((w) => basename(path) === w || basename(path).startsWith(w.replace(/\.ipynb$/, ""))));
}
