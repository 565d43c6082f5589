// The still picture each figure carries for sanitised (untrusted) notebooks: it is the figure's own SVG
// (decoded independently, with the browser's URL decoding), JupyterLab's real sanitizer keeps it and
// drops the SVG and the style that hides it, the site drops it, and the stored-output comparison
// checks it against the SVG before it.
import { describe, expect, it } from "vitest";
import { Sanitizer } from "@jupyterlab/apputils/lib/sanitizer.js";
import { JSDOM } from "jsdom";
import { lossCurve } from "../../lib/figures/loss-curve";
import { stillDataUrl, withStill, withoutStill } from "../../lib/figures/render";
import { normalizeFigureHtml } from "../../lib/tools/notebooks/normalize";

const figure = lossCurve({ label: "training", losses: [1, 0.5, 0.3, 0.2].map((loss, epoch) => ({ epoch, loss })) }, { caption: "A loss curve & its 4 points." }).html;
const svgOf = (html: string) => /<svg[\s>][\s\S]*?<\/svg>/.exec(html)![0];
const prefix = "data:image/svg+xml;charset=utf-8,";

describe("still pictures for untrusted notebooks", () => {
  it("decode to the figure's drawing with dark text on white", () => {
    const svg = svgOf(figure);
    const url = stillDataUrl(svg);
    expect(url.startsWith(prefix)).toBe(true);
    const decoded = decodeURIComponent(url.slice(prefix.length));
    // Plot's SVG has no style attribute of its own: the colours come as one.
    expect(svg).not.toMatch(/^<svg[^>]*\sstyle=/);
    expect(decoded.startsWith('<svg style="color:#222;background:#fff;" class=')).toBe(true);
    // Well-formed XML (an <img> shows nothing otherwise), with the same texts, lines and paths.
    const doc = new (new JSDOM("").window.DOMParser)().parseFromString(decoded, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    const texts = (xml: string) => [...xml.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts(decoded)).toEqual(texts(svg));
    expect(texts(decoded).length).toBeGreaterThan(5);
    for (const tag of ["line", "path", "text", "g"]) expect(doc.querySelectorAll(tag).length, tag).toBe((svg.match(new RegExp(`<${tag}[\\s>]`, "g")) ?? []).length);
    // Safe inside a single-quoted attribute and a URL: no quote, no raw "#", "<", ">" or "&".
    expect(url.slice(prefix.length)).not.toMatch(/['#<>&\n]/);
  });

  it("draw a raster's cells as one path per colour, close empty elements and drop screen-reader labels", () => {
    const svg =
      '<svg width="20" aria-label="A grid."><g aria-label="cell"><rect x="0" y="0" width="10" height="10" fill="#000"></rect>' +
      '<rect x="10" y="0" width="10" height="10" fill="#fff"></rect><rect x="0" y="10" width="10.25" height="10" fill="#000"></rect></g>' +
      '<rect x="1" y="1" width="2" height="2"></rect><text x="1">a</text></svg>';
    expect(decodeURIComponent(stillDataUrl(svg).slice(prefix.length))).toBe(
      '<svg style="color:#222;background:#fff;" width="20"><g><path fill="#000" d="M0,0h10v10h-10zM0,10h10.3v10h-10.3z"/>' +
        '<path fill="#fff" d="M10,0h10v10h-10z"/></g><rect x="1" y="1" width="2" height="2"/><text x="1">a</text></svg>',
    );
  });

  it("keep an apostrophe, a hash, a percent sign and an ampersand out of the attribute, and decode back to them", () => {
    const svg = `<svg aria-label="The network's"><text>it's 50% &amp; #1</text></svg>`;
    const url = stillDataUrl(svg);
    expect(url.slice(prefix.length)).not.toMatch(/['#<>&\n]/);
    expect(decodeURIComponent(url.slice(prefix.length))).toBe(`<svg style="color:#222;background:#fff;"><text>it's 50% &amp; #1</text></svg>`);
    const clean = new Sanitizer().sanitize(withStill(svg));
    expect(/src="([^"]*)"/.exec(clean)?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&")).toBe(url);
    expect(clean).toContain(`alt="The network's"`);
  });

  it("round drawing coordinates to a tenth of a pixel, and nothing else", () => {
    const svg = '<svg width="10.25" aria-label="0.123456"><path d="M1.26,2L3.333,4.07"></path><text x="5.56">0.12345</text></svg>';
    const decoded = decodeURIComponent(stillDataUrl(svg).slice(prefix.length));
    expect(decoded).toBe('<svg style="color:#222;background:#fff;" width="10.3"><path d="M1.3,2L3.3,4.1"/><text x="5.6">0.12345</text></svg>');
  });

  it("follow each SVG, with one style that hides a picture right after an SVG", () => {
    const html = withStill(figure);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(1);
    expect(html).toMatch(/^<style>svg\+img\.nn-still\{display:none\}<\/style>/);
    expect(html).toMatch(/<\/svg><img class="nn-still" alt="[^"]+" src='data:image\/svg\+xml;charset=utf-8,/);
    expect(withStill("<p>no figure</p>")).toBe("<p>no figure</p>");
    expect(withoutStill(html)).toBe(figure);
    // Once only: a widget's HTML (which has its still picture) shown with show() gets no second one.
    expect(withStill(html)).toBe(html);
    const two = withStill(`${figure}<p>and</p>${figure}`);
    expect(two.match(/<img class="nn-still"/g)).toHaveLength(2);
    expect(two.match(/<style>svg\+img/g)).toHaveLength(1);
  });

  it("survive JupyterLab's sanitizer, which removes the SVG and the style", () => {
    const clean = new Sanitizer().sanitize(withStill(figure));
    expect(clean).not.toMatch(/<svg|<style/);
    const src = /<img[^>]*src="([^"]*)"/.exec(clean)?.[1].replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    expect(src).toBe(stillDataUrl(svgOf(figure)));
    expect(clean).toContain("A loss curve &amp; its 4 points.");
  });

  it("are checked, not ignored, when a stored output is compared with a re-run", () => {
    const html = withStill(figure);
    expect(normalizeFigureHtml(html)).toContain(`src="(the SVG above)"`);
    expect(normalizeFigureHtml(html)).not.toContain(prefix);
    const stale = html.replace(/(src='[^']*?)%3C\/svg%3E'/, "$1%3Ccircle r=%225%22/%3E%3C/svg%3E'");
    expect(stale).not.toBe(html);
    expect(normalizeFigureHtml(stale)).toContain(prefix);
  });
});
