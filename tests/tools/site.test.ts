// npm run build: every notebook becomes a page (prose, code, outputs, figures, widgets), with a table
// of contents and previous/next links; code and printed text are escaped, figures kept as they are.
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Notebook, courseMetadata, writeNotebook } from "../../lib/tools/notebooks/ipynb";
import { courseNotebooks } from "../../lib/tools/notebooks/list";
import { buildSite, pageInfo, renderMarkdown, siteIsStale } from "../../lib/tools/site/build";
import { fileFor } from "../../lib/tools/site/serve";

const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});
const temp = () => {
  const f = mkdtempSync(join(tmpdir(), "course-site-"));
  folders.push(f);
  return f;
};

function notebook(title: string, extra: Notebook["cells"] = []): Notebook {
  return {
    cells: [{ cell_type: "markdown", id: "title", metadata: {}, source: `# ${title}\n\nThe first sentence. The second one.` }, ...extra],
    metadata: courseMetadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
}

describe("the course site", () => {
  const source = temp();
  const a = join(source, "01-first.ipynb");
  const b = join(source, "02-second.ipynb");
  writeNotebook(a, notebook("01 · The first", [
    { cell_type: "markdown", id: "prose", metadata: {}, source: "Some **bold** text, a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThen open **02-second.ipynb**." },
    {
      cell_type: "code",
      id: "code",
      metadata: {},
      execution_count: 1,
      source: 'console.log("<b> & </b>");\nshow(figure);',
      outputs: [
        { output_type: "stream", name: "stdout", text: "<b> & </b>\n" },
        { output_type: "display_data", data: { "text/html": '<svg id="figure"><text>fig</text></svg>' }, metadata: {} },
        { output_type: "stream", name: "stderr", text: "oops <x>\n" },
      ],
    },
  ]));
  writeNotebook(b, notebook("02 · The second"));
  const out = temp();
  const site = buildSite([a, b], out);
  const page = readFileSync(join(out, "01-first.html"), "utf8");
  const index = readFileSync(join(out, "index.html"), "utf8");

  it("writes a page per notebook, a table of contents, a stylesheet and what runs the cells", () => {
    expect(readdirSync(out).sort()).toEqual(["01-first.html", "02-second.html", "index.html", "runtime", "style.css"]);
    expect(readdirSync(join(out, "runtime")).sort()).toEqual(["kernel.js", "mnist.js", "page.js"]);
    expect(site.pages.map((p) => [p.number, p.title, p.summary])).toEqual([
      ["01", "The first", "The first sentence."],
      ["02", "The second", "The first sentence."],
    ]);
    expect(index).toContain('<a href="01-first.html">The first</a>');
    expect(index).toContain('<a href="02-second.html">The second</a>');
  });

  it("gives each page its cells' code, for the page's script to run them", () => {
    const data = /<script type="application\/json" id="nn-notebook">(.*?)<\/script>/s.exec(page)?.[1];
    const cells = (JSON.parse(data ?? "null") as { file: string; cells: { id: string; source: string }[] }) ?? { file: "", cells: [] };
    expect(cells.file).toBe("01-first.ipynb");
    expect(cells.cells.find((c) => c.id === "code")?.source).toBe('console.log("<b> & </b>");\nshow(figure);');
    // The code's "</b>" cannot end the script element early.
    expect(data).not.toContain("</b>");
    expect(page).toContain('<script src="runtime/page.js" data-nn-runtime="runtime" defer></script>');
  });

  it("renders prose with markdown, and links to other notebooks", () => {
    expect(page).toContain("<strong>bold</strong>");
    expect(page).toContain("<table>");
    expect(page).toContain('<strong><a href="02-second.html">02-second.ipynb</a></strong>');
  });

  it("escapes code and printed text, and keeps figures as they are", () => {
    expect(page).toContain("console.log(&quot;&lt;b&gt; &amp; &lt;/b&gt;&quot;);");
    expect(page).toContain('<pre class="stdout">&lt;b&gt; &amp; &lt;/b&gt;\n</pre>');
    expect(page).toContain('<pre class="stderr">oops &lt;x&gt;\n</pre>');
    expect(page).toContain('<div class="html"><svg id="figure"><text>fig</text></svg></div>');
  });

  it("links each page to the one before and after it", () => {
    expect(page).toContain('<a rel="next" href="02-second.html">02 · The second →</a>');
    expect(page).not.toContain('rel="prev"');
    expect(readFileSync(join(out, "02-second.html"), "utf8")).toContain('<a rel="prev" href="01-first.html">← 01 · The first</a>');
  });

  it("has light and dark colours", () => {
    expect(readFileSync(join(out, "style.css"), "utf8")).toContain("@media (prefers-color-scheme: dark)");
  });

  it("knows when it is older than its notebooks", () => {
    expect(siteIsStale(out, [a, b])).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(a, later, later);
    expect(siteIsStale(out, [a, b])).toBe(true);
    expect(siteIsStale(temp(), [a, b])).toBe(true);
  });
});

describe("the course's own notebooks", () => {
  it("each have a number and a title for the table of contents", async () => {
    const { readNotebook } = await import("../../lib/tools/notebooks/ipynb");
    for (const path of courseNotebooks()) {
      const info = pageInfo(path, readNotebook(path));
      expect(info.number).toBe(basename(path).slice(0, 2));
      expect(info.title.length).toBeGreaterThan(2);
      // The table of contents gives the notebook's subject, not a sentence looking back at the last one.
      expect(info.summary).not.toMatch(/^(In|So far|Until now)\b|notebook \d\d/);
      expect(info.summary.length).toBeGreaterThan(20);
    }
  });

  it("are shown as a reader can use them: no Jupyter-only steps, exercises as stubs, solutions opened on purpose", async () => {
    const { readNotebook } = await import("../../lib/tools/notebooks/ipynb");
    const { renderCells } = await import("../../lib/tools/site/build");
    for (const path of courseNotebooks()) {
      const html = renderCells(readNotebook(path), []);
      // Jupyter's menus are not on the page (Shift+Enter and ▶ Run work there).
      expect(html).not.toMatch(/Restart &amp; Run All|Restart Kernel|Kernel ›/);
      expect(html).not.toMatch(/BEGIN (SOLUTION|HIDDEN TESTS)/);
      const stubs = html.split('<section class="cell code"').slice(1).filter((s) => s.split("</section>")[0].includes("// YOUR CODE HERE"));
      const solutions = html.match(/<details class="solution">/g) ?? [];
      expect(stubs.length).toBeGreaterThan(0);
      expect(solutions.length).toBe(stubs.length);
      // A check's verdict appears only inside its solution.
      const outside = html.replace(/<details class="solution">[^]*?<\/details>/g, "");
      expect(outside).not.toMatch(/✅ Exercise/);
    }
  });
});

describe("markdown", () => {
  it("leaves links to unknown notebooks alone", () => {
    expect(renderMarkdown("[x](99-nothing.ipynb)", [])).toContain('href="99-nothing.ipynb"');
  });
});

describe("the site's server", () => {
  const root = temp();
  writeFileSync(join(root, "index.html"), "hi");
  writeFileSync(join(root, "a b.html"), "spaced");

  it("serves files inside its folder only", () => {
    expect(fileFor(root, "/")).toBe(join(root, "index.html"));
    expect(fileFor(root, "/a%20b.html?x=1")).toBe(join(root, "a b.html"));
    expect(fileFor(root, "/missing.html")).toBeUndefined();
    expect(fileFor(root, "/../package.json")).toBeUndefined();
    expect(fileFor(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
    expect(fileFor(root, "/..%2f..%2fetc%2fpasswd")).toBeUndefined();
    expect(fileFor(root, "/%00")).toBeUndefined();
    expect(fileFor(root, "/%E0%A4%A")).toBeUndefined();
  });
});
