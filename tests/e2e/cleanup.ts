// Nothing the e2e run starts may outlive it, even after Ctrl-C or a crash. Jupyter starts each kernel
// in a session of its own, so killing a server or nbconvert (or their process group) does not reach
// the kernel; on exit, the descendants of every process still running are found and killed too.
import type { ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const children = new Map<ChildProcess, boolean>();

/** Kills `child` (its whole process group when `group`) and its descendants if it is still running when this process exits. */
export function trackChild(child: ChildProcess, group: boolean): void {
  children.set(child, group);
  child.on("exit", () => children.delete(child));
}

export function killChild(child: ChildProcess, signal: NodeJS.Signals, group: boolean): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (group && process.platform !== "win32") process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

/** Every descendant of `roots`, from the parent ids in /proc (Linux; elsewhere none are found). */
function descendants(roots: number[]): number[] {
  if (process.platform !== "linux") return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (command) state ppid …"; the command may contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found = new Set<number>(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!found.has(pid) && found.has(parent)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  for (const root of roots) found.delete(root);
  return [...found];
}

process.on("exit", () => {
  const running = [...children.keys()].map((c) => c.pid).filter((pid): pid is number => pid !== undefined);
  const below = descendants(running);
  for (const [child, group] of children) killChild(child, "SIGKILL", group);
  for (const pid of below) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
