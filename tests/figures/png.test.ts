// The PNG encoder: valid files (checked by decoding them with zlib, an independent implementation),
// the right pixels, the checksums of the format, and the same bytes every time.
import { crc32 as zlibCrc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { adler32, crc32, encodePng, pngDataUrl } from "../../lib/figures/png";

/** Splits a PNG file into its chunks, checking each chunk's CRC with zlib's own crc32. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const out: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(zlibCrc32(bytes.subarray(at + 4, at + 8 + length)));
    out.push({ type, data });
    at += 12 + length;
  }
  expect(at).toBe(bytes.length);
  return out;
}

/** The pixel bytes of a PNG whose rows all use filter 0, as zlib inflates them. */
function decodedRows(png: Uint8Array, rowBytes: number): number[][] {
  const idat = Buffer.concat(chunks(png).filter((c) => c.type === "IDAT").map((c) => c.data));
  const raw = inflateSync(idat);
  const rows: number[][] = [];
  for (let at = 0; at < raw.length; at += rowBytes + 1) {
    expect(raw[at]).toBe(0);
    rows.push([...raw.subarray(at + 1, at + 1 + rowBytes)]);
  }
  return rows;
}

describe("crc32 and adler32", () => {
  it("agree with the published check values and with zlib", () => {
    const text = new TextEncoder().encode("123456789");
    expect(crc32(text)).toBe(0xcbf43926);
    expect(adler32(new TextEncoder().encode("Wikipedia"))).toBe(0x11e60398);
    // The CRC that ends every PNG file: the chunk type "IEND" with no data.
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
    const noise = Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24);
    expect(crc32(noise)).toBe(zlibCrc32(noise));
  });
});

describe("encodePng", () => {
  it("writes a gray image that zlib decodes to the same pixels", () => {
    const pixels = Uint8Array.from({ length: 3 * 2 }, (_, i) => i * 40);
    const png = encodePng({ width: 3, height: 2, kind: "gray", pixels });
    const [ihdr] = chunks(png);
    expect(ihdr.type).toBe("IHDR");
    expect([ihdr.data.readUInt32BE(0), ihdr.data.readUInt32BE(4), ihdr.data[8], ihdr.data[9]]).toEqual([3, 2, 8, 0]);
    expect(chunks(png).map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(decodedRows(png, 3)).toEqual([[0, 40, 80], [120, 160, 200]]);
  });

  it("writes RGB and indexed images with their palette", () => {
    const rgb = encodePng({ width: 1, height: 2, kind: "rgb", pixels: Uint8Array.from([255, 0, 0, 0, 0, 255]) });
    expect(decodedRows(rgb, 3)).toEqual([[255, 0, 0], [0, 0, 255]]);
    const indexed = encodePng({ width: 2, height: 2, kind: "indexed", pixels: Uint8Array.from([0, 1, 1, 0]), palette: [[238, 242, 246], [31, 58, 104]] });
    const parts = chunks(indexed);
    expect(parts.map((c) => c.type)).toEqual(["IHDR", "PLTE", "IDAT", "IEND"]);
    expect(parts[0].data[9]).toBe(3);
    expect([...parts[1].data]).toEqual([238, 242, 246, 31, 58, 104]);
    expect(decodedRows(indexed, 2)).toEqual([[0, 1], [1, 0]]);
  });

  it("splits data longer than a stored block (65,535 bytes) into several blocks", () => {
    const width = 300;
    const height = 250; // 250 rows of 301 bytes: 75,250 bytes, two blocks
    const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 7) % 256);
    const rows = decodedRows(encodePng({ width, height, kind: "gray", pixels }), width);
    expect(rows).toHaveLength(height);
    expect(rows[249]).toEqual([...pixels.subarray(249 * width)]);
  });

  it("gives the same bytes every time, as a data URL too", () => {
    const image = { width: 28, height: 28, kind: "gray" as const, pixels: Uint8Array.from({ length: 784 }, (_, i) => (i * 13) % 256) };
    expect(Buffer.from(encodePng(image)).equals(Buffer.from(encodePng(image)))).toBe(true);
    expect(pngDataUrl(image)).toBe(`data:image/png;base64,${Buffer.from(encodePng(image)).toString("base64")}`);
    // A 28×28 picture stays small: 28 rows of 29 bytes plus about 60 bytes of format.
    expect(encodePng(image).length).toBeLessThan(900);
  });

  it("refuses images whose sizes do not add up", () => {
    expect(() => encodePng({ width: 2, height: 2, kind: "rgb", pixels: new Uint8Array(4) })).toThrow("a 2 × 2 rgb image needs 12 bytes, got 4");
    expect(() => encodePng({ width: 0, height: 2, kind: "gray", pixels: new Uint8Array(0) })).toThrow("whole width and height");
    expect(() => encodePng({ width: 1, height: 1, kind: "indexed", pixels: Uint8Array.from([2]), palette: [[0, 0, 0]] })).toThrow("pixel 0 uses colour 2, but the palette has 1");
  });
});
