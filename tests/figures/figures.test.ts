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

describe("figures in a fresh process", () => {
  it("are the same as here (after renumbering Plot's counters, as the notebook tests do)", async () => {
    const { execFileSync } = await import("node:child_process");
    const printed = execFileSync(process.execPath, ["lib/tools/run-ts.cjs", "tests/figures/print-all.ts"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const fresh = new Map(printed.trimEnd().split("\n").map((line) => JSON.parse(line) as [string, string]));
    expect([...fresh.keys()]).toEqual(Object.keys(examples));
    const differ = Object.entries(examples).filter(([name, make]) => normalizeFigure(fresh.get(name)!) !== normalizeFigure(make().html));
    expect(differ.map(([name]) => name)).toEqual([]);
  });
});
