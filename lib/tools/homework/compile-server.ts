// Child-process entry, trusted: compiles notebook cells with tslab's converter for the autograder, so
// that a submission's sandboxed process runs compiled cells and never loads the compiler itself (which
// cost every submission two seconds). Compiling runs none of the student's code. It answers requests
// { id, prevDecl, src } over IPC with { id, converted } or { id, error }.
//   forked by CompileService (compile-service.ts), in a folder with lib.d.ts, so "./lib" resolves as in a notebook
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Converted } from "../notebooks/kernel";

const req = createRequire(join(__dirname, "..", "..", "..", "package.json"));
let converter: { convert(prevDecl: string, src: string): Converted } | undefined;
// Cells compile as in the course's Jupyter kernel.
req(join(__dirname, "..", "kernel-compiler.cjs")).setUpCompiler();

process.on("message", (m: { id: number; prevDecl: string; src: string }) => {
  try {
    converter ??= req("tslab/dist/converter").createConverter({ isJS: false, isBrowser: false });
    const converted = converter!.convert(m.prevDecl, m.src);
    // Only what the executor reads; sideOutputs would carry local .ts files, which a submission cannot have.
    const { output, declOutput, diagnostics, hasToplevelAwait, lastExpressionVar } = converted;
    process.send!({ id: m.id, converted: { output, declOutput, diagnostics, hasToplevelAwait, lastExpressionVar } });
  } catch (e) {
    process.send!({ id: m.id, error: (e as Error).message });
  }
});
process.on("disconnect", () => process.exit(0));
// A grader killed while this process was starting closed the channel before the handler above existed.
if (!process.connected) process.exit(0);
