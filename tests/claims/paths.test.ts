// Every file or folder of the course that the prose names in code type (`lib/engine/network.ts`,
// `assets/digits.txt`) exists, so that a learner told to open one finds it. A file moved or renamed
// without its sentence fails here, naming the notebook, the cell and the path.
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { selectedNotebooks } from "../notebooks/selection";

/** The course's own folders a sentence may point into (notebooks/ also holds a learner's copies, made by npm start). */
const courseFolders = ["lib", "assets", "tests"];

/** Paths in code type, inside the course's folders, in one markdown text. */
function namedPaths(markdown: string): string[] {
  const found: string[] = [];
  for (const [, inner] of markdown.matchAll(/`([^`\n]+)`/g)) {
    const path = inner.replace(/\/$/, "");
    if (courseFolders.some((f) => path === f || path.startsWith(`${f}/`)) && /^[\w./-]+$/.test(path)) found.push(path);
  }
  return found;
}

describe("files the prose names", () => {
  it("are found in code type, and only the course's own paths", () => {
    expect(namedPaths("Open `lib/engine/network.ts` and `lib/engine/`, not `x = lib/2` or `notebooks/my-course`.")).toEqual(["lib/engine/network.ts", "lib/engine"]);
  });

  for (const path of selectedNotebooks()) {
    it(`${basename(path)}: every one exists`, () => {
      const missing: string[] = [];
      for (const [index, cell] of readNotebook(path).cells.entries()) {
        if (cell.cell_type !== "markdown") continue;
        for (const named of namedPaths(joinText(cell.source))) {
          if (!existsSync(join(repoRoot, named))) missing.push(`${basename(path)}, cell ${index + 1} (id ${cell.id}): \`${named}\` does not exist`);
        }
      }
      expect(missing).toEqual([]);
    });
  }
});
