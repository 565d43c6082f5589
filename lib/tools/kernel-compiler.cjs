// How the course's tslab kernels compile cells: the Jupyter kernel (kernel.cjs), the tests' in-process
// kernels (notebooks/kernel.ts) and the autograder's compiler (homework/compile-server.ts) all call
// setUpCompiler() before tslab loads, so a cell compiles the same way in each. Two changes to what
// tslab 1.0.22 does by itself, both measured to matter and neither changing a cell's JavaScript:
//
// 1. Only @types/node is read for globals (compiler option `types: ["node"]`). Left alone, TypeScript
//    reads every package under node_modules/@types into every cell's program: here that included
//    @types/react (with csstype, 1.2 MB) and @types/jsdom, which pulls in the whole DOM library
//    (lib.dom.d.ts, 0.8 MB), so that `document` or `HTMLElement` type-checked in a cell although Node
//    has neither. Which of those a learner had depended on the maintainers' packages installed. A
//    package's own types still come with an import (`import { JSDOM } from "jsdom"` reads @types/jsdom).
//
// 2. A lighter program per cell. tslab asks TypeScript's watch API for a new "builder program" for every
//    cell, twice when the cell declares anything (once to find its top-level names, once to compile it
//    with them exported). A builder program maps the references of every file in the program (over 250
//    declaration files) and, to do so, makes a type checker, on each of those programs: half of a
//    cell's compile time. tslab uses only a few of its methods: the file (whose names it reads after
//    TypeScript's binder), the type checker for diagnostics, emit of one file, and the files a cell
//    depends on. Here each is answered by a plain program: the binder runs on the files tslab asks for,
//    emit of one file is the program's own (as the builder's is when given a file), and dependencies
//    follow the builder's own rule (BuilderState.getAllDependencies) from the cell's file only, when
//    asked (tests/notebooks/kernel-compiler.test.ts compares both on the same programs).
//
// A process that makes many kernels (a test's notebook worker) can also share parsed declaration files
// between them: setUpCompiler({ shareDeclarations: true }).
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..", "..");
const compilerPath = () => require.resolve("@tslab/typescript-for-tslab", { paths: [root] });

/** Globals come from Node's declarations only (see 1. above). */
const types = ["node"];

const sharing = { on: false, files: new Map() };

/**
 * Sets tslab's TypeScript up as described above. Call before tslab's converter is loaded; calling
 * again does nothing (but can turn sharing on).
 */
function setUpCompiler(options = {}) {
  if (options.shareDeclarations) sharing.on = true;
  const file = compilerPath();
  const ts = require(file);
  const cached = require.cache[file];
  if (cached.exports.__courseCompiler) return;
  const converter = require.resolve("tslab/dist/converter.js", { paths: [root] });
  if (require.cache[converter]) throw new Error("setUpCompiler() must run before tslab's converter is loaded");
  // tslab takes TypeScript's exports through getters that cannot be replaced: the module it loads is
  // swapped for a copy whose createWatchCompilerHost makes the course's programs.
  const copy = {};
  for (const key of Object.keys(ts)) if (key !== "createWatchCompilerHost") Object.defineProperty(copy, key, { enumerable: true, get: () => ts[key] });
  Object.defineProperty(copy, "__courseCompiler", { value: true });
  Object.defineProperty(copy, "createWatchCompilerHost", {
    enumerable: true,
    value: (rootFiles, compilerOptions, system, createProgram, ...rest) => {
      // tslab passes no createProgram of its own (TypeScript's default builder program is replaced).
      const make = (roots, programOptions, host, ...more) => {
        if (host && sharing.on) share(host);
        return createProgram ? createProgram(roots, programOptions, host, ...more) : lightBuilder(ts, roots, programOptions, host, ...more);
      };
      return ts.createWatchCompilerHost(rootFiles, { types, ...compilerOptions }, system, make, ...rest);
    },
  });
  cached.exports = copy;
}

/**
 * A program with the part of the builder-program interface that tslab and the watch API use. Anything
 * else throws, so a newer tslab that needs more fails loudly instead of compiling differently.
 */
function lightBuilder(ts, rootNames, options, host, oldBuilder, configFileParsingDiagnostics, projectReferences) {
  if (!rootNames) throw new Error("the course's compiler set-up expects a new program for every change");
  const program = ts.createProgram({
    rootNames,
    options,
    host,
    oldProgram: oldBuilder && oldBuilder.getProgramOrUndefined(),
    configFileParsingDiagnostics,
    projectReferences,
  });
  const dependencies = new Map();
  const builder = {
    getProgram: () => program,
    getProgramOrUndefined: () => program,
    releaseProgram: () => undefined,
    getCompilerOptions: () => program.getCompilerOptions(),
    getCurrentDirectory: () => program.getCurrentDirectory(),
    getSourceFiles: () => program.getSourceFiles(),
    getConfigFileParsingDiagnostics: () => program.getConfigFileParsingDiagnostics(),
    getOptionsDiagnostics: (token) => program.getOptionsDiagnostics(token),
    getGlobalDiagnostics: (token) => program.getGlobalDiagnostics(token),
    getSyntacticDiagnostics: (file, token) => program.getSyntacticDiagnostics(file, token),
    getSemanticDiagnostics: (file, token) => program.getSemanticDiagnostics(file, token),
    getDeclarationDiagnostics: (file, token) => program.getDeclarationDiagnostics(file, token),
    /** A file of the program, bound (its top-level names in `locals`), as the builder's type checker leaves it. */
    getSourceFile(fileName) {
      const file = program.getSourceFile(fileName);
      // The binder binds a file once (it skips a file that has `locals`); the type checker binds the rest.
      if (file && !file.locals) ts.bindSourceFile(file, program.getCompilerOptions());
      return file;
    },
    emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDtsFiles, customTransformers) {
      if (!targetSourceFile) throw new Error("the course's compiler set-up emits one file at a time");
      return program.emit(targetSourceFile, writeFile, cancellationToken, emitOnlyDtsFiles, customTransformers);
    },
    // tslab asks twice per cell (for diagnostics, then for emit): the answer is the same for one program.
    getAllDependencies: (sourceFile) => {
      if (!dependencies.has(sourceFile)) dependencies.set(sourceFile, allDependencies(ts, program, sourceFile));
      return dependencies.get(sourceFile);
    },
  };
  for (const method of ["getState", "emitNextAffectedFile", "getSemanticDiagnosticsOfNextAffectedFile", "emitBuildInfo", "saveEmitState", "restoreEmitState"]) {
    builder[method] = () => {
      throw new Error(`the course's compiler set-up has no ${method}()`);
    };
  }
  return builder;
}

/**
 * The files `sourceFile` depends on, as TypeScript's BuilderState.getAllDependencies (TypeScript 5.0)
 * finds them: every file when it affects the global scope, otherwise everything reachable through
 * BuilderState's references (imports as the type checker resolves them, /// references, type
 * reference directives, module augmentations, ambient modules declared in several files). The builder
 * maps those references for every file of every program; here only the reachable files are visited.
 */
function allDependencies(ts, program, sourceFile) {
  const options = program.getCompilerOptions();
  const everyFile = () => program.getSourceFiles().map((f) => f.fileName);
  // BuilderState keeps no references when options.module is None (tslab always sets a module kind).
  if (ts.outFile(options) || options.module === ts.ModuleKind.None || affectsGlobalScope(ts, sourceFile)) return everyFile();
  const canonical = ts.createGetCanonicalFileName(program.useCaseSensitiveFileNames());
  const byPath = new Map(program.getSourceFiles().map((f) => [f.resolvedPath, f]));
  const checker = program.getTypeChecker();
  const sharedAmbient = checker.getAmbientModules().filter((m) => m.declarations && m.declarations.length > 1);
  const seen = new Set();
  const queue = [sourceFile.resolvedPath];
  while (queue.length) {
    const next = queue.pop();
    if (seen.has(next)) continue;
    seen.add(next);
    const file = byPath.get(next);
    if (file) for (const reference of referencedFiles(ts, program, checker, file, canonical, sharedAmbient)) queue.push(reference);
  }
  return [...seen].map((p) => {
    const file = program.getSourceFileByPath(p);
    return file ? file.fileName : p;
  });
}

/** BuilderState's getReferencedFiles (TypeScript 5.0), for one file. */
function referencedFiles(ts, program, checker, sourceFile, canonical, sharedAmbient) {
  const found = new Set();
  const fromSymbol = (symbol) => {
    for (const declaration of symbol.declarations || []) {
      const file = ts.getSourceFileOfNode(declaration);
      if (file && file !== sourceFile) found.add(file.resolvedPath);
    }
  };
  for (const importName of sourceFile.imports || []) {
    const symbol = checker.getSymbolAtLocation(importName);
    for (const declaration of (symbol && symbol.declarations) || []) {
      const file = ts.getSourceFileOfNode(declaration);
      if (file) found.add(file.resolvedPath);
    }
  }
  const directory = ts.getDirectoryPath(sourceFile.resolvedPath);
  const fromFileName = (fileName) => ts.toPath(program.getProjectReferenceRedirect(fileName) || fileName, directory, canonical);
  for (const referenced of sourceFile.referencedFiles || []) found.add(fromFileName(referenced.fileName));
  if (sourceFile.resolvedTypeReferenceDirectiveNames) {
    sourceFile.resolvedTypeReferenceDirectiveNames.forEach(({ resolvedTypeReferenceDirective }) => {
      if (resolvedTypeReferenceDirective) found.add(fromFileName(resolvedTypeReferenceDirective.resolvedFileName));
    });
  }
  for (const moduleName of sourceFile.moduleAugmentations || []) {
    if (!ts.isStringLiteral(moduleName)) continue;
    const symbol = checker.getSymbolAtLocation(moduleName);
    if (symbol) fromSymbol(symbol);
  }
  for (const ambient of sharedAmbient) fromSymbol(ambient);
  return found;
}

/** BuilderState's isFileAffectingGlobalScope (TypeScript 5.0). */
function affectsGlobalScope(ts, sourceFile) {
  const globalAugmentation = (sourceFile.moduleAugmentations || []).some((a) => ts.isGlobalScopeAugmentation(a.parent));
  const onlyAmbientModules = sourceFile.statements.every((s) => ts.isModuleWithStringLiteralName(s));
  return globalAugmentation || (!ts.isExternalOrCommonJsModule(sourceFile) && !ts.isJsonSourceFile(sourceFile) && !onlyAmbientModules);
}

// --- Sharing parsed declaration files between the kernels of one process ---------------------------
// A process that makes many kernels one after another (a notebook worker) would parse the same type
// declarations (TypeScript's lib files, @types/node, the compiled course library) for every kernel,
// about a second each time. TypeScript's language service shares parsed declaration files between
// programs through its document registry; this does the same for tslab's watch programs: a .d.ts file
// under node_modules is parsed once and reused while its text is unchanged.

const sharable = (fileName) => fileName.endsWith(".d.ts") && /[\\/]node_modules[\\/]/.test(fileName);
const patched = new WeakSet();

function share(host) {
  if (patched.has(host)) return;
  patched.add(host);
  // Within one kernel a file is looked up again for every cell: read and compare its text only the first time.
  const mine = new Map();
  const lookUp = (fileName, languageVersion, parse) => {
    if (!sharable(fileName)) return parse();
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (mine.has(key)) return mine.get(key);
    const text = host.readFile(fileName);
    const known = sharing.files.get(key);
    let file;
    if (known && known.text === text) file = known.file;
    else {
      file = parse();
      if (file && text !== undefined) sharing.files.set(key, { text, file });
    }
    mine.set(key, file);
    return file;
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => lookUp(fileName, languageVersion, () => getSourceFile(fileName, languageVersion, ...rest));
  const byPath = host.getSourceFileByPath && host.getSourceFileByPath.bind(host);
  if (byPath) host.getSourceFileByPath = (fileName, p, languageVersion, ...rest) => lookUp(fileName, languageVersion, () => byPath(fileName, p, languageVersion, ...rest));
}

module.exports = { setUpCompiler, lightBuilder, allDependencies, types };
