/**
 * Tiny images of handwritten digits, written as text so anyone can read and edit them (notebooks 14 and 15).
 * The engine only parses text; the course's loader reads the files in assets/.
 */
import { Sample, oneHot } from "./data";

/** One small picture of a digit. */
export interface DigitImage {
  /** Which digit it shows. */
  label: number;
  /** How it was drawn, e.g. "thick and square". */
  name: string;
  /** Side length in pixels (5 for the course's images). */
  size: number;
  /** The pixels row by row, left to right: 1 for ink, 0 for paper. */
  pixels: number[];
}

/**
 * Reads images written as text: a header line "<digit> <name>", then `size` rows of `size` characters,
 * "#" for ink and "." for paper. Lines starting with "#" followed by a space are comments.
 */
export function parseDigitImages(text: string, size = 5): DigitImage[] {
  const images: DigitImage[] = [];
  const lines = text.split(/\r?\n/);
  let n = 0;
  while (n < lines.length) {
    const line = lines[n].trim();
    if (line === "" || line.startsWith("# ") || line === "#") {
      n++;
      continue;
    }
    const header = /^(\d+)\s+(.*)$/.exec(line);
    if (!header) throw new Error(`line ${n + 1}: expected a header like "0 round", got ${JSON.stringify(line)}`);
    const pixels: number[] = [];
    for (let r = 1; r <= size; r++) {
      const row = (lines[n + r] ?? "").trim();
      if (row.length !== size || !/^[#.]+$/.test(row)) {
        throw new Error(`line ${n + r + 1}: expected ${size} characters of "#" and ".", got ${JSON.stringify(row)}`);
      }
      for (const ch of row) pixels.push(ch === "#" ? 1 : 0);
    }
    images.push({ label: Number(header[1]), name: header[2], size, pixels });
    n += size + 1;
  }
  return images;
}

/** Turns images into samples: 25 pixel inputs and a one-hot target over `classes` digits. */
export function digitSamples(images: readonly DigitImage[], classes = 3): Sample[] {
  return images.map((image) => ({ input: image.pixels.slice(), target: oneHot(image.label, classes) }));
}
