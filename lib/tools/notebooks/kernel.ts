// The one place that touches tslab's internals (pinned version 1.0.22): an in-process kernel that
// compiles and runs notebook cells exactly as the Jupyter kernel does, and captures what each cell
// prints and displays. Used by `npm test`, the notebook writer, and the autograder.
import { createRequire } from "node:module";
import { join } from "node:path";
import { cachedCompile } from "./compile-cache";
import type { DisplayOutput, Output } from "./ipynb";

// Kept before any cell runs: a cell that replaces Object.prototype.hasOwnProperty cannot hide its own functions.
const hasOwn = Object.hasOwn;

export interface CellRun {
  ok: boolean;
  outputs: Output[];
  ms: number;
  /** Of `ms`, the time tslab took to compile the cell (type check and JavaScript). */
  compileMs: number;
  /** For a run-time error: the line of the compiled cell where it happened, to find it in the source. */
  compiledLine?: string;
}

interface DisplayMessage {
  data: Record<string, string>;
  metadata: Record<string, unknown>;
  transient?: { display_id?: string };
}

/** What tslab's converter makes of a cell: JavaScript to run, or the type errors that stop it. */
export interface Converted {
  output?: string;
  declOutput?: string;
  diagnostics: unknown[];
  hasToplevelAwait?: boolean;
  sideOutputs?: unknown[];
  lastExpressionVar?: string;
}

interface Converter {
  convert(prevDecl: string, src: string): Converted;
  close(): void;
}

export interface KernelOptions {
  /** Most characters of output kept per cell; the rest is dropped with a note. */
  maxOutputChars?: number;
  /**
   * Compile nothing here: every cell comes with the result of tslab's converter, made elsewhere (see
   * CompileServer), so this process never loads the compiler. The autograder's sandbox runs this way.
   */
  precompiled?: boolean;
  /**
   * Reuse tslab's compile of a cell from an earlier run when everything it depends on is unchanged
   * (compile-cache.ts). The notebook workers of the tests and of `npm run notebooks` use it.
   */
  compileCache?: boolean;
}

/**
 * A kernel rooted at `directory` (the notebook's folder, as in Jupyter). Outputs are captured per cell;
 * a display updated later (tslab's newDisplay) is replaced in place wherever it was first shown,
 * as Jupyter does, so the stored notebook keeps only its final state.
 */
export class InProcessKernel {
  private readonly executor: { execute(src: string): Promise<boolean>; close(): void; locals: Record<string, unknown> };
  private readonly maxOutputChars: number;
  /** The JavaScript tslab made of the last cell, kept to locate run-time errors in the source. */
  private lastCompiled: string | undefined;
  private readonly jupyter: { lastWriteDisplayData: ((d: DisplayMessage, update: boolean) => void) | null };
  private readonly displays = new Map<string, { outputs: Output[]; index: number }>();
  /** The declarations of every cell that ran so far, as tslab passes them to the next cell's compile. */
  private declarations = "";
  /** A cell's compiled form, handed in by run() when the kernel was made `precompiled`. */
  private handedIn: { src: string; converted: Converted } | undefined;

  constructor(directory: string, options: KernelOptions = {}) {
    this.maxOutputChars = options.maxOutputChars ?? Infinity;
    if (process.cwd() !== directory) process.chdir(directory);
    // Resolve tslab from the course's own node_modules, whatever the current folder.
    const req = createRequire(join(__dirname, "..", "..", "..", "package.json"));
    // Plain requires (this file sits in the course, so they resolve in its node_modules): the autograder
    // bundles this module with esbuild into the one program its sandbox may read (homework/sandbox.ts).
    // TypeScript keeps the folder its process started in as the current folder (ts.sys memoizes
    // process.cwd()), and tslab compiles in that folder: a process that makes kernels in several folders,
    // one after another (a notebook worker), would resolve every kernel's "./lib" in the first one.
    // (A precompiled kernel never loads TypeScript.)
    // Cells compile as in the course's Jupyter kernel (kernel-compiler.cjs), set up before tslab loads.
    if (!options.precompiled) req(join(__dirname, "..", "kernel-compiler.cjs")).setUpCompiler();
    const sys = options.precompiled ? undefined : (req("@tslab/typescript-for-tslab") as { sys: { getCurrentDirectory(): string; __followsCwd?: boolean } }).sys;
    if (sys && !sys.__followsCwd) {
      sys.getCurrentDirectory = () => process.cwd();
      sys.__followsCwd = true;
    }
    const { createExecutor } = require("tslab/dist/executor");
    this.jupyter = require("tslab/dist/jupyter");
    let node: Converter;
    let browser: Converter | undefined;
    let warmed = false;
    const create = (isBrowser: boolean): Converter => {
      const converterModule = req("tslab/dist/converter");
      // As the course's Jupyter kernel does (lib/tools/kernel.cjs): the converter reads lib's declarations at once.
      if (!warmed) req(join(__dirname, "..", "kernel-warmup.cjs")).warmConverters(converterModule);
      warmed = true;
      return converterModule.createConverter({ isJS: false, isBrowser });
    };
    if (options.precompiled) {
      node = {
        convert: (prevDecl, src) => {
          const given = this.handedIn;
          this.handedIn = undefined;
          if (!given || given.src !== src || prevDecl !== this.declarations) throw new Error("this kernel runs precompiled cells only, and this cell's compiled code is missing");
          return given.converted;
        },
        close: () => undefined,
      };
    } else {
      // The notebooks import the compiled library (notebooks/lib.js); build it now if lib changed.
      req(join(__dirname, "..", "lib-build.cjs")).ensureBuilt();
      if (options.compileCache) {
        // Made on the first cell the cache cannot answer: a notebook whose every compile is known never
        // starts TypeScript at all.
        let real: Converter | undefined;
        const made = () => (real ??= create(false)) as unknown as Record<string, (...args: unknown[]) => unknown>;
        const lazy: Record<string, unknown> = { close: () => real?.close() };
        for (const method of ["convert", "addModule", "inspect", "complete"]) lazy[method] = (...args: unknown[]) => made()[method](...args);
        node = lazy as unknown as Converter;
      } else node = create(false);
    }
    const convert = options.compileCache && !options.precompiled ? cachedCompile(directory, node.convert.bind(node)) : node.convert.bind(node);
    node.convert = (prevDecl: string, src: string) => {
      const started = performance.now();
      const result = convert(prevDecl, src);
      this.compileMs += performance.now() - started;
      this.lastCompiled = result.output;
      // tslab's executor keeps these declarations for the next cell exactly when the cell succeeds.
      this.pendingDeclarations = result.declOutput || "";
      return result;
    };
    // As in tslab's own kernel, the converter for browser cells is made only when a cell asks for it.
    const converters = {
      node,
      get browser() {
        return (browser ??= create(true));
      },
      close: () => (node.close(), browser?.close()),
    };
    this.executor = createExecutor(process.cwd(), converters, {
      log: (...a: unknown[]) => console.log(...a),
      error: (...a: unknown[]) => console.error(...a),
    });
  }

  private pendingDeclarations = "";
  /** Time spent compiling the cell being run. */
  private compileMs = 0;

  /** The declarations the next cell is compiled against (for compiling it elsewhere). */
  get previousDeclarations(): string {
    return this.declarations;
  }

  /**
   * Runs one cell's source and returns whether it succeeded and what it printed and displayed. A kernel
   * made `precompiled` needs the cell's compiled form, made from `previousDeclarations` and the source.
   */
  async run(source: string, converted?: Converted): Promise<CellRun> {
    if (converted) this.handedIn = { src: source, converted };
    const outputs: Output[] = [];
    let room = this.maxOutputChars;
    const write = (name: "stdout" | "stderr") => (chunk: string | Uint8Array) => {
      if (room <= 0) return true;
      let text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (text.length > room) text = `${text.slice(0, room)}\n[output truncated: more than ${this.maxOutputChars} characters]\n`;
      room -= text.length;
      const last = outputs[outputs.length - 1];
      if (last && last.output_type === "stream" && last.name === name) last.text = (last.text as string) + text;
      else outputs.push({ output_type: "stream", name, text });
      return true;
    };
    const stdout = process.stdout.write;
    const stderr = process.stderr.write;
    process.stdout.write = write("stdout") as typeof process.stdout.write;
    process.stderr.write = write("stderr") as typeof process.stderr.write;
    this.jupyter.lastWriteDisplayData = (message, update) => {
      const output: DisplayOutput = { output_type: "display_data", data: { ...message.data }, metadata: { ...message.metadata } };
      const id = message.transient?.display_id;
      const known = id ? this.displays.get(id) : undefined;
      if (update && known) {
        known.outputs[known.index] = output;
      } else {
        outputs.push(output);
        if (id) this.displays.set(id, { outputs, index: outputs.length - 1 });
      }
    };
    this.lastCompiled = undefined;
    this.pendingDeclarations = this.declarations;
    this.compileMs = 0;
    const start = performance.now();
    let ok = false;
    try {
      ok = await this.executor.execute(source);
      if (ok) this.declarations = this.pendingDeclarations;
    } catch (e) {
      console.error(e);
      ok = false;
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    const ms = performance.now() - start;
    const compileMs = this.compileMs;
    return ok ? { ok, outputs, ms, compileMs } : { ok, outputs, ms, compileMs, compiledLine: this.compiledLineOf(outputs) };
  }

  /** The compiled line named by the first cell frame ("evalmachine.<anonymous>:line:column") of an error. */
  private compiledLineOf(outputs: Output[]): string | undefined {
    const text = outputs.map((o) => (o.output_type === "stream" && o.name === "stderr" ? String(o.text) : "")).join("");
    const frame = /evalmachine\.<anonymous>:(\d+):\d+/.exec(text);
    if (!frame || !this.lastCompiled) return undefined;
    return this.lastCompiled.split("\n")[Number(frame[1]) - 1];
  }

  /** A value a cell defined at its top level (a function, a constant), or undefined. */
  local(name: string): unknown {
    return hasOwn(this.executor.locals, name) ? this.executor.locals[name] : undefined;
  }

  close(): void {
    this.executor.close();
  }
}
