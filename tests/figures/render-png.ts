// npm run figures [-- <folder>]: renders every example figure to PNG on a light and a dark page, so a
// person can look at them. Default folder: build/figures.
import { mkdirSync } from "node:fs";
import { screenshotFragments } from "../../lib/tools/browser";
import { examples } from "./examples";

const out = process.argv[2] ?? "build/figures";
mkdirSync(out, { recursive: true });
const items = Object.entries(examples).flatMap(([name, make]) => {
  const html = make().html;
  return [
    { html, path: `${out}/${name}-light.png` },
    { html, path: `${out}/${name}-dark.png`, theme: "dark" as const },
  ];
});
screenshotFragments(items).then(() => console.log(`wrote ${items.length} PNGs to ${out}/`));
