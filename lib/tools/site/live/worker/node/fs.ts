// node:fs for the course library in the kernel worker: reads the worker's files (files.ts), nothing else.
import { fileExists, folderExists, readFile } from "../files";

function missing(path: string): Error {
  const error = new Error(`ENOENT: no such file or directory, open '${path}'`) as Error & { code: string };
  error.code = "ENOENT";
  return error;
}

export function readFileSync(path: string, _encoding?: unknown): string {
  const text = readFile(String(path));
  if (text === undefined) throw missing(String(path));
  return text;
}

export function existsSync(path: string): boolean {
  return fileExists(String(path)) || folderExists(String(path));
}

export function realpathSync(path: string): string {
  return String(path);
}
