// Which notebooks make up the course, in course order.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

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
