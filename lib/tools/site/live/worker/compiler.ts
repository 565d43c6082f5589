// tslab's own converter (tslab/dist/converter.js, the code that turns a cell into JavaScript in Jupyter)
// running in the browser, over tslab's own TypeScript (@tslab/typescript-for-tslab 5.0.4): a cell
// compiles here exactly as it does in Jupyter, with the same declarations kept from cell to cell, the same
// last-expression variable and the same type errors. TypeScript reads its files from files.ts through the
// `System` below instead of Node's file system.
import { courseRoot, fileExists, folderExists, listFolder, notebookFolder, readFile } from "./files";

export interface Diagnostic {
  start: { line: number; character: number };
  messageText: string;
  fileName?: string;
}

export interface Converted {
  output?: string;
  declOutput?: string;
  diagnostics: Diagnostic[];
  hasToplevelAwait?: boolean;
  lastExpressionVar?: string;
}

export interface Converter {
  convert(prevDecl: string, src: string): Converted;
}

/** Where TypeScript believes it runs from: its lib.*.d.ts files sit beside this path. */
const typescriptFile = `${courseRoot}/node_modules/@tslab/typescript-for-tslab/lib/typescript.js`;

function virtualSystem(): object {
  const never = () => {
    throw new Error("the course's compiler in the browser cannot do this");
  };
  return {
    args: [],
    newLine: "\n",
    useCaseSensitiveFileNames: true,
    write: (s: string) => console.log(s),
    writeOutputIsTTY: () => false,
    readFile: (path: string) => readFile(path),
    writeFile: never,
    resolvePath: (path: string) => path,
    fileExists: (path: string) => fileExists(path),
    directoryExists: (path: string) => folderExists(path),
    createDirectory: never,
    getExecutingFilePath: () => typescriptFile,
    getCurrentDirectory: () => notebookFolder,
    getDirectories: (path: string) => listFolder(path).folders,
    readDirectory: (path: string, extensions?: readonly string[]) =>
      listFolder(path)
        .files.filter((name) => !extensions || extensions.some((e) => name.endsWith(e)))
        .map((name) => `${path.replace(/\/+$/, "")}/${name}`),
    getModifiedTime: () => new Date(0),
    watchFile: () => ({ close: () => undefined }),
    watchDirectory: () => ({ close: () => undefined }),
    realpath: (path: string) => path,
    exit: never,
    now: () => new Date(),
    setTimeout: (callback: () => void) => setTimeout(callback, 0),
    clearTimeout: (id: number) => clearTimeout(id),
  };
}

let made: Converter | undefined;

/** tslab's converter for Node cells, made once (TypeScript parses its declaration files then). */
export function converter(): Converter {
  if (made) return made;
  // tslab's modules read ts.sys when they load, so the system goes in first.
  const ts = require("@tslab/typescript-for-tslab") as { setSys(sys: object): void };
  ts.setSys(virtualSystem());
  const { createConverter } = require("tslab/dist/converter") as { createConverter(options: { isJS: boolean; isBrowser: boolean }): Converter };
  made = createConverter({ isJS: false, isBrowser: false });
  return made;
}
