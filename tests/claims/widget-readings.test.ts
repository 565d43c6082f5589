// Numbers the prose reads off a widget that trains in the page ("press Train: by epoch 2000 the mean loss
// is down to 0.0030"). No cell prints them, so the claims file computes them; this test proves that
// computation is the widget's. It takes the widget as the notebook stored it (the re-run-verified output
// of its cell, with its bundled script), starts it in jsdom, presses Train, steps the page's animation
// frames by hand to the epoch the text names, and requires the mean loss the widget then shows to equal
// the value the claims file checked the sentence against.
import { basename, join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkNotebook } from "../../lib/tools/claims/check";
import { loadClaims } from "../../lib/tools/claims/load";
import { joinText, readNotebook } from "../../lib/tools/notebooks/ipynb";
import { repoRoot } from "../../lib/tools/notebooks/list";
import { selectedNotebooks } from "../notebooks/selection";

interface Reading {
  notebook: string;
  /** The code cell whose stored output is the widget. */
  widget: string;
  /** The markdown cell that states the number, and the words right before it. */
  prose: string;
  before: string;
  /** The claims file's given for the epoch the text reads the widget at. */
  epochs: string;
}

const readings: Reading[] = [
  { notebook: "11-a-network-that-learns.ipynb", widget: "bump-two-widget", prose: "bump-two-preview", before: "the mean loss is down to ", epochs: "preview epochs" },
];

/** The widget of a stored output, started in jsdom with its animation frames held for the test to run. */
function startWidget(html: string): { document: Document; frames: FrameRequestCallback[]; problems: string[]; close(): void } {
  const frames: FrameRequestCallback[] = [];
  const problems: string[] = [];
  const console = new VirtualConsole();
  console.on("error", (e) => problems.push(String(e)));
  console.on("warn", (e) => problems.push(String(e)));
  console.on("jsdomError", (e) => problems.push(e.message));
  const dom = new JSDOM(`<!doctype html><html><body>${html}</body></html>`, {
    runScripts: "dangerously",
    virtualConsole: console,
    beforeParse(window) {
      window.requestAnimationFrame = (callback) => frames.push(callback);
    },
  });
  return { document: dom.window.document, frames, problems, close: () => dom.window.close() };
}

describe("a number the prose reads off a training widget", () => {
  for (const r of readings) {
    const path = join(repoRoot, "notebooks", r.notebook);
    it.skipIf(!selectedNotebooks().includes(path))(`${r.notebook}, cell "${r.prose}": is what the widget of cell "${r.widget}" shows`, async () => {
      const nb = readNotebook(path);
      const claims = (await loadClaims(path))!;
      const epochs = claims.givens.get(r.epochs)?.value;
      expect(epochs, `the claims file declares the given "${r.epochs}"`).toBeGreaterThan(0);

      // The value the claims file checks the sentence against.
      const index = nb.cells.findIndex((c) => c.id === r.prose);
      const source = joinText(nb.cells[index].source);
      const at = source.indexOf(r.before);
      expect(at, `cell "${r.prose}" says "${r.before}"`).toBeGreaterThanOrEqual(0);
      const report = checkNotebook(nb, claims, basename(path));
      const finding = report.findings.find((f) => f.cellId === r.prose && f.claim === "digits" && f.number?.offset === at + r.before.length);
      expect(finding?.kind).toBe("verified");
      const claimed = finding!.expected!;

      // The widget, run as the page runs it.
      const stored = nb.cells.find((c) => c.id === r.widget)!;
      const html = (stored.outputs ?? []).map((o) => joinText((o as { data?: Record<string, string | string[]> }).data?.["text/html"] ?? "")).join("");
      const page = startWidget(html);
      const root = page.document.querySelector("[data-nn-widget]")!;
      expect(root.hasAttribute("data-nn-started"), "the widget starts").toBe(true);
      root.querySelector<HTMLElement>('[data-nn-button="train"]')!.click();
      const shownEpochs = () => Number(root.querySelector("[data-nn-epochs]")!.textContent);
      while (shownEpochs() < epochs! && page.frames.length) page.frames.shift()!(0);
      expect(shownEpochs(), `Train shows epoch ${epochs}`).toBe(epochs);
      const loss = root.querySelector("[data-nn-loss]")!;
      const shown = Number(loss.getAttribute("data-exact"));
      console.log(`${r.notebook}: at epoch ${epochs} the widget shows the mean loss ${loss.textContent} (${shown}); the claims file computes ${claimed}`);
      expect(Math.abs(shown - claimed)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(claimed)));
      // What the learner sees at that epoch is the number the text states.
      expect(loss.textContent).toBe(finding!.number!.text);
      expect(page.problems).toEqual([]);
      page.close();
    });
  }
});
