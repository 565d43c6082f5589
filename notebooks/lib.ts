// The course library in one import: `import { ... } from "./lib";` (lib/ is a link to the engine, figures and helpers).
export * from "./lib/index";
