// Notebooks import lib compiled by tslab's own TypeScript 5.0 (`lib: es2022`, not strict), and the
// widgets carry lib's files into the browser: keep lib's imports simple enough for both.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const ts = require("@tslab/typescript-for-tslab") as typeof import("typescript");

describe("imports inside lib", () => {
  // tslab loads a notebook's local modules itself and cannot resolve a folder to its index file at run
  // time, so every import inside lib must name a file: "./engine/index", not "./engine".
  it("name files, not folders", async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const { join, dirname } = await import("node:path");
    const bad: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith(".ts")) {
          for (const m of readFileSync(path, "utf8").matchAll(/from "(\.{1,2}\/[^"]*)"/g)) {
            const target = join(dirname(path), m[1]);
            try {
              if (statSync(target).isDirectory()) bad.push(`${path}: ${m[1]}`);
            } catch {
              // A file import ("./engine/index" resolves to engine/index.ts): fine.
            }
          }
        }
      }
    };
    walk("lib");
    expect(bad).toEqual([]);
  });
});

describe("tslab's TypeScript", () => {
  // lib itself is compiled with it, with tslab's settings, by lib/tools/lib-build.cjs: see
  // tests/tools/lib-build.test.ts.
  it("is version 5.0", () => {
    expect(ts.version).toMatch(/^5\.0\./);
  });
});
