/**
 * Small images: the 5×5 digits as pixel grids, and weights shown as images with a diverging colour
 * scale (blue positive, red negative), as in the digits notebook (12).
 */
import { Plot } from "./plot";
import { pictureKeyMarks, pictureShades, shadeIndex, keyHeight } from "./colour-key";
import { Described, Figure, palette, plotFigure } from "./render";

/** A square image, its pixels row by row. */
export interface SquareImage {
  pixels: readonly number[];
  /** A title drawn above the image. */
  title?: string;
}

export interface ImageGridOptions extends Described {
  /** Images per row. Default: up to 8. */
  columns?: number;
  /** "ink": 0 is paper, 1 is ink. "weights": a diverging scale centred on 0. Default "ink". */
  scale?: "ink" | "weights";
  /** For "weights": the size of value drawn in full colour. Default: the largest size among all images. */
  largest?: number;
  /** The name of the colour key under the images. Default "ink" or "weight". */
  label?: string;
  /** Size of one image in pixels. Default 64. */
  cellSize?: number;
}

/** A grid of square images, several per row, each with an optional title, and a key for their colours. */
export function imageGrid(images: readonly SquareImage[], options: ImageGridOptions = {}): Figure {
  if (images.length === 0) throw new Error("imageGrid needs at least one image");
  const side = Math.round(Math.sqrt(images[0].pixels.length));
  images.forEach((img, n) => {
    if (img.pixels.length !== side * side) throw new Error(`image ${n} has ${img.pixels.length} pixels; every image must have ${side * side}`);
  });
  const columns = options.columns ?? Math.min(8, images.length);
  const rows = Math.ceil(images.length / columns);
  const cell = options.cellSize ?? 64;
  const pixel = cell / side;
  const gap = 12;
  const titleRoom = images.some((img) => img.title) ? 18 : 0;
  const scale = options.scale ?? "ink";
  const largest = scale === "weights" ? Math.max(1e-12, options.largest ?? Math.max(...images.flatMap((img) => img.pixels.map(Math.abs)))) : 1;
  const shades = pictureShades(scale);
  // Everything is laid out in pixels, so every image stays exactly square.
  const originOf = (n: number) => ({ left: (n % columns) * (cell + gap), top: Math.floor(n / columns) * (cell + gap + titleRoom) + titleRoom });
  const pixels = images.flatMap((img, n) => {
    const { left, top } = originOf(n);
    return img.pixels.map((value, p) => ({ x1: left + (p % side) * pixel, y1: top + Math.floor(p / side) * pixel, fill: shades[shadeIndex(value, scale, largest)] }));
  });
  const frames = images.map((img, n) => ({ ...originOf(n), title: img.title ?? "" }));
  const width = Math.max(columns * (cell + gap) - gap, 200);
  const gridHeight = rows * (cell + gap + titleRoom) - gap;
  const height = gridHeight + keyHeight;
  return plotFigure({
    width: width + 10,
    height: height + 10,
    margin: 5,
    caption: options.caption,
    description: options.description ?? `${images.length} images of ${side} × ${side} pixels.`,
    x: { axis: null, domain: [0, width] },
    y: { axis: null, domain: [0, height], reverse: true },
    marks: [
      Plot.rect(pixels, {
        x1: "x1",
        y1: "y1",
        x2: (d: { x1: number }) => d.x1 + pixel,
        y2: (d: { y1: number }) => d.y1 + pixel,
        fill: (d: { fill: string }) => d.fill,
        inset: side > 10 ? 0 : 0.5,
      }),
      Plot.rect(frames, { x1: "left", y1: "top", x2: (d: { left: number }) => d.left + cell, y2: (d: { top: number }) => d.top + cell, fill: "none", stroke: "#9ca3af" }),
      titleRoom ? Plot.text(frames, { x: (d: { left: number }) => d.left + cell / 2, y: "top", dy: -9, text: "title", fontSize: 11 }) : null,
      ...pictureKeyMarks({ scale, largest, label: options.label ?? (scale === "weights" ? "weight" : "ink"), left: 0, top: gridHeight + 6, width: Math.min(width, 240) }),
    ],
  });
}

export interface ProbabilityBarsOptions extends Described {
  /** Highlight this class (the right answer) with a darker bar. */
  highlight?: number;
  width?: number;
}

/** Probabilities as horizontal bars from 0 to 1 with their percentages: a softmax output. */
export function probabilityBars(labels: readonly string[], probabilities: readonly number[], options: ProbabilityBarsOptions = {}): Figure {
  if (labels.length !== probabilities.length) throw new Error(`${labels.length} labels but ${probabilities.length} probabilities`);
  const data = labels.map((label, i) => ({ label, p: probabilities[i], i }));
  return plotFigure({
    width: options.width ?? 360,
    height: 30 + 28 * labels.length,
    marginLeft: 70,
    marginRight: 56,
    caption: options.caption,
    description: options.description ?? labels.map((l, i) => `${l}: ${(probabilities[i] * 100).toFixed(1)} %`).join("; "),
    x: { domain: [0, 1], label: "probability", tickFormat: "%" },
    y: { domain: labels as string[], label: null },
    marks: [
      Plot.barX(data, { x: 1, y: "label", fill: "currentColor", fillOpacity: 0.08 }),
      Plot.barX(data, { x: "p", y: "label", fill: (d: { i: number }) => (d.i === options.highlight ? palette.green : palette.blue) }),
      Plot.text(data, { x: "p", y: "label", text: (d: { p: number }) => `${(d.p * 100).toFixed(1)} %`, dx: 6, textAnchor: "start", fontSize: 11 }),
    ],
  });
}
