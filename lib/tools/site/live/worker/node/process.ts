// The few parts of Node's `process` that the course library and tslab's converter read, injected into the
// worker's bundle: the working folder (notebooks/, as in Jupyter) and a Node version (the converter picks
// its JavaScript target from it: Node 18 and newer give ES2022, as in the course's Jupyter kernel).
import { notebookFolder } from "../files";

export const process = {
  cwd: () => notebookFolder,
  env: {} as Record<string, string | undefined>,
  version: "v20.19.0",
  versions: {} as Record<string, string>,
  platform: "browser",
};
