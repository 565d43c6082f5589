// Builds what makes the course site's cells run in the browser, with esbuild:
//   runtime/kernel.js  the kernel worker (worker/kernel.ts): tslab's converter and TypeScript, the course
//                      library (lib/index.ts) with Observable Plot, and the declaration files TypeScript
//                      reads, kept as one string that the page starts as a Web Worker
//   runtime/page.js    the page's side (page/live.ts): editors, Run, Stop, outputs, saving
//   runtime/mnist.js   notebook 16's digits, packed; loaded only when a cell first reads them
// Each file is a classic script, so the site also works when opened from disk (file://), where browsers
// refuse module scripts and workers made from files. The build is cached, keyed by its inputs.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { repoRoot } from "../../notebooks/list";

const req = createRequire(join(repoRoot, "package.json"));
const here = __dirname;
const runtimeVersion = "1";

/** The compiled course library (its .d.ts files and widget bundles), rebuilt first if lib changed. */
function courseLib(): { outDir: string; hash: string } {
  const build = req("./lib/tools/lib-build.cjs") as { ensureBuilt(): { hash: string; errors: string[] }; defaults: { outDir: string } };
  const stamp = build.ensureBuilt();
  if (stamp.errors.length) throw new Error(`the course library has type errors:\n${stamp.errors.join("\n")}`);
  return { outDir: build.defaults.outDir, hash: stamp.hash };
}

function walk(folder: string, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...walk(file, keep));
    else if (keep(file)) found.push(file);
  }
  return found.sort();
}

/** A package's folder, found as Node finds packages (not every package exports its package.json). */
function packageFolder(name: string): string {
  for (const folder of req.resolve.paths(`${name}/package.json`) ?? []) {
    if (existsSync(join(folder, name, "package.json"))) return join(folder, name);
  }
  throw new Error(`no folder found for the package ${name}`);
}
const packageVersion = (name: string) => (JSON.parse(readFileSync(join(packageFolder(name), "package.json"), "utf8")) as { version: string }).version;
const posix = (path: string) => path.split(sep).join("/");

/** TypeScript's lib.es2022.d.ts and every lib file it references, as tslab's compile of a cell reads them. */
function typescriptLibFiles(): Record<string, string> {
  const folder = join(packageFolder("@tslab/typescript-for-tslab"), "lib");
  const files: Record<string, string> = {};
  const add = (name: string) => {
    const file = `lib.${name}.d.ts`;
    if (files[file] !== undefined) return;
    const text = readFileSync(join(folder, file), "utf8");
    files[file] = text;
    for (const m of text.matchAll(/\/\/\/\s*<reference lib="([^"]+)"/g)) add(m[1].toLowerCase());
  };
  add("es2022");
  return files;
}

/** The declarations a cell is compiled against in the browser, instead of @types/node: what the worker has. */
const browserGlobals = `// What a cell can use in the browser besides the course library: the console, timers, and a clock.
declare var console: {
  log(...data: any[]): void;
  info(...data: any[]): void;
  debug(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  trace(...data: any[]): void;
  table(...data: any[]): void;
};
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function setImmediate(handler: (...args: any[]) => void, ...args: any[]): number;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number };
`;

/** Every file the kernel worker reads, by its path under /course (see worker/files.ts). */
export function courseFiles(libOut = courseLib().outDir): Record<string, string> {
  const files: Record<string, string> = {};
  const ts = "/course/node_modules/@tslab/typescript-for-tslab/lib";
  for (const [name, text] of Object.entries(typescriptLibFiles())) files[`${ts}/${name}`] = text;
  for (const file of walk(libOut, (f) => f.endsWith(".d.ts"))) files[`/course/node_modules/.cache/course-lib/${posix(relative(libOut, file))}`] = readFileSync(file, "utf8");
  for (const file of walk(join(libOut, "widgets", "client"), (f) => /\.bundle\.(js|json)$/.test(f))) files[`/course/lib/widgets/client/${posix(relative(join(libOut, "widgets", "client"), file))}`] = readFileSync(file, "utf8");
  files["/course/notebooks/lib.d.ts"] = 'export * from "../node_modules/.cache/course-lib/index";\n';
  const plot = packageFolder("@observablehq/plot");
  files["/course/node_modules/@observablehq/plot/package.json"] = JSON.stringify({ name: "@observablehq/plot", types: "src/index.d.ts" });
  for (const file of walk(join(plot, "src"), (f) => f.endsWith(".d.ts"))) files[`/course/node_modules/@observablehq/plot/${posix(relative(plot, file))}`] = readFileSync(file, "utf8");
  const tslab = packageFolder("tslab");
  files["/course/node_modules/tslab/package.json"] = JSON.stringify({ name: "tslab", types: "dist/public.d.ts" });
  files["/course/node_modules/tslab/dist/public.d.ts"] = readFileSync(join(tslab, "dist", "public.d.ts"), "utf8");
  files["/course/node_modules/@types/course-browser/index.d.ts"] = browserGlobals;
  for (const name of ["digits.txt", "new-digits.txt"]) files[`/course/assets/${name}`] = readFileSync(join(repoRoot, "assets", name), "utf8");
  return files;
}

const builtins = new Set(req("node:module").builtinModules as string[]);

/** The esbuild plugin that gives the worker its stand-ins for Node's modules and its files. */
function workerPlugin(files: Record<string, string>) {
  const node = (name: string) => join(here, "worker", "node", `${name}.ts`);
  const libFolder = join(repoRoot, "lib");
  const tslabFolder = join(packageFolder("tslab"), "dist");
  return {
    name: "course-worker",
    setup(build: { onResolve: Function; onLoad: Function }) {
      build.onResolve({ filter: /^course-files$/ }, () => ({ path: "course-files", namespace: "course-files" }));
      build.onLoad({ filter: /.*/, namespace: "course-files" }, () => ({ contents: `export default ${JSON.stringify(files)};`, loader: "js" }));
      build.onResolve({ filter: /^tslab$/ }, () => ({ path: join(here, "worker", "tslab.ts") }));
      build.onResolve({ filter: /^[a-z_]+$|^node:/ }, (args: { path: string }) => {
        const name = args.path.replace(/^node:/, "");
        if (!builtins.has(name)) return undefined;
        if (name === "fs" || name === "module") return { path: node(name) };
        if (name === "path") return { path: req.resolve("path-browserify") };
        return { path: node("empty") };
      });
      // __dirname and __filename as the course's folders would have them, for the files that read them.
      build.onLoad({ filter: /\.(ts|js)$/ }, (args: { path: string }) => {
        const inLib = args.path.startsWith(libFolder + sep) && !args.path.startsWith(join(libFolder, "tools") + sep);
        const inTslab = args.path.startsWith(tslabFolder + sep);
        if (!inLib && !inTslab) return undefined;
        const virtual = inLib ? `/course/lib/${posix(relative(libFolder, args.path))}` : `/course/node_modules/tslab/dist/${posix(relative(tslabFolder, args.path))}`;
        const contents = `var __filename = ${JSON.stringify(virtual)}, __dirname = ${JSON.stringify(virtual.replace(/\/[^/]*$/, ""))};\n${readFileSync(args.path, "utf8")}`;
        return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
      });
    },
  };
}

function esbuild() {
  return req("esbuild") as typeof import("esbuild");
}

/** One entry file bundled into a minified browser script (licences at the end), as text. */
async function bundleScript(entry: string, options: Omit<import("esbuild").BuildOptions, "write">): Promise<string> {
  const result = await esbuild().build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    charset: "utf8",
    minify: true,
    legalComments: "eof",
    absWorkingDir: repoRoot,
    logLevel: "silent",
    ...options,
  });
  return result.outputFiles[0].text;
}

/** The kernel worker's code. */
export function bundleKernel(files: Record<string, string>): Promise<string> {
  return bundleScript(join(here, "worker", "kernel.ts"), {
    target: "es2022",
    // Printed objects name their class (console.log of a PythonRandom): names stay as they are.
    keepNames: true,
    inject: [join(here, "worker", "node", "process.ts"), join(here, "worker", "node", "buffer.ts")],
    plugins: [workerPlugin(files) as never],
  });
}

/** The page's code. */
export function bundlePage(): Promise<string> {
  return bundleScript(join(here, "page", "live.ts"), { target: "es2020" });
}

/** The MNIST digits packed for the worker (worker/mnist-data.ts reads this). */
export function packMnist(): Buffer {
  const folder = join(packageFolder("mnist"), "src", "digits");
  const levels = new Map<number, number>();
  const digits: number[][] = [];
  for (let label = 0; label <= 9; label++) {
    const data = (JSON.parse(readFileSync(join(folder, `${label}.json`), "utf8")) as { data: number[] }).data;
    digits.push(data);
    for (const v of data) if (!levels.has(v)) levels.set(v, 0);
  }
  const table = [...levels.keys()].sort((a, b) => a - b);
  if (table.length > 256) throw new Error(`the MNIST package has ${table.length} grey levels; one byte per pixel holds 256`);
  table.forEach((v, k) => levels.set(v, k));
  const pixels = 784;
  const header = Buffer.from(JSON.stringify({ levels: table, counts: digits.map((d) => d.length / pixels), pixels }));
  const body = Buffer.alloc(4 + header.length + digits.reduce((n, d) => n + d.length, 0));
  body.writeUInt32LE(header.length, 0);
  header.copy(body, 4);
  let offset = 4 + header.length;
  for (const data of digits) for (const v of data) body[offset++] = levels.get(v)!;
  // Level 9, the same bytes on every machine for the same input and zlib.
  return gzipSync(body, { level: 9 });
}

/** A hash of everything the runtime is built from. */
function inputsHash(libHash: string): string {
  const hash = createHash("sha256");
  hash.update(`${runtimeVersion}\0${libHash}\0`);
  for (const file of walk(here, (f) => f.endsWith(".ts"))) hash.update(`${relative(here, file)}\0${readFileSync(file)}\0`);
  for (const name of ["esbuild", "@tslab/typescript-for-tslab", "tslab", "linkedom", "node-inspect-extracted", "@observablehq/plot", "mnist", "path-browserify", "buffer"]) {
    hash.update(`${name}@${packageVersion(name)}\0`);
  }
  for (const name of ["digits.txt", "new-digits.txt"]) hash.update(readFileSync(join(repoRoot, "assets", name)));
  return hash.digest("hex").slice(0, 16);
}

export interface Runtime {
  /** File name under runtime/ → contents. */
  files: Record<string, string>;
  /** When it was built now, how long it took; 0 when it came from the cache. */
  ms: number;
}

const cacheFolder = join(repoRoot, "node_modules", ".cache", "course-site-runtime");

/** A classic script that hands a large text to the page: window[name] = text. */
const scriptWith = (name: string, text: string) => `window.${name}=${JSON.stringify(text)};\n`;

const runtimeFiles = ["kernel.js", "page.js", "mnist.js"];

/** Builds the runtime into the cache folder `folder` (esbuild's plugins need its asynchronous API). */
export async function buildInto(folder: string): Promise<void> {
  const lib = courseLib();
  const files: Record<string, string> = {
    "kernel.js": scriptWith("__nnKernelSource", await bundleKernel(courseFiles(lib.outDir))),
    "page.js": await bundlePage(),
    "mnist.js": scriptWith("__nnMnistPacked", packMnist().toString("base64")),
  };
  const fresh = `${folder}.new-${process.pid}`;
  mkdirSync(fresh, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(fresh, name), text);
  rmSync(folder, { recursive: true, force: true });
  renameSync(fresh, folder);
}

/**
 * The runtime's files, from the cache or built now. The site build is synchronous and esbuild's plugins
 * are not, so a build runs in a child process (build-runtime-cli.ts).
 */
export function siteRuntime(): Runtime {
  const lib = courseLib();
  const cached = join(cacheFolder, inputsHash(lib.hash));
  const complete = () => runtimeFiles.every((n) => existsSync(join(cached, n)));
  let ms = 0;
  if (!complete()) {
    const started = Date.now();
    execFileSync(process.execPath, [join(repoRoot, "lib", "tools", "run-ts.cjs"), join(here, "build-runtime-cli.ts"), cached], { stdio: "inherit" });
    ms = Date.now() - started;
    if (!complete()) throw new Error(`the site's runtime was not built into ${cached}`);
  }
  return { files: Object.fromEntries(runtimeFiles.map((n) => [n, readFileSync(join(cached, n), "utf8")])), ms };
}

/** Bytes of a runtime file as a server sends it compressed (gzip, as static hosts do). */
export function gzippedBytes(text: string): number {
  return gzipSync(Buffer.from(text)).length;
}

