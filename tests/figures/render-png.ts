// npm run figures [-- <folder>] [-- --only <name-part>]: renders the example figures to PNG on a light
// and a dark page, so a person can look at them. Default folder: build/figures.
import { mkdirSync } from "node:fs";
import { screenshotFragments } from "../../lib/tools/browser";
import { loadExamples } from "./examples";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const out = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--only") ?? "build/figures";
  mkdirSync(out, { recursive: true });
  const examples = await loadExamples();
  const items = Object.entries(examples)
    .filter(([name]) => !only || name.includes(only))
    .flatMap(([name, make]) => {
      const html = make().html;
      return [
        { html, path: `${out}/${name}-light.png` },
        { html, path: `${out}/${name}-dark.png`, theme: "dark" as const },
      ];
    });
  await screenshotFragments(items);
  console.log(`wrote ${items.length} PNGs to ${out}/`);
}

main();
