/**
 * Real pictures, such as 28×28 handwritten digits or a neuron's 784 weights, in a grid (notebook 13).
 * Each picture is one small PNG inside the SVG, drawn with sharp pixels, instead of one rectangle per
 * pixel as in `imageGrid`: sixteen 28×28 pictures would otherwise take 12,544 rectangles.
 */
import { Plot } from "./plot";
import { pngDataUrl } from "./png";
import { keyHeight, pictureKeyMarks, pictureShades, shadeIndex } from "./colour-key";
import { Described, Figure, plotFigure } from "./render";

/** One square picture, its values row by row from the top left, with up to two lines of text above it. */
export interface RasterImage {
  pixels: ArrayLike<number>;
  /** The first line above the picture. */
  title?: string;
  /** A second line under the title. */
  note?: string;
}

export interface RasterGridOptions extends Described {
  /** Pictures per row. Default: up to 10. */
  columns?: number;
  /** Size of one picture on the page, in pixels. Default 56 (2 page pixels per image pixel for 28×28). */
  cellSize?: number;
  /**
   * "ink": 0 is paper (light), 1 is ink (dark blue). "weights": a diverging scale centred on 0, blue for
   * positive values and red for negative ones, the same scale for every picture. Default "ink".
   */
  scale?: "ink" | "weights";
  /** For "weights": the size of value drawn in full colour. Default: the largest size among all pictures. */
  largest?: number;
  /** The name of the colour key under the pictures. Default "ink" or "weight". */
  label?: string;
}


/** A grid of square pictures, each drawn from its own small PNG. */
export function rasterGrid(images: readonly RasterImage[], options: RasterGridOptions = {}): Figure {
  if (images.length === 0) throw new Error("rasterGrid needs at least one picture");
  const side = Math.round(Math.sqrt(images[0].pixels.length));
  images.forEach((img, n) => {
    if (img.pixels.length !== side * side) throw new Error(`picture ${n} has ${img.pixels.length} values; every picture must have ${side * side}`);
    for (let p = 0; p < img.pixels.length; p++) {
      if (!Number.isFinite(img.pixels[p])) throw new Error(`picture ${n} has ${img.pixels[p]} at position ${p}; every value must be a finite number`);
    }
  });
  const weights = options.scale === "weights";
  let largest = options.largest ?? 0;
  if (weights && options.largest === undefined) for (const img of images) for (let p = 0; p < img.pixels.length; p++) largest = Math.max(largest, Math.abs(img.pixels[p]));
  largest = Math.max(largest, 1e-12);
  const scale = weights ? "weights" : "ink";
  const rgb = pictureShades(scale).map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]);
  const shade = (v: number) => shadeIndex(v, scale, largest);

  const columns = options.columns ?? Math.min(10, images.length);
  const rows = Math.ceil(images.length / columns);
  const cell = options.cellSize ?? 56;
  const gap = 10;
  const lines = images.some((img) => img.note) ? 2 : images.some((img) => img.title) ? 1 : 0;
  const titleRoom = lines * 13 + (lines ? 4 : 0);
  const originOf = (n: number) => ({ left: (n % columns) * (cell + gap), top: Math.floor(n / columns) * (cell + gap + titleRoom) + titleRoom });
  const frames = images.map((img, n) => {
    const pixels = new Uint8Array(side * side);
    for (let p = 0; p < pixels.length; p++) pixels[p] = shade(img.pixels[p]);
    const text = [img.title ?? "", img.note ?? ""].slice(0, lines).join("\n");
    return { ...originOf(n), src: pngDataUrl({ width: side, height: side, kind: "indexed", pixels, palette: rgb }), text };
  });
  const width = Math.max(columns * (cell + gap) - gap, 200);
  const gridHeight = rows * (cell + gap + titleRoom) - gap;
  const height = gridHeight + keyHeight;
  return plotFigure({
    width: width + 10,
    height: height + 10,
    margin: 5,
    caption: options.caption,
    description: options.description ?? `${images.length} pictures of ${side} × ${side} pixels.`,
    x: { axis: null, domain: [0, width] },
    y: { axis: null, domain: [0, height], reverse: true },
    marks: [
      Plot.image(frames, {
        x: (d: { left: number }) => d.left + cell / 2,
        y: (d: { top: number }) => d.top + cell / 2,
        width: cell,
        height: cell,
        src: "src",
        preserveAspectRatio: "none",
        imageRendering: "pixelated",
      }),
      Plot.rect(frames, { x1: "left", y1: "top", x2: (d: { left: number }) => d.left + cell, y2: (d: { top: number }) => d.top + cell, fill: "none", stroke: "#9ca3af" }),
      lines
        ? Plot.text(frames, { x: (d: { left: number }) => d.left + cell / 2, y: (d: { top: number }) => d.top - titleRoom + 1, text: "text", lineAnchor: "top", lineHeight: 1.18, fontSize: 11 })
        : null,
      ...pictureKeyMarks({ scale, largest, label: options.label ?? (weights ? "weight" : "ink"), left: 0, top: gridHeight + 6, width: Math.min(width, 240) }),
    ],
  });
}
