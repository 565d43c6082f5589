// The postinstall safety net repairs notebooks/lib when a checkout lost the symlink, and leaves a
// working link alone. It runs on a copy of the script in a throwaway tree shaped like the repository.
import { spawnSync } from "node:child_process";
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const script = resolve(__dirname, "..", "..", "lib/tools/link-lib.cjs");
const trees: string[] = [];
afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), "course-link-"));
  trees.push(dir);
  mkdirSync(join(dir, "lib/tools"), { recursive: true });
  mkdirSync(join(dir, "notebooks"));
  writeFileSync(join(dir, "lib/index.ts"), "export {};\n");
  copyFileSync(script, join(dir, "lib/tools/link-lib.cjs"));
  return dir;
}

const run = (dir: string) => spawnSync(process.execPath, [join(dir, "lib/tools/link-lib.cjs")], { encoding: "utf8" });

describe("link-lib (postinstall)", () => {
  it("replaces the text file a symlink-less checkout writes with a link to lib", () => {
    const dir = tree();
    writeFileSync(join(dir, "notebooks/lib"), "../lib");
    const out = run(dir);
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split("\n")).toHaveLength(1);
    expect(lstatSync(join(dir, "notebooks/lib")).isSymbolicLink()).toBe(true);
    expect(readdirSync(join(dir, "notebooks/lib"))).toContain("index.ts");
  });

  it("creates a missing link and repairs a broken one", () => {
    const dir = tree();
    expect(run(dir).status).toBe(0);
    expect(readdirSync(join(dir, "notebooks/lib"))).toContain("index.ts");
    rmSync(join(dir, "notebooks/lib"));
    symlinkSync("../nowhere", join(dir, "notebooks/lib"));
    expect(run(dir).stdout).toContain("broken");
    expect(readdirSync(join(dir, "notebooks/lib"))).toContain("index.ts");
  });

  it("leaves a working link alone, silently", () => {
    const dir = tree();
    symlinkSync("../lib", join(dir, "notebooks/lib"));
    const out = run(dir);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe("");
    expect(readlinkSync(join(dir, "notebooks/lib"))).toBe("../lib");
  });
});
