import { readFileSync } from "node:fs";
import { screenshotFragments } from "../../lib/tools/browser";
const [file, out] = process.argv.slice(2);
screenshotFragments([{ html: readFileSync(file, "utf8"), path: out + "-light.png" }, { html: readFileSync(file, "utf8"), path: out + "-dark.png", theme: "dark" }]).then(() => console.log("ok"));
