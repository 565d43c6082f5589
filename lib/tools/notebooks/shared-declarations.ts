// For a process that makes many kernels one after another (a notebook worker): tslab's converter parses
// the same type declarations (TypeScript's own lib files, @types/node, the compiled course library)
// for every new kernel, about a second each time. TypeScript's language service shares parsed
// declaration files between programs through its document registry; this does the same for tslab's
// watch programs: a .d.ts file under node_modules is parsed once and reused while its text is unchanged.
// tslab takes TypeScript's exports through getters that cannot be replaced, so the module it loads is
// swapped, before tslab loads it, for a copy whose createWatchCompilerHost adds the sharing.
import { createRequire } from "node:module";
import { join } from "node:path";

interface SourceFile {
  readonly text: string;
}
type GetSourceFile = (fileName: string, languageVersion: unknown, ...rest: unknown[]) => SourceFile | undefined;
interface CompilerHost {
  getSourceFile: GetSourceFile;
  getSourceFileByPath?: (fileName: string, path: string, languageVersion: unknown, ...rest: unknown[]) => SourceFile | undefined;
  readFile(fileName: string): string | undefined;
}

const shared = new Map<string, { text: string; file: SourceFile }>();
const patched = new WeakSet<CompilerHost>();
const sharable = (fileName: string) => fileName.endsWith(".d.ts") && /[\\/]node_modules[\\/]/.test(fileName);

function share(host: CompilerHost): void {
  if (patched.has(host)) return;
  patched.add(host);
  // Within one kernel a file is looked up again for every cell: read and compare its text only the first time.
  const mine = new Map<string, SourceFile | undefined>();
  const lookUp = (fileName: string, languageVersion: unknown, parse: () => SourceFile | undefined) => {
    if (!sharable(fileName)) return parse();
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (mine.has(key)) return mine.get(key);
    const text = host.readFile(fileName);
    const known = shared.get(key);
    let file: SourceFile | undefined;
    if (known && known.text === text) file = known.file;
    else {
      file = parse();
      if (file && text !== undefined) shared.set(key, { text, file });
    }
    mine.set(key, file);
    return file;
  };
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => lookUp(fileName, languageVersion, () => getSourceFile(fileName, languageVersion, ...rest));
  const byPath = host.getSourceFileByPath?.bind(host);
  if (byPath) host.getSourceFileByPath = (fileName, path, languageVersion, ...rest) => lookUp(fileName, languageVersion, () => byPath(fileName, path, languageVersion, ...rest));
}

/** Makes every tslab converter created after this call share parsed declaration files. Call before tslab loads. */
export function shareDeclarationFiles(): void {
  const req = createRequire(join(__dirname, "..", "..", "..", "package.json"));
  const path = req.resolve("@tslab/typescript-for-tslab");
  const ts = req(path) as Record<string, unknown> & { createWatchCompilerHost: (...a: unknown[]) => unknown; createEmitAndSemanticDiagnosticsBuilderProgram: (...a: unknown[]) => unknown };
  const cached = req.cache[path];
  if (!cached || (cached.exports as { __sharesDeclarations?: boolean }).__sharesDeclarations) return;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(ts)) if (key !== "createWatchCompilerHost") Object.defineProperty(copy, key, { enumerable: true, get: () => ts[key] });
  Object.defineProperty(copy, "__sharesDeclarations", { value: true });
  Object.defineProperty(copy, "createWatchCompilerHost", {
    enumerable: true,
    value: (rootFiles: unknown, options: unknown, system: unknown, createProgram: ((...a: unknown[]) => unknown) | undefined, ...rest: unknown[]) => {
      const make = createProgram ?? ts.createEmitAndSemanticDiagnosticsBuilderProgram;
      const sharing = (roots: unknown, programOptions: unknown, host: CompilerHost | undefined, ...more: unknown[]) => {
        if (host) share(host);
        return make(roots, programOptions, host, ...more);
      };
      return ts.createWatchCompilerHost(rootFiles, options, system, sharing, ...rest);
    },
  });
  cached.exports = copy;
}
