/**
 * The widgets' browser code. Each widget's entry (lib/widgets/client/<name>.ts) and the engine modules
 * it imports (the engine's own files, not copies) are bundled by esbuild when the course library is
 * compiled (lib/tools/lib-build.cjs); a notebook cell only reads the finished bundle.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";

/** A finished bundle: the lib files it holds, and code that defines `__nnWidget` (with its `start`). */
export interface Bundle {
  entry: string;
  /** The lib files in the bundle, as paths under lib/ without ".ts" ("engine/network"). */
  modules: string[];
  code: string;
}

const cache = new Map<string, Bundle>();

/** Where the bundles are: beside this file in the compiled library, or in the build of lib/ when run from source. */
function bundleFolder(): string {
  const compiled = join(__dirname, "client");
  if (existsSync(join(compiled, "playground.bundle.js"))) return compiled;
  const build = createRequire(__filename)("../tools/lib-build.cjs") as { ensureBuilt(): unknown; defaults: { outDir: string } };
  build.ensureBuilt();
  return join(build.defaults.outDir, "widgets", "client");
}

/** The bundle for `entry`, a widget's browser entry under lib/ ("widgets/client/playground"). */
export function bundle(entry: string): Bundle {
  const known = cache.get(entry);
  if (known) return known;
  const file = join(bundleFolder(), `${basename(entry)}.bundle`);
  if (!existsSync(`${file}.js`)) throw new Error(`no widget bundle for ${entry}: is lib/${entry}.ts a widget entry with an exported start function?`);
  const { modules } = JSON.parse(readFileSync(`${file}.json`, "utf8")) as { modules: string[] };
  const result: Bundle = { entry, modules, code: readFileSync(`${file}.js`, "utf8") };
  cache.set(entry, result);
  return result;
}
