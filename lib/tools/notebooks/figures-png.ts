// npm run notebook-figures -- <notebook.ipynb> …: renders every figure stored in the notebooks' outputs
// to PNG, on a light and a dark page, into build/notebook-figures/<notebook>/, so a person can look at
// each one. Run `npm run notebooks` first so the stored outputs are fresh.
import { mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { screenshotFragments } from "../browser";
import { joinText, readNotebook } from "./ipynb";
import { repoRoot } from "./list";

async function main(): Promise<void> {
  const paths = process.argv.slice(2).map((p) => resolve(p));
  if (!paths.length) throw new Error("usage: npm run notebook-figures -- <notebook.ipynb> …");
  const items: { html: string; path: string; theme?: "light" | "dark" }[] = [];
  for (const path of paths) {
    const out = join(repoRoot, "build", "notebook-figures", basename(path, ".ipynb"));
    mkdirSync(out, { recursive: true });
    readNotebook(path).cells.forEach((cell, index) => {
      (cell.outputs ?? []).forEach((output, k) => {
        if (output.output_type !== "display_data" || !output.data["text/html"]) return;
        const html = joinText(output.data["text/html"]);
        const stem = join(out, `cell-${String(index + 1).padStart(2, "0")}-${cell.id}-${k + 1}`);
        items.push({ html, path: `${stem}-light.png` }, { html, path: `${stem}-dark.png`, theme: "dark" });
      });
    });
  }
  await screenshotFragments(items);
  for (const item of items) console.log(item.path);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
