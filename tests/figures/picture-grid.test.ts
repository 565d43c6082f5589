// The two grids of pictures (imageGrid, rasterGrid) share their frame: bad input gets the same clear
// errors from both, in each grid's own words.
import { describe, expect, it } from "vitest";
import { imageGrid } from "../../lib/figures/images";
import { rasterGrid } from "../../lib/figures/raster-grid";

describe("picture grids: bad input", () => {
  it("needs at least one picture", () => {
    expect(() => imageGrid([])).toThrow("imageGrid needs at least one image");
    expect(() => rasterGrid([])).toThrow("rasterGrid needs at least one picture");
  });

  it("needs every picture the same size as the first", () => {
    const four = [0, 1, 1, 0];
    expect(() => imageGrid([{ pixels: four }, { pixels: [0, 1, 1] }])).toThrow("image 1 has 3 pixels; every image must have 4");
    expect(() => rasterGrid([{ pixels: four }, { pixels: [0, 1, 1, 0, 1] }])).toThrow("picture 1 has 5 values; every picture must have 4");
  });

  it("rasterGrid needs finite values", () => {
    expect(() => rasterGrid([{ pixels: [0, Number.NaN, 1, 0] }])).toThrow("picture 0 has NaN at position 1; every value must be a finite number");
  });
});
