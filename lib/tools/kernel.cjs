#!/usr/bin/env node
// The course's Jupyter kernel: tslab, started after making sure the compiled course library is up to
// date (lib-build.cjs), so that restarting the kernel after editing a file in lib picks the change up,
// and a notebook's first `import ... from "./lib"` finds the library already compiled and its type
// declarations already read (kernel-warmup.cjs). Cells compile with the course's compiler set-up
// (kernel-compiler.cjs), as in the tests and the autograder.
// The kernel spec written by `npm start` runs: node lib/tools/kernel.cjs kernel --config-path <file>
"use strict";
const path = require("node:path");

try {
  const stamp = require("./lib-build.cjs").ensureBuilt();
  if (stamp.ms) console.error(`compiled the course library (lib/) in ${(stamp.ms / 1000).toFixed(1)} s`);
} catch (e) {
  // The first `import ... from "./lib"` tries again and shows the learner what went wrong.
  console.error(`could not compile the course library: ${e && e.stack ? e.stack : e}`);
}
const root = path.resolve(__dirname, "..", "..");
require("./kernel-compiler.cjs").setUpCompiler();
require("./kernel-warmup.cjs").warmConverters(require(require.resolve("tslab/dist/converter.js", { paths: [root] })));
require(require.resolve("tslab/dist/main.js", { paths: [root] })).main();
