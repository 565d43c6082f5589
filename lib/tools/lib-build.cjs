#!/usr/bin/env node
// The course library, compiled once: lib/ (without lib/tools) becomes JavaScript and type declarations
// in node_modules/.cache/course-lib, and notebooks import that (notebooks/lib.js and lib.d.ts). tslab
// then type-checks a cell against small .d.ts files instead of compiling all of lib in every kernel.
//
// The build is keyed by a hash of lib's sources: when a file in lib changes, the next kernel start (or
// the next `import ... from "./lib"`) rebuilds it, so "edit lib, restart the kernel" keeps working.
// The compiler is the one tslab uses for cells (@tslab/typescript-for-tslab, TypeScript 5.0), with
// tslab's settings, so lib compiles here exactly when it would compile in a notebook.
//
//   node lib/tools/lib-build.cjs            builds if lib changed (npm install runs this); prints type errors
//   node lib/tools/lib-build.cjs --force    builds even if nothing changed
//   node lib/tools/lib-build.cjs --check    exits with 1 when lib has a type error
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..", "..");
const defaults = { libDir: path.join(repoRoot, "lib"), outDir: path.join(repoRoot, "node_modules", ".cache", "course-lib") };
/** Bump when the build's settings change, so older builds are replaced. */
const buildVersion = "2";

/** The files that make up the notebooks' library: every .ts file in lib, except the project's tools. */
function sourceFiles(libDir) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (file !== path.join(libDir, "tools")) walk(file);
      } else if (entry.name.endsWith(".ts")) found.push(file);
    }
  };
  walk(libDir);
  return found.sort();
}

function typescript() {
  return require(require.resolve("@tslab/typescript-for-tslab", { paths: [repoRoot] }));
}

/** A hash of lib's sources, the compiler's version and these settings: the build's identity. */
function sourceHash(libDir) {
  const hash = crypto.createHash("sha256");
  const compiler = require(require.resolve("@tslab/typescript-for-tslab/package.json", { paths: [repoRoot] })).version;
  hash.update(`${buildVersion}\0${compiler}\0`);
  for (const file of sourceFiles(libDir)) {
    hash.update(path.relative(libDir, file).split(path.sep).join("/"));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function readStamp(outDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(outDir, "stamp.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** Compiles lib into `dir`; returns the type errors, formatted as tslab formats them. */
function compile(libDir, dir) {
  const ts = typescript();
  const options = {
    // tslab's own settings for a notebook's local files on Node 18 and newer, emitting CommonJS.
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    declaration: true,
    newLine: ts.NewLineKind.LineFeed,
    rootDir: libDir,
    outDir: dir,
  };
  const program = ts.createProgram([path.join(libDir, "index.ts")], options);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => !d.file || !d.file.fileName.endsWith(".d.ts"));
  program.emit();
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const where = path.relative(path.dirname(libDir), d.file.fileName).split(path.sep).join("/");
    return `${where}:${line + 1}:${character + 1} - ${text}`;
  });
}

/** The widgets' browser entries: files in lib/widgets/client that export a start(element, data) function. */
function widgetEntries(libDir) {
  const folder = path.join(libDir, "widgets", "client");
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".ts") && /^export function start\(/m.test(fs.readFileSync(path.join(folder, name), "utf8")))
    .map((name) => path.join(folder, name))
    .sort();
}

/**
 * Bundles each widget's browser code with the engine modules it imports (esbuild), into
 * widgets/client/<name>.bundle.js beside the compiled library. A bundle defines `__nnWidget`, whose
 * `start` builds the widget; <name>.bundle.json lists the lib files it holds.
 */
function bundleWidgets(libDir, dir) {
  const esbuild = require(require.resolve("esbuild", { paths: [repoRoot] }));
  for (const entry of widgetEntries(libDir)) {
    const result = esbuild.buildSync({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "__nnWidget",
      platform: "browser",
      target: "es2020",
      charset: "utf8",
      legalComments: "none",
      minifyWhitespace: true,
      metafile: true,
      logLevel: "silent",
      absWorkingDir: repoRoot,
    });
    const code = result.outputFiles[0].text;
    if (/<\/script|<!--/i.test(code)) throw new Error(`the bundle of ${path.relative(libDir, entry)} contains "</script" or "<!--", which would end its <script> element early`);
    const modules = Object.keys(result.metafile.inputs).map((input) =>
      path.relative(libDir, path.resolve(repoRoot, input)).split(path.sep).join("/").replace(/\.ts$/, ""),
    );
    const out = path.join(dir, "widgets", "client", path.basename(entry, ".ts"));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(`${out}.bundle.js`, code);
    fs.writeFileSync(`${out}.bundle.json`, `${JSON.stringify({ modules }, null, 1)}\n`);
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Makes sure `outDir` holds the build of `libDir`'s current sources, compiling if needed. Safe when
 * several processes start at once (two kernels, two test workers): one builds, the others wait for it.
 * Returns the stamp: { hash, errors, ms } (ms is 0 when nothing was built).
 */
function ensureBuilt(options = {}) {
  const { libDir, outDir } = { ...defaults, ...options };
  const hash = sourceHash(libDir);
  const current = readStamp(outDir);
  if (current && current.hash === hash && !options.force) return { ...current, ms: 0 };

  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const lock = `${outDir}.lock`;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    // Someone else is building. Wait for them; a lock older than two minutes was left by a crash.
    let age = 0;
    try {
      age = Date.now() - fs.statSync(lock).mtimeMs;
    } catch {
      continue;
    }
    if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
    else sleep(100);
  }
  try {
    const again = readStamp(outDir);
    if (again && again.hash === hash && !options.force) return { ...again, ms: 0 };
    const started = Date.now();
    const fresh = `${outDir}.new-${process.pid}`;
    fs.rmSync(fresh, { recursive: true, force: true });
    const errors = compile(libDir, fresh);
    bundleWidgets(libDir, fresh);
    const stamp = { hash, errors, ms: Date.now() - started };
    fs.writeFileSync(path.join(fresh, "stamp.json"), `${JSON.stringify(stamp, null, 1)}\n`);
    // Swap the new build in. A kernel still running keeps the modules it has already loaded.
    const old = `${outDir}.old-${process.pid}`;
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    fs.renameSync(fresh, outDir);
    fs.rmSync(old, { recursive: true, force: true });
    return stamp;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The compiled library, for notebooks/lib.js: rebuilt first if lib changed; a type error in lib is
 * reported as tslab would report it in the cell that imports it.
 */
function load(options = {}) {
  const { outDir } = { ...defaults, ...options };
  const stamp = ensureBuilt(options);
  if (stamp.errors.length) {
    const n = stamp.errors.length;
    throw new Error(`the course library (lib/) has ${n} type error${n === 1 ? "" : "s"}, so it cannot be loaded:\n${stamp.errors.map((e) => `  ${e}`).join("\n")}`);
  }
  return require(path.join(outDir, "index.js"));
}

/**
 * The two small files that let a notebook in `folder` write `import { ... } from "./lib"`: lib.d.ts for
 * tslab's type checker and lib.js for Node. Written for notebook folders outside notebooks/ (scratch
 * copies, a learner's own folder); notebooks/ has its own, tracked by git.
 */
function writeImportFiles(folder, options = {}) {
  const { outDir } = { ...defaults, ...options };
  const rel = (to) => {
    const r = path.relative(folder, to).split(path.sep).join("/");
    return r.startsWith(".") ? r : `./${r}`;
  };
  // Another library than the course's (in tests) is named in lib.js; the course's needs no arguments.
  const custom = options.libDir || options.outDir ? JSON.stringify({ libDir: options.libDir, outDir: options.outDir }) : "";
  fs.writeFileSync(path.join(folder, "lib.d.ts"), `export * from ${JSON.stringify(rel(path.join(outDir, "index")))};\n`);
  fs.writeFileSync(path.join(folder, "lib.js"), `module.exports = require(${JSON.stringify(rel(path.join(__dirname, "lib-build.cjs")))}).load(${custom});\n`);
}

module.exports = { ensureBuilt, load, writeImportFiles, sourceHash, defaults };

if (require.main === module) {
  const stamp = ensureBuilt({ force: process.argv.includes("--force") });
  const where = path.relative(process.cwd(), defaults.outDir) || defaults.outDir;
  if (stamp.ms) console.log(`compiled lib into ${where} in ${(stamp.ms / 1000).toFixed(1)} s`);
  for (const e of stamp.errors) console.error(e);
  process.exitCode = stamp.errors.length && process.argv.includes("--check") ? 1 : 0;
}
