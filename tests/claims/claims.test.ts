// Every number a learner reads in a markdown cell is verified by a check or declared as given; and the
// proof that this check bites: every digit of every number in every markdown cell is changed, one at a
// time, in a copy of the notebook, and each change must make the check fail, naming the notebook, the
// cell and the printed number. (One file, so that the claims, some of which train a network, are
// computed once.)
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCell, checkNotebook, reportMessages } from "../../lib/tools/claims/check";
import { loadClaims } from "../../lib/tools/claims/load";
import { findNumbers } from "../../lib/tools/claims/numbers";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { selectedNotebooks } from "../notebooks/selection";

describe("checked prose", () => {
  for (const path of selectedNotebooks()) {
    it(`${basename(path)}: every number is verified or given`, async () => {
      const report = checkNotebook(readNotebook(path), await loadClaims(path), basename(path));
      expect(reportMessages(report).join("\n")).toBe("");
      expect(report.unchecked + report.wrong + report.missing).toBe(0);
      expect(report.found).toBe(report.verified + report.given);
      // Claims that train a network on real digits (notebook 16) take a few seconds to compute.
    });
  }
});

const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** Every single-digit change of a number's text: each digit replaced by the next one (9 → 0). */
function mutations(text: string): string[] {
  const out: string[] = [];
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch >= "0" && ch <= "9") out.push(text.slice(0, k) + String((Number(ch) + 1) % 10) + text.slice(k + 1));
    const s = superscripts.indexOf(ch);
    if (s >= 0) out.push(text.slice(0, k) + superscripts[(s + 1) % 10] + text.slice(k + 1));
  }
  return out;
}

describe("changing any digit in the prose", () => {
  for (const path of selectedNotebooks()) {
    const name = basename(path);
    it(`${name}: is caught every time`, async () => {
      const nb = readNotebook(path);
      const claims = await loadClaims(path);
      let tried = 0;
      const missed: string[] = [];
      // The claims' values do not depend on the text: compute them once, not once per change.
      const values = new Map();
      nb.cells.forEach((cell, index) => {
        if (cell.cell_type !== "markdown") return;
        const source = joinText(cell.source);
        for (const n of findNumbers(source)) {
          for (const changed of mutations(n.text)) {
            const mutated = source.slice(0, n.offset) + changed + source.slice(n.offset + n.length);
            const problems: string[] = [];
            const findings = checkCell(name, mutated, index + 1, cell.id, claims?.cells.get(cell.id), problems, values);
            tried++;
            const caught = findings.some((f) => f.message && f.message.startsWith(`${name}, cell ${index + 1} (id ${cell.id})`) && f.message.includes(changed));
            if (!caught) missed.push(`cell ${index + 1}: ${n.text} → ${changed} in "${n.context}"`);
          }
        }
      });
      console.log(`${name}: ${tried - missed.length} of ${tried} single-digit changes caught`);
      expect(missed).toEqual([]);
      // Claims that train a network on real digits (notebook 16) take a few seconds to compute.
    });
  }
});
