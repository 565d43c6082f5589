/**
 * Small images: the 5×5 digits as pixel grids, and weights shown as images with a diverging colour
 * scale (blue positive, red negative), as in the digits notebook (12).
 */
import { Plot } from "./plot";
import { pictureShades, shadeIndex } from "./colour-key";
import { PictureGridOptions, pictureGridFigure, pictureOrigin, pictureSide } from "./picture-grid";
import { Described, Figure, palette, plotFigure } from "./render";

/** A square image, its pixels row by row. */
export interface SquareImage {
  pixels: readonly number[];
  /** A title drawn above the image. */
  title?: string;
}

/** Images per row: up to 8 by default; size of one image: 64 pixels by default. */
export type ImageGridOptions = PictureGridOptions;

/** A grid of square images, several per row, each with an optional title, and a key for their colours. */
export function imageGrid(images: readonly SquareImage[], options: ImageGridOptions = {}): Figure {
  const side = pictureSide(images, "imageGrid", "image", "pixels");
  const cell = options.cellSize ?? 64;
  const pixel = cell / side;
  const layout = { count: images.length, columns: options.columns ?? Math.min(8, images.length), cell, gap: 12, titleRoom: images.some((img) => img.title) ? 18 : 0 };
  const scale = options.scale ?? "ink";
  const largest = scale === "weights" ? Math.max(1e-12, options.largest ?? Math.max(...images.flatMap((img) => img.pixels.map(Math.abs)))) : 1;
  const shades = pictureShades(scale);
  const pixels = images.flatMap((img, n) => {
    const { left, top } = pictureOrigin(layout, n);
    return img.pixels.map((value, p) => ({ x1: left + (p % side) * pixel, y1: top + Math.floor(p / side) * pixel, fill: shades[shadeIndex(value, scale, largest)] }));
  });
  const frames = images.map((img, n) => ({ ...pictureOrigin(layout, n), title: img.title ?? "" }));
  return pictureGridFigure(layout, {
    caption: options.caption,
    description: options.description ?? `${images.length} images of ${side} × ${side} pixels.`,
    frames,
    pictures: Plot.rect(pixels, {
      x1: "x1",
      y1: "y1",
      x2: (d: { x1: number }) => d.x1 + pixel,
      y2: (d: { y1: number }) => d.y1 + pixel,
      fill: (d: { fill: string }) => d.fill,
      inset: side > 10 ? 0 : 0.5,
    }),
    titles: layout.titleRoom ? Plot.text(frames, { x: (d: { left: number }) => d.left + cell / 2, y: "top", dy: -9, text: "title", fontSize: 11 }) : null,
    key: { scale, largest, label: options.label ?? (scale === "weights" ? "weight" : "ink") },
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
