// Every number a learner reads in a markdown cell is verified by a check or declared as given.
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { checkNotebook, reportMessages } from "../../lib/tools/claims/check";
import { loadClaims } from "../../lib/tools/claims/load";
import { readNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks } from "../../lib/tools/notebooks/list";

describe("checked prose", () => {
  for (const path of courseNotebooks()) {
    it(`${basename(path)}: every number is verified or given`, async () => {
      const report = checkNotebook(readNotebook(path), await loadClaims(path), basename(path));
      expect(reportMessages(report).join("\n")).toBe("");
      expect(report.unchecked + report.wrong + report.missing).toBe(0);
      expect(report.found).toBe(report.verified + report.given);
      // Claims that train a network on real digits (notebook 13) take a few seconds to compute.
    }, 60_000);
  }
});
