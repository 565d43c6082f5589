// The compiled course library (lib/tools/lib-build.cjs): lib compiles with tslab's own TypeScript (5.0,
// lib es2022) without errors; a build is made once and reused; a changed file is picked up by the next
// kernel; a type error reaches the learner as tslab would report it, with file, line and message.
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { runNotebook } from "../../lib/tools/notebooks/runner";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";

interface Stamp {
  hash: string;
  errors: string[];
  ms: number;
}
const build = createRequire(import.meta.url)("../../lib/tools/lib-build.cjs") as {
  ensureBuilt(options?: { libDir?: string; outDir?: string; force?: boolean }): Stamp;
  load(options?: { libDir?: string; outDir?: string }): Record<string, unknown>;
  writeImportFiles(folder: string, options?: { libDir?: string; outDir?: string }): void;
  defaults: { libDir: string; outDir: string };
};

const root = mkdtempSync(join(tmpdir(), "course-lib-build-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A small library of its own, in a folder laid out like lib/. */
function tinyLib(name: string, answer: string): { libDir: string; outDir: string } {
  const libDir = join(root, name, "lib");
  mkdirSync(join(libDir, "engine"), { recursive: true });
  writeFileSync(join(libDir, "index.ts"), 'export * from "./engine/answer";\n');
  writeFileSync(join(libDir, "engine", "answer.ts"), `/** The answer. */\nexport function answer(): number {\n  return ${answer};\n}\n`);
  return { libDir, outDir: join(root, name, "build") };
}

describe("the course library, compiled with tslab's TypeScript", () => {
  it("has no type errors, and bundles every widget", () => {
    const stamp = build.ensureBuilt();
    expect(stamp.errors).toEqual([]);
    for (const widget of ["playground", "fit", "boundary", "inspector"]) {
      expect(readFileSync(join(build.defaults.outDir, "widgets", "client", `${widget}.bundle.js`), "utf8")).toContain("__nnWidget");
    }
    const index = readFileSync(join(build.defaults.outDir, "index.d.ts"), "utf8");
    expect(index).toMatch(/export \{[^}]*\bweightedSum\b[^}]*\} from "\.\/engine\/index";/);
    expect(index).toContain('export * from "./course/index";');
  });
});

describe("a build", () => {
  it("reports a type error with its file, line and message, in place of loading", () => {
    const lib = tinyLib("broken", '"forty-two"');
    expect(build.ensureBuilt(lib).errors).toEqual(["lib/engine/answer.ts:3:3 - Type 'string' is not assignable to type 'number'."]);
    expect(() => build.load(lib)).toThrow(
      "the course library (lib/) has 1 type error, so it cannot be loaded:\n  lib/engine/answer.ts:3:3 - Type 'string' is not assignable to type 'number'.",
    );
  });

  it("is made once, and made again by the next kernel after a file in lib changes (edit lib, restart the kernel)", async () => {
    const lib = tinyLib("restart", "1");
    const first = build.ensureBuilt(lib);
    expect(first.ms).toBeGreaterThan(0);
    expect(first.errors).toEqual([]);
    expect(build.ensureBuilt(lib)).toEqual({ ...first, ms: 0 });

    const folder = scratchWorkspace("course-lib-restart-");
    build.writeImportFiles(folder, lib);
    const path = join(folder, "answer.ipynb");
    writeNotebook(path, {
      cells: [{ cell_type: "code", id: "ask", metadata: {}, source: 'import { answer } from "./lib";\nconsole.log(`the answer is ${answer()}`);\n', outputs: [] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const printed = async () => {
      // In the warm pool the test files of this worker share (runner.ts): a fresh kernel, as after a restart.
      const run = await runNotebook(path);
      return run.result.cells.map((c) => c.outputs.map((o) => ("text" in o ? o.text : "")).join("")).join("");
    };
    expect(await printed()).toBe("the answer is 1\n");
    // Edited without rebuilding by hand: the next kernel's import compiles the library again, once.
    writeFileSync(join(lib.libDir, "engine", "answer.ts"), "export function answer(): number {\n  return 2;\n}\n");
    expect(await printed()).toBe("the answer is 2\n");
    const second = build.ensureBuilt(lib);
    expect(second.ms).toBe(0);
    expect(second.hash).not.toBe(first.hash);
    expect(readFileSync(join(lib.outDir, "engine", "answer.js"), "utf8")).toContain("return 2;");
    rmSync(folder, { recursive: true, force: true });
  });
});
