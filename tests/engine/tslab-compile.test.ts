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
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("tslab's TypeScript", () => {
  it("is version 5.0", () => {
    expect(ts.version).toMatch(/^5\.0\./);
  });

  it("compiles the engine without errors", () => {
    expect(tslabDiagnostics("lib/engine/index.ts")).toEqual([]);
  });
});
