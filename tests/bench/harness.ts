// A small benchmark harness: run a job several times, report the median. Speed is measured here, never
// asserted in tests.
import { performance } from "node:perf_hooks";

export interface Measurement {
  name: string;
  /** Median wall time of one run, in milliseconds. */
  medianMs: number;
  runs: number;
  /** Anything else worth reporting: ratios, accuracies, counts. */
  extra?: Record<string, string | number>;
}

/** Runs `job` `warmup` times unmeasured, then `runs` times measured, and returns the median. */
export function measure(name: string, job: () => void, runs = 7, warmup = 2): Measurement {
  for (let i = 0; i < warmup; i++) job();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    job();
    times.push(performance.now() - start);
  }
  return { name, medianMs: median(times), runs };
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints measurements as an aligned text table. */
export function printTable(title: string, rows: readonly Measurement[]): void {
  console.log(`\n${title}`);
  const cells = rows.map((r) => [
    r.name,
    r.medianMs >= 100 ? r.medianMs.toFixed(0) : r.medianMs.toFixed(2),
    String(r.runs),
    Object.entries(r.extra ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(", "),
  ]);
  const header = ["benchmark", "median ms", "runs", "notes"];
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 1 || c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) console.log(line(row));
}
