// Notebooks stay small enough to open quickly and to diff: every file under 1 MB, every stored figure
// (an HTML or SVG output) under 100 KB.
import { statSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { selectedNotebooks } from "./selection";

describe("notebook sizes", () => {
  for (const path of selectedNotebooks()) {
    it(`${basename(path)} is under 1 MB with every figure under 100 KB`, () => {
      expect(statSync(path).size).toBeLessThan(1_000_000);
      const big: string[] = [];
      readNotebook(path).cells.forEach((cell, i) => {
        for (const o of cell.outputs ?? []) {
          if (o.output_type !== "display_data") continue;
          for (const [mime, value] of Object.entries(o.data)) {
            const size = joinText(value).length;
            if ((mime === "text/html" || mime === "image/svg+xml") && size >= 100_000) big.push(`cell ${i + 1} (${cell.id}): ${mime} of ${size} bytes`);
          }
        }
      });
      expect(big).toEqual([]);
    });
  }
});
