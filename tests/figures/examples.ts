// Every figure example, gathered from tests/figures/examples/*.ts (one file per group, each exporting
// `examples`: a name → figure-maker record). The snapshot test renders each and compares it with its
// stored snapshot; `npm run figures` renders them to PNG for a person to look at.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Figure } from "../../lib/figures/render";

export type Examples = Record<string, () => Figure>;

/** Loads every example group; names must be unique across groups. */
export async function loadExamples(): Promise<Examples> {
  const dir = resolve("tests/figures/examples");
  const all: Examples = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const group = (await import(join(dir, file))) as { examples: Examples };
    for (const [name, make] of Object.entries(group.examples)) {
      if (all[name]) throw new Error(`figure example "${name}" is defined twice (again in ${file})`);
      all[name] = make;
    }
  }
  return all;
}
