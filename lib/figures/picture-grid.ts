/**
 * The frame both grids of pictures share (`imageGrid` draws a rectangle per pixel, `rasterGrid` a PNG
 * per picture): square pictures in rows, with room for titles above them, each outlined, and the
 * colour key under them. Everything is laid out in pixels, so every picture stays exactly square.
 */
import { Markish, Plot } from "./plot";
import { keyHeight, pictureKeyMarks } from "./colour-key";
import { Described, Figure, plotFigure } from "./render";

/** How a grid of pictures is drawn (each grid says its defaults for `columns` and `cellSize`). */
export interface PictureGridOptions extends Described {
  /** Pictures per row. */
  columns?: number;
  /** Size of one picture on the page, in pixels. */
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

/**
 * The side of square pictures that must all have the same number of values; a clear error names the
 * figure (`figure`), what it calls a picture (`picture`) and its values (`unit`) when they do not.
 */
export function pictureSide(images: readonly { pixels: ArrayLike<number> }[], figure: string, picture: string, unit: string): number {
  if (images.length === 0) throw new Error(`${figure} needs at least one ${picture}`);
  const side = Math.round(Math.sqrt(images[0].pixels.length));
  images.forEach((img, n) => {
    if (img.pixels.length !== side * side) throw new Error(`${picture} ${n} has ${img.pixels.length} ${unit}; every ${picture} must have ${side * side}`);
  });
  return side;
}

export interface PictureLayout {
  count: number;
  columns: number;
  /** Size of one picture on the page, in pixels. */
  cell: number;
  gap: number;
  /** Room above each picture for its text. */
  titleRoom: number;
}

/** The top left corner of picture `n`. */
export function pictureOrigin({ columns, cell, gap, titleRoom }: PictureLayout, n: number): { left: number; top: number } {
  return { left: (n % columns) * (cell + gap), top: Math.floor(n / columns) * (cell + gap + titleRoom) + titleRoom };
}

export interface PictureGridParts extends Described {
  /** Each picture's top left corner, as `pictureOrigin` gives it. */
  frames: readonly { left: number; top: number }[];
  /** The marks that draw the pictures, and their text (or null). */
  pictures: Markish;
  titles: Markish | null;
  key: { scale: "ink" | "weights"; largest: number; label: string };
}

/** The figure: the pictures, an outline around each, their text, and the key under them. */
export function pictureGridFigure(layout: PictureLayout, parts: PictureGridParts): Figure {
  const { count, columns, cell, gap, titleRoom } = layout;
  const rows = Math.ceil(count / columns);
  const width = Math.max(columns * (cell + gap) - gap, 200);
  const gridHeight = rows * (cell + gap + titleRoom) - gap;
  const height = gridHeight + keyHeight;
  return plotFigure({
    width: width + 10,
    height: height + 10,
    margin: 5,
    caption: parts.caption,
    description: parts.description,
    x: { axis: null, domain: [0, width] },
    y: { axis: null, domain: [0, height], reverse: true },
    marks: [
      parts.pictures,
      Plot.rect(parts.frames, { x1: "left", y1: "top", x2: (d: { left: number }) => d.left + cell, y2: (d: { top: number }) => d.top + cell, fill: "none", stroke: "#9ca3af" }),
      parts.titles,
      ...pictureKeyMarks({ ...parts.key, left: 0, top: gridHeight + 6, width: Math.min(width, 240) }),
    ],
  });
}
