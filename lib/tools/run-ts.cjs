#!/usr/bin/env node
// Runs a TypeScript file with Node, compiling each .ts module to CommonJS on the fly with the project's
// own TypeScript compiler (no extra dependency, no build step). Usage: node lib/tools/run-ts.cjs file.ts [args]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: true,
};

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};

process.setSourceMapsEnabled?.(true);

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error("usage: node lib/tools/run-ts.cjs <file.ts> [arguments]");
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(script), ...rest];
require(path.resolve(script));
