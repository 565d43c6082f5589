// Which notebooks make up the course, in course order.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { writeWhole } from "../files";

export const repoRoot = resolve(__dirname, "..", "..", "..");
export const notebooksDir = join(repoRoot, "notebooks");

/** Every notebook of the course, sorted by name (names start with their number: 00-, 01-, …). */
export function courseNotebooks(): string[] {
  return readdirSync(notebooksDir)
    .filter((name) => name.endsWith(".ipynb"))
    .sort()
    .map((name) => join(notebooksDir, name));
}

/** Runs `job` over `items` with at most `limit` running at once; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

// How long each notebook took the last time it ran on this machine (wall milliseconds, by file name).
const timesFile = join(repoRoot, "node_modules", ".cache", "course-notebook-times.json");

function lastTimes(): Record<string, number> {
  try {
    return existsSync(timesFile) ? JSON.parse(readFileSync(timesFile, "utf8")) : {};
  } catch {
    return {};
  }
}

/**
 * The notebooks longest first, by the time each took the last time it ran here (else by file size, which
 * grows with what a notebook shows), so that workers running them side by side finish together instead
 * of one waiting alone on the longest at the end.
 */
export function longestFirst(paths: readonly string[]): string[] {
  const times = lastTimes();
  const cost = (p: string) => times[basename(p)] ?? statSync(p).size / 20;
  return [...paths].sort((a, b) => cost(b) - cost(a));
}

/** Remembers how long notebooks took (wall milliseconds by path), for longestFirst. */
export function recordTimes(times: ReadonlyMap<string, number>): void {
  const all = lastTimes();
  for (const [path, ms] of times) all[basename(path)] = Math.round(ms);
  try {
    writeWhole(timesFile, JSON.stringify(all, null, 1));
  } catch {
    // A read-only checkout runs in course order instead.
  }
}
