// Loading a notebook's claims file: tests/claims/<notebook name without .ipynb>.claims.ts.
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { NotebookClaims } from "./define";

export const claimsDir = resolve(__dirname, "..", "..", "..", "tests", "claims");

/** The claims file path for a notebook. */
export function claimsPath(notebookPath: string): string {
  return join(claimsDir, `${basename(notebookPath).replace(/\.ipynb$/, "")}.claims.ts`);
}

/** Loads a notebook's claims, or undefined when it has no claims file. */
export async function loadClaims(notebookPath: string): Promise<NotebookClaims | undefined> {
  const path = claimsPath(notebookPath);
  if (!existsSync(path)) return undefined;
  const mod = (await import(path)) as { default: NotebookClaims };
  return mod.default;
}
