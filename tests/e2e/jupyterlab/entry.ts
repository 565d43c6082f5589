/// <reference lib="dom" />
// Browser side of the JupyterLab check (bundled by ../jupyterlab.ts with esbuild): renders stored
// notebook outputs with JupyterLab's own output area and renderers, as Lab does for a notebook's
// cells, trusted or not.
import { OutputArea, OutputAreaModel } from "@jupyterlab/outputarea";
import { RenderMimeRegistry, standardRendererFactories } from "@jupyterlab/rendermime";
import type * as nbformat from "@jupyterlab/nbformat";
import { Widget } from "@lumino/widgets";

declare global {
  interface Window {
    renderOutputs(cells: nbformat.IOutput[][], trusted: boolean): Promise<void>;
  }
}

window.renderOutputs = async (cells, trusted) => {
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  const notebook = document.getElementById("notebook")!;
  notebook.replaceChildren();
  for (const [k, outputs] of cells.entries()) {
    const host = document.createElement("div");
    host.className = "cell";
    host.setAttribute("data-cell", String(k));
    notebook.appendChild(host);
    const model = new OutputAreaModel({ values: outputs, trusted });
    const area = new OutputArea({ model, rendermime });
    Widget.attach(area, host);
  }
  // Renderers are asynchronous (the HTML one typesets, then runs trusted scripts): wait for them.
  await new Promise((done) => setTimeout(done, 0));
};
