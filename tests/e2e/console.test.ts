// Which browser console errors fail the end-to-end check: the course's, never Jupyter's own page's.
// The first two are exactly what classic Notebook 6.4 logs on a freshly provisioned Debian machine.
import { describe, expect, it } from "vitest";
import { blame } from "./console";

const origin = "http://127.0.0.1:37097";
const page = `${origin}/notebooks/00-start-here.ipynb?token=abc`;
const extension = `${origin}/nbextensions/widgets/notebook/js/extension.js?v=20261202134319`;

describe("console errors on a fresh machine's classic Notebook", () => {
  it("are Jupyter's: the missing widgets extension and the script it refused", () => {
    expect(blame({ text: "Failed to load resource: the server responded with a status of 404 (Not Found)", url: extension }, origin)).toBe("jupyter");
    expect(
      blame(
        {
          text: `Refused to execute script from '${extension}' because its MIME type ('text/html') is not executable, and strict MIME type checking is enabled.`,
          url: page,
        },
        origin,
      ),
    ).toBe("jupyter");
  });

  it("are Jupyter's for its favicon, custom.js and kernel logos", () => {
    for (const path of ["/favicon.ico", "/custom/custom.js", "/kernelspecs/tslab/logo-64x64.png", "/static/notebook/js/main.min.js"]) {
      expect(blame({ text: "Failed to load resource: the server responded with a status of 404 (Not Found)", url: `${origin}${path}` }, origin)).toBe("jupyter");
    }
  });

  it("are Jupyter's when its own script throws", () => {
    const stack = `TypeError: x is undefined\n    at Object.f (${origin}/static/notebook/js/main.min.js?v=1:3:10)\n    at ${origin}/static/base/js/utils.js:4:2`;
    expect(blame({ text: "x is undefined", stack }, origin)).toBe("jupyter");
  });
});

describe("console errors of the course", () => {
  it("fail: an output's script that logs an error (its location is the notebook page)", () => {
    expect(blame({ text: "something the course logged", url: page }, origin)).toBe("course");
  });

  it("fail: an uncaught exception in an inline output script, even when jQuery ran it", () => {
    const stack = `Error: an output script failed\n    at <anonymous>:1:7\n    at b (${origin}/static/components/jquery/jquery.min.js:2:839)`;
    expect(blame({ text: "an output script failed", stack }, origin)).toBe("course");
  });

  it("fail: an output's script that does not parse, though JupyterLab's or jQuery's code inserted it", () => {
    const lab = `SyntaxError: Failed to execute 'insertBefore' on 'Node': Unexpected token ','\n    at n.i [as attach] (${origin}/static/jupyterlab.js:46:67272)`;
    expect(blame({ text: "Failed to execute 'insertBefore' on 'Node': Unexpected token ','", stack: lab }, origin)).toBe("course");
    const jquery = `SyntaxError: Failed to execute 'appendChild' on 'Node': missing ) after argument list\n    at b (${origin}/static/components/jquery/jquery.min.js:2:839)`;
    expect(blame({ text: "Failed to execute 'appendChild' on 'Node': missing ) after argument list", stack: jquery }, origin)).toBe("course");
  });

  it("fail: a resource the course asked for, or one from elsewhere, even under a Jupyter-like path", () => {
    expect(blame({ text: "Failed to load resource: net::ERR_FAILED", url: `${origin}/notebooks/picture.png` }, origin)).toBe("course");
    expect(blame({ text: "Failed to load resource", url: "https://cdn.example.com/static/x.js" }, origin)).toBe("course");
  });

  it("fail: an error with no location at all", () => {
    expect(blame({ text: "something went wrong" }, origin)).toBe("course");
    expect(blame({ text: "Error: boom", stack: "Error: boom" }, origin)).toBe("course");
  });
});
