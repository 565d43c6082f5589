// The kernel worker's files, by absolute path under /course: TypeScript's own declaration files, the
// course library's declarations, Plot's and tslab's declarations, the course's assets and the widgets'
// bundles. The site build writes them into the worker's bundle (the virtual module "course-files");
// the MNIST digits arrive later, when a cell first needs them (see mnist-data.ts).
// @ts-ignore: made by the site build (lib/tools/site/live/build-runtime.ts)
import bundled from "course-files";

export const courseRoot = "/course";
/** The working folder of every cell, as notebooks/ is in Jupyter. */
export const notebookFolder = "/course/notebooks";

const files = new Map<string, string>(Object.entries(bundled as Record<string, string>));
const folders = new Set<string>();
const addFolders = (path: string) => {
  for (let k = path.lastIndexOf("/"); k > 0; k = path.lastIndexOf("/", k - 1)) folders.add(path.slice(0, k));
};
for (const path of files.keys()) addFolders(path);
addFolders(`${notebookFolder}/x`);

/** Adds or replaces a file (the MNIST digits, once loaded). */
export function addFile(path: string, text: string | (() => string)): void {
  if (typeof text === "string") files.set(path, text);
  else lazy.set(path, text);
  addFolders(path);
}
const lazy = new Map<string, () => string>();

/** A file's text, or undefined. */
export function readFile(path: string): string | undefined {
  const known = files.get(path);
  if (known !== undefined) return known;
  const make = lazy.get(path);
  if (!make) return undefined;
  const text = make();
  lazy.delete(path);
  files.set(path, text);
  return text;
}

export const fileExists = (path: string) => files.has(path) || lazy.has(path);
export const folderExists = (path: string) => folders.has(path.replace(/\/+$/, "")) || path === "/";

/** The files and folders directly inside `folder`. */
export function listFolder(folder: string): { files: string[]; folders: string[] } {
  const prefix = folder.replace(/\/+$/, "") + "/";
  const names = { files: new Set<string>(), folders: new Set<string>() };
  for (const path of [...files.keys(), ...lazy.keys()]) if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/")) names.files.add(path.slice(prefix.length));
  for (const path of folders) if (path.startsWith(prefix) && !path.slice(prefix.length).includes("/")) names.folders.add(path.slice(prefix.length));
  return { files: [...names.files].sort(), folders: [...names.folders].sort() };
}
