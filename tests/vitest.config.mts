// vitest settings for `npm test` (kept under tests/, so the project's top level stays small).
// No test is timed against a short clock: a busy machine must make a run slow, never red. The
// notebook tests carry their own, per-notebook limit (lib/tools/notebooks/runner.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: ".",
    include: ["tests/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two test files at a time: the notebook and grading tests spend most of their time in processes
    // of their own, so the other files fill the gaps.
    maxWorkers: 2,
    // Test files share a worker's loaded modules (lib, jsdom, Plot are loaded once per worker, not once
    // per file): no test file depends on another's state, and this saves about a third of the run.
    isolate: false,
    // Worker threads rather than processes: lighter, and no test changes the process (chdir, exit).
    pool: "threads",
  },
});
