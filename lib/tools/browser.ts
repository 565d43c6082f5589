// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for screenshots and
// browser tests. Never downloads a browser; keeps its profile and caches in a temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const flags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Opens Chromium with a throwaway profile, runs `job`, and always cleans up. */
export async function withBrowser<T>(job: (context: BrowserContext) => Promise<T>): Promise<T> {
  const { chromium } = await import("playwright-core");
  const home = mkdtempSync(join(tmpdir(), "course-chromium-"));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache") };
  const context = await chromium.launchPersistentContext(join(home, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    env: env as Record<string, string>,
    viewport: { width: 1100, height: 800 },
  });
  try {
    return await job(context);
  } finally {
    await context.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** Renders an HTML fragment on a light or dark page and saves a PNG of it. */
export async function screenshotFragments(
  items: { html: string; path: string; theme?: "light" | "dark" }[],
): Promise<void> {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    for (const item of items) {
      const dark = item.theme === "dark";
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><body style="margin:0;padding:16px;display:inline-block;` +
          `background:${dark ? "#111" : "#fff"};color:${dark ? "#e6e6e6" : "#111"};font-family:system-ui">` +
          `<div id="root">${item.html}</div></body>`,
      );
      await page.locator("#root").screenshot({ path: item.path });
    }
  });
}
