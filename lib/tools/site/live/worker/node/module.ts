// node:module for the course library in the kernel worker. The library loads two packages on first use
// through createRequire (lib/figures/plot.ts and render.ts), and finds the MNIST package's folder
// (lib/course/mnist.ts): here Plot is the bundled Plot, "jsdom" gives the worker's figure document
// (figure-document.ts), and packages resolve to their folders among the worker's files.
import * as Plot from "@observablehq/plot";
import { courseRoot } from "../files";
import { figureDocument } from "../figure-document";

class JSDOM {
  window = { document: figureDocument() };
}

const packages: Record<string, unknown> = {
  "@observablehq/plot": Plot,
  jsdom: { JSDOM },
};

export function createRequire(_from: string) {
  const require = (id: string) => {
    if (id in packages) return packages[id];
    throw new Error(`Cannot find module '${id}' in the browser`);
  };
  require.resolve = (id: string) => `${courseRoot}/node_modules/${id}`;
  return require;
}
