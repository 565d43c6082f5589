// CPU time used by a process group, from /proc (Linux). A submission's time limit counts the time it
// computes, not the time it waits for a busy machine: an endless loop reaches the limit, an honest
// notebook on an overloaded machine does not.
import { readFileSync, readdirSync } from "node:fs";

/** Linux's clock tick for /proc times (USER_HZ), 100 on every architecture Node supports. */
const ticksPerSecond = 100;

/** Milliseconds of CPU (user + system) used so far by every process in group `pgid`; undefined where /proc is missing. */
export function groupCpuMs(pgid: number): number | undefined {
  if (process.platform !== "linux") return undefined;
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (command) state ppid pgrp …": the command may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited meanwhile
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}
