/**
 * A tiny bundler for the widgets' browser code. It reads a client entry (lib/widgets/client/*.ts) and
 * every module it imports with a relative path (the engine's own files, not copies), transpiles each
 * with TypeScript's transpileModule, and wraps them in a small module registry. Only the modules a
 * widget really uses go in: imports of types alone vanish in transpiling, so they pull in nothing.
 *
 * The compiler is the one tslab itself loads (@tslab/typescript-for-tslab), so in a notebook it costs
 * nothing extra. Bundles are cached for the life of the process (restart the kernel after editing lib).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";

/** The lib/ folder: every module id is a path relative to it, without ".ts" ("engine/network"). */
export const libFolder = resolve(__dirname, "..");

/** The small part of TypeScript's API the bundler uses. */
interface Transpiler {
  transpileModule(source: string, options: { compilerOptions: Record<string, unknown>; fileName: string; reportDiagnostics?: boolean }): { outputText: string };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2020: number };
}

let compiler: Transpiler | undefined;

function typescript(): Transpiler {
  if (!compiler) compiler = createRequire(join(libFolder, "..", "package.json"))("@tslab/typescript-for-tslab") as Transpiler;
  return compiler;
}

/** One module of a bundle: its id and its code as CommonJS. */
export interface BundledModule {
  id: string;
  code: string;
}

/** A finished bundle: the modules in the order they were found, and the registry around them. */
export interface Bundle {
  entry: string;
  modules: BundledModule[];
  /** JavaScript that defines `__nnRequire(id)` when run inside a function body. */
  code: string;
}

const cache = new Map<string, Bundle>();

/** The file a relative import names, as tslab and Node resolve it: "x" → x.ts, or x/index.ts. */
function resolveImport(fromFile: string, specifier: string): string {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(libFolder, fromFile)} imports "${specifier}", which is not a .ts file under lib/`);
}

function idOf(file: string): string {
  const rel = relative(libFolder, file);
  if (rel.startsWith("..")) throw new Error(`the widget bundle can only hold files under lib/, not ${file}`);
  return rel.replace(/\.ts$/, "").split(sep).join("/");
}

/** Transpiles one file and rewrites its relative requires to module ids; returns the ids it needs. */
function transpile(file: string): { code: string; needs: string[] } {
  const ts = typescript();
  const source = readFileSync(file, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, removeComments: true, isolatedModules: true, esModuleInterop: false },
  });
  const needs: string[] = [];
  // The registry runs every module in strict mode and never imports a default export, so TypeScript's
  // per-module "use strict", __esModule marker and `exports.x = void 0` preludes are left out.
  const code = outputText
    .replace(/^\/\/\/ <reference[^\n]*\n/gm, "")
    .replace(/^"use strict";\n/gm, "")
    .replace(/^Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);\n/gm, "")
    .replace(/^exports\.[\w$]+ = (?:exports\.[\w$]+ = )*void 0;\n/gm, "")
    .replace(/\brequire\((["'])([^"']+)\1\)/g, (_match, _quote: string, specifier: string) => {
      if (!specifier.startsWith(".")) {
        throw new Error(`${relative(libFolder, file)} requires "${specifier}": widget code may only import course files by relative path`);
      }
      const target = resolveImport(file, specifier);
      needs.push(target);
      return `require(${JSON.stringify(idOf(target))})`;
    })
    // Indentation only costs bytes (the widget code has no multi-line strings where it would matter).
    .replace(/^[ \t]+/gm, "");
  return { code, needs };
}

/**
 * The bundle for `entry`, a path under lib/ ("widgets/client/playground"). The code it returns defines
 * a function `__nnRequire(id)`; wrap it in a function so nothing leaks into the page's globals.
 */
export function bundle(entry: string): Bundle {
  const known = cache.get(entry);
  if (known) return known;
  const first = resolveImport(join(libFolder, "index.ts"), `./${entry}`);
  const modules: BundledModule[] = [];
  const seen = new Set<string>();
  const queue = [first];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const { code, needs } = transpile(file);
    modules.push({ id: idOf(file), code });
    queue.push(...needs);
  }
  const definitions = modules
    .map((m) => `${JSON.stringify(m.id)}: function (require, module, exports) {\n${m.code.trim()}\n}`)
    .join(",\n");
  const code =
    `var __nnModules = {\n${definitions}\n};\n` +
    "var __nnCache = {};\n" +
    "function __nnRequire(id) {\n" +
    "  var known = __nnCache[id];\n" +
    "  if (known) return known.exports;\n" +
    "  var module = (__nnCache[id] = { exports: {} });\n" +
    "  __nnModules[id].call(module.exports, __nnRequire, module, module.exports);\n" +
    "  return module.exports;\n" +
    "}\n";
  if (/<\/script|<!--/i.test(code)) throw new Error(`the bundle for ${entry} contains "</script" or "<!--", which would end its <script> element early`);
  const result: Bundle = { entry: idOf(first), modules, code };
  cache.set(entry, result);
  return result;
}
