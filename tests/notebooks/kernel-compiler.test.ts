// The course's compiler set-up (lib/tools/kernel-compiler.cjs) makes every cell's program lighter than
// tslab's own. It must compile every cell to the same JavaScript, declarations and diagnostics as tslab
// does (checked against tslab's converter left as it is), find a cell's dependencies exactly as
// TypeScript's builder program does (checked against the builder on the same programs), and give cells
// Node's globals without the DOM's.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { notebooksDir } from "../../lib/tools/notebooks/list";
import { scratchWorkspace } from "../../lib/tools/notebooks/workspace";

const require = createRequire(import.meta.url);
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");
const { allDependencies, types } = require("../../lib/tools/kernel-compiler.cjs") as {
  allDependencies(t: typeof ts, program: import("typescript").Program, file: import("typescript").SourceFile): string[];
  types: string[];
};

const folder = scratchWorkspace("course-kernel-compiler-");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every code cell of a course notebook. */
const codeCells = (name: string) =>
  readNotebook(join(notebooksDir, name))
    .cells.filter((c) => c.cell_type === "code")
    .map((c) => joinText(c.source));

interface Compiled {
  output?: string;
  declOutput?: string;
  diagnostics: { messageText: string }[];
  hasToplevelAwait?: boolean;
  sideOutputs?: { path: string; data: string }[];
  lastExpressionVar?: string;
}

/** Compiles `cells` one after another with tslab's converter as it comes and with the course's set-up. */
function compileBothWays(cells: string[]): { tslab: Compiled[]; course: Compiled[] } {
  const list = join(folder, "cells.json");
  writeFileSync(list, JSON.stringify(cells));
  const out = execFileSync(process.execPath, [join(__dirname, "compare-compilers.cjs"), folder, list], { encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

// One child process compiles every cell both ways (each way loads the compiler and reads the declarations once).
const domCells = ["const version: string = process.version;", "const page = document.title;", "let element: HTMLElement | undefined;"];
let compiled: { tslab: Compiled[]; course: Compiled[]; cells: string[] } | undefined;
function compiledCells(): { tslab: Compiled[]; course: Compiled[]; cells: string[] } {
  if (compiled) return compiled;
  writeFileSync(join(folder, "helper.ts"), 'import { twice } from "./twice";\nexport function helper(x: number): number {\n  return twice(x) + 1;\n}\n');
  writeFileSync(join(folder, "twice.ts"), "export const twice = (x: number) => 2 * x;\n");
  const cells = [
    ...codeCells("01-a-neuron.ipynb"),
    // Declarations of every kind, used by later cells.
    "class Point {\n  constructor(public x: number) {}\n}\ninterface Shape {\n  area(): number;\n}\nenum Colour {\n  Red,\n  Green,\n}\ntype Pair = [number, number];\nconst p = new Point(2);\np.x",
    "const pair: Pair = [p.x, Colour.Green];\nconst square: Shape = { area: () => pair[0] ** 2 };\nsquare.area()",
    // A type error: the same messages at the same places.
    'const wrong: number = "text";\nneuronOutput(1, 2, 3);',
    // Top-level await, a last expression, a re-declared name.
    "await new Promise((resolve) => setTimeout(resolve, 1));\nlet count = 1;\ncount += 1;\ncount",
    "let count = 10;\ncount",
    // A local module and the modules it imports, compiled once and handed to the kernel.
    'import { helper } from "./helper";\nhelper(2)',
    'import { twice } from "./twice";\ntwice(helper(1))',
    // Node's globals.
    "const where = process.cwd();\nconst when = performance.now() >= 0;\nwhere.length > 0 && when",
    ...domCells,
  ];
  compiled = { ...compileBothWays(cells), cells };
  return compiled;
}

describe("the course's compiler set-up", () => {
  it("compiles cells exactly as tslab does: JavaScript, declarations, diagnostics, local modules", () => {
    const { tslab, course, cells } = compiledCells();
    const same = cells.length - domCells.length + 1;
    expect(course).toHaveLength(cells.length);
    expect(course.slice(0, same).filter((c) => c.diagnostics.length)).toHaveLength(1);
    expect(course.find((c) => c.sideOutputs)?.sideOutputs?.map((s) => s.path.split("/").pop())).toEqual(["helper.js", "twice.js"]);
    expect(course.slice(0, same)).toEqual(tslab.slice(0, same));
  });

  it("gives cells Node's globals but not the DOM's, whatever @types packages are installed", () => {
    const course = compiledCells().course.slice(-domCells.length);
    expect(types).toEqual(["node"]);
    expect(course[0].diagnostics).toEqual([]);
    expect(course[1].diagnostics.map((d) => d.messageText)).toEqual([expect.stringContaining("Cannot find name 'document'")]);
    expect(course[2].diagnostics.map((d) => d.messageText)).toEqual(expect.arrayContaining([expect.stringContaining("Cannot find name 'HTMLElement'")]));
  });
});

describe("a cell's dependencies", () => {
  it("are those TypeScript's builder program finds, for every file of a program", () => {
    const dir = join(folder, "deps");
    const files: Record<string, string> = {
      "cell.ts": 'export {};\nimport { a } from "./a";\nimport { shared } from "shared";\nconst x = a + shared;\nexport { x };\n',
      "a.ts": 'import { b } from "./b";\nexport const a = b;\n',
      "b.ts": 'import { c } from "./c.js";\nexport const b: number = c;\n',
      "c.js": "export const c = 2;\n",
      "shared-one.d.ts": 'declare module "shared" {\n  export const shared: number;\n}\n',
      "shared-two.d.ts": 'declare module "shared" {\n  export const more: number;\n}\n',
      "global.ts": "export {};\ndeclare global {\n  var courseGlobal: number;\n}\n",
      "script.ts": "const scriptLevel = 1;\n",
      "lonely.ts": "export const lonely = 1;\n",
      "referring.ts": '/// <reference path="./lonely.ts" />\nexport const referring = 1;\n',
      "augmenting.ts": 'import { a } from "./a";\ndeclare module "./a" {\n  export const extra: number;\n}\nexport const augmenting = a;\n',
      "uses-lib.ts": 'import { formatNumber } from "./lib";\nexport const shown = formatNumber(1);\n',
    };
    require("node:fs").mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, "lib.d.ts"), readFileSync(join(folder, "lib.d.ts"), "utf8").replace('"../', '"../../'));
    const options: import("typescript").CompilerOptions = {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      types,
      allowJs: true,
      checkJs: true,
      declaration: true,
      skipLibCheck: true,
      rootDir: dir,
      outDir: join(dir, "out"),
    };
    const host = ts.createCompilerHost(options);
    // A builder program wants each file's version, as the watch API sets it.
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (...args) => {
      const file = getSourceFile(...args) as (import("typescript").SourceFile & { version?: string }) | undefined;
      if (file) file.version = createHash("sha256").update(file.text).digest("hex");
      return file;
    };
    const program = ts.createProgram(Object.keys(files).map((f) => join(dir, f)), options, host);
    const builder = ts.createEmitAndSemanticDiagnosticsBuilderProgram(program, host);
    const ours = (file: import("typescript").SourceFile) => allDependencies(ts, program, file).slice().sort();
    const theirs = (file: import("typescript").SourceFile) => builder.getAllDependencies(file).slice().sort();
    const local = program.getSourceFiles().filter((f) => f.fileName.startsWith(dir));
    expect(local.map((f) => f.fileName.slice(dir.length + 1)).sort()).toEqual([...Object.keys(files), "lib.d.ts"].sort());
    for (const file of program.getSourceFiles()) expect({ file: file.fileName, deps: ours(file) }).toEqual({ file: file.fileName, deps: theirs(file) });
    // The cases the comparison covers: a chain of local modules, a global script (every file), an ambient module declared twice.
    const cell = program.getSourceFile(join(dir, "cell.ts"))!;
    expect(ours(cell)).toEqual(expect.arrayContaining([join(dir, "a.ts"), join(dir, "b.ts"), join(dir, "c.js"), join(dir, "shared-one.d.ts"), join(dir, "shared-two.d.ts")]));
    expect(ours(cell)).not.toContain(join(dir, "lonely.ts"));
    expect(ours(program.getSourceFile(join(dir, "script.ts"))!)).toHaveLength(program.getSourceFiles().length);
  });
});
