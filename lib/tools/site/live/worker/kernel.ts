// The kernel of the course site: a Web Worker that runs a page's cells as tslab runs them in Jupyter.
// Each cell is compiled by tslab's own converter (compiler.ts) against the declarations of the cells that
// ran before it, then run as tslab's executor runs it (tslab/dist/executor.js, whose steps are repeated
// here because it is made for Node's vm module): top-level declarations become properties of one
// `exports` object shared by every cell, `import ... from "./lib"` gets the course library, a top-level
// await makes the cell async, and the value of the last expression is printed with console.log.
// Running in a worker keeps the page responsive: a cell that never ends is stopped by ending the worker.
import "./setup";
import * as courseLibrary from "../../../../index";
import { converter, Diagnostic } from "./compiler";
import { loadMnist, mnistNeeded, whenMnistLoaded } from "./mnist-data";
import { captureConsole, send, setCurrentCell, write } from "./outputs";
import * as tslab from "./tslab";

type PageMessage = { type: "run"; cell: number; code: string } | { type: "mnist"; data: ArrayBuffer };

captureConsole();

/** tslab's `exports`: named imports are defined with getters, and re-running a cell must overwrite them. */
function createExports(): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  return new Proxy(exports, {
    defineProperty: (_target, prop, attrs) => {
      if (prop === "__esModule") return true;
      exports[prop as string] = attrs.get ? attrs.get() : attrs.value;
      return true;
    },
  });
}

const modules: Record<string, unknown> = { "./lib": courseLibrary, "./lib.js": courseLibrary, "./lib/index": courseLibrary, tslab };
function requireModule(id: string): unknown {
  if (id in modules) return modules[id];
  const error = new Error(`Cannot find module '${id}': in the browser, cells can import the course library ("./lib") and "tslab".`);
  (error as Error & { code: string }).code = "MODULE_NOT_FOUND";
  throw error;
}
const exportsObject = createExports();
(globalThis as Record<string, unknown>).__tslab__ = { exports: exportsObject, require: requireModule };

let prevDecl = "";

function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) write("stderr", `${d.fileName ? `${d.fileName} ` : ""}${d.start.line + 1}:${d.start.character + 1} - ${d.messageText}\n`);
}

/** The line of the cell's source that a compiled line came from, found by its text (as lib/tools/notebooks/runner.ts does). */
function sourceLine(source: string, compiled: string | undefined): number | undefined {
  if (!compiled) return undefined;
  const squash = (s: string) => s.replace(/\bexports\.|\blib_1\.|\(0, /g, "").replace(/[\s;()]+/g, "");
  const target = squash(compiled);
  if (!target) return undefined;
  const lines = source.split("\n");
  const exact = lines.findIndex((l) => squash(l) === target);
  if (exact >= 0) return exact + 1;
  const partial = lines.findIndex((l) => squash(l).length > 3 && (target.includes(squash(l)) || squash(l).includes(target)));
  return partial >= 0 ? partial + 1 : undefined;
}

/** A run-time error as the learner needs it: its name and message, and the line of the cell it came from. */
function reportError(error: unknown, source: string, compiled: string, cellFile: string): void {
  if (!(error instanceof Error)) {
    write("stderr", `Uncaught ${String(error)}\n`);
    return;
  }
  const frame = new RegExp(`${cellFile}:(\\d+):\\d+`).exec(error.stack ?? "");
  const line = frame ? sourceLine(source, compiled.split("\n")[Number(frame[1]) - 1]) : undefined;
  const name = error.name && !error.message.startsWith(error.name) ? `${error.name}: ` : "";
  write("stderr", `${name}${error.message}\n${line ? `    at line ${line} of this cell\n` : ""}`);
}

let cellCount = 0;

/** Runs one cell; resolves true when it compiled and ran without an error, as tslab's execute does. */
async function execute(source: string): Promise<{ ok: boolean; compileMs: number }> {
  const started = performance.now();
  const converted = converter().convert(prevDecl, source);
  const compileMs = performance.now() - started;
  if (converted.diagnostics.length > 0) {
    printDiagnostics(converted.diagnostics);
    return { ok: false, compileMs };
  }
  if (!converted.output) {
    prevDecl = converted.declOutput || "";
    return { ok: true, compileMs };
  }
  const cellFile = `cell-${++cellCount}.js`;
  const prefix = converted.hasToplevelAwait ? "(async function(exports, require) { " : "(function(exports, require) { ";
  const wrapped = `${prefix}${converted.output}\n})(__tslab__.exports, __tslab__.require)\n//# sourceURL=${cellFile}`;
  try {
    const result = (0, eval)(wrapped);
    if (converted.hasToplevelAwait) await result;
  } catch (e) {
    reportError(e, source, converted.output, cellFile);
    return { ok: false, compileMs };
  }
  prevDecl = converted.declOutput || "";
  const name = converted.lastExpressionVar;
  if (name && exportsObject[name] != null) {
    const value = exportsObject[name];
    delete exportsObject[name];
    console.log(value);
  }
  return { ok: true, compileMs };
}

// Cells run one after another, in the order the page sends them.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const message = event.data;
  if (message.type === "mnist") {
    void loadMnist(message.data);
    return;
  }
  if (message.type === "run") {
    queue = queue.then(async () => {
      setCurrentCell(message.cell);
      const started = performance.now();
      let result = { ok: false, compileMs: 0 };
      try {
        if (mnistNeeded(message.code)) {
          send({ type: "need", asset: "mnist" });
          await whenMnistLoaded();
        }
        result = await execute(message.code);
      } catch (e) {
        write("stderr", `${(e as Error)?.stack ?? String(e)}\n`);
      }
      send({ type: "done", cell: message.cell, ok: result.ok, ms: performance.now() - started, compileMs: result.compileMs });
    });
  }
};

// Compile the library's declarations now, while the learner reads: the first cell then runs sooner.
const warm = performance.now();
converter().convert("", 'import * as __courseLibrary from "./lib";\n');
send({ type: "ready", ms: performance.now() - warm });
