// The compile cache (lib/tools/notebooks/compile-cache.ts) answers only the very question it was asked
// before: the same cell after the same declarations, in a folder whose library declarations are unchanged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedCompile, compileCacheEnabled, compileContext } from "../../lib/tools/notebooks/compile-cache";
import type { Converted } from "../../lib/tools/notebooks/kernel";

const root = mkdtempSync(join(tmpdir(), "course-compile-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A notebook folder whose lib.d.ts points at a library's declarations elsewhere, as lib-build writes it. */
function folderWithLibrary(): { folder: string; declarations: string } {
  const folder = join(root, "notebooks");
  const declarations = join(root, "build", "engine");
  mkdirSync(folder, { recursive: true });
  mkdirSync(declarations, { recursive: true });
  writeFileSync(join(folder, "lib.d.ts"), 'export * from "../build/index";\n');
  writeFileSync(join(root, "build", "index.d.ts"), 'export * from "./engine/answer";\n');
  writeFileSync(join(declarations, "answer.d.ts"), "export declare function answer(): number;\n");
  return { folder, declarations };
}

describe("the compile cache", () => {
  it("changes its context when lib.d.ts or any declaration of the library it names changes, not otherwise", () => {
    const { folder, declarations } = folderWithLibrary();
    const first = compileContext(folder);
    expect(compileContext(folder)).toBe(first);
    writeFileSync(join(declarations, "answer.d.ts"), "export declare function answer(): string;\n");
    const second = compileContext(folder);
    expect(second).not.toBe(first);
    writeFileSync(join(folder, "lib.d.ts"), 'export * from "../build/index";\nexport declare const more: number;\n');
    expect(compileContext(folder)).not.toBe(second);
    // A file a cell could import from the folder counts too.
    const third = compileContext(folder);
    writeFileSync(join(folder, "data.json"), "[1, 2]");
    expect(compileContext(folder)).not.toBe(third);
  });

  it("asks the compiler once per cell and declarations, and again when either differs", () => {
    const { folder } = folderWithLibrary();
    const asked: string[] = [];
    const compile = (prevDecl: string, src: string): Converted => {
      asked.push(`${prevDecl}|${src}`);
      return { output: `compiled ${src}`, declOutput: `${prevDecl}declare const x: number;\n`, diagnostics: src.includes("bad") ? [{ messageText: "an error", start: { line: 0 } }] : [] };
    };
    const cache = join(root, "cache");
    const cached = cachedCompile(folder, compile, cache);
    const once = cached("", "const x = 1;");
    expect(cached("", "const x = 1;")).toEqual(once);
    // A new process (a new kernel) finds it too.
    expect(cachedCompile(folder, compile, cache)("", "const x = 1;")).toEqual(once);
    expect(asked).toEqual(["|const x = 1;"]);
    cached("declare const y: number;\n", "const x = 1;");
    const error = cached("", "const x = bad;");
    expect(cachedCompile(folder, compile, cache)("", "const x = bad;")).toEqual(error);
    expect(error.diagnostics).toHaveLength(1);
    expect(asked).toEqual(["|const x = 1;", "declare const y: number;\n|const x = 1;", "|const x = bad;"]);
  });

  it("is on unless COURSE_COMPILE_CACHE turns it off", () => {
    expect(compileCacheEnabled({})).toBe(true);
    for (const off of ["off", "0", "false", "no"]) expect(compileCacheEnabled({ COURSE_COMPILE_CACHE: off })).toBe(false);
  });
});
