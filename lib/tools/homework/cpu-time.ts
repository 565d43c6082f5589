// What a submission's process group has used, from /proc (Linux). A submission's time limit counts the
// time it computes, not the time it waits for a busy machine: an endless loop reaches the limit, an
// honest notebook on an overloaded machine does not (it is graded slowly, never wrongly).
import { readFileSync, readdirSync } from "node:fs";

/** Linux's clock tick for /proc times (USER_HZ), 100 on every architecture Node supports. */
const ticksPerSecond = 100;

export interface GroupUsage {
  /** Milliseconds of CPU (user + system) used so far by every process in the group. */
  cpuMs: number;
  /** Milliseconds its processes spent ready to run but waiting for a CPU (a busy machine), where the system says (schedstat). */
  queuedMs: number;
  /** Whether some process of the group is running or ready to run (state R) right now. */
  runnable: boolean;
}

/** What process group `pgid` has used so far; undefined where /proc is missing. */
export function groupUsage(pgid: number): GroupUsage | undefined {
  if (process.platform !== "linux") return undefined;
  let ticks = 0;
  let queuedNs = 0;
  let runnable = false;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (command) state ppid pgrp …": the command may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
      if (fields[0] === "R") runnable = true;
      // "time on the CPU, time waiting for one, time slices" in ns (missing on kernels without schedstats).
      const waited = Number(readFileSync(`/proc/${entry}/schedstat`, "utf8").split(" ")[1]);
      if (Number.isFinite(waited)) queuedNs += waited;
    } catch {
      // exited meanwhile
    }
  }
  return { cpuMs: (ticks * 1000) / ticksPerSecond, queuedMs: queuedNs / 1e6, runnable };
}

/** Milliseconds of CPU used so far by every process in group `pgid`; undefined where /proc is missing. */
export function groupCpuMs(pgid: number): number | undefined {
  return groupUsage(pgid)?.cpuMs;
}

export interface Limits {
  /** Most CPU time a submission may compute. */
  timeoutMs: number;
  /** How long it may compute nothing (and not be ready to compute) before it counts as waiting forever. */
  waitMs: number;
}

/** What the limit counts at one moment of a submission's run. */
export interface Moment {
  cpuMs: number;
  /** Wall-clock time since it started. */
  wallMs: number;
  /** Of that, time spent ready to run but waiting for a CPU (the machine was busy). */
  queuedMs: number;
  /** Of that, time spent waiting for the grader's own compiler. */
  compilerMs: number;
  /** Wall-clock time since it last made progress (computed, or waited for the compiler). */
  idleMs: number;
  runnable: boolean;
}

/**
 * The wall-clock backstop: a very generous cap on the time a submission's run may take, counting
 * neither the time it waited for a CPU nor for the grader's compiler. Only a submission that computes
 * a little now and then, forever, ever reaches it; the CPU limit and the waiting rule stop the others.
 */
export const backstopMs = (limits: Limits) => Math.max(30 * limits.timeoutMs, 10 * 60_000);

/** Whether to stop a submission now, and why: its CPU time is used up, it reached the backstop, or it waits for nothing. */
export function limitReached(m: Moment, limits: Limits): "time" | "backstop" | "waiting" | undefined {
  if (m.cpuMs > limits.timeoutMs) return "time";
  if (m.wallMs - m.queuedMs - m.compilerMs > backstopMs(limits)) return "backstop";
  if (!m.runnable && m.idleMs > limits.waitMs) return "waiting";
  return undefined;
}
