// npm run build [-- <notebook.ipynb> …]: renders the course (or the notebooks named) to a static
// site in build/site/: one page per notebook, a table of contents, a stylesheet.
import { relative, resolve } from "node:path";
import { courseNotebooks, repoRoot } from "../notebooks/list";
import { buildSite, siteFolder } from "./build";

const base = process.env.INIT_CWD ?? process.cwd();
const named = process.argv.slice(2).filter((a) => !a.startsWith("--")).map((a) => resolve(base, a));
const site = buildSite(named.length ? named : courseNotebooks(), siteFolder);
for (const page of site.pages) console.log(`  ${page.file}`);
console.log(`Built ${site.pages.length} pages and a table of contents in ${relative(repoRoot, site.folder)}/ (${(site.bytes / 1024).toFixed(0)} KB, ${site.ms} ms).`);
console.log(`Open ${relative(base, resolve(site.folder, "index.html"))} in a browser, or run npm start when Jupyter is not installed.`);
