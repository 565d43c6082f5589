/**
 * Keys for the figures' colour scales: the two scales of pictures (ink on paper, and weights from red
 * through white to blue) as lists of shades, and a key drawn as Plot marks under a grid of pictures:
 * a strip of the scale's shades with its numbers under it and its name above.
 */
import { Plot } from "./plot";
import { mix, palette } from "./render";

/** Shades per side of a scale: enough that neighbouring shades cannot be told apart. */
export const shadeLevels = 32;
const paper = "#eef2f6";
const ink = "#1f3a68";
const middle = "#f4f4f4";

/** The shades of a picture scale, from its low end to its high end. */
export function pictureShades(scale: "ink" | "weights"): string[] {
  return scale === "weights"
    ? Array.from({ length: 2 * shadeLevels + 1 }, (_, k) =>
        k < shadeLevels ? mix(middle, palette.negative, (shadeLevels - k) / shadeLevels) : mix(middle, palette.positive, (k - shadeLevels) / shadeLevels),
      )
    : Array.from({ length: shadeLevels + 1 }, (_, k) => mix(paper, ink, k / shadeLevels));
}

/**
 * Which shade a value gets: for "ink", 0 (paper) to 1 (ink); for "weights", −largest to +largest, with
 * anything beyond drawn in the full colour of its side.
 */
export function shadeIndex(value: number, scale: "ink" | "weights", largest: number): number {
  return scale === "weights"
    ? shadeLevels + Math.round(Math.max(-1, Math.min(1, value / largest)) * shadeLevels)
    : Math.round(Math.max(0, Math.min(1, value)) * shadeLevels);
}

/** Room a key needs under a figure, in pixels. */
export const keyHeight = 46;

/** A number for a key's end: short, with a minus sign. */
function keyNumber(v: number): string {
  const text = String(Number(v.toPrecision(3)));
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}

/**
 * Marks that draw a picture scale's key in a figure laid out in page pixels (y growing downwards): a
 * strip `width` wide whose top-left corner is at (`left`, `top`), the scale's name above it, and the
 * values of its ends (and middle) under it.
 */
export function pictureKeyMarks(options: { scale: "ink" | "weights"; largest: number; label: string; left: number; top: number; width: number }) {
  const shades = pictureShades(options.scale);
  const step = options.width / shades.length;
  const strip = shades.map((fill, k) => ({ x1: options.left + k * step, x2: options.left + (k + 1) * step, fill }));
  const y1 = options.top + 16;
  const y2 = y1 + 10;
  const below = y2 + 10;
  const numbers =
    options.scale === "weights"
      ? [
          Plot.text([`${keyNumber(-options.largest)} or less`], { x: options.left, y: below, text: (d: string) => d, textAnchor: "start", fontSize: 10 }),
          Plot.text(["0"], { x: options.left + options.width / 2, y: below, text: (d: string) => d, fontSize: 10 }),
          Plot.text([`${keyNumber(options.largest)} or more`], { x: options.left + options.width, y: below, text: (d: string) => d, textAnchor: "end", fontSize: 10 }),
        ]
      : [
          Plot.text(["0: paper"], { x: options.left, y: below, text: (d: string) => d, textAnchor: "start", fontSize: 10 }),
          Plot.text(["1: ink"], { x: options.left + options.width, y: below, text: (d: string) => d, textAnchor: "end", fontSize: 10 }),
        ];
  return [
    Plot.rect(strip, { x1: "x1", x2: "x2", y1: y1, y2: y2, fill: (d: { fill: string }) => d.fill }),
    Plot.rect([0], { x1: options.left, x2: options.left + options.width, y1: y1, y2: y2, fill: "none", stroke: "#9ca3af" }),
    Plot.text([options.label], { x: options.left, y: options.top + 8, text: (d: string) => d, textAnchor: "start", fontWeight: "bold", fontSize: 11 }),
    ...numbers,
  ];
}
