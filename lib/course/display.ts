/**
 * Showing things in a notebook. Figures go out as text/html, which Jupyter shows even before a notebook
 * is trusted (unlike SVG images in JupyterLab), each with a still picture for sanitised (untrusted)
 * notebooks, where the inline SVG is removed.
 */
import * as tslab from "tslab";
import { Figure, withStill } from "../figures/render";

/** Shows a figure (or several, one after another) under the current cell. */
export function show(...figures: Figure[]): void {
  for (const figure of figures) tslab.display.html(withStill(figure.html));
}
