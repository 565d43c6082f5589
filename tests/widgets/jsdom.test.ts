// The widgets run in jsdom with scripts enabled, as a browser would run them: they start, replace
// their still figure, show the engine's numbers, and show caller-supplied labels as text, so a label
// such as "<script>alert(1)</script> & co" never becomes markup and never runs.
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { forward } from "../../lib/engine";
import { escapeHtml } from "../../lib/figures/render";
import { fixed } from "../../lib/widgets/client/format";
import { hostileLabel, smallNetwork, testPage, widgetExamples } from "../e2e/widget-pages";

interface Page {
  dom: JSDOM;
  document: Document;
  problems: string[];
  alerts: string[];
}

/** Loads HTML in jsdom with scripts running; collects console errors (but not jsdom's missing canvas). */
function load(html: string): Page {
  const problems: string[] = [];
  const alerts: string[] = [];
  const console = new VirtualConsole();
  console.on("error", (e) => problems.push(String(e)));
  console.on("jsdomError", (e) => {
    if (!/Not implemented: HTMLCanvasElement/.test(e.message)) problems.push(e.message);
  });
  const dom = new JSDOM(html, {
    runScripts: "dangerously",
    pretendToBeVisual: true,
    virtualConsole: console,
    beforeParse(window) {
      window.alert = (message?: unknown) => void alerts.push(String(message));
    },
  });
  return { dom, document: dom.window.document, problems, alerts };
}

const examples = widgetExamples();
const hostile = widgetExamples(hostileLabel);

describe("every widget in jsdom", () => {
  for (const example of examples) {
    it(`${example.name} starts and replaces its still figure`, () => {
      const page = load(testPage(example.name, [example.figure]));
      const root = page.document.querySelector("[data-nn-widget]")!;
      expect(root.hasAttribute("data-nn-started")).toBe(true);
      expect(root.querySelector("[data-nn-live]")).not.toBeNull();
      expect(root.querySelector("[data-nn-fallback]")).toBeNull();
      expect(page.problems).toEqual([]);
      page.dom.window.close();
    });
  }

  it("starts two copies of the same widget on one page, each once", () => {
    const page = load(testPage("twice", [examples[0].figure, examples[0].figure]));
    const roots = page.document.querySelectorAll("[data-nn-widget]");
    expect(roots).toHaveLength(2);
    for (const root of roots) expect(root.querySelectorAll("[data-nn-live]")).toHaveLength(1);
    page.dom.window.close();
  });
});

describe("the playground in jsdom", () => {
  it("shows what the engine computes as an input slider moves", () => {
    const page = load(testPage("playground", [examples[0].figure]));
    const doc = page.document;
    const slider = doc.querySelector<HTMLInputElement>('[data-nn-param="in-0"]')!;
    slider.value = "0.83";
    slider.dispatchEvent(new page.dom.window.Event("input"));
    const trace = forward(smallNetwork(), [0.83, 0.5]);
    const columns = [trace.input, ...trace.layers.map((l) => l.activations)];
    columns.forEach((values, l) =>
      values.forEach((v, j) => expect(doc.querySelector(`[data-nn-value="${l}-${j}"]`)!.textContent).toBe(fixed(v, 2))),
    );
    expect(doc.querySelector("[data-nn-output]")!.textContent).toBe(fixed(trace.output[0], 4));
    page.dom.window.close();
  });
});

describe("a label with markup in it", () => {
  const escaped = escapeHtml(hostileLabel);

  for (const example of hostile) {
    describe(example.name, () => {
      const html = example.figure.html;

      it("is escaped in the HTML (never raw markup)", () => {
        // The only <script> is the widget's own; the label sits in the figure as &lt;script&gt;… and in
        // the script's JSON as \u003cscript\u003e….
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html).not.toContain(hostileLabel);
        expect(html).not.toContain("alert(1)</script>");
        expect(html).toContain("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 co");
        if (example.name !== "inspector") expect(html).toContain(escaped);
      });

      it("shows as text in the live widget, and runs nothing", () => {
        const page = load(testPage(example.name, [example.figure]));
        const live = page.document.querySelector("[data-nn-live]")!;
        expect(live).not.toBeNull();
        expect(live.textContent).toContain(hostileLabel);
        expect(live.innerHTML).toContain(escaped.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
        expect(page.document.querySelectorAll("script")).toHaveLength(1);
        expect(page.alerts).toEqual([]);
        expect(page.problems).toEqual([]);
        page.dom.window.close();
      });
    });
  }

  it("shows as text in the still figure where scripts do not run", () => {
    // An untrusted notebook or a preview strips the script; what remains must not run the label either.
    const page = new JSDOM(testPage("still", hostile.map((e) => e.figure)), { runScripts: "outside-only" });
    const fallbacks = page.window.document.querySelectorAll("[data-nn-fallback]");
    expect(fallbacks).toHaveLength(hostile.length);
    expect(Array.from(fallbacks).some((f) => f.textContent!.includes(hostileLabel))).toBe(true);
    for (const f of fallbacks) expect(f.querySelector("script")).toBeNull();
  });
});
