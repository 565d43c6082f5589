/**
 * Real pictures, such as 28×28 handwritten digits or a neuron's 784 weights, in a grid (notebook 16).
 * Each picture is one small PNG inside the SVG, drawn with sharp pixels, instead of one rectangle per
 * pixel as in `imageGrid`: sixteen 28×28 pictures would otherwise take 12,544 rectangles.
 */
import { Plot } from "./plot";
import { pngDataUrl } from "./png";
import { pictureShades, shadeIndex } from "./colour-key";
import { PictureGridOptions, pictureGridFigure, pictureOrigin, pictureSide } from "./picture-grid";
import { Figure } from "./render";

/** One square picture, its values row by row from the top left, with up to two lines of text above it. */
export interface RasterImage {
  pixels: ArrayLike<number>;
  /** The first line above the picture. */
  title?: string;
  /** A second line under the title. */
  note?: string;
}

/** Pictures per row: up to 10 by default; size of one picture: 56 pixels by default (2 page pixels per image pixel for 28×28). */
export type RasterGridOptions = PictureGridOptions;

/** A grid of square pictures, each drawn from its own small PNG. */
export function rasterGrid(images: readonly RasterImage[], options: RasterGridOptions = {}): Figure {
  const side = pictureSide(images, "rasterGrid", "picture", "values");
  images.forEach((img, n) => {
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

  const lines = images.some((img) => img.note) ? 2 : images.some((img) => img.title) ? 1 : 0;
  const cell = options.cellSize ?? 56;
  const layout = { count: images.length, columns: options.columns ?? Math.min(10, images.length), cell, gap: 10, titleRoom: lines * 13 + (lines ? 4 : 0) };
  const frames = images.map((img, n) => {
    const pixels = new Uint8Array(side * side);
    for (let p = 0; p < pixels.length; p++) pixels[p] = shade(img.pixels[p]);
    const text = [img.title ?? "", img.note ?? ""].slice(0, lines).join("\n");
    return { ...pictureOrigin(layout, n), src: pngDataUrl({ width: side, height: side, kind: "indexed", pixels, palette: rgb }), text };
  });
  return pictureGridFigure(layout, {
    caption: options.caption,
    description: options.description ?? `${images.length} pictures of ${side} × ${side} pixels.`,
    frames,
    pictures: Plot.image(frames, {
      x: (d: { left: number }) => d.left + cell / 2,
      y: (d: { top: number }) => d.top + cell / 2,
      width: cell,
      height: cell,
      src: "src",
      preserveAspectRatio: "none",
      imageRendering: "pixelated",
    }),
    titles: lines
      ? Plot.text(frames, { x: (d: { left: number }) => d.left + cell / 2, y: (d: { top: number }) => d.top - layout.titleRoom + 1, text: "text", lineAnchor: "top", lineHeight: 1.18, fontSize: 11 })
      : null,
    key: { scale, largest, label: options.label ?? (weights ? "weight" : "ink") },
  });
}
