// The course site's cells in the browser (lib/tools/site/live), in headless Chromium on the built site
// served as `npm start` serves it: bytes a page downloads before its first run and with it (as served,
// and gzipped as static hosts send them), the time from opening a page to its first cell's output, and
// Run all for notebooks 12 and 16 in the page against the same notebooks in the tslab kernel.
import { basename } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { withBrowser } from "../../lib/tools/browser";
import { courseNotebooks } from "../../lib/tools/notebooks/list";
import { NotebookPool } from "../../lib/tools/notebooks/runner";
import { buildSite, siteFolder } from "../../lib/tools/site/build";
import { serveSite } from "../../lib/tools/site/serve";
import { Measurement, median } from "./harness";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Counts what a page downloads: bytes as served and gzipped. */
function countBytes(page: Page): { raw: number; gzip: number; files: number; done: Promise<void>[] } {
  const counted = { raw: 0, gzip: 0, files: 0, done: [] as Promise<void>[] };
  page.on("response", (response) => {
    // The worker made from kernel.js's text (a blob: address) is no second download.
    if (!/^https?:/.test(response.url())) return;
    counted.done.push(
      response.body().then(
        (body) => {
          counted.raw += body.length;
          counted.gzip += gzipSync(body).length;
          counted.files++;
        },
        () => undefined,
      ),
    );
  });
  return counted;
}

async function openAndRunFirst(context: BrowserContext, url: string): Promise<{ beforeRun: { raw: number; gzip: number; files: number }; withRun: { raw: number; gzip: number; files: number }; firstOutputMs: number }> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  const bytes = countBytes(page);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.__nnLive !== undefined);
  await Promise.all(bytes.done);
  const beforeRun = { raw: bytes.raw, gzip: bytes.gzip, files: bytes.files };
  const firstOutputMs = await page.evaluate(async () => {
    const live = window.__nnLive!;
    const first = document.querySelector("section.cell.code");
    await live.runCell(live.cell(first!.id)!);
    return live.firstOutputAt ?? performance.now();
  });
  await Promise.all(bytes.done);
  await page.close();
  return { beforeRun, withRun: { raw: bytes.raw, gzip: bytes.gzip, files: bytes.files }, firstOutputMs };
}

async function runAllInPage(context: BrowserContext, url: string): Promise<{ ms: number; ok: boolean }> {
  const page = await context.newPage();
  page.setDefaultTimeout(0);
  await page.goto(url);
  await page.waitForFunction(() => window.__nnLive !== undefined);
  const result = await page.evaluate(async () => {
    const started = performance.now();
    const ok = await window.__nnLive!.runAll();
    return { ms: performance.now() - started, ok };
  });
  await page.close();
  return result;
}

export async function browserBenchmarks(runs = 3): Promise<Measurement[]> {
  const site = buildSite();
  const server = await serveSite(siteFolder, { port: 0 });
  const rows: Measurement[] = [];
  const pageUrl = (path: string) => `${server.url}${basename(path).replace(/\.ipynb$/, ".html")}`;
  const paths = courseNotebooks();
  const pick = (n: string) => paths.find((p) => basename(p).startsWith(n))!;
  try {
    await withBrowser(async (context) => {
      // The site's server sends every file again on each visit (Cache-Control: no-cache, no validators):
      // each opening downloads what a learner's first visit does.
      for (const n of ["00", "01", "12", "16"]) {
        const path = pick(n);
        const times: number[] = [];
        let last: Awaited<ReturnType<typeof openAndRunFirst>> | undefined;
        for (let k = 0; k < runs; k++) {
          last = await openAndRunFirst(context, pageUrl(path));
          times.push(last.firstOutputMs);
        }
        rows.push({
          name: `page ${basename(path)}: open → first cell's output`,
          medianMs: median(times),
          runs,
          extra: {
            "before a run": `${kb(last!.beforeRun.raw)} (${kb(last!.beforeRun.gzip)} gzipped, ${last!.beforeRun.files} files)`,
            "with the first run": `${kb(last!.withRun.raw)} (${kb(last!.withRun.gzip)} gzipped)`,
          },
        });
      }
      for (const n of ["12", "16"]) {
        const times: number[] = [];
        let ok = true;
        for (let k = 0; k < runs; k++) {
          const run = await runAllInPage(context, pageUrl(pick(n)));
          times.push(run.ms);
          ok &&= run.ok;
        }
        rows.push({ name: `Run all ${basename(pick(n))} in the browser (kernel start included)`, medianMs: median(times), runs, extra: ok ? {} : { failed: "yes" } });
      }
    });
  } finally {
    await server.close();
  }
  const pool = new NotebookPool(1, { fresh: true, compileCache: false });
  for (const n of ["12", "16"]) {
    const times: number[] = [];
    for (let k = 0; k < runs; k++) times.push((await pool.run(pick(n))).wallMs);
    rows.push({ name: `Run all ${basename(pick(n))} in the tslab kernel (fresh process, kernel start included)`, medianMs: median(times), runs });
  }
  pool.close();
  rows.push({ name: "site built (all pages and the runtime)", medianMs: site.ms, runs: 1, extra: { bytes: kb(site.bytes) } });
  return rows;
}
