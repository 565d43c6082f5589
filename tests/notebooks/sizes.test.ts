// Notebooks stay small enough to open quickly and to diff: every file under 1 MB, every stored figure
// (an HTML or SVG output) under 100 KB without its still pictures (the <img> copies of its SVGs for
// untrusted notebooks), and those pictures together at most a tenth larger than the SVGs they copy (their encoding costs a little).
import { statSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { withoutStill } from "../../lib/figures/render";
import { selectedNotebooks } from "./selection";

describe("notebook sizes", () => {
  for (const path of selectedNotebooks()) {
    it(`${basename(path)} is under 1 MB with every figure under 100 KB and its still pictures at most a tenth larger than its SVGs`, () => {
      expect(statSync(path).size).toBeLessThan(1_000_000);
      const big: string[] = [];
      readNotebook(path).cells.forEach((cell, i) => {
        for (const o of cell.outputs ?? []) {
          if (o.output_type !== "display_data") continue;
          for (const [mime, value] of Object.entries(o.data)) {
            if (mime !== "text/html" && mime !== "image/svg+xml") continue;
            const text = joinText(value);
            const figure = withoutStill(text);
            if (figure.length >= 100_000) big.push(`cell ${i + 1} (${cell.id}): ${mime} of ${figure.length} bytes without its still pictures`);
            const stills = text.length - figure.length;
            const svgs = (figure.match(/<svg[\s>][\s\S]*?<\/svg>/g) ?? []).join("").length;
            if (stills > svgs * 1.1) big.push(`cell ${i + 1} (${cell.id}): still pictures of ${stills} bytes for ${svgs} bytes of SVG`);
          }
        }
      });
      expect(big).toEqual([]);
    });
  }
});
