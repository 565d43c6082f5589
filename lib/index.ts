/**
 * Everything a notebook needs, in one import: `import { ... } from "./lib";`
 * The engine (lib/engine) is pure; the figures (lib/figures) draw; the course helpers (lib/course)
 * talk to the notebook.
 */
export * from "./engine/index";
export * from "./figures/index";
export * from "./course/index";
export * from "./widgets/index";
