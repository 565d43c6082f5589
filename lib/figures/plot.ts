/**
 * Observable Plot, loaded the first time a figure is drawn: a notebook's first
 * `import ... from "./lib"` does not wait for it (about a fifth of a second).
 */
import { createRequire } from "node:module";
import type * as PlotModule from "@observablehq/plot";
export type { ContourOptions, Markish, PlotOptions } from "@observablehq/plot";

let loaded: typeof PlotModule | undefined;

/** Plot's functions, as `import * as Plot from "@observablehq/plot"` would give them. */
export const Plot: typeof PlotModule = new Proxy({} as typeof PlotModule, {
  get: (_target, key) => (loaded ??= createRequire(__filename)("@observablehq/plot") as typeof PlotModule)[key as keyof typeof PlotModule],
});
