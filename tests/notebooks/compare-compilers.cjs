// Child process for kernel-compiler.test.ts: compiles the same cells, in the folder given as argv[2],
// with tslab's converter as tslab sets it up and with the course's set-up (lib/tools/kernel-compiler.cjs),
// each cell after the declarations its own converter produced, and prints both results as JSON lines.
// A process of its own: the set-up changes the compiler module for the whole process.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const [folder, cellsFile] = process.argv.slice(2);
// TypeScript remembers the folder its process started in: be there first.
process.chdir(folder);
const cells = JSON.parse(require("node:fs").readFileSync(cellsFile, "utf8"));
const converterPath = require.resolve("tslab/dist/converter.js", { paths: [root] });

function compileAll(converter) {
  let prevDecl = "";
  return cells.map((src) => {
    const c = converter.convert(prevDecl, src);
    if (!c.diagnostics.length) prevDecl = c.declOutput || "";
    const { output, declOutput, diagnostics, hasToplevelAwait, sideOutputs, lastExpressionVar } = c;
    return { output, declOutput, diagnostics, hasToplevelAwait, sideOutputs, lastExpressionVar };
  });
}

const plain = require(converterPath).createConverter({ isJS: false, isBrowser: false });
const tslabs = compileAll(plain);
plain.close();

// A second copy of tslab's converter module, loaded after the course's set-up.
delete require.cache[converterPath];
require(path.join(root, "lib", "tools", "kernel-compiler.cjs")).setUpCompiler();
const course = require(converterPath).createConverter({ isJS: false, isBrowser: false });
const courses = compileAll(course);
course.close();

process.stdout.write(`${JSON.stringify({ tslab: tslabs, course: courses })}\n`);
process.exit(0);
