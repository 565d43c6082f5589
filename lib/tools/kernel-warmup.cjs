// Makes a new tslab kernel ready for the course before the learner's first cell: its TypeScript
// converter reads the compiled course library's type declarations (lib.d.ts and what it re-exports)
// while the kernel starts, instead of during the first `import ... from "./lib"`. Compiling a cell has
// no effect but the converter's caches, so this changes no result.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/**
 * Wraps tslab's createConverter so that every Node converter it makes reads lib's declarations at once:
 * those of the folder it is made in (a process that makes kernels in many folders warms each in its own).
 */
function warmConverters(converterModule) {
  const create = converterModule.createConverter;
  if (create.__warms) return;
  const warming = function (options) {
    const converter = create.apply(this, arguments);
    if (!(options && options.isBrowser) && fs.existsSync(path.join(process.cwd(), "lib.d.ts"))) {
      try {
        converter.convert("", 'import * as __courseLibrary from "./lib";\n');
      } catch {
        // A problem here shows up again, with its message, when the learner's own cell imports lib.
      }
    }
    return converter;
  };
  warming.__warms = true;
  converterModule.createConverter = warming;
}

module.exports = { warmConverters };
