// The sandbox a submission runs in, and how it is started.
//
// What a submission may read: its own folder (the job: its cells, the check arguments) and ONE file,
// the grading program bundled by esbuild with the compiled course library and the parts of tslab it
// needs. Nothing else: not the project (its notebooks hold the solutions; its .git), not node_modules
// (answer keys are cached there, and a linked node_modules would lead anywhere), not other students'
// files. Neither folder holds a link, so `..` cannot lead out of them (Node's permission check
// normalises a path as text; a link inside an allowed folder used to lead out of it).
//
// How it starts (Linux): `prlimit --as` caps the whole process's address space (JavaScript heap, array
// buffers, everything), not only the heap as --max-old-space-size does; `unshare --net` gives it a
// network of its own with nothing in it, where the system allows that (user namespaces); where it does
// not, the grading program itself refuses to load the network modules (grade-child.ts), and the report
// says which isolation was used.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../notebooks/list";
import { tempPrefix } from "./cleanup";

const req = createRequire(join(repoRoot, "package.json"));
const libBuild = req("./lib/tools/lib-build.cjs") as { ensureBuilt(): { errors: string[] }; defaults: { outDir: string } };

/** The symbol under which the bundled program keeps the course library for the submission's `import ... from "./lib"`. */
export const librarySymbol = "course.library.for.grading";

export interface Sandbox {
  /** The folder holding only the bundled program. */
  dir: string;
  /** The bundled program. */
  program: string;
  /** How the child is started: the launcher's words before `node` (empty where none is available). */
  launcher: (memoryMb: number) => string[];
  /** Which isolation the system allowed, for the report. */
  isolation: string;
  close(): void;
}

/** Bundles the grading program with the course library into a fresh folder of its own. */
export async function buildSandbox(): Promise<Sandbox> {
  const built = libBuild.ensureBuilt();
  if (built.errors.length) throw new Error(`the course library does not compile: ${built.errors.join("; ")}`);
  const dir = mkdtempSync(join(tmpdir(), tempPrefix("runtime")));
  const program = join(dir, "grade-child.js");
  const esbuild = req("esbuild") as typeof import("esbuild");
  try {
    await esbuild.build({
      stdin: {
        contents: [
          `globalThis[Symbol.for(${JSON.stringify(librarySymbol)})] = require(${JSON.stringify(join(libBuild.defaults.outDir, "index.js"))});`,
          `require(${JSON.stringify(join(__dirname, "grade-child.ts"))});`,
        ].join("\n"),
        resolveDir: __dirname,
        loader: "js",
        sourcefile: "sandbox-entry.js",
      },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile: program,
      logLevel: "silent",
      // tslab's Jupyter connection, never used here.
      external: ["zeromq"],
      plugins: [withoutCompiler],
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const { launcher, isolation } = launcherFor();
  return { dir, program, launcher, isolation, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The sandbox runs cells compiled elsewhere (compile-service.ts), so the bundle leaves TypeScript out:
 * loading it cost every submission about a second. tslab's executor asks only whether a cell is marked
 * `//@tslab module` or browser code (getCodeMetadata); a graded cell is run as ordinary Node code.
 */
const withoutCompiler: import("esbuild").Plugin = {
  name: "without-compiler",
  setup(build) {
    const stubs: Record<string, string> = {
      "@tslab/typescript-for-tslab": "module.exports = { version: '(not loaded while grading)', sys: {} };",
      "./converter": "module.exports = {};",
      "./metadata": "exports.getCodeMetadata = function () { return {}; };",
    };
    build.onResolve({ filter: /^(@tslab\/typescript-for-tslab|\.\/converter|\.\/metadata)$/ }, (args) =>
      args.path.startsWith("@") || /[\\/]tslab[\\/]dist$/.test(args.resolveDir) ? { path: args.path, namespace: "grading-stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "grading-stub" }, (args) => ({ contents: stubs[args.path], loader: "js" }));
  },
};

let probed: { launcher: (memoryMb: number) => string[]; isolation: string } | undefined;

/** The best launcher this system allows, probed once. */
function launcherFor(): { launcher: (memoryMb: number) => string[]; isolation: string } {
  if (probed) return probed;
  const works = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { stdio: "ignore", timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  };
  const prlimit = process.platform === "linux" && existsSync("/usr/bin/prlimit") && works("/usr/bin/prlimit", ["--as=1073741824", "--", "true"]) ? "/usr/bin/prlimit" : undefined;
  // A network of its own (only an unconnected loopback) and a process tree of its own (no other
  // process to signal). --map-root-user makes this work without privileges where user namespaces are allowed.
  const unshareArgs = ["--map-root-user", "--net", "--pid", "--fork", "--kill-child"];
  const unshare = process.platform === "linux" && existsSync("/usr/bin/unshare") && works("/usr/bin/unshare", [...unshareArgs, "true"]) ? "/usr/bin/unshare" : undefined;
  const parts = [prlimit ? "memory capped for the whole process (prlimit --as)" : "memory capped for the JavaScript heap only (prlimit not available)", unshare ? "no network, no other processes visible (unshare)" : "network modules refused inside the process (unshare not available)"];
  probed = {
    isolation: parts.join("; "),
    launcher: (memoryMb) => [
      ...(unshare ? [unshare, ...unshareArgs, "--"] : []),
      // The address space counts code, stacks and reserved-but-unused memory too: room for Node itself is added.
      ...(prlimit ? [prlimit, `--as=${(memoryMb + nodeAddressSpaceMb) * 2 ** 20}`, "--"] : []),
    ],
  };
  return probed;
}

/** Address space Node reserves for itself beyond what a program allocates (measured: about 1.1 GB idle on x64). */
export const nodeAddressSpaceMb = 1536;
