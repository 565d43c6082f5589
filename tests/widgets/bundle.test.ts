// The widgets' bundler: the engine's own files (not copies), only the ones a widget uses, wrapped so
// that nothing can end the <script> early; and each widget output is deterministic and small.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundle } from "../../lib/widgets/bundle";
import { contentHash, scriptJson } from "../../lib/widgets/output";
import { widgetExamples } from "../e2e/widget-pages";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";

describe("bundle", () => {
  it("holds the entry and the engine modules it imports, and nothing else", () => {
    const ids = bundle("widgets/client/playground").modules;
    expect(ids).toContain("widgets/client/playground");
    expect(ids).toContain("engine/network");
    expect(ids).toContain("engine/activations");
    // The playground only runs forward passes: no training, no data sets, no notebook helpers.
    expect(ids).not.toContain("engine/train");
    expect(ids).not.toContain("engine/data");
    expect(ids.some((id) => id.startsWith("course/") || id.startsWith("figures/"))).toBe(false);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes the inspector's worked lines from the course's own helpers", () => {
    const ids = bundle("widgets/client/inspector").modules;
    for (const id of ["engine/train", "engine/neuron", "course/arithmetic", "course/softmax-working", "course/averaged-update-working"]) expect(ids).toContain(id);
    expect(ids).not.toContain("course/display");
  });

  it("holds the engine's own source, not a copy", () => {
    const { code, modules } = bundle("widgets/client/fit");
    expect(modules).toContain("engine/network");
    expect(readFileSync("lib/engine/network.ts", "utf8")).toContain("export function forward(net: Network, input: readonly number[], trace: Trace = emptyTrace(net)): Trace");
    expect(code).toContain("function forward(net,input,trace=emptyTrace(net))");
    // Nothing is loaded at run time: no require, no import.
    expect(code).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it("is read once per process", () => {
    expect(bundle("widgets/client/boundary")).toBe(bundle("widgets/client/boundary"));
  });

  it("runs: it defines the widget's start function", () => {
    const { code } = bundle("widgets/client/playground");
    const load = new Function(`${code}\nreturn __nnWidget;`) as () => { start: unknown };
    expect(typeof load().start).toBe("function");
  });

  it("cannot end its <script> element early", () => {
    for (const name of ["playground", "fit", "boundary", "inspector"]) expect(bundle(`widgets/client/${name}`).code).not.toMatch(/<\/script|<!--/i);
  });
});

describe("widget outputs", () => {
  it("escape JSON for a <script> element", () => {
    const text = scriptJson({ a: "</script><!-- & \u2028" });
    expect(text).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(text)).toEqual({ a: "</script><!-- & \u2028" });
  });

  it("have stable ids", () => {
    expect(contentHash("abc")).toBe(contentHash("abc"));
    expect(contentHash("abc")).not.toBe(contentHash("abd"));
    expect(contentHash("")).toBe("811c9dc5");
  });

  const first = widgetExamples();
  const second = widgetExamples();
  for (const [k, example] of first.entries()) {
    describe(example.name, () => {
      const html = example.figure.html;
      it("is byte-identical from one call to the next (after renumbering Plot's counters, as the notebook tests do)", () => {
        expect(normalizeFigureHtml(second[k].figure.html)).toBe(normalizeFigureHtml(html));
        expect(second[k].figure.html.slice(0, 60)).toBe(html.slice(0, 60));
      });
      it("is one element with a still figure and one script", () => {
        expect(html.startsWith(`<div class="nn-widget" data-nn-widget="nnw-${example.name.split("-")[0] === "bump" ? "fit" : example.name}-`)).toBe(true);
        expect(html.match(/<script>/g)).toHaveLength(1);
        expect(html.indexOf("</script>")).toBe(html.length - "</script></div>".length);
        expect(html).toContain("<svg");
        expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
      });
      it("stays under 150 KB", () => {
        expect(html.length).toBeLessThan(150_000);
      });
    });
  }
});
