import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
const document = new JSDOM("").window.document;
const fig = Plot.plot({ document, width: 300, height: 300, caption: "A caption", ariaLabel: "lab", ariaDescription: "desc",
  x: { domain: [0, 1] }, y: { domain: [0, 1] }, color: { type: "threshold", domain: [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9], scheme: "BuGn", legend: true },
  marks: [
    Plot.contour({ fill: (x: number, y: number) => x * (1 - y) + y * (1 - x), x1: 0, y1: 0, x2: 1, y2: 1, thresholds: [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9], pixelSize: 4 } as any),
    Plot.contour({ value: (x: number, y: number) => x * (1 - y) + y * (1 - x), x1: 0, y1: 0, x2: 1, y2: 1, thresholds: [0.5], stroke: "white", strokeWidth: 2, pixelSize: 4 } as any),
    Plot.dot([[0,0],[1,1],[0,1],[1,0]], { r: 6 }),
  ] }) as any;
const html = fig.outerHTML;
console.log(html.length, fig.tagName);
require("fs").writeFileSync("/tmp/exp/p.html", html);
