/**
 * A small PNG encoder for figures that show real pictures (28×28 digits, weights as images): one
 * <image> with a PNG inside instead of one SVG rectangle per pixel, which keeps a figure of many
 * pictures small.
 *
 * The pixel data is stored in "stored" deflate blocks (no compression) written here, not compressed with
 * Node's zlib: zlib's compressed bytes differ between Node versions and processors, and a figure saved in
 * a notebook must come out byte for byte the same on every machine. A 28×28 image costs under 1 KB this way.
 * Every PNG decoder reads stored blocks; tests/figures/png.test.ts decodes the files with zlib to check them.
 */

/** An image for `encodePng`: `width × height` pixels, row by row from the top left. */
export interface PngImage {
  width: number;
  height: number;
  /**
   * "gray": one byte per pixel (0 black … 255 white). "rgb": three bytes per pixel. "indexed": one byte per
   * pixel, a position in `palette`.
   */
  kind: "gray" | "rgb" | "indexed";
  pixels: Uint8Array;
  /** For "indexed": up to 256 colours as [red, green, blue] bytes. */
  palette?: readonly (readonly [number, number, number])[];
}

/** The bytes of a PNG file holding `image`. The same image always gives the same bytes. */
export function encodePng(image: PngImage): Uint8Array {
  const { width, height, kind, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`a PNG needs a whole width and height of at least 1, got ${width} × ${height}`);
  }
  const channels = kind === "rgb" ? 3 : 1;
  if (pixels.length !== width * height * channels) {
    throw new Error(`a ${width} × ${height} ${kind} image needs ${width * height * channels} bytes, got ${pixels.length}`);
  }
  const chunks: Uint8Array[] = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  // IHDR: width, height, 8 bits per sample, colour type (0 gray, 2 RGB, 3 indexed), deflate, no filter method, no interlace.
  const header = new Uint8Array(13);
  writeUint32(header, 0, width);
  writeUint32(header, 4, height);
  header[8] = 8;
  header[9] = kind === "gray" ? 0 : kind === "rgb" ? 2 : 3;
  chunks.push(chunk("IHDR", header));
  if (kind === "indexed") {
    const palette = image.palette ?? [];
    if (palette.length < 1 || palette.length > 256) throw new Error(`an indexed PNG needs 1 to 256 palette colours, got ${palette.length}`);
    for (let i = 0; i < pixels.length; i++) {
      if (pixels[i] >= palette.length) throw new Error(`pixel ${i} uses colour ${pixels[i]}, but the palette has ${palette.length}`);
    }
    const bytes = new Uint8Array(3 * palette.length);
    palette.forEach((rgb, i) => bytes.set(rgb.map((v) => clampByte(v)), 3 * i));
    chunks.push(chunk("PLTE", bytes));
  }
  // Each row starts with its filter type; 0 means "none": the bytes as they are.
  const rowBytes = width * channels;
  const raw = new Uint8Array(height * (rowBytes + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  chunks.push(chunk("IDAT", storedZlib(raw)));
  chunks.push(chunk("IEND", new Uint8Array(0)));
  return concat(chunks);
}

/** The PNG as a data URL, for an <image href="…"> in a figure. */
export function pngDataUrl(image: PngImage): string {
  return `data:image/png;base64,${Buffer.from(encodePng(image)).toString("base64")}`;
}

/** A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, section 3.2.4), each at most 65,535 bytes. */
function storedZlib(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + 5 * blocks + data.length + 4);
  // 0x78 0x01: deflate with a 32 KB window, no preset dictionary, "fastest" (the header's check bits make 0x7801 a multiple of 31).
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const length = Math.min(65535, data.length - start);
    out[at] = b === blocks - 1 ? 1 : 0; // last-block flag; block type 00 (stored)
    out[at + 1] = length & 0xff;
    out[at + 2] = length >>> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >>> 8) & 0xff;
    out.set(data.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  writeUint32(out, at, adler32(data));
  return out;
}

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeUint32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  writeUint32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

/** The CRC-32 that PNG uses (polynomial 0xEDB88320, as in zlib and gzip). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The Adler-32 checksum that ends a zlib stream. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = (value >>> 24) & 0xff;
  bytes[at + 1] = (value >>> 16) & 0xff;
  bytes[at + 2] = (value >>> 8) & 0xff;
  bytes[at + 3] = value & 0xff;
}

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
