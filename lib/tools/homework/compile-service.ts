// The autograder's compiler: one trusted process (compile-server.ts) that keeps tslab's converter warm
// and compiles the cells of every submission, in the order a kernel would. A compile that takes too long
// (a cell written to stall the type checker) is stopped and reported as that cell's error.
import { ChildProcess, fork } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Converted } from "../notebooks/kernel";
import { repoRoot } from "../notebooks/list";
import { scratchWorkspace } from "../notebooks/workspace";
import { tempPrefix } from "./cleanup";

interface Request {
  id: number;
  done: (result: Converted) => void;
  timer: NodeJS.Timeout;
}

export class CompileService {
  private child: ChildProcess | undefined;
  private folder: string | undefined;
  private readonly waiting = new Map<number, Request>();
  private nextId = 1;

  constructor(private readonly limitMs = 60_000) {}

  /** Conversions already made: a class hands in the same cells many times (the setup, untouched cells). */
  private readonly memo = new Map<string, Promise<Converted>>();

  /** tslab's conversion of `src` after cells whose declarations are `prevDecl`. */
  compile(prevDecl: string, src: string): Promise<Converted> {
    const key = `${prevDecl.length}:${prevDecl}\u0000${src}`;
    const known = this.memo.get(key);
    if (known) return known;
    const made = this.compileNow(prevDecl, src);
    this.memo.set(key, made);
    // Kept while it is small; a compile that failed for want of time or of the compiler is not kept.
    void made.then((c) => {
      if (c.diagnostics.some((d) => (d as { code?: number }).code === 0)) this.memo.delete(key);
    });
    if (this.memo.size > 2000) this.memo.delete(this.memo.keys().next().value as string);
    return made;
  }

  private compileNow(prevDecl: string, src: string): Promise<Converted> {
    const child = this.start();
    const id = this.nextId++;
    return new Promise((done) => {
      const timer = setTimeout(() => {
        this.answer(id, { diagnostics: [failure(`this cell took more than ${this.limitMs / 1000} s to compile, so it was stopped`)] });
        this.stop();
      }, this.limitMs);
      this.waiting.set(id, { id, done, timer });
      child.send({ id, prevDecl, src });
    });
  }

  close(): void {
    this.stop();
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    // In a folder of its own with lib.d.ts, so that "./lib" means the course library, as in a notebook.
    this.folder ??= scratchWorkspace(tempPrefix("compile"));
    const child = fork(join(repoRoot, "lib/tools/run-ts.cjs"), [join(repoRoot, "lib/tools/homework/compile-server.ts")], {
      cwd: this.folder,
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    child.on("message", (m: { id: number; converted?: Converted; error?: string }) =>
      this.answer(m.id, m.converted ?? { diagnostics: [failure(`the compiler failed: ${m.error}`)] }),
    );
    child.on("exit", () => {
      if (this.child === child) this.child = undefined;
      for (const id of [...this.waiting.keys()]) this.answer(id, { diagnostics: [failure("the compiler stopped while compiling this cell")] });
    });
    this.child = child;
    return child;
  }

  private answer(id: number, converted: Converted): void {
    const request = this.waiting.get(id);
    if (!request) return;
    this.waiting.delete(id);
    clearTimeout(request.timer);
    request.done(converted);
  }

  private stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}

/** A diagnostic in tslab's shape, for a compile that could not happen. */
function failure(messageText: string): unknown {
  return { start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 }, messageText, category: 1, code: 0 };
}
