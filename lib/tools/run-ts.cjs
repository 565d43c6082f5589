#!/usr/bin/env node
// Runs a TypeScript file with Node, compiling each .ts module to CommonJS on the fly with the project's
// own TypeScript compiler (no extra dependency, no build step). Usage: node lib/tools/run-ts.cjs file.ts [args]
// Compiled modules are kept in node_modules/.cache/course-run-ts, keyed by their source, so a command
// that runs again (every notebook worker, every npm script) does not load the compiler at all.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const cacheDir = path.resolve(__dirname, "..", "..", "node_modules", ".cache", "course-run-ts");
const compilerVersion = require("typescript/package.json").version;
let ts;

function compilerOptions() {
  return {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    inlineSourceMap: true,
    inlineSources: true,
  };
}

function transpile(source, filename) {
  const key = crypto.createHash("sha256").update(`${compilerVersion}\0${filename}\0${source}`).digest("hex").slice(0, 40);
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, "utf8");
  } catch {
    // not compiled yet
  }
  ts ??= require("typescript");
  const { outputText } = ts.transpileModule(source, { compilerOptions: compilerOptions(), fileName: filename });
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Write, then rename: another process may be reading the same entry.
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, outputText);
    fs.renameSync(temporary, cached);
  } catch {
    // A read-only checkout still runs, only without the cache.
  }
  return outputText;
}

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};

process.setSourceMapsEnabled?.(true);

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error("usage: node lib/tools/run-ts.cjs <file.ts> [arguments]");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...rest];
require(path.resolve(script));
