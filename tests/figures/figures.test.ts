// Every figure type: deterministic, captioned, described, compact, and equal to its stored snapshot.
// To look at them as pictures: npm run figures (writes PNGs for a light and a dark page).
import { describe, expect, it } from "vitest";
import { loadExamples } from "./examples";
import { normalizeFigure } from "./normalize";

const examples = await loadExamples();

describe("figures", () => {
  for (const [name, make] of Object.entries(examples)) {
    describe(name, () => {
      const html = make().html;

      it("renders byte-identically every time", () => {
        expect(normalizeFigure(make().html)).toBe(normalizeFigure(html));
      });

      it("has a caption and an accessible description", () => {
        expect(html).toMatch(/<figcaption[^>]*>[^<]+<\/figcaption>/);
        expect(html).toMatch(/aria-label="[^"]{10,}"/);
      });

      it("stays under 100 KB", () => {
        expect(html.length).toBeLessThan(100_000);
      });

      it("matches its snapshot", async () => {
        await expect(normalizeFigure(html)).toMatchFileSnapshot(`snapshots/${name}.html`);
      });
    });
  }
});

describe("figures in fresh processes", () => {
  it("are byte-identical from one run to the next", async () => {
    const { execFileSync } = await import("node:child_process");
    const run = () => execFileSync(process.execPath, ["lib/tools/run-ts.cjs", "tests/figures/print-all.ts"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const first = run();
    expect(first.split("\n").length).toBeGreaterThan(Object.keys(examples).length);
    expect(run()).toBe(first);
  }, 60_000);
});
