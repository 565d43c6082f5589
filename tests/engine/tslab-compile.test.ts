// Notebooks import lib through tslab, which compiles it with its own TypeScript 5.0 and `lib: es2022`,
// not strict, and refuses to run a cell when an imported file has a type error. Check that here.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");

export function tslabDiagnostics(entry: string): string[] {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    typeRoots: ["node_modules/@types"],
  });
  // Like tslab, ignore problems inside .d.ts files of dependencies; only our own sources must be clean.
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !d.file || !d.file.fileName.endsWith(".d.ts"))
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("imports inside lib", () => {
  // tslab loads a notebook's local modules itself and cannot resolve a folder to its index file at run
  // time, so every import inside lib must name a file: "./engine/index", not "./engine".
  it("name files, not folders", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { join, dirname } = await import("node:path");
    const bad: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith(".ts")) {
          for (const m of readFileSync(path, "utf8").matchAll(/from "(\.{1,2}\/[^"]*)"/g)) {
            const target = join(dirname(path), m[1]);
            try {
              if (statSync(target).isDirectory()) bad.push(`${path}: ${m[1]}`);
            } catch {
              // A file import ("./engine/index" resolves to engine/index.ts): fine.
            }
          }
        }
      }
    };
    walk("lib");
    expect(bad).toEqual([]);
  });
});

describe("tslab's TypeScript", () => {
  it("is version 5.0", () => {
    expect(ts.version).toMatch(/^5\.0\./);
  });

  it("compiles the engine without errors", () => {
    expect(tslabDiagnostics("lib/engine/index.ts")).toEqual([]);
  });

  it("compiles everything a notebook imports without errors", () => {
    expect(tslabDiagnostics("lib/index.ts")).toEqual([]);
  });
});
